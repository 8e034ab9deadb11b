/**
 * Rule-based PERSON detector: honorifics ("Frau Berger", "Mr O'Neill"), labels ("Name:"),
 * a known first name followed by a capitalised surname, a known first name after a greeting
 * or before a sign-off, and (weakest) a known first name on its own mid-sentence. A
 * capitalised word that is not a known first name counts only after an honorific or label.
 * @module
 */
import { firstNames } from './lexicons/first-names.js';
import type { PiiDetector, PiiMatch } from './types.js';

/** A capitalised name word: "Müller", "O'Neill", "McKay", "Meyer-Lansky". */
const nameWord = "(?:O'|Mc|Mac)?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
const particle = '(?:von|van|de|der|den|zu|di|da|du|le|ten|vom|zur)';
/** Every known first name as a regular-expression alternation, longest first. */
const firstNameAlternatives = [...firstNames]
  .sort((first, second) => second.length - first.length)
  .join('|');
/** First names that are also everyday words or brands, never taken on their own. */
const ambiguousFirstNameList = `Mark Will May Grace Rose Art Bill Frank Max Can Ali Ben Jack Tom
  Paul Victoria Madison Austin Jordan Georgia Holly Amber Ruth Hazel Logan Mason Hannes Ella Mia
  Ava Eva Lea Ina Ida Pia Kim Sam Dan Rob Nick Andy Joe Luke Tim Kai Finn Ole Mats Till Theo Carl
  Chris Alex Jess Meg Molly Poppy Hope Faith Joy Summer Autumn Dawn Sky Robin Angel Milan Sofia
  Harper Avery Jamie Kelly`;
const ambiguousFirstNames = new Set(ambiguousFirstNameList.split(/\s+/));
const loneFirstNameAlternatives = [...firstNames]
  .filter((name) => !ambiguousFirstNames.has(name))
  .sort((first, second) => second.length - first.length)
  .join('|');
/** One to three name words, particles allowed between them, on one line. */
const nameRun = `${nameWord}(?:[ \\t]+(?:${particle}[ \\t]+)*${nameWord}){0,2}`;

const honorific =
  '(?:Herrn?|Frau|Fr\\.|Hr\\.|Dr\\.|Prof\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Mx\\.?|Sir|Madam|Dame)' +
  '(?:[ \\t]+(?:Dr\\.|Prof\\.|Dipl\\.-Ing\\.|med\\.|rer\\. nat\\.|phil\\.|jur\\.))*';
const label =
  '(?:Name|Vorname|Nachname|Kunde|Kundin|Customer|Contact|Kontaktperson|Ansprechpartner(?:in)?|' +
  'Absender|Empfänger|Recipient|Sender|Inhaber(?:in)?|Karteninhaber(?:in)?|Cardholder|' +
  'Kontoinhaber(?:in)?|Account holder|Autor(?:in)?|Author|Verfasser(?:in)?|Patient(?:in)?|' +
  'Mitarbeiter(?:in)?|Agent|Bearbeiter(?:in)?)';
const introduction =
  "(?:[Mm]ein Name ist|[Ii]ch heiße|[Ii]ch bin|[Mm]y name is|I'm|I am|[Tt]his is|[Hh]ier ist|" +
  '[Hh]ier spricht|[Nn]ame is)';
const greeting = '(?:Hallo|Hi|Hey|Liebe|Lieber|Dear|Servus|Moin|Guten Tag|Hello|Grüß Gott)';
const signOff =
  '(?:[Gg]rüße|[Gg]ruß|[Gg]rüßen|[Rr]egards|[Ww]ishes|Cheers|Best|Thanks|Danke|LG|VG|' +
  'Sincerely|Yours|[Tt]hank you|Ciao|Tschüss)';

interface PersonPattern {
  rule: string;
  /** Group 1 is the name. */
  pattern: RegExp;
  score: number;
  /** Whether the first word must be a known first name. */
  needsFirstName: boolean;
  minWords?: number;
}

