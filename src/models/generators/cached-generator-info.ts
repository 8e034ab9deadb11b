import type { Generator, GeneratorInfo } from './generator.js';

/**
 * `inner.info()`, asked once and remembered once it succeeds. A failure is not remembered:
 * the server may be back for the next call.
 */
export function rememberInfo(inner: Generator): () => Promise<GeneratorInfo> {
  let known: Promise<GeneratorInfo> | undefined;
  return () => {
    known ??= inner.info().catch((error: unknown) => {
      known = undefined;
      throw error;
    });
    return known;
  };
}
