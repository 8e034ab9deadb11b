/**
 * Which action the policy takes for each finding, as configuration: a default per finding
 * type, overrides per rule id, and overrides per text source (retrieved text, user input).
 * @module
 */

import { z } from 'zod';
import {
  findingTypes,
  guardActions,
  personalDataTypes,
  type FindingType,
  type GuardAction,
  type GuardFinding,
} from '../finding.js';
import type { GuardContext } from './detector.js';

const action = z.enum(guardActions);
const typeActions = z.partialRecord(z.enum(findingTypes), action);
const ruleActions = z.record(z.string().min(1), action);

/**
 * The `guard.actions` configuration. Everything is optional; what is left out keeps the
 * defaults in {@link defaultTypeActions} and {@link defaultSourceActions}.
 */
export const policyActionsSchema = z
  .object({
    types: typeActions
      .default({})
      .describe('Finding type to action (allow, mask, flag, block); overrides the defaults'),
    rules: ruleActions
      .default({})
      .describe('Rule id (pii.url, injection.ignore-previous, ...) to action; beats types'),
    sources: z
      .record(
        z.string().min(1),
        z.object({ types: typeActions.default({}), rules: ruleActions.default({}) }).strict(),
      )
      .default({})
      .describe('Text source (user, retrieved, generated) to type and rule overrides'),
  })
  .strict();

export type PolicyActionsConfig = z.input<typeof policyActionsSchema>;
export type PolicyActions = z.output<typeof policyActionsSchema>;

/** Personal data is masked, claims and missing disclaimers flagged, abuse blocked. */
export const defaultTypeActions: Readonly<Record<FindingType, GuardAction>> = {
  ...(Object.fromEntries(personalDataTypes.map((type) => [type, 'mask'])) as Record<
    (typeof personalDataTypes)[number],
    GuardAction
  >),
  CLAIM: 'flag',
  DISCLAIMER_MISSING: 'flag',
  BRAND_TERM: 'flag',
  TOXICITY: 'block',
  PROMPT_INJECTION: 'block',
  UNSUPPORTED_CLAIM: 'flag',
};

/** Instructions inside retrieved text are reported, not fatal: the answer can leave them out. */
export const defaultSourceActions: PolicyActions['sources'] = {
  retrieved: { types: { PROMPT_INJECTION: 'flag' }, rules: {} },
};

/**
 * Rules whose meaning fixes the action: the claims ledger's verdicts (see `ledgerRules` in
 * `claims/detect-claims.ts`). An approved claim passes, an expired or off-market one blocks.
 */
export const defaultRuleActions: Readonly<Record<string, GuardAction>> = {
  approved_claim: 'allow',
  expired_claim: 'block',
  unapproved_market: 'block',
  altered_claim: 'flag',
};

/** Parses `guard.actions`; the result decides actions with {@link decideAction}. */
export function parsePolicyActions(config: unknown = {}): PolicyActions {
  return policyActionsSchema.parse(config ?? {});
}

/**
 * The action for one finding, from the first of these that has one (for `CLAIM` findings the
 * specific rule id in `details.ruleId` is looked up before the category):
 *
 * 1. configured rules, for the text's source first (`guard.actions.sources.*.rules`, `rules`);
 * 2. rules whose meaning fixes the action (the claims ledger), then rule actions the brand
 *    policy states (`ruleDefaults`);
 * 3. configured types, for the source first;
 * 4. the default for the source (retrieved injections are flagged, not fatal);
 * 5. the detector's own graded proposal (`proposed`), such as `flag` for a weak injection
 *    score or an insult and `block` for a banned term;
 * 6. the default for the type.
 */
export function decideAction(
  finding: Pick<GuardFinding, 'type' | 'rule' | 'details'>,
  context: Pick<GuardContext, 'source'>,
  actions: PolicyActions,
  ruleDefaults: Readonly<Record<string, GuardAction>> = {},
  proposed?: GuardAction,
): GuardAction {
  const rules = [finding.rule];
  const specific = finding.details?.ruleId;
  if (typeof specific === 'string') rules.unshift(specific);
  const source = context.source;
  const configured = [source ? actions.sources[source] : undefined, actions];
  const ruleFor = (table: Readonly<Record<string, GuardAction>> | undefined) =>
    rules.map((rule) => table?.[rule]).find((action) => action);

  return (
    configured.map((layer) => ruleFor(layer?.rules)).find((action) => action) ??
    ruleFor(defaultRuleActions) ??
    ruleFor(ruleDefaults) ??
    configured.map((layer) => layer?.types[finding.type]).find((action) => action) ??
    (source ? defaultSourceActions[source]?.types[finding.type] : undefined) ??
    proposed ??
    defaultTypeActions[finding.type]
  );
}