const patterns: PersonPattern[] = [
  {
    rule: 'pii.person.honorific',
    pattern: new RegExp(`\\b${honorific}[ \\t]+(${nameRun})`, 'gu'),
    score: 0.9,
    needsFirstName: false,
  },
  {
    rule: 'pii.person.label',
    pattern: new RegExp(`\\b${label}[ \\t]*:[ \\t]*(${nameRun})`, 'gu'),
    score: 0.9,
    needsFirstName: false,
  },
  {
    rule: 'pii.person.introduction',
    pattern: new RegExp(`\\b${introduction}[ \\t]+(${nameRun})`, 'gu'),
    score: 0.8,
    needsFirstName: true,
  },
  {
    rule: 'pii.person.greeting',
    pattern: new RegExp(`\\b${greeting}[ \\t]+(${nameRun})(?=[ \\t]*[,!\\n]|$)`, 'gu'),
    score: 0.75,
    needsFirstName: true,
  },
  {
    rule: 'pii.person.sign-off',
    pattern: new RegExp(`\\b${signOff}[,!]?[ \\t]*\\n?[ \\t]*(${nameRun})`, 'gu'),
    score: 0.7,
    needsFirstName: true,
  },
  {
    // A vocative at the start of a line ("Samantha, your order …") or "Julia here".
    rule: 'pii.person.vocative',
    pattern: new RegExp(`(?:^|\\n|[.!?] )(${nameWord})(?=, |[ \\t]+here\\b)`, 'gu'),
    score: 0.7,
    needsFirstName: true,
  },
  {
    rule: 'pii.person.first-name',
    // Starts only at a known first name: far cheaper than trying every capitalised word.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}'])((?:${firstNameAlternatives})` +
        `(?:[ \\t]+(?:${particle}[ \\t]+)*${nameWord}){1,2})`,
      'gu',
    ),
    score: 0.8,
    needsFirstName: true,
    minWords: 2,
  },
  {
    // A known first name on its own, not at a sentence start and not followed by another
    // capitalised word: likely a person, but weakest of the rules.
    rule: 'pii.person.lone-first-name',
    pattern: new RegExp(
      `(?<=[\\p{Ll},;:–-][ \\t]+)(${loneFirstNameAlternatives})` +
        `(?![\\p{L}\\p{N}'’-]|[ \\t]+\\p{Lu})`,
      'gu',
    ),
    score: 0.5,
    needsFirstName: true,
  },
];

/** Capitalised words that are not surnames: pronouns, articles, greetings, weekdays. */
const notNames = new Set(
  `Sie Ihr Ihre Ihnen Ihren Der Die Das Den Dem Des Ein Eine Einen Und Oder Aber Wir Ich Er Es
  Mit Von Für Bei Im Am Zum Zur Auf In An Aus Nach Vor Hallo Danke Grüße Gruß Team Kundenservice
  Service Support Kundendienst Viele Beste Liebe Lieber Herr Frau The And Or But We You He She It
  From To With For At On Of By Thanks Hi Hello Dear Regards Best Customer Care Montag Dienstag
  Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday Wednesday Thursday Friday Saturday
  Sunday Januar Februar März April Mai Juni Juli August September Oktober November Dezember
  January February March June July October December Bitte Please Wie How Was What Wann When
  Hier Here Dann Then Heute Today Morgen Tomorrow Gestern Yesterday Leider Unfortunately Vielen
  Many Schöne Good Guten Nice Great Happy Frohe Merry Also So Ja Yes Nein No Okay Ok Alles All
  Ist Is Hat Has Kann Can Will Would Ihres Euer Eure Euch Dein Deine Dir Dich Du Mein Meine Mir
  Mich Uns Unser Unsere Bergfink Dr Prof Mr Mrs Ms Mx Herrn`.split(/\s+/),
);

function isNameRun(run: string, needsFirstName: boolean): boolean {
  const words = run.split(/[ \t]+/).filter((word) => /^\p{Lu}|^O'|^Mc/u.test(word));
  if (words.some((word) => notNames.has(word))) return false;
  return !needsFirstName || firstNames.has(words[0] ?? '');
}

export const personDetector: PiiDetector = {
  type: 'PERSON',
  detect: (text) => {
    const found: PiiMatch[] = [];
    for (const { rule, pattern, score, needsFirstName, minWords = 1 } of patterns) {
      for (const match of text.matchAll(pattern)) {
        const run = match[1] ?? '';
        const start = match.index + match[0].length - run.length;
        const trimmed = trimToNames(run, needsFirstName);
        if (trimmed === undefined || trimmed.split(/[ \t]+/).length < minWords) continue;
        found.push({ type: 'PERSON', start, end: start + trimmed.length, score, rule });
      }
    }
    return found;
  },
};

/** The longest leading part of a run of name words that passes the checks. */
function trimToNames(run: string, needsFirstName: boolean): string | undefined {
  let current = run;
  for (;;) {
    if (isNameRun(current, needsFirstName)) return current;
    const lastSpace = current.search(/[ \t]+\S*$/);
    if (lastSpace <= 0) return undefined;
    current = current.slice(0, lastSpace).replace(new RegExp(`(?:[ \\t]+${particle})+$`), '');
  }
}
