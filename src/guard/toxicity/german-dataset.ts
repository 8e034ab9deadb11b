/**
 * German profanity, insults, slurs and threats in obscenity's pattern syntax. Patterns
 * are written for text after the German transformers: lower case, umlauts and ß folded
 * (ä→a, ß→s) and every run of a repeated letter collapsed ("Scheiße", "Scheisse" and
 * "scheeeiiisse" all become "scheise"). `|` at an end asserts a word boundary; whitelisted
 * terms (folded, not collapsed) protect innocent words that contain a pattern
 * ("Schwanzflosse", "misst").
 * @module
 */

import {
  DataSet,
  collapseDuplicatesTransformer,
  parseRawPattern,
  remapCharactersTransformer,
  resolveConfusablesTransformer,
  resolveLeetSpeakTransformer,
  toAsciiLowerCaseTransformer,
} from 'obscenity';

import type { ToxicityCategory, ToxicityMetadata } from './toxicity-category.js';

type Entry = [word: string, category: ToxicityCategory, patterns: string[], whitelist?: string[]];

const entries: Entry[] = [
  ['Scheiße', 'profanity', ['scheis', 'schais'], []],
  ['Arsch', 'profanity', ['|arsch', 'arschloch', 'arschgeige'], []],
  ['ficken', 'sexual', ['|fick', 'gefickt', 'fickt|', 'verfick'], []],
  ['Fotze', 'sexual', ['fotze'], []],
  ['Schwanz', 'sexual', ['|schwanz|', 'schwanzlutscher'], ['schwanzflosse', 'schwanzfeder']],
  ['Titten', 'sexual', ['|titen'], []],
  ['Muschi', 'sexual', ['|muschi|'], []],
  ['Pisse', 'profanity', ['|pise|', '|pisen|', 'verpis', 'angepist', 'pisnelke'], []],
  ['Kacke', 'profanity', ['|kack'], ['kackerlake']],
  ['Wichser', 'insult', ['wichser', 'wixer', '|wichs'], []],
  ['Hure', 'insult', ['|hure|', 'hurensohn', 'hurenkind'], []],
  ['Schlampe', 'insult', ['schlampe'], []],
  ['Missgeburt', 'insult', ['misgeburt'], []],
  ['Drecksau', 'insult', ['drecksau', 'dreckskerl', 'drecksack', 'dreckstuck'], []],
  ['Mistkerl', 'insult', ['mistkerl', 'miststuck'], []],
  ['Mist', 'profanity', ['|mist|'], ['misst']],
  ['verdammt', 'profanity', ['|verdamt', 'beschisen', 'beschis|'], []],
  ['Idiot', 'insult', ['|idiot', 'volidiot'], ['idiotensicher']],
  ['Vollpfosten', 'insult', ['volpfosten', 'volhonk', '|dep|', '|trotel', 'blodman'], []],
  ['Spast', 'insult', ['|spast|', '|spasti|', '|spastis'], []],
  ['Penner', 'insult', ['|pener|'], []],
  ['Bastard', 'insult', ['|bastard|'], []],
  [
    'halt die Klappe',
    'insult',
    ['halt die klape', 'halts maul', "halt's maul", 'halt die frese'],
    [],
  ],
  ['verpiss dich', 'insult', ['verpis dich'], []],
  ['Schwuchtel', 'slur', ['schwuchtel'], []],
  ['Kanake', 'slur', ['kanake'], []],
  ['Neger', 'slur', ['|neger'], []],
  ['Zigeuner', 'slur', ['zigeuner'], []],
  ['Untermensch', 'slur', ['untermensch', 'abschaum'], []],
  ['bring dich um', 'threat', ['bring dich um', 'geh sterben', 'ich bring dich um'], []],
  ['ich töte dich', 'threat', ['ich tote dich', 'ich mach dich kalt'], []],
  // English swearing that German copy quotes, limited to words that cannot be German ("dick"
  // is thick, "Kanal" contains "anal", "schwanken" contains "wank").
  ['fuck', 'profanity', ['fuck', '|fck|', 'motherfucker'], []],
  ['shit', 'profanity', ['|shit', 'bulshit'], ['shiitake']],
  ['bitch', 'profanity', ['|bitch'], []],
  ['cunt', 'sexual', ['|cunt'], []],
  ['slut', 'sexual', ['|slut|', '|sluts|'], []],
  ['whore', 'sexual', ['|whore'], []],
  ['twat', 'sexual', ['|twat|'], []],
  ['bollocks', 'profanity', ['|bolocks|'], []],
  ['nigger', 'slur', ['nigger', '|nigga'], []],
  ['kill yourself', 'threat', ['kil yourself', '|kys|'], []],
];

/** The German lexicon as an obscenity dataset with word and category per phrase. */
export const germanDataset = new DataSet<ToxicityMetadata>();
for (const [word, category, patterns, whitelist = []] of entries) {
  germanDataset.addPhrase((phrase) => {
    phrase.setMetadata({ word, category });
    for (const source of patterns) phrase.addPattern(parseRawPattern(source));
    for (const term of whitelist) phrase.addWhitelistedTerm(term);
    return phrase;
  });
}

const foldUmlauts = remapCharactersTransformer({ a: 'äÄ', o: 'öÖ', u: 'üÜ', s: 'ß' });

/** Transformers for the German dataset: umlauts, confusables, leet, case, repeated letters. */
export const germanTransformers = {
  blacklistMatcherTransformers: [
    foldUmlauts,
    resolveConfusablesTransformer(),
    resolveLeetSpeakTransformer(),
    toAsciiLowerCaseTransformer(),
    // Two g stay two: no German entry has "gg", and one English slur needs them.
    collapseDuplicatesTransformer({ defaultThreshold: 1, customThresholds: new Map([['g', 2]]) }),
  ],
  // Whitelisted words are matched as spelt (only folded), so "misst" can protect itself
  // without "Mist" becoming innocent.
  whitelistMatcherTransformers: [foldUmlauts, toAsciiLowerCaseTransformer()],
};
