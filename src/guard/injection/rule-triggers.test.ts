import { describe, expect, it } from 'vitest';

import type { InjectionRule } from './injection-rules.js';
import { triggerIndex, triggeredRules } from './rule-triggers.js';

const rule = (id: string, triggers: string[]): InjectionRule => ({
  id,
  triggers,
  weight: 0.5,
  pattern: /x/g,
});

describe('triggeredRules', () => {
  it('returns exactly the rules with a trigger somewhere in the text', () => {
    const ignore = rule('ignore', ['ignore', 'vergiss']);
    const delimiter = rule('delimiter', ['<', '[inst']);
    const shared = rule('shared', ['ignore']);
    const index = triggerIndex([ignore, delimiter, shared]);

    expect(triggeredRules('please ignore this', index)).toEqual(new Set([ignore, shared]));
    expect(triggeredRules('a [inst] tag', index)).toEqual(new Set([delimiter]));
    expect(triggeredRules('vergis nicht, ignor', index)).toEqual(new Set());
  });
});
