/**
 * Splits a document's blocks into retrieval-sized chunks that follow its structure.
 * @module
 */
import type { ChunkingConfig } from '../../core/config-schema.js';
import type { Block, Chunk } from '../types.js';
import { blockUnits } from './block-units.js';
import type { Unit } from './block-units.js';
import { splitSentences } from './sentences.js';
import { countTokens } from './tokens.js';

/**
 * Packs blocks, in order, into chunks of at most `maxTokens` tokens (as `countTokens`
 * counts them, overlap included).
 *
 * - A heading of level 1 or 2 always starts a new chunk. Headings are not repeated in the
 *   text: the titles a chunk sits under are in `headingPath`. A deeper heading met inside a
 *   chunk stays in its text as a line, since the chunk's path does not name it.
 * - Blocks are kept whole where they fit: a paragraph, list or table that does not fit in
 *   the rest of the chunk moves to the next one. One larger than `maxTokens` is cut: a table
 *   by rows with the header row repeated, a list by items, code by lines, a paragraph by
 *   sentences and a sentence by words.
 * - When a chunk ends because it is full, the next one starts with about `overlapTokens`
 *   tokens from the end of it, in whole sentences (or lines) where possible. Chunks that a
 *   heading separates do not overlap.
 */
export function chunkBlocks(blocks: Block[], config: ChunkingConfig): Chunk[] {
  const { maxTokens, overlapTokens } = config;
  const chunks: Chunk[] = [];
  const path: { level: number; text: string }[] = [];
  let units: Unit[] = [];
  let tokens = 0;
  let chunkPath: string[] = [];
  let carried: Unit[] = [];

  /** Ends the current chunk; `full` says whether the next one continues it (overlap). */
  const flush = (full: boolean): void => {
    let continues = full;
    // A heading at the very end belongs to the next chunk, whose path names it.
    while (units.at(-1)?.kind === 'heading') {
      units.pop();
      continues = false;
    }
    carried = [];
    if (units.length === 0) return;
    const text = units
      .map((unit, index) => (index === 0 ? unit.text : unit.separator + unit.text))
      .join('');
    chunks.push({
      ordinal: chunks.length,
      text,
      tokenCount: countTokens(text),
      headingPath: chunkPath,
    });
    if (continues) carried = units;
    units = [];
    tokens = 0;
  };

  const add = (unit: Unit): void => {
    if (units.length > 0 && tokens + unit.tokens > maxTokens) flush(true);
    if (units.length === 0) {
      chunkPath = path.map((heading) => heading.text);
      const overlap = overlapUnit(carried, Math.min(overlapTokens, maxTokens - unit.tokens));
      if (overlap !== undefined) {
        units.push(overlap);
        tokens += overlap.tokens;
      }
    }
    units.push(unit);
    tokens += unit.tokens;
  };

  for (const block of blocks) {
    if (block.type !== 'heading') {
      for (const unit of blockUnits(block, maxTokens)) add(unit);
      continue;
    }

    if (block.level <= 2) flush(false);
    while ((path.at(-1)?.level ?? 0) >= block.level) path.pop();
    const inChunk = units.length > 0;
    path.push({ level: block.level, text: block.text });
    if (!inChunk) continue;

    const headingUnits = blockUnits(block, maxTokens);
    const headingTokens = headingUnits.reduce((sum, unit) => sum + unit.tokens, 0);
    if (tokens + headingTokens > maxTokens) flush(false);
    else headingUnits.forEach(add);
  }

  flush(false);
  return chunks;
}

/**
 * The end of the previous chunk, at most `limit` tokens: whole sentences of prose or whole
 * lines, never reaching back past a heading or into a table; the last words of prose when not
 * even one sentence fits.
 */
function overlapUnit(previous: Unit[], limit: number): Unit | undefined {
  if (limit <= 0 || previous.length === 0) return undefined;
  const parts: string[] = [];
  let tokens = 0;

  for (let index = previous.length - 1; index >= 0; index--) {
    const unit = previous[index] as Unit;
    // A table's rows mean nothing without its header, and a heading ends the section.
    if (unit.kind === 'heading' || unit.kind === 'table') break;
    const segments = unit.kind === 'prose' ? splitSentences(unit.text) : unit.text.split('\n');
    const joiner = unit.kind === 'prose' ? ' ' : '\n';
    const taken: string[] = [];
    for (let segment = segments.length - 1; segment >= 0; segment--) {
      const segmentTokens = countTokens(segments[segment] as string);
      if (tokens + segmentTokens > limit) break;
      taken.unshift(segments[segment] as string);
      tokens += segmentTokens;
    }
    if (taken.length > 0) parts.unshift(taken.join(joiner));
    if (taken.length < segments.length) break;
  }

  if (parts.length > 0) {
    const text = parts.join('\n');
    return { text, tokens, separator: '\n', kind: text.includes('\n') ? 'lines' : 'prose' };
  }
  return lastWords(previous.at(-1), limit);
}

function lastWords(unit: Unit | undefined, limit: number): Unit | undefined {
  if (unit?.kind !== 'prose') return undefined;
  const words = unit.text.split(' ');
  const kept: string[] = [];
  let tokens = 0;

  for (let index = words.length - 1; index >= 0; index--) {
    const wordTokens = countTokens(words[index] as string);
    if (tokens + wordTokens > limit) break;
    kept.unshift(words[index] as string);
    tokens += wordTokens;
  }

  if (kept.length === 0) return undefined;
  return { text: kept.join(' '), tokens, separator: '\n', kind: 'prose' };
}
