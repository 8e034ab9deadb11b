/**
 * The Porter stemmer in the variant NLTK uses by default (`NLTK_EXTENSIONS`), which is the
 * stemmer Google's `rouge-score` applies. Matching it rule for rule keeps our ROUGE figures
 * comparable with published ones.
 * @module
 */

type Condition = (stem: string) => boolean;
type Rule = readonly [suffix: string, replacement: string, condition: Condition | null];

/** Words NLTK maps directly, bypassing the rules. */
const irregularForms: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

function isConsonant(word: string, index: number): boolean {
  const letter = word[index];
  if (letter === undefined || vowels.has(letter)) return false;
  if (letter !== 'y') return true;
  return index === 0 ? true : !isConsonant(word, index - 1);
}

/** Porter's m: the number of vowel-consonant sequences in the stem. */
function measure(stem: string): number {
  let count = 0;
  for (let index = 1; index < stem.length; index += 1) {
    if (!isConsonant(stem, index - 1) && isConsonant(stem, index)) count += 1;
  }
  return count;
}

const hasPositiveMeasure: Condition = (stem) => measure(stem) > 0;
const hasMeasureAboveOne: Condition = (stem) => measure(stem) > 1;

function containsVowel(stem: string): boolean {
  for (let index = 0; index < stem.length; index += 1) {
    if (!isConsonant(stem, index)) return true;
  }
  return false;
}

function endsWithDoubleConsonant(word: string): boolean {
  const length = word.length;
  return length >= 2 && word[length - 1] === word[length - 2] && isConsonant(word, length - 1);
}

/** Consonant-vowel-consonant ending; NLTK also counts a two-letter vowel-consonant word. */
function endsWithCvc(word: string): boolean {
  const length = word.length;
  if (length === 2) return !isConsonant(word, 0) && isConsonant(word, 1);
  return (
    length >= 3 &&
    isConsonant(word, length - 3) &&
    !isConsonant(word, length - 2) &&
    isConsonant(word, length - 1) &&
    !['w', 'x', 'y'].includes(word[length - 1] ?? '')
  );
}

/** The first rule whose suffix matches decides; a failed condition leaves the word as it is. */
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === '*d' && endsWithDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

function step1a(word: string): string {
  if (word.endsWith('ies') && word.length === 4) return word.slice(0, -3) + 'ie';
  return applyRules(word, [
    ['sses', 'ss', null],
    ['ies', 'i', null],
    ['ss', 'ss', null],
    ['s', '', null],
  ]);
}

function step1b(word: string): string {
  if (word.endsWith('ied')) return word.slice(0, -3) + (word.length === 4 ? 'ie' : 'i');
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }

  const suffix = ['ed', 'ing'].find(
    (candidate) => word.endsWith(candidate) && containsVowel(word.slice(0, -candidate.length)),
  );
  if (suffix === undefined) return word;

  const stem = word.slice(0, -suffix.length);
  const lastLetter = stem[stem.length - 1] ?? '';
  return applyRules(stem, [
    ['at', 'ate', null],
    ['bl', 'ble', null],
    ['iz', 'ize', null],
    ['*d', lastLetter, () => !['l', 's', 'z'].includes(lastLetter)],
    ['', 'e', (rest) => measure(rest) === 1 && endsWithCvc(rest)],
  ]);
}

function step1c(word: string): string {
  return applyRules(word, [
    ['y', 'i', (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1)],
  ]);
}

function step2(word: string): string {
  // NLTK applies 'alli' -> 'al' first and runs the result through this step again.
  if (word.endsWith('alli') && hasPositiveMeasure(word.slice(0, -4))) {
    return step2(word.slice(0, -4) + 'al');
  }
  const suffixes: readonly (readonly [string, string])[] = [
    ['ational', 'ate'],
    ['tional', 'tion'],
    ['enci', 'ence'],
    ['anci', 'ance'],
    ['izer', 'ize'],
    ['bli', 'ble'],
    ['alli', 'al'],
    ['entli', 'ent'],
    ['eli', 'e'],
    ['ousli', 'ous'],
    ['ization', 'ize'],
    ['ation', 'ate'],
    ['ator', 'ate'],
    ['alism', 'al'],
    ['iveness', 'ive'],
    ['fulness', 'ful'],
    ['ousness', 'ous'],
    ['aliti', 'al'],
    ['iviti', 'ive'],
    ['biliti', 'ble'],
    ['fulli', 'ful'],
  ];
  const rules: Rule[] = suffixes.map(([suffix, replacement]) => [
    suffix,
    replacement,
    hasPositiveMeasure,
  ]);
  // The 'l' of 'logi' counts towards the stem, so short stems such as 'geo' still qualify.
  rules.push(['logi', 'log', () => hasPositiveMeasure(word.slice(0, -3))]);
  return applyRules(word, rules);
}

function step3(word: string): string {
  return applyRules(word, [
    ['icate', 'ic', hasPositiveMeasure],
    ['ative', '', hasPositiveMeasure],
    ['alize', 'al', hasPositiveMeasure],
    ['iciti', 'ic', hasPositiveMeasure],
    ['ical', 'ic', hasPositiveMeasure],
    ['ful', '', hasPositiveMeasure],
    ['ness', '', hasPositiveMeasure],
  ]);
}

function step4(word: string): string {
  const plain = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent'];
  const later = ['ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
  const rules: Rule[] = [
    ...plain.map((suffix): Rule => [suffix, '', hasMeasureAboveOne]),
    ['ion', '', (stem) => measure(stem) > 1 && ['s', 't'].includes(stem[stem.length - 1] ?? '')],
    ...later.map((suffix): Rule => [suffix, '', hasMeasureAboveOne]),
  ];
  return applyRules(word, rules);
}

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const stemMeasure = measure(stem);
  if (stemMeasure > 1 || (stemMeasure === 1 && !endsWithCvc(stem))) return stem;
  return word;
}

function step5b(word: string): string {
  return applyRules(word, [['ll', 'l', () => measure(word.slice(0, -1)) > 1]]);
}

/**
 * Stems one word as NLTK's `PorterStemmer().stem(word)` does: lowercases it, maps a few
 * irregular forms directly, leaves words of one or two letters alone, then runs the five steps.
 */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  const irregular = irregularForms.get(lower);
  if (irregular !== undefined) return irregular;
  if (lower.length <= 2) return lower;

  const steps = [step1a, step1b, step1c, step2, step3, step4, step5a, step5b];
  return steps.reduce((current, step) => step(current), lower);
}
