import { MarkwerkError } from '../../core/errors.js';
import type { HfResponseFacts } from './hf-errors.js';
import { parseRetryAfter, safeUrl } from './http-errors.js';

/** Origins Inference Providers are reached through with a Hugging Face token. */
export const HF_PROVIDER_ORIGINS = ['https://router.huggingface.co', 'https://huggingface.co'];

/**
 * Wraps fetch for the Hugging Face client: refuses any URL outside the allowed places before
 * a connection is made, and records the answer's status and Retry-After, which the client's
 * own errors do not carry.
 */
export function guardFetch(
  allowed: { endpointUrl: string } | { origins: readonly string[] },
  facts: HfResponseFacts,
  fetchImpl: typeof fetch = fetch,
): typeof fetch {
  const permits = (url: URL) => {
    if ('origins' in allowed) return allowed.origins.includes(url.origin);
    const base = new URL(allowed.endpointUrl);
    const prefix = base.pathname.replace(/\/+$/, '');
    const inside = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    return url.origin === base.origin && inside;
  };

  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!permits(url)) {
      const where = 'origins' in allowed ? allowed.origins.join(', ') : allowed.endpointUrl;
      throw new MarkwerkError(
        'GENERATION_FAILED',
        `Refused a request to ${url.origin}${url.pathname}: the hf generator only contacts ` +
          `${where}. Use a Hugging Face token (hf_...) for Inference Providers.`,
        {
          details: { provider: 'hf', refusedUrl: `${url.origin}${url.pathname}`, retryable: false },
        },
      );
    }
    facts.url = safeUrl(url.toString());
    delete facts.status;
    const response = await fetchImpl(input, init);
    facts.status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (retryAfterMs === undefined) delete facts.retryAfterMs;
    else facts.retryAfterMs = retryAfterMs;
    return response;
  };
}
