/**
 * Guard findings are data: a type, where in the exact input text (UTF-16 offsets), how sure
 * the detector is, which rule fired and what the policy decided. Human wording lives apart
 * from the finding, so the console can show it in German or English.
 * @module
 */

export const personalDataTypes = [
  'EMAIL',
  'PHONE',
  'IBAN',
  'CREDIT_CARD',
  'PERSON',
  'ADDRESS',
  'IP_ADDRESS',
  'DATE_OF_BIRTH',
  'DE_TAX_ID',
  'URL',
] as const;

export type PersonalDataType = (typeof personalDataTypes)[number];

export const findingTypes = [
  ...personalDataTypes,
  'CLAIM',
  'DISCLAIMER_MISSING',
  'BRAND_TERM',
  'TOXICITY',
  'PROMPT_INJECTION',
  'UNSUPPORTED_CLAIM',
] as const;

export type FindingType = (typeof findingTypes)[number];

/** What the policy does with a finding, from mildest to strictest. */
export const guardActions = ['allow', 'mask', 'flag', 'block'] as const;

export type GuardAction = (typeof guardActions)[number];

export type GuardLanguage = 'en' | 'de';

export interface GuardFinding {
  type: FindingType;
  /** UTF-16 offset of the first character in the exact input text. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
  /** `input.slice(start, end)`. */
  text: string;
  /** Confidence in [0, 1]. */
  score: number;
  /**
   * Stable rule id, such as `pii.iban.mod97` or `injection.ignore-previous`. For `CLAIM`
   * findings it is the claim category (`absolute_claim`, `health_claim`, ...) and the
   * specific rule id is in `details.ruleId`.
   */
  rule: string;
  action: GuardAction;
  /** Machine facts for the reviewer: rule id, evidence, required disclaimer, suggestion. */
  details?: Record<string, unknown>;
}

/** Which of two actions is stricter; `block` beats `flag` beats `mask` beats `allow`. */
export function stricterAction(first: GuardAction, second: GuardAction): GuardAction {
  return guardActions.indexOf(first) >= guardActions.indexOf(second) ? first : second;
}
