import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RetrievedFact } from '../generation-input.js';

const knowledgeFolder = fileURLToPath(new URL('../../../samples/knowledge/', import.meta.url));

/**
 * A sample knowledge article as retrieved facts: one fact per paragraph, front matter
 * dropped, ids shaped like chunk ids (`<file>#<n>`).
 */
export function knowledgeFacts(file: string): RetrievedFact[] {
  const source = readFileSync(`${knowledgeFolder}${file}`, 'utf8').replace(
    /^---\n[\s\S]*?\n---\n/,
    '',
  );
  const language = file.endsWith('.de.md') ? 'de' : 'en';
  return source
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((text, index) => ({ id: `${file}#${index}`, text, language }));
}
