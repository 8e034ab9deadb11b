import type { CatalogChunk } from '../../store/repositories/chunk-catalog-repository.js';
import type { SearchableChunk } from '../types.js';

/** The product a chunk belongs to: the record id of a product feed row, if any. */
export function productOf(chunk: Pick<CatalogChunk, 'kind' | 'sourceUri'>): string | undefined {
  if (chunk.kind !== 'product') return undefined;
  return /#[^=&]+=([^&]+)/.exec(chunk.sourceUri)?.[1];
}

/**
 * Every chunk of one dataset version, by id: what search shows, cites and filters on.
 * Filter fields: language, source, kind, category, product, version.
 */
export class ChunkCatalog {
  private readonly chunks = new Map<string, CatalogChunk>();
  private readonly fields = new Map<string, Record<string, string>>();

  constructor(readonly versionId: string) {}

  add(chunk: CatalogChunk): void {
    this.chunks.set(chunk.id, chunk);
    const product = productOf(chunk);
    this.fields.set(chunk.id, {
      language: chunk.language,
      source: chunk.sourceUri,
      kind: chunk.kind,
      version: this.versionId,
      ...(chunk.category ? { category: chunk.category } : {}),
      ...(product ? { product } : {}),
    });
  }

  get size(): number {
    return this.chunks.size;
  }

  ids(): IterableIterator<string> {
    return this.chunks.keys();
  }

  get(id: string): CatalogChunk | undefined {
    return this.chunks.get(id);
  }

  fieldsOf(id: string): Record<string, string> | undefined {
    return this.fields.get(id);
  }

  /** The chunk as the indexes take it; the title carries the heading path for BM25. */
  searchable(id: string): SearchableChunk | undefined {
    const chunk = this.chunks.get(id);
    if (!chunk) return undefined;
    return {
      id: chunk.id,
      documentId: chunk.documentId,
      title: [chunk.title, ...chunk.headingPath.filter((heading) => heading !== chunk.title)].join(
        ' · ',
      ),
      text: chunk.text,
      language: chunk.language,
      fields: this.fields.get(id) ?? {},
    };
  }
}
