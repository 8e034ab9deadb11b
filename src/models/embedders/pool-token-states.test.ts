import { describe, expect, it } from 'vitest';
import { poolTokenStates } from './pool-token-states.js';

// Two texts, three token positions, width 2; the second text has one padding position.
const states = {
  dims: [2, 3, 2],
  data: [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 99, 99],
};
const mask = [1n, 1n, 1n, 1n, 1n, 0n];

describe('poolTokenStates', () => {
  it('averages the real tokens of each row and leaves padding out', () => {
    const [first, second] = poolTokenStates(states, mask, 'mean', false);
    expect([...first!]).toEqual([3, 4]);
    expect([...second!]).toEqual([20, 30]);
  });

  it('takes the first token of each row for cls', () => {
    const rows = poolTokenStates(states, mask, 'cls', false);
    expect(rows.map((row) => [...row])).toEqual([
      [1, 2],
      [10, 20],
    ]);
  });

  it('passes pooled outputs through for none and normalises on request', () => {
    const rows = poolTokenStates({ dims: [2, 2], data: [3, 4, 0, 2] }, [1, 1], 'none', true);
    expect(rows.map((row) => [...row])).toEqual([
      [expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)],
      [0, 1],
    ]);
  });

  it('refuses a pooling that does not fit the output shape', () => {
    expect(() => poolTokenStates(states, mask, 'none', true)).toThrow(/use pooling 'mean'/);
    expect(() => poolTokenStates({ dims: [1, 2], data: [1, 2] }, [1], 'mean', true)).toThrow(
      /use pooling 'none'/,
    );
  });
});
