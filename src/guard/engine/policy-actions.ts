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
 * The action for one finding. A rule beats a type, configuration beats a default, and a
 * setting for the text's source beats a general one: configured rules for the source,
 * configured rules, default rules for the source, default rules, then the same for types.
 * For `CLAIM` findings the specific rule id in `details.ruleId` is looked up first.
 * `ruleDefaults` adds default rule actions, such as those the brand policy gives its claim
 * rules.
 */
export function decideAction(
  finding: Pick<GuardFinding, 'type' | 'rule' | 'details'>,
  context: Pick<GuardContext, 'source'>,
  actions: PolicyActions,
  ruleDefaults: Readonly<Record<string, GuardAction>> = {},
): GuardAction {
  const rules = [finding.rule];
  const specific = finding.details?.ruleId;
  if (typeof specific === 'string') rules.unshift(specific);
  const source = context.source;
  const layers = [
    source ? actions.sources[source] : undefined,
    actions,
    source ? defaultSourceActions[source] : undefined,
    { types: defaultTypeActions, rules: { ...defaultRuleActions, ...ruleDefaults } },
  ];

  for (const layer of layers) {
    const decided = rules.map((rule) => layer?.rules[rule]).find((action) => action);
    if (decided) return decided;
  }
  for (const layer of layers) {
    const decided = layer?.types[finding.type];
    if (decided) return decided;
  }
  return defaultTypeActions[finding.type];
}
