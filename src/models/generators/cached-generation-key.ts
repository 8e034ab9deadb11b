/**
 * Cache keys for generation results: everything that shapes the output, hashed.
 * @module
 */
import { hashValue } from '../../core/hash.js';
import type { GenerationRequest, GeneratorInfo } from './generator.js';

/** Hash of what the model is shown: the messages or prompt, and the chunks it rests on. */
function generationContextHash(request: GenerationRequest): string {
  return hashValue({
    messages: request.messages ?? null,
    prompt: request.prompt ?? null,
    chunkIds: request.tags?.chunkIds ?? [],
  });
}

/**
 * SHA-256 over canonical JSON of the model and its revision, the template id and version,
 * the parameters, the context hash and the LoRA adapter. The dataset version is kept beside
 * the key, not in it, so a new version replaces the old entry instead of adding one.
 */
export function generationCacheKey(info: GeneratorInfo, request: GenerationRequest): string {
  return hashValue({
    format: 1,
    provider: info.provider,
    model: info.model,
    revision: info.revision ?? null,
    template: request.tags?.template ?? null,
    parameters: request.parameters ?? {},
    context: generationContextHash(request),
    adapter: request.adapter ?? null,
  });
}
