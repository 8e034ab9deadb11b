import { describe, expect, it } from 'vitest';

import { parsePolicy } from '../policy/load-policy.js';
import { parseClaimPattern } from './claim-pattern.js';
import { detectClaims } from './detect-claims.js';

const policy = parsePolicy({
  version: 1,
  claim_rules: [
    {
      id: 'en.sup',
      category: 'absolute_claim',
      lang: 'en',
      patterns: ['<superlative> ~5 world|ever'],
      except: ['we ~2 ever'],
    },
    { id: 'de.sup', category: 'absolute_claim', lang: 'de', patterns: ['<superlative> ~4 welt'] },
    { id: 'en.free', category: 'misleading_free', lang: 'en', patterns: ['at no cost'] },
  ],
});

const texts = (text: string, lang: 'en' | 'de') =>
  detectClaims(text, { lang, policy }).map((finding) => finding.text);

describe('word classes in claim patterns', () => {
  it('matches a superlative of any adjective, English "-est" and "most", German "-ste(n)"', () => {
    expect(texts('The comfiest boot in the world. The most durable tent ever.', 'en')).toEqual([
      'comfiest boot in the world',
      'most durable tent ever',
    ]);
    expect(texts('Der bequemste Schuh der Welt, die wärmsten Socken der Welt.', 'de')).toEqual([
      'bequemste Schuh der Welt',
      'wärmsten Socken der Welt',
    ]);
  });

  it('skips words that only end like a superlative, and honours exceptions', () => {
    expect(texts('The largest forest in the world.', 'en')).toEqual([
      'largest forest in the world',
    ]);
    expect(texts('A forest in the world. The lightest we have ever made.', 'en')).toEqual([]);
    expect(texts('Die Kosten der Welt. Das Fenster der Welt.', 'de')).toEqual([]);
  });

  it('rejects an unknown class with a message that lists the known ones', () => {
    expect(() => parseClaimPattern('<adjective> ever')).toThrow(/<superlative>/);
  });

  it('does not let a pattern negate itself, but a negation before it still counts', () => {
    expect(texts('Get the lamp at no cost.', 'en')).toEqual(['at no cost']);
    expect(texts('It is not at no cost.', 'en')).toEqual([]);
  });
});
