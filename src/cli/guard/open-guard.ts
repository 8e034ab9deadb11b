/**
 * Builds the guard engine a command runs: the configuration's `guard` section, the brand
 * policy it points at, the shipped detectors and, when asked, the moderation log.
 * @module
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, MarkwerkError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import {
  createEmbedder,
  type EmbedderConfigInput,
} from '../../models/embedders/create-embedder.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import { builtinDetectors, policyRuleActions } from '../../guard/engine/builtin-detectors.js';
import {
  createGuardEngine,
  type GuardEngine,
  type GuardEngineOptions,
} from '../../guard/engine/create-guard-engine.js';
import type { GuardDetector } from '../../guard/engine/detector.js';
import type { GuardConfig } from '../../guard/engine/guard-config.js';
import type { ModerationSink } from '../../guard/engine/moderation-decisions.js';
import type { PiiGuardConfig } from '../../guard/pii/pii-config.js';
import {
  loadTransformersRecogniser,
  type EntityRecogniser,
} from '../../guard/pii/entity-recogniser.js';
import { loadPolicy } from '../../guard/policy/load-policy.js';
import type { BrandPolicy } from '../../guard/policy/policy-schema.js';
import { configFolder, type CommandContext } from '../cli-context.js';

/** The repository root, where the bundled samples are (same depth from src/ and dist/). */
export const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

export { samplePolicyFile } from '../../guard/policy/sample-policy-file.js';

export interface OpenGuardOptions {
  /** `--policy`; `none` turns policy checks off. */
  policy?: string | undefined;
  /** Used when neither `--policy` nor the configuration names a policy file. */
  fallbackPolicy?: string | undefined;
  moderationLog?: ModerationSink;
  /** Replaces the shipped detectors (tests). */
  detectors?: (policy: BrandPolicy | undefined, config: GuardConfig) => GuardDetector[];
}

export interface OpenedGuard {
  engine: GuardEngine;
  /** The policy file read, or undefined when none applies. */
  policyFile: string | undefined;
  policy: BrandPolicy | undefined;
  /** Releases the grounding embedder, when one was opened. */
  close(): Promise<void>;
}

/** The `guard` section, validated with the rest of the configuration when it was loaded. */
export function guardConfigOf(context: CommandContext): GuardConfig {
  return context.loaded.config.guard;
}

/** `guard.pii`, the personal-data detector's own settings. */
export function personalDataConfigOf(context: CommandContext): PiiGuardConfig {
  return context.loaded.config.guard.pii;
}

/**
 * Which policy file applies: `--policy`, else `guard.policyFile` (relative to the config
 * file), else `brand/policy.yaml` beside the config file when it exists, else the fallback,
 * else none.
 */
export function resolvePolicyFile(
  context: CommandContext,
  config: GuardConfig,
  options: Pick<OpenGuardOptions, 'policy' | 'fallbackPolicy'>,
): string | undefined {
  if (options.policy === 'none') return undefined;
  if (options.policy) return path.resolve(options.policy);
  const base = configFolder(context);
  if (config.policyFile) return path.resolve(base, config.policyFile);
  const beside = path.join(base, 'brand', 'policy.yaml');
  if (existsSync(beside)) return beside;
  return options.fallbackPolicy;
}

export async function openGuard(
  context: CommandContext,
  options: OpenGuardOptions = {},
  logger: Logger = context.logger,
): Promise<OpenedGuard> {
  const config = guardConfigOf(context);
  const policyFile = resolvePolicyFile(context, config, options);
  const policy = policyFile ? await loadPolicy(policyFile) : undefined;
  const embedder = options.detectors ? undefined : await groundingEmbedder(context, config);
  const entityRecogniser = options.detectors ? undefined : await personNameModel(context);
  const detectors = options.detectors
    ? options.detectors(policy, config)
    : builtinDetectors({
        policy,
        grounding: config.grounding,
        embedder,
        entityRecogniser,
        personalData: personalDataOptions(personalDataConfigOf(context)),
      });

  const engine = createGuardEngine({
    detectors,
    actions: config.actions,
    ruleDefaults: policyRuleActions(policy),
    ...(policy ? { policyVersion: String(policy.version) } : {}),
    ...(options.moderationLog ? { moderationLog: options.moderationLog } : {}),
    ...maskModeOf(personalDataConfigOf(context)),
    logger,
  });
  return { engine, policyFile, policy, close: async () => embedder?.close() };
}

function personalDataOptions(pii: PiiGuardConfig) {
  return {
    types: pii.types,
    minScore: pii.minScore,
    phoneValidation: pii.phoneValidation,
    allow: { exact: pii.allow.exact, words: pii.allow.words },
  };
}

/**
 * The configured mask style. `reversible` needs the vault and its key, which only
 * `guard mask` opens; everywhere else the engine's masked text is tagged instead.
 */
function maskModeOf(pii: PiiGuardConfig): Pick<GuardEngineOptions, 'maskMode' | 'maskOptions'> {
  const maskOptions = pii.hashSalt === undefined ? {} : { salt: pii.hashSalt };
  return { maskMode: pii.mask === 'reversible' ? 'tag' : pii.mask, maskOptions };
}

/**
 * The token-classification model `guard.pii.model` names, loaded from disk only: a folder
 * path (relative to the config file) or a model id under transformers.js's local model path.
 */
async function personNameModel(context: CommandContext): Promise<EntityRecogniser | undefined> {
  const model = personalDataConfigOf(context).model;
  if (model === undefined) return undefined;
  const base = configFolder(context);
  const location =
    model.startsWith('.') || path.isAbsolute(model) ? path.resolve(base, model) : model;
  try {
    return await loadTransformersRecogniser(location);
  } catch (error) {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Could not load the personal-data model ${location} (guard.pii.model): ` +
        `${describeError(error)}. Give a local token-classification model folder with ` +
        'config.json, tokenizer.json and onnx/model.onnx, or remove the key to use rules only.',
      { details: { model: location }, cause: error },
    );
  }
}

/** The retrieval embedder, when `guard.grounding.semantic` asks for embedding similarity. */
async function groundingEmbedder(
  context: CommandContext,
  config: GuardConfig,
): Promise<Embedder | undefined> {
  if (!config.grounding.semantic) return undefined;
  const embedder = context.loaded.config.retrieval.embedder;
  if (embedder.provider === 'none') return undefined;
  return createEmbedder(embedder as EmbedderConfigInput);
}
