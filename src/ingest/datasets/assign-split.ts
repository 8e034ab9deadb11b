import { createHash } from 'node:crypto';

/**
 * Assigns a document to a split by hashing its content address, so the same document
 * lands in the same split in every version. Shares are normalised to sum to one.
 */
export function assignSplit(documentId: string, shares: Record<string, number>): string {
  const entries = Object.entries(shares).filter(([, share]) => share > 0);
  if (entries.length === 0) return 'train';

  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const digest = createHash('sha256').update(`split:${documentId}`).digest();
  const position = digest.readUInt32BE(0) / 0x1_0000_0000;

  let cumulative = 0;
  for (const [name, share] of entries) {
    cumulative += share / total;
    if (position < cumulative) return name;
  }
  return entries[entries.length - 1]![0];
}
