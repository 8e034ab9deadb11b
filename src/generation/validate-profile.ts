/**
 * Checks a parameter profile against the limits a server reports (`GeneratorInfo.limits`),
 * before a request is sent, so a bad profile fails with its fix instead of a server error.
 * @module
 */
import { MarkwerkError } from '../core/errors.js';
import type { GeneratorInfo } from '../models/generators/generator.js';
import type { ParameterProfile } from './parameter-profile.js';

export type ProfileLimits = NonNullable<GeneratorInfo['limits']>;

export type ProfileIssueCode =
  | 'max-new-tokens-over-total'
  | 'input-over-limit'
  | 'input-and-output-over-total'
  | 'too-many-stop-sequences';

/** One way a profile breaks a server limit, with the fix. */
export interface ProfileIssue {
  code: ProfileIssueCode;
  /** The profile key to change (`max_new_tokens`, `stop`) or `input`. */
  key: string;
  value: number;
  limit: number;
  /** What to change, in words. */
  fix: string;
}

export interface ProfileCheckOptions {
  /** Estimated tokens of the prompt, when known; checked against the input and total limits. */
  inputTokens?: number;
}

/** Every way `profile` breaks `limits`; empty when it fits or the server reports no limits. */
export function validateProfile(
  profile: ParameterProfile,
  limits: ProfileLimits = {},
  options: ProfileCheckOptions = {},
): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const { maxTotalTokens, maxInputTokens, maxStopSequences } = limits;
  const maxNew = profile.max_new_tokens;
  const input = options.inputTokens;

  if (maxTotalTokens !== undefined && maxNew >= maxTotalTokens) {
    issues.push({
      code: 'max-new-tokens-over-total',
      key: 'max_new_tokens',
      value: maxNew,
      limit: maxTotalTokens,
      fix: `set max_new_tokens below ${maxTotalTokens}, the server's total token limit`,
    });
  }
  if (input !== undefined && maxInputTokens !== undefined && input > maxInputTokens) {
    issues.push({
      code: 'input-over-limit',
      key: 'input',
      value: input,
      limit: maxInputTokens,
      fix: `shorten the prompt to ${maxInputTokens} tokens: retrieve fewer or shorter facts`,
    });
  }
  if (input !== undefined && maxTotalTokens !== undefined && input + maxNew > maxTotalTokens) {
    const room = Math.max(maxTotalTokens - input, 0);
    issues.push({
      code: 'input-and-output-over-total',
      key: 'max_new_tokens',
      value: input + maxNew,
      limit: maxTotalTokens,
      fix: `set max_new_tokens to at most ${room} or shorten the prompt`,
    });
  }
  if (maxStopSequences !== undefined && profile.stop.length > maxStopSequences) {
    issues.push({
      code: 'too-many-stop-sequences',
      key: 'stop',
      value: profile.stop.length,
      limit: maxStopSequences,
      fix: `keep at most ${maxStopSequences} stop sequences`,
    });
  }
  return issues;
}

/** Throws `PARAMETERS_INVALID` listing every issue and its fix; returns when the profile fits. */
export function assertValidProfile(
  profile: ParameterProfile,
  limits: ProfileLimits = {},
  options: ProfileCheckOptions = {},
): void {
  const issues = validateProfile(profile, limits, options);
  if (issues.length === 0) return;
  const fixes = issues.map(
    (issue) => `${issue.key} is ${issue.value}, limit ${issue.limit}: ${issue.fix}`,
  );
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    `The parameter profile does not fit the server's limits. ${fixes.join('; ')}.`,
    { details: { issues } },
  );
}
