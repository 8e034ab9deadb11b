import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from './language.js';

/** The shared copy of lid.176.ftz beside the repository: ../shared/models/lid.176/. */
const sharedModelPath = fileURLToPath(
  new URL('../../../../shared/models/lid.176/lid.176.ftz', import.meta.url),
);
const hasSharedModel = existsSync(sharedModelPath);

const samples: [string, string][] = [
  [
    'de',
    'Unsere neue Herbstkollektion ist da. Entdecken Sie jetzt weiche Pullover aus Merinowolle.',
  ],
  ['de', 'Jetzt bestellen und 20 % sparen – nur bis Sonntag,\nsolange der Vorrat reicht!'],
  ['en', 'Our new autumn collection has arrived. Discover soft merino jumpers today.'],
  ['en', 'Order now and save 20% – this weekend only,\nwhile stocks last!'],
];

describe('createLanguageDetector', () => {
  const detector = createLanguageDetector();

  it('detects German and English marketing sentences, line breaks included', async () => {
    for (const [language, text] of samples) {
      const result = await detector.detect(text);
      expect(result.language, text).toBe(language);
      expect(result.confidence).toBeGreaterThan(0.5);
    }
  });

  it('answers "und" for text under three words', async () => {
    expect(await detector.detect('Jetzt kaufen')).toEqual({ language: 'und', confidence: 0 });
    expect(await detector.detect('  \n ')).toEqual({ language: 'und', confidence: 0 });
  });

  it('answers "und" below the minimum confidence, with the confidence it had', async () => {
    const strict = createLanguageDetector({ minConfidence: 0.999999 });
    const result = await strict.detect('Order now and save 20% – this weekend only!');
    expect(result.language).toBe('und');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(0.999999);
  });

  it('says what to do when a model file cannot be loaded', async () => {
    const missing = createLanguageDetector({ modelPath: '/nonexistent/lid.176.ftz' });
    await expect(missing.detect('Dieser Satz hat genug Wörter.')).rejects.toThrow(
      /Could not load the language model from \/nonexistent\/lid.176.ftz/,
    );
  });

  const sharedTitle = hasSharedModel
    ? 'gives the same answers from the shared model file as from the bundled copy'
    : `skipped: ${sharedModelPath} is not there, so the shared model file cannot be compared`;
  it.skipIf(!hasSharedModel)(sharedTitle, async () => {
    const fromFile = createLanguageDetector({ modelPath: sharedModelPath });
    for (const [, text] of samples) {
      expect(await fromFile.detect(text)).toEqual(await detector.detect(text));
    }
  });
});
