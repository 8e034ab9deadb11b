import { describe, expect, it } from 'vitest';

import { jsonErrorLine } from './json-error-line.js';

function lineOf(text: string): number {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonErrorLine(text, error);
  }
  throw new Error('expected invalid JSON');
}

describe('jsonErrorLine', () => {
  it('uses the position V8 reports', () => {
    expect(lineOf('[\n  {"a": 1},\n  {"a" 2}\n]')).toBe(3);
  });

  it('finds the line of an unexpected token V8 gives no position for', () => {
    expect(lineOf('[\n  {"a": 1},\n  {"a": 2},\n  {"a": tru}\n]')).toBe(4);
    expect(lineOf('[\n  1,\n  x\n]')).toBe(3);
  });

  it('points at the last line when the input ends early', () => {
    expect(lineOf('[\n  {"a": 1},\n  {"a": 2}\n')).toBe(3);
  });
});
