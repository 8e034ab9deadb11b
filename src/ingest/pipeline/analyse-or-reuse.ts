import { sha256 } from '../../core/hash.js';
import { getDocuments } from '../../store/repositories/documents-repository.js';
import { findReusableSource } from '../../store/repositories/runs-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import type { Source } from '../sources/source.js';
import type { SourceAnalyser } from './analysis-pool.js';
import type { AnalysedSource } from './process-source.js';

export interface ReuseLookup {
  store: SqlExecutor;
  /** Source hashes finished in earlier runs under the same settings. */
  known: Set<string>;
  settings: string;
}

/**
 * Reads a source and either finds the documents an earlier run made from the same
 * bytes under the same settings, or has the analyser process it.
 */
export async function analyseOrReuse(
  source: Source,
  analyser: SourceAnalyser,
  reuse: ReuseLookup,
): Promise<AnalysedSource> {
  const input = await source.read();
  const sourceHash = sha256(input.bytes);

  const reusable = reuse.known.has(sourceHash)
    ? await findReusableSource(reuse.store, sourceHash, reuse.settings)
    : undefined;
  if (reusable !== undefined) {
    const ids = reusable.map((item) => item.documentId);
    const stored = await getDocuments(reuse.store, ids);
    stored.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    return { key: source.key, sourceHash, via: 'reused', documents: stored };
  }

  const documents = await analyser.analyse({
    key: source.key,
    origin: source.origin,
    location: source.location,
    bytes: input.bytes,
    ...(input.charset ? { charset: input.charset } : {}),
  });
  return { key: source.key, sourceHash, via: 'processed', documents };
}
