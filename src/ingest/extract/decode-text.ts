import chardet from 'chardet';
import iconv from 'iconv-lite';

import { repairMojibake } from './mojibake.js';

/**
 * Bytes → text for ingest: UTF-8 first, then a declared charset, then detection,
 * and a repair pass for double-encoded UTF-8.
 * @module
 */

export interface DecodeHint {
  /** Charset declared outside the bytes, e.g. from an HTTP Content-Type header. */
  charset?: string;
  /** Look for `<meta charset>` in the first 2 KB when the bytes are not UTF-8. */
  html?: boolean;
}

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, lower case (`utf-8`, `windows-1252`, …). */
  encoding: string;
  /** True when the bytes were not valid UTF-8 or mojibake was repaired. */
  repaired: boolean;
  /** True when double-encoded UTF-8 ("fÃ¼r") was turned back into text ("für"). */
  mojibakeRepaired: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const minimumDetectionConfidence = 30;

/** WHATWG treats these labels as windows-1252, a superset, and so do browsers. */
const windows1252Aliases = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'us-ascii', 'ascii']);

function normaliseCharset(label: string): string {
  const lower = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  return windows1252Aliases.has(lower) ? 'windows-1252' : lower;
}

/** The charset a `<meta>` tag declares in the first 2 KB, if any. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1];
}

/** Decode with a single-byte or multi-byte codec; undefined when the result has holes. */
function decodeWith(bytes: Uint8Array, charset: string): string | undefined {
  if (charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset)) {
    return undefined;
  }
  const text = iconv.decode(Buffer.from(bytes), charset);
  return text.includes('\uFFFD') ? undefined : text;
}

function detectCharset(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes)[0];
  if (!best || best.confidence < minimumDetectionConfidence) return 'windows-1252';
  return normaliseCharset(best.name);
}

function decodeLegacy(bytes: Uint8Array, hint: DecodeHint): { text: string; encoding: string } {
  const declared = hint.charset ?? (hint.html ? sniffMetaCharset(bytes) : undefined);
  const candidates = [declared, detectCharset(bytes), 'windows-1252'];

  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const encoding = normaliseCharset(candidate);
    const text = decodeWith(bytes, encoding);
    if (text !== undefined) return { text, encoding };
  }
  // windows-1252 maps every byte except five; keep those as replacement characters.
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
}

function decodeBom(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const [first, second, third] = bytes;
  if (first === 0xef && second === 0xbb && third === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (first === 0xff && second === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (first === 0xfe && second === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return undefined;
}

/**
 * Decode file or response bytes to text. A byte-order mark wins; valid UTF-8 is read
 * as UTF-8 whatever is declared; otherwise the declared charset (hint or HTML meta),
 * then `chardet`'s guess, then windows-1252. Mojibake is repaired in every case.
 *
 * @example decodeBytes(bytes, { charset: 'iso-8859-1', html: true })
 */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodedText {
  let decoded = decodeBom(bytes);
  let validUtf8 = decoded !== undefined;

  if (!decoded) {
    try {
      decoded = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
      validUtf8 = true;
    } catch {
      decoded = decodeLegacy(bytes, hint);
    }
  }

  const mojibake = repairMojibake(decoded.text);
  return {
    text: mojibake.text,
    encoding: decoded.encoding,
    repaired: !validUtf8 || mojibake.repaired,
    mojibakeRepaired: mojibake.repaired,
  };
}
