import { describe, expect, it } from 'vitest';
import { isAcceptedMediaType, parseContentType } from './content-type.js';

describe('parseContentType', () => {
  it('separates the media type from parameters and keeps the declared charset', () => {
    expect(parseContentType('Text/HTML; Charset="ISO-8859-1"')).toEqual({
      mediaType: 'text/html',
      charset: 'ISO-8859-1',
    });
    expect(parseContentType('application/pdf')).toEqual({ mediaType: 'application/pdf' });
    expect(parseContentType('text/html; boundary=x; charset=utf-8')).toMatchObject({
      charset: 'utf-8',
    });
  });

  it('returns undefined for a missing or empty header', () => {
    expect(parseContentType(null)).toBeUndefined();
    expect(parseContentType(' ; charset=utf-8')).toBeUndefined();
  });
});

describe('isAcceptedMediaType', () => {
  it('matches exact types case-insensitively, families and the full wildcard', () => {
    expect(isAcceptedMediaType('text/html', ['TEXT/HTML'])).toBe(true);
    expect(isAcceptedMediaType('application/pdf', ['text/html', 'text/plain'])).toBe(false);
    expect(isAcceptedMediaType('text/markdown', ['text/*'])).toBe(true);
    expect(isAcceptedMediaType('', ['text/html'])).toBe(false);
    expect(isAcceptedMediaType('', ['*/*'])).toBe(true);
  });
});
