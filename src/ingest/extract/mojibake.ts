import iconv from 'iconv-lite';

/**
 * Repair of UTF-8 text that was once decoded as windows-1252 and saved again
 * ("fÃ¼r" for "für"). Each run of characters that windows-1252 can encode is turned
 * back into bytes; the run is replaced only when those bytes are valid UTF-8.
 * @module
 */

/** windows-1252 character → byte, built from iconv-lite so the table is not hand-typed. */
const byteOfCharacter = buildByteTable();

/** A lead byte (Â–ô) followed by a continuation byte: the fingerprint of mojibake. */
const mojibakeSignal = new RegExp(
  '[\\u00C2-\\u00F4][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192' +
    '\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030' +
    '\\u2039\\u203A\\u20AC\\u2122]',
);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function buildByteTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const character = iconv.decode(Buffer.from([byte]), 'windows-1252');
    // Bytes windows-1252 leaves undefined (0x81, 0x8D, …) survive mojibake as C1 controls.
    table.set(character === '\uFFFD' ? String.fromCharCode(byte) : character, byte);
  }
  return table;
}

function encodableRuns(): RegExp {
  const characters = [...byteOfCharacter.keys()].map((character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return new RegExp(`[${characters.join('')}]{2,}`, 'g');
}

const runPattern = encodableRuns();

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function repairRun(run: string): string {
  const bytes = Uint8Array.from(run, (character) => byteOfCharacter.get(character) ?? 0);
  try {
    const decoded = strictUtf8.decode(bytes);
    // Control characters in the result mean the run was not mojibake after all.
    return hasControlCharacter(decoded) ? run : decoded;
  } catch {
    return run;
  }
}

/**
 * Undo double-encoded UTF-8 where the text clearly contains it; text without the
 * telltale sequences is returned unchanged (same string).
 */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  if (!mojibakeSignal.test(text)) return { text, repaired: false };

  let repaired = false;
  const result = text.replace(runPattern, (run) => {
    if (!mojibakeSignal.test(run)) return run;
    const fixed = repairRun(run);
    if (fixed !== run) repaired = true;
    return fixed;
  });

  return { text: repaired ? result : text, repaired };
}
