import { shortId } from '../core/hash.js';
import type { DatasetCard } from '../ingest/datasets/dataset-card.js';

const counts = (values: Record<string, number>) =>
  Object.entries(values)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ') || 'none';

/** A dataset card as a terminal reads it. */
export function describeCard(card: DatasetCard, options: { duplicates?: number } = {}): string {
  const listed = options.duplicates ?? 20;
  const lines = [
    `Dataset version ${card.version}`,
    `  parent       ${card.parent ? shortId(card.parent) : '(none)'}`,
    `  created      ${card.createdAt}`,
    `  licence      ${card.license}`,
    `  inputs       ${card.sources.inputs.join(', ')}`,
    `  sources      ${card.sources.read} read, ${card.sources.failed.length} failed or skipped`,
    `  documents    ${card.counts.documents} kept of ${card.counts.documentsExtracted} extracted`,
    `  kinds        ${counts(card.kinds)}`,
    `  languages    ${counts(card.languages)}`,
    `  duplicates   ${card.counts.exactDuplicates} exact, ${card.counts.nearDuplicates} near ` +
      `(MinHash threshold ${card.dedupe.threshold}${card.dedupe.near ? '' : ', near check off'})`,
    `  personal     ${counts(card.pii.masked)} masked (action: ${card.pii.action})`,
    `  chunks       ${card.counts.chunks}, ${card.counts.tokens} tokens ` +
      `(max ${card.chunking.maxTokens}, overlap ${card.chunking.overlapTokens})`,
    `  splits       ${counts(card.splits)}`,
    `  repairs      ${counts(card.warnings)}`,
  ];
  for (const failure of card.sources.failed.slice(0, listed)) {
    lines.push(`  skipped      ${failure.source}: ${failure.reason}`);
  }
  for (const removed of card.dedupe.removed.slice(0, listed)) {
    const similarity = removed.kind === 'near-duplicate' ? ` (${removed.similarity})` : '';
    lines.push(
      `  ${removed.kind.padEnd(15)}${removed.sourceUri} = ${removed.duplicateOf}${similarity}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
