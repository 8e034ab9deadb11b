import type { PiiConfig } from '../../core/config-schema.js';
import { detectPii, maskPii } from '../process/pii.js';
import type { Block, ExtractedDocument, MetadataValue } from '../types.js';

export interface MaskedDocument {
  title: string;
  blocks: Block[];
  metadata: Record<string, MetadataValue>;
  /** Findings masked, by type. */
  counts: Record<string, number>;
}

/** Applies the personal-data policy to every piece of text a document carries. */
export function maskDocument(
  blocks: Block[],
  extracted: ExtractedDocument,
  policy: PiiConfig,
): MaskedDocument {
  const counts: Record<string, number> = {};
  const mask = (text: string): string => {
    if (policy.action === 'off' || text.length === 0) return text;
    const findings = detectPii(text, policy.types, policy.allow);
    if (findings.length === 0) return text;
    const result = maskPii(text, findings, policy.action);
    for (const [type, count] of Object.entries(result.counts)) {
      counts[type] = (counts[type] ?? 0) + count;
    }
    return result.text;
  };

  const maskedBlocks = blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'code':
        return { ...block, text: mask(block.text) };
      case 'list':
        return { ...block, items: block.items.map(mask) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map(mask)) };
    }
  });
  const metadata = Object.fromEntries(
    Object.entries(extracted.metadata).map(([key, value]) => [
      key,
      typeof value === 'string' ? mask(value) : value,
    ]),
  );

  return { title: mask(extracted.title), blocks: maskedBlocks, metadata, counts };
}
