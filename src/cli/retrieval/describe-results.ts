import type { SearchResult } from '../../retrieval/hybrid/hybrid-search.js';

const format = (value: number) => (Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(4));

/** Search results as a terminal reads them: score, citation, components, snippet. */
export function describeResults(query: string, mode: string, results: SearchResult[]): string {
  if (results.length === 0) return `No results for "${query}" (${mode}).\n`;
  const lines = [`${results.length} results for "${query}" (${mode}):`, ''];
  for (const result of results) {
    const { chunk, components } = result;
    const parts = [
      components.bm25 && `bm25 #${components.bm25.rank} ${format(components.bm25.score)}`,
      components.dense && `dense #${components.dense.rank} ${format(components.dense.score)}`,
      components.fused !== undefined && `fused ${format(components.fused)}`,
      components.rerank !== undefined && `rerank ${format(components.rerank)}`,
    ].filter(Boolean);
    const snippet = chunk.text.replace(/\s+/g, ' ').slice(0, 160);
    lines.push(
      `${String(result.rank).padStart(2)}. ${chunk.title} [${chunk.language}]`,
      `    ${chunk.sourceUri} · chunk ${chunk.ordinal} · score ${format(result.score)}`,
      `    ${parts.join(' · ')}`,
      `    ${snippet}${chunk.text.length > 160 ? '…' : ''}`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}
