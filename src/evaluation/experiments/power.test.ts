import { describe, expect, it } from 'vitest';
import { sampleSizePerArm } from './power.js';

describe('sampleSizePerArm', () => {
  it('gives 3,841 per arm for 10 % → 12 % at α 0.05 and power 0.8', () => {
    // By hand: p̄ = 0.11; 1.959964·√(0.1958) = 0.867270; 0.841621·√(0.1956) = 0.372222;
    // (1.239492)² / 0.0004 = 3840.85, rounded up.
    expect(sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0.02 })).toBe(3841);
  });

  it('needs more visitors for more power, a stricter α or a smaller effect', () => {
    const base = { baselineRate: 0.1, minimumDetectableEffect: 0.02 };
    const reference = sampleSizePerArm(base);
    expect(sampleSizePerArm({ ...base, power: 0.9 })).toBeGreaterThan(reference);
    expect(sampleSizePerArm({ ...base, alpha: 0.01 })).toBeGreaterThan(reference);
    expect(sampleSizePerArm({ ...base, minimumDetectableEffect: 0.01 })).toBeGreaterThan(
      reference * 3,
    );
  });

  it('treats a drop like a rise of the same size around the same rates', () => {
    const up = sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0.02 });
    const down = sampleSizePerArm({ baselineRate: 0.12, minimumDetectableEffect: -0.02 });
    expect(down).toBe(up);
  });

  it('rejects rates outside (0, 1) and a zero effect', () => {
    expect(() => sampleSizePerArm({ baselineRate: 0.99, minimumDetectableEffect: 0.02 })).toThrow(
      /inside \(0, 1\)/,
    );
    expect(() => sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0 })).toThrow(
      /infinitely/,
    );
    expect(() =>
      sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0.02, power: 1 }),
    ).toThrow(/power/);
  });
});
