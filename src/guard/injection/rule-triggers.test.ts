import { describe, expect, it } from 'vitest';

import type { InjectionRule } from './injection-rules.js';
import { triggerIndex, triggeredRules, triggerWindows } from './rule-triggers.js';

const rule = (id: string, triggers: string[]): InjectionRule => ({
  id,
  triggers,
  weight: 0.5,
  pattern: /x/g,
});

describe('triggeredRules', () => {
  it('returns exactly the rules with a trigger in the text, with the trigger offsets', () => {
    const ignore = rule('ignore', ['ignore', 'vergiss']);
    const delimiter = rule('delimiter', ['<', '[inst']);
    const shared = rule('shared', ['ignore']);
    const index = triggerIndex([ignore, delimiter, shared]);

    expect(triggeredRules('please ignore this, ignore it', index)).toEqual(
      new Map([
        [ignore, [7, 20]],
        [shared, [7, 20]],
      ]),
    );
    expect([...triggeredRules('a [inst] tag', index).keys()]).toEqual([delimiter]);
    expect(triggeredRules('vergis nicht, ignor', index).size).toBe(0);
  });
});

describe('triggerWindows', () => {
  it('keeps whole words around each trigger and merges windows that meet', () => {
    const text = 'one two three four five six seven eight nine ten';

    expect(triggerWindows(text, [text.indexOf('five')], 1)).toEqual([[14, 27]]);
    expect(text.slice(14, 27)).toBe('four five six');
    expect(triggerWindows(text, [text.indexOf('two'), text.indexOf('four')], 1)).toEqual([[0, 23]]);
    expect(triggerWindows(text, [0], 20)).toEqual([[0, text.length]]);
  });
});
