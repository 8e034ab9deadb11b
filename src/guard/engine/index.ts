/**
 * The guard engine's public surface: build an engine over detectors, scan text, record the
 * decisions. Grounding lives in `../grounding/`.
 * @module
 */

export { builtinDetectors, policyRuleActions } from './builtin-detectors.js';
export type { BuiltinDetectorOptions } from './builtin-detectors.js';
export { createGuardEngine } from './create-guard-engine.js';
export type {
  GuardEngine,
  GuardEngineOptions,
  GuardScanResult,
  ScanOptions,
} from './create-guard-engine.js';
export type {
  DetectorOutput,
  GuardCitation,
  GuardContext,
  GuardDetector,
  GuardDirection,
  GuardSource,
  Metrics,
} from './detector.js';
export { groundingConfigSchema, guardConfigSchema } from './guard-config.js';
export type { GuardConfig } from './guard-config.js';
export { isMasked, maskFindings } from './mask-findings.js';
export type { MaskMode } from './mask-findings.js';
export { toModerationDecisions } from './moderation-decisions.js';
export type { ModerationSink } from './moderation-decisions.js';
export {
  decideAction,
  defaultRuleActions,
  defaultSourceActions,
  defaultTypeActions,
  parsePolicyActions,
  policyActionsSchema,
} from './policy-actions.js';
export type { PolicyActions, PolicyActionsConfig } from './policy-actions.js';
export { resolveOverlaps } from './resolve-overlaps.js';
