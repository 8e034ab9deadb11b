import { stringify } from 'yaml';
import type { DatasetCard } from './dataset-card.js';

const SIZE_BUCKETS: Array<[number, string]> = [
  [1_000, 'n<1K'],
  [10_000, '1K<n<10K'],
  [100_000, '10K<n<100K'],
  [1_000_000, '100K<n<1M'],
];

function sizeCategory(count: number): string {
  return SIZE_BUCKETS.find(([limit]) => count < limit)?.[1] ?? '1M<n<10M';
}

/**
 * The README.md of an exported dataset: YAML metadata the Hugging Face Hub reads
 * (licence, languages, configs with their data files) followed by the card in prose.
 */
export function renderHubCard(card: DatasetCard, name: string): string {
  const splits = Object.keys(card.splits).sort();
  const dataFiles = (folder: string) =>
    splits.map((split) => ({ split, path: `data/${folder}/${split}.jsonl` }));
  const metadata = {
    pretty_name: name,
    license: card.license,
    language: Object.keys(card.languages).filter((language) => language !== 'und'),
    size_categories: [sizeCategory(card.counts.documents)],
    task_categories: ['text-retrieval', 'text-generation'],
    configs: [
      { config_name: 'documents', data_files: dataFiles('documents'), default: true },
      { config_name: 'chunks', data_files: dataFiles('chunks') },
    ],
  };

  const table = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([key, count]) => `| ${key} | ${count} |`)
      .join('\n') || '| (none) | 0 |';

  const chunking = card.chunking;
  const nearDuplicates = card.dedupe.near
    ? `on, MinHash Jaccard threshold ${card.dedupe.threshold}`
    : 'off';

  return `---
${stringify(metadata).trimEnd()}
---

# ${name}

Dataset version \`${card.version}\`${card.parent ? `, following \`${card.parent}\`` : ''}, created
${card.createdAt} by Markwerk's ingest pipeline (version ${card.pipelineVersion}).

## Sources

Inputs: ${card.sources.inputs.map((input) => `\`${input}\``).join(', ')}. Sources read:
${card.sources.read}; failed and skipped: ${card.sources.failed.length}.

## Contents

| | count |
| --- | --- |
| documents extracted | ${card.counts.documentsExtracted} |
| documents kept | ${card.counts.documents} |
| exact duplicates removed | ${card.counts.exactDuplicates} |
| near duplicates removed | ${card.counts.nearDuplicates} |
| chunks | ${card.counts.chunks} |
| tokens (approximate) | ${card.counts.tokens} |

| language | documents |
| --- | --- |
${table(card.languages)}

| split | documents |
| --- | --- |
${table(card.splits)}

## Processing

- Personal data: action \`${card.pii.action}\` on ${card.pii.types.join(', ')}; masked:
  ${
    Object.entries(card.pii.masked)
      .map(([type, count]) => `${type} ${count}`)
      .join(', ') || 'none'
  }.
- Near-duplicate removal: ${nearDuplicates}.
- Chunking: at most ${chunking.maxTokens} tokens, ${chunking.overlapTokens} tokens of overlap.

## Licence

${card.license}
`;
}
