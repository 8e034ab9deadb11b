/**
 * Base64 blobs: long runs that decode to readable text hide instructions from a reader
 * but not from a model. Hex hashes, URLs' paths and SKUs do not qualify (no mixed case).
 * @module
 */

export interface EncodedPayload {
  start: number;
  end: number;
  decoded: string;
  /** Share of printable ASCII in the decoded bytes. */
  printable: number;
}

const blobPattern = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/=_-])/g;

function looksLikeBase64(blob: string): boolean {
  return /[a-z]/.test(blob) && /[A-Z]/.test(blob) && /[0-9+/]/.test(blob.replace(/=+$/, ''));
}

/** Base64 runs of 32 or more characters with upper and lower case letters, decoded. */
export function encodedPayloads(text: string): EncodedPayload[] {
  const payloads: EncodedPayload[] = [];
  for (const match of text.matchAll(blobPattern)) {
    const blob = match[0];
    if (!looksLikeBase64(blob)) continue;

    const bytes = Buffer.from(blob, 'base64');
    let printable = 0;
    for (const byte of bytes) if ((byte >= 32 && byte < 127) || byte === 10) printable += 1;
    payloads.push({
      start: match.index,
      end: match.index + blob.length,
      decoded: bytes.toString('latin1'),
      printable: bytes.length === 0 ? 0 : printable / bytes.length,
    });
  }
  return payloads;
}
