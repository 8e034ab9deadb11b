/**
 * Personal-data detection and masking for the guard engine.
 * @module
 */
export { detectPersonalData, piiDetectors } from './detect-personal-data.js';
export type { DetectPersonalDataOptions } from './detect-personal-data.js';
export { maskPersonalData } from './mask-personal-data.js';
export type { MaskableFinding, MaskMode, MaskOptions, MaskResult } from './mask-personal-data.js';
export { compileAllowList } from './allow-list.js';
export type { AllowList } from './allow-list.js';
export {
  detectPersonalDataWithModel,
  loadTransformersRecogniser,
  transformersEntityRecogniser,
} from './entity-recogniser.js';
export type {
  EntityRecogniser,
  TokenClassificationItem,
  TokenClassifier,
  TransformersRecogniserOptions,
} from './entity-recogniser.js';
export { piiConfigSchema } from './pii-config.js';
export type { PiiGuardConfig } from './pii-config.js';
export type { PiiMatch, PiiDetector, DetectorSettings } from './types.js';
