/**
 * The small interface the guard engine runs: a detector looks at text and returns findings.
 * PII, claims, disclaimers, brand terms, toxicity, injection and grounding all fit behind it.
 * @module
 */

import type { FindingType, GuardFinding, GuardLanguage } from '../finding.js';

/** Which way the text flows: `in` is ingested or user text, `out` is generated text. */
export type GuardDirection = 'in' | 'out';

/**
 * Where the text came from. `user` is typed by a person (a prompt, a support ticket),
 * `retrieved` is a chunk from the knowledge base, `generated` is model output. Other
 * values (`import`, a connector name) are allowed and use the type defaults.
 */
export type GuardSource = 'user' | 'retrieved' | 'generated' | (string & {});

/** A passage the output may cite; grounding checks factual sentences against these. */
export interface GuardCitation {
  /** Id the output cites, such as `1` for "[1]" or a chunk id. */
  id: string;
  text: string;
}

/** What a detector knows about the text it scans. */
export interface GuardContext {
  lang: GuardLanguage;
  direction: GuardDirection;
  source?: GuardSource;
  /** Product category, for disclaimers (`sun-protection`, `climbing-safety`, ...). */
  category?: string;
  /** Publishing channel: `web`, `email`, `social`, `print`. */
  channel?: string;
  /** ISO 3166 market code, for approved claims (`DE`, `US`). */
  market?: string;
  /** Sources for grounding; without them the grounding detector stays silent. */
  citations?: GuardCitation[];
}

/**
 * One detector. Its findings carry `action: 'allow'` or any placeholder, which the engine
 * replaces with the policy's decision; a detector that grades what it finds sets
 * `proposesActions`, and its actions then come before the engine's type defaults.
 */
export interface GuardDetector {
  /** Short stable name (`pii`, `claims`, `grounding`), used in logs. */
  readonly name: string;
  /** The finding types it can return (for logs and documentation). */
  readonly types: readonly FindingType[];
  /** Its findings' actions are graded proposals (see `decideAction`), not placeholders. */
  readonly proposesActions?: boolean;
  /** The directions it runs on; default both. Claims concern generated copy, not questions. */
  readonly directions?: readonly GuardDirection[];
  detect(text: string, context: GuardContext): DetectorOutput | Promise<DetectorOutput>;
}

/**
 * Findings alone, or findings with measurements the scan result passes on (the grounding
 * detector reports `unsupportedClaimRate` and `factualSentences`).
 */
export type DetectorOutput = GuardFinding[] | { findings: GuardFinding[]; metrics?: Metrics };

export type Metrics = Record<string, number>;
