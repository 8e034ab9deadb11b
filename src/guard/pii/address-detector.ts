/**
 * Rule-based ADDRESS detector for German-style ("Musterstraße 12, 80331 München") and
 * US-style ("123 Main St, Springfield, IL 62704") postal addresses, plus UK postcodes.
 * A street and house number without a postcode counts only after an address label, since
 * product names such as "Höhenweg 38" look the same.
 * @module
 */
import { labelledBefore } from './context.js';
import { windowedMatches } from './windowed-matches.js';
import type { PiiDetector, PiiMatch } from './types.js';

const germanSuffix =
  '(?:[Ss]tra(?:ß|ss)e|[Ss]tr\\.|[Ww]eg|[Pp]latz|[Aa]llee|[Gg]asse|[Rr]ing|[Dd]amm|[Uu]fer|' +
  '[Cc]haussee|[Pp]romenade|[Ss]teig|[Kk]ai)';
const germanStreet =
  '(?:' +
  `\\p{Lu}[\\p{L}-]*?${germanSuffix}` +
  `|(?:Am|An der|Auf der|Auf dem|Im|In der|Zum|Zur|\\p{Lu}\\p{Ll}+(?:er|e|es)) ` +
  `(?:\\p{Lu}\\p{Ll}+ )?(?:Stra(?:ß|ss)e|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm|Markt|Ufer|` +
  `Graben|Berg|Hof|Anger|Steig)` +
  ')';
const houseNumber = '\\d{1,4}(?: ?[a-zA-Z](?![\\p{L}]))?(?:[-–/]\\d{1,4}[a-z]?)?';
const germanCity =
  '(?:(?:Bad|Sankt|St\\.|Neu|Groß|Klein) )?\\p{Lu}[\\p{L}-]+' +
  '(?: (?:am|an der|im|ob der|bei|in|an) \\p{Lu}[\\p{L}-]+| \\(\\p{Lu}[\\p{L}.]+\\)| a\\. ?M\\.)?';
const germanPostcode = '(?:(?:D|A|CH)-)?\\d{4,5}';

const germanAddress = new RegExp(
  `(?<![\\p{L}\\p{N}])${germanStreet} ${houseNumber}` +
    `((?:,[ \\t]*|[ \\t]*\\n[ \\t]*|[ \\t]+)${germanPostcode} ${germanCity})?(?![\\p{L}\\p{N}])`,
  'gu',
);

const usSuffix =
  '(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|' +
  'Terrace|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq)';
const usStates =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|' +
  'NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const usStreetName = "(?:\\p{Lu}[\\p{L}'.-]*|\\d+(?:st|nd|rd|th))";
const unit = '(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor)\\.? ?#?[\\w-]+|,? #[\\w-]+)';
const usCity = "\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,2}";
const ukPostcode = '[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}';

const englishAddress = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,6}[A-Z]? (?:[NSEW]\\.? |(?:North|South|East|West) )?` +
    `(?:${usStreetName} ){1,3}${usSuffix}\\.?${unit}?` +
    `((?:,[ \\t]*|[ \\t]*\\n[ \\t]*)${usCity}` +
    `(?:,? (?:${usStates}) \\d{5}(?:-\\d{4})?|(?:, \\p{Lu}\\p{Ll}+)?,? ${ukPostcode}))?` +
    '(?![\\p{L}\\p{N}])',
  'gu',
);

const addressLabel = new RegExp(
  [
    String.raw`\b(?:adresse|anschrift|wohne|wohnhaft|wohnt|lieferadresse|rechnungsadresse`,
    String.raw`|liefer\w*|address|live at|lives at|ship(?:ped)? to|deliver(?:ed)? to`,
    String.raw`|send (?:it )?to)\b`,
  ].join(''),
  'i',
);

/** Cheap anchors: a street suffix before a house number; an English street word. */
const germanAnchor = new RegExp(
  [
    String.raw`(?:tra(?:ß|ss)e|[Ss]tr\.|[Ww]eg|[Pp]latz|[Aa]llee|[Gg]asse|[Rr]ing|[Dd]amm`,
    String.raw`|[Uu]fer|[Cc]haussee|[Pp]romenade|[Ss]teig|[Kk]ai|Markt|Graben|Berg|Hof|Anger) \d`,
  ].join(''),
  'g',
);
const englishAnchor = new RegExp(`\\b${usSuffix}\\b`, 'g');

function addressMatches(text: string, anchor: RegExp, pattern: RegExp, rule: string): PiiMatch[] {
  return windowedMatches(text, anchor, pattern, 60, 80).flatMap((match): PiiMatch[] => {
    const start = match.start;
    // Group 1 is the postcode and town.
    const complete = match.groups[0] !== undefined;
    const labelled = labelledBefore(text, start, addressLabel, 40);
    if (!complete && !labelled) return [];
    const score = complete ? (labelled ? 0.95 : 0.85) : 0.6;
    return [{ type: 'ADDRESS', start, end: start + match.text.length, score, rule }];
  });
}

export const addressDetector: PiiDetector = {
  type: 'ADDRESS',
  detect: (text) => {
    if (!/\d/.test(text)) return [];
    return [
      ...addressMatches(text, germanAnchor, germanAddress, 'pii.address.de'),
      ...addressMatches(text, englishAnchor, englishAddress, 'pii.address.en'),
    ];
  },
};
