import { describe, expect, it } from 'vitest';
import type { GuardFinding } from '../finding.js';
import { resolveOverlaps } from './resolve-overlaps.js';

function finding(overrides: Partial<GuardFinding> & Pick<GuardFinding, 'type'>): GuardFinding {
  return { start: 0, end: 10, text: '', score: 0.9, rule: 'r', action: 'mask', ...overrides };
}

describe('resolveOverlaps', () => {
  it('keeps the longer personal data span over a shorter one of another type inside it', () => {
    const iban = finding({ type: 'IBAN', start: 5, end: 27 });
    const phone = finding({ type: 'PHONE', start: 9, end: 20, score: 0.99 });

    expect(resolveOverlaps([phone, iban])).toEqual([iban]);
  });

  it('breaks a tie in length by the stricter action, then the higher score', () => {
    const flagged = finding({ type: 'PERSON', action: 'flag', score: 0.5 });
    const masked = finding({ type: 'ADDRESS', action: 'mask', score: 0.99 });
    const surer = finding({ type: 'EMAIL', action: 'flag', score: 0.8 });

    expect(resolveOverlaps([masked, flagged, surer])).toEqual([surer]);
  });

  it('lets a claim and a brand term share words, and drops exact duplicates only', () => {
    const claimA = finding({ type: 'CLAIM', start: 0, end: 12, action: 'flag' });
    const claimB = finding({ type: 'CLAIM', start: 0, end: 12, action: 'flag', score: 0.5 });
    const brand = finding({ type: 'BRAND_TERM', start: 4, end: 12, action: 'flag' });
    const email = finding({ type: 'EMAIL', start: 2, end: 8 });

    expect(resolveOverlaps([claimB, brand, claimA, email])).toEqual([claimA, email, brand]);
  });

  it('keeps two missing disclaimers for different categories at the same place', () => {
    const sun = finding({
      type: 'DISCLAIMER_MISSING',
      start: 20,
      end: 20,
      details: { category: 'sun-protection' },
    });
    const kids = { ...sun, details: { category: 'kids' } };

    expect(resolveOverlaps([sun, kids])).toHaveLength(2);
  });
});
