import type { FindingType, GuardFinding } from '../../finding.js';
import type { GuardDetector } from '../detector.js';

/**
 * A simple detector for engine tests: every match of `pattern` is a finding of `type` under
 * `rule`. It stands in for the real detectors, whose own tests cover recall.
 */
export function patternDetector(
  type: FindingType,
  rule: string,
  pattern: RegExp,
  score = 0.9,
): GuardDetector {
  return {
    name: `pattern-${rule}`,
    types: [type],
    detect(text) {
      const findings: GuardFinding[] = [];
      for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
        const start = match.index;
        const end = start + match[0].length;
        findings.push({ type, start, end, text: match[0], score, rule, action: 'allow' });
      }
      return findings;
    },
  };
}
