/**
 * The guard engine: runs the detectors, lets the policy decide an action for each finding,
 * resolves overlaps, and returns the findings with the overall verdict.
 * @module
 */

import { randomUUID } from 'node:crypto';
import { MarkwerkError, describeError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { stricterAction, type GuardAction, type GuardFinding } from '../finding.js';
import type { GuardContext, GuardDetector, Metrics } from './detector.js';
import { maskFindings, type MaskMode, type MaskOptions } from './mask-findings.js';
import { toModerationDecisions, type ModerationSink } from './moderation-decisions.js';
import { decideAction, parsePolicyActions, type PolicyActions } from './policy-actions.js';
import { resolveOverlaps } from './resolve-overlaps.js';

export interface GuardEngineOptions {
  detectors: readonly GuardDetector[];
  /** `guard.actions` configuration, parsed or raw; defaults apply to what it leaves out. */
  actions?: PolicyActions | unknown;
  /** Default actions for rule ids, such as the brand policy's claim rules; config beats them. */
  ruleDefaults?: Readonly<Record<string, GuardAction>>;
  /** Version of the brand policy the detectors use, or `none`; logged with each decision. */
  policyVersion?: string;
  /** Receives every decision of every scan, e.g. the moderation log repository. */
  moderationLog?: ModerationSink;
  /** How masked spans are written; default `tag` (`[EMAIL]`). */
  maskMode?: MaskMode;
  /** The salt for `hash`, the vault for `reversible`. */
  maskOptions?: MaskOptions;
  logger?: Logger;
}

/** What to scan and what is known about it. */
export type ScanOptions = GuardContext;

export interface GuardScanResult {
  /** Id of this scan in the moderation log. */
  scanId: string;
  /** Findings in text order, each with the policy's action. */
  findings: GuardFinding[];
  /** The strictest action of any finding; `allow` when there is none. */
  verdict: GuardAction;
  /** The input with masked spans replaced. */
  masked: string;
  /** Policy version and a hash of the action settings, e.g. `3+a1b2c3d4`. */
  policyVersion: string;
  /** Measurements the detectors reported, such as `unsupportedClaimRate`. */
  metrics: Metrics;
}

export interface GuardEngine {
  readonly policyVersion: string;
  scanText(text: string, options: ScanOptions): Promise<GuardScanResult>;
}

/** Builds an engine over any set of detectors. */
export function createGuardEngine(options: GuardEngineOptions): GuardEngine {
  const actions = parsePolicyActions(options.actions ?? {});
  const actionsHash = sha256(JSON.stringify(actions)).slice(0, 8);
  const policyVersion = `${options.policyVersion ?? 'none'}+${actionsHash}`;
  const logger = options.logger ?? silentLogger;
  const ruleDefaults = options.ruleDefaults ?? {};

  async function scanText(text: string, context: ScanOptions): Promise<GuardScanResult> {
    const scanId = randomUUID();
    const detectors = options.detectors.filter(
      (detector) => detector.directions?.includes(context.direction) ?? true,
    );
    const outputs = await Promise.all(
      detectors.map((detector) => runDetector(detector, text, context)),
    );
    const metrics: Metrics = Object.assign({}, ...outputs.map((output) => output.metrics));

    const decided = outputs.flatMap((output, index) => {
      const graded = detectors[index]!.proposesActions === true;
      return output.findings.map((finding) => {
        const proposed = graded ? finding.action : undefined;
        return withDecision(
          finding,
          decideAction(finding, context, actions, ruleDefaults, proposed),
        );
      });
    });
    const findings = resolveOverlaps(decided);
    const verdict = findings.reduce<GuardAction>(
      (strictest, finding) => stricterAction(strictest, finding.action),
      'allow',
    );
    const result = {
      scanId,
      findings,
      verdict,
      masked: maskFindings(text, findings, options.maskMode, options.maskOptions),
      policyVersion,
      metrics,
    };

    if (verdict !== 'allow') {
      logger.info({ scanId, verdict, findings: findings.length }, 'guard-decided');
    }
    if (options.moderationLog && findings.length > 0) {
      const salt = options.maskOptions?.salt;
      await options.moderationLog(toModerationDecisions(text, result, context, { salt }));
    }
    return result;
  }

  return { policyVersion, scanText };
}

async function runDetector(
  detector: GuardDetector,
  text: string,
  context: ScanOptions,
): Promise<{ findings: GuardFinding[]; metrics?: Metrics }> {
  try {
    const output = await detector.detect(text, context);
    return Array.isArray(output) ? { findings: output } : output;
  } catch (error) {
    // A broken detector must not let text through unchecked.
    throw new MarkwerkError(
      'GUARD_BLOCKED',
      `The ${detector.name} detector failed (${describeError(error)}); the text was not ` +
        'released. Fix the detector or its configuration and scan again.',
      { cause: error, details: { detector: detector.name } },
    );
  }
}

/** The finding with the policy's action; the detector's own proposal stays for reviewers. */
function withDecision(finding: GuardFinding, action: GuardAction): GuardFinding {
  if (finding.action === action) return finding;
  if (finding.action === 'allow') return { ...finding, action };
  return { ...finding, action, details: { ...finding.details, proposedAction: finding.action } };
}
