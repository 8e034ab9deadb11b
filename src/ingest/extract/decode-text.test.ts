import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { decodeBytes, sniffMetaCharset } from './decode-text.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads valid UTF-8 as is and strips the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Größe für alle')]);

    expect(decodeBytes(bytes)).toEqual({
      text: 'Größe für alle',
      encoding: 'utf-8',
      repaired: false,
      mojibakeRepaired: false,
    });
  });

  it('decodes windows-1252 bytes to correct umlauts and marks them repaired', () => {
    const text = 'Größe für Übergrößen – schöne Grüße aus München, 20 € pro Paar.';
    const bytes = iconv.encode(text, 'windows-1252');

    const result = decodeBytes(bytes);

    expect(result.text).toBe(text);
    expect(result.encoding).toBe('windows-1252');
    expect(result.repaired).toBe(true);
  });

  it('decodes a short latin-1 word that detection alone would misread', () => {
    const result = decodeBytes(iconv.encode('Größe', 'latin1'));

    expect(result.text).toBe('Größe');
    expect(result.repaired).toBe(true);
  });

  it('honours a declared charset from the caller or from an HTML meta tag', () => {
    const cyrillic = 'Привет, это тест';
    const fromHeader = decodeBytes(iconv.encode(cyrillic, 'koi8-r'), { charset: 'KOI8-R' });
    const html = `<html><head><meta charset="windows-1251"></head><body>${cyrillic}</body>`;
    const fromMeta = decodeBytes(iconv.encode(html, 'windows-1251'), { html: true });

    expect(fromHeader).toMatchObject({ text: cyrillic, encoding: 'koi8-r', repaired: true });
    expect(fromMeta.text).toContain(cyrillic);
    expect(fromMeta.encoding).toBe('windows-1251');
  });

  it('ignores a declared charset when the bytes are valid UTF-8', () => {
    expect(decodeBytes(utf8('für'), { charset: 'iso-8859-1' }).text).toBe('für');
  });

  it('repairs mojibake in otherwise valid UTF-8', () => {
    const garbled = 'Schuhe fÃ¼r jede GrÃ¶ÃŸe â€“ jetzt â€žneuâ€œ';
    const result = decodeBytes(utf8(garbled));

    expect(result.text).toBe('Schuhe für jede Größe – jetzt „neu“');
    expect(result).toMatchObject({ encoding: 'utf-8', repaired: true, mojibakeRepaired: true });
  });

  it('leaves correct text with Latin-1 letters alone', () => {
    const text = 'Ärger mit Öl? Ça va, señor. ÂBC Ã';

    expect(decodeBytes(utf8(text))).toMatchObject({ text, repaired: false });
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('Größe', 'utf-16le')]);

    expect(decodeBytes(bytes)).toMatchObject({ text: 'Größe', encoding: 'utf-16le' });
  });
});

describe('sniffMetaCharset', () => {
  it('reads both meta forms', () => {
    const http = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">';

    expect(sniffMetaCharset(utf8('<meta charset="utf-8">'))).toBe('utf-8');
    expect(sniffMetaCharset(utf8(http))).toBe('ISO-8859-1');
    expect(sniffMetaCharset(utf8('<p>no meta</p>'))).toBeUndefined();
  });
});
