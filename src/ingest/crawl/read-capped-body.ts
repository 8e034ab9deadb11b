export type CappedBody =
  { kind: 'complete'; body: Uint8Array } | { kind: 'too-large'; detail: string };

/**
 * Reads a response body as bytes, giving up as soon as it grows past `maxBytes` so an
 * oversized page costs at most `maxBytes` of memory and transfer. A declared Content-Length
 * above the cap is refused before any of the body is read.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  const declaredLength = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', detail: `declared ${declaredLength} bytes, limit ${maxBytes}` };
  }
  if (response.body === null) return { kind: 'complete', body: new Uint8Array(0) };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large', detail: `body exceeded the limit of ${maxBytes} bytes` };
    }
    chunks.push(value);
  }

  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'complete', body };
}
