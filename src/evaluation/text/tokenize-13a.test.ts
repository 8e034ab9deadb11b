import { describe, expect, it } from 'vitest';
import { splitWhitespace, tokenize13a, trimEndWhitespace } from './tokenize-13a.js';

describe('tokenize13a', () => {
  it('separates sentence punctuation from words but keeps the apostrophe', () => {
    expect(tokenize13a('The dog bit the man.')).toBe('The dog bit the man .');
    expect(tokenize13a("It wasn't (really) surprising!")).toBe("It wasn't ( really ) surprising !");
  });

  it('keeps decimal points and thousands commas between digits', () => {
    expect(tokenize13a('It costs 2.5 euros, not 3,000.')).toBe('It costs 2.5 euros , not 3,000 .');
    // The space added before the line counts as a non-digit, so a leading ".5" still splits.
    expect(tokenize13a('.5 and 5.')).toBe('. 5 and 5 .');
  });

  it('splits a dash only after a digit', () => {
    expect(tokenize13a('pages 1-2 of a well-known text')).toBe('pages 1 - 2 of a well-known text');
  });

  it('unescapes the four XML entities and then tokenizes what they stand for', () => {
    expect(tokenize13a('&quot;A&amp;B&quot; &lt;tag&gt;')).toBe('" A & B " < tag >');
  });

  it('drops <skipped>, joins hyphenated line breaks and does not lowercase', () => {
    expect(tokenize13a('Hello <skipped>World, re-\nturn\nnow')).toBe('Hello World , return now');
  });

  it('leaves letters outside ASCII, such as umlauts and emoji, inside their words', () => {
    expect(tokenize13a('Grüße aus Köln 😀!')).toBe('Grüße aus Köln 😀 !');
  });
});

describe('Python whitespace rules', () => {
  it('splits where str.split() does, including no-break and ideographic space', () => {
    expect(splitWhitespace(' a\u00a0b\u3000c\x1cd\te \n')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitWhitespace('')).toEqual([]);
  });

  it('does not treat the byte-order mark as whitespace, as Python does not', () => {
    expect(splitWhitespace('a\ufeffb')).toEqual(['a\ufeffb']);
  });

  it('trims only the end', () => {
    expect(trimEndWhitespace('  a b \u2003\n')).toBe('  a b');
  });
});
