/**
 * Optional model-based PERSON (and location) recognition through a transformers.js
 * `token-classification` pipeline. The rules run without it; a recogniser only adds
 * matches, which go through the same allow-lists and overlap resolution.
 * @module
 */
import type { PersonalDataType } from '../finding.js';
import { detectPersonalData } from './detect-personal-data.js';
import type { DetectPersonalDataOptions } from './detect-personal-data.js';
import type { GuardFinding } from '../finding.js';
import type { PiiMatch } from './types.js';

/** One element of a transformers.js token-classification result, raw or grouped. */
export interface TokenClassificationItem {
  word: string;
  score: number;
  /** Raw output: a BIO label such as `B-PER`. */
  entity?: string;
  /** Grouped output (`aggregation_strategy: 'simple'`): a label such as `PER`. */
  entity_group?: string;
  index?: number;
  start?: number;
  end?: number;
}

/** What `await pipeline('token-classification', model)` returns, as far as we use it. */
export type TokenClassifier = (text: string) => Promise<TokenClassificationItem[]>;

/** Finds entities in a text as personal-data matches. */
export interface EntityRecogniser {
  recognise: (text: string) => Promise<PiiMatch[]>;
}

export interface TransformersRecogniserOptions {
  /** Model label (without B-/I-) to personal-data type. Default: PER and PERSON → PERSON. */
  labels?: Record<string, PersonalDataType>;
  /** Entities scoring below this are ignored. Default 0.6. */
  minScore?: number;
}

const defaultLabels: Record<string, PersonalDataType> = { PER: 'PERSON', PERSON: 'PERSON' };

/**
 * Adapts a token-classification pipeline. Offsets come from the pipeline when it gives them;
 * otherwise each word piece is found in the text after the previous one.
 */
export function transformersEntityRecogniser(
  classify: TokenClassifier,
  options: TransformersRecogniserOptions = {},
): EntityRecogniser {
  const labels = options.labels ?? defaultLabels;
  const minScore = options.minScore ?? 0.6;

  return {
    recognise: async (text) => {
      const items = await classify(text);
      const lowered = text.toLowerCase();
      const entities: { type: PersonalDataType; start: number; end: number; scores: number[] }[] =
        [];
      let cursor = 0;

      for (const item of items) {
        const rawLabel = item.entity_group ?? item.entity ?? 'O';
        const span = locate(item, text, lowered, cursor);
        if (span === undefined) continue;
        cursor = span.end;
        const type = labels[rawLabel.replace(/^[BIES]-/, '')];
        if (type === undefined) continue;

        const previous = entities.at(-1);
        const continues =
          previous !== undefined &&
          previous.type === type &&
          !rawLabel.startsWith('B-') &&
          item.entity_group === undefined &&
          /^\s?$/.test(text.slice(previous.end, span.start));
        if (continues) {
          previous.end = span.end;
          previous.scores.push(item.score);
        } else {
          entities.push({ type, start: span.start, end: span.end, scores: [item.score] });
        }
      }

      return entities.flatMap((entity): PiiMatch[] => {
        const score = entity.scores.reduce((sum, value) => sum + value, 0) / entity.scores.length;
        if (score < minScore) return [];
        return [
          {
            type: entity.type,
            start: entity.start,
            end: entity.end,
            score,
            rule: 'pii.person.model',
          },
        ];
      });
    },
  };
}

/** Where a word piece stands in the text, searching from `cursor`. */
function locate(item: TokenClassificationItem, text: string, lowered: string, cursor: number) {
  if (item.start !== undefined && item.end !== undefined)
    return { start: item.start, end: item.end };
  // WordPiece marks continuations with "##"; SentencePiece and byte-level BPE mark word starts.
  const word = item.word.replace(/^##|^▁|^Ġ/, '');
  if (word.length === 0) return undefined;
  let start = text.indexOf(word, cursor);
  if (start === -1) start = lowered.indexOf(word.toLowerCase(), cursor);
  return start === -1 ? undefined : { start, end: start + word.length };
}

/**
 * Loads `pipeline('token-classification', model)` from @huggingface/transformers. The model
 * must already be in the local cache or a local path; nothing is downloaded when
 * `allowRemoteModels` is false.
 */
export async function loadTransformersRecogniser(
  model: string,
  options: TransformersRecogniserOptions & { allowRemoteModels?: boolean } = {},
): Promise<EntityRecogniser> {
  const transformers = await import('@huggingface/transformers');
  transformers.env.allowRemoteModels = options.allowRemoteModels ?? false;
  const classifier = await transformers.pipeline('token-classification', model);
  const classify: TokenClassifier = async (text) =>
    (await classifier(text)) as unknown as TokenClassificationItem[];
  return transformersEntityRecogniser(classify, options);
}

/** {@link detectPersonalData} with a recogniser's matches added to the rules'. */
export async function detectPersonalDataWithModel(
  text: string,
  recogniser: EntityRecogniser,
  options: DetectPersonalDataOptions = {},
): Promise<GuardFinding[]> {
  const modelMatches = await recogniser.recognise(text);
  return detectPersonalData(text, {
    ...options,
    extraMatches: [...(options.extraMatches ?? []), ...modelMatches],
  });
}
