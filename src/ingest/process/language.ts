/**
 * Language identification with fastText's lid.176 model, run as WebAssembly.
 * @module
 */
import { getLIDModel } from 'fasttext.wasm.js';
import { pathToFileURL } from 'node:url';
import { MarkwerkError } from '../../core/errors.js';

export interface LanguageDetectorOptions {
  /**
   * A lid.176 model file on disk. Defaults to the copy bundled with `fasttext.wasm.js`,
   * which is the same file.
   */
  modelPath?: string;
  /** Below this probability the answer is "und" (undetermined). Default 0.4. */
  minConfidence?: number;
}

export interface DetectedLanguage {
  /** fastText's label: an ISO 639-1 code where one exists ("de", "en"), else "und". */
  language: string;
  /** The model's probability for that label; 0 when the text was too short to judge. */
  confidence: number;
}

export interface LanguageDetector {
  detect(text: string): Promise<DetectedLanguage>;
}

type LidModel = Awaited<ReturnType<Awaited<ReturnType<typeof getLIDModel>>['load']>>;

/** One loaded model per file (the bundled one under ''), shared by every detector. */
const loadedModels = new Map<string, Promise<LidModel>>();

/** fastText's cost grows with the text; the first few thousand characters decide the language. */
const maxCharacters = 8000;

/**
 * Creates a language detector. The model loads on the first `detect` call (about 70 ms)
 * and is then shared with every other detector using the same file.
 *
 * Line breaks are replaced by spaces first, because fastText predicts one line at a time.
 * Texts under three words (and under 20 letters, so unspaced scripts such as Japanese still
 * count) and predictions below `minConfidence` give "und".
 */
export function createLanguageDetector(options: LanguageDetectorOptions = {}): LanguageDetector {
  const minConfidence = options.minConfidence ?? 0.4;
  const modelPath = options.modelPath;

  return {
    async detect(text) {
      const sample = prepare(text);
      if (isTooShort(sample)) return { language: 'und', confidence: 0 };

      const model = await loadModel(modelPath);
      const predictions = model.predict(sample, 1, 0);
      try {
        const best = predictions.size() > 0 ? predictions.get(0) : undefined;
        if (best === undefined) return { language: 'und', confidence: 0 };
        const [confidence, label] = best;
        const language = label.replace('__label__', '');
        return confidence >= minConfidence
          ? { language, confidence }
          : { language: 'und', confidence };
      } finally {
        // The result lives in WebAssembly memory; without this each call leaks it.
        predictions.delete();
      }
    },
  };
}

function prepare(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxCharacters) return flat;
  const cut = flat.lastIndexOf(' ', maxCharacters);
  return flat.slice(0, cut > 0 ? cut : maxCharacters);
}

function isTooShort(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length >= 3) return false;
  return words.reduce((letters, word) => letters + word.length, 0) < 20;
}

function loadModel(modelPath: string | undefined): Promise<LidModel> {
  const key = modelPath ?? '';
  const existing = loadedModels.get(key);
  if (existing !== undefined) return existing;

  const loading = (async () => {
    const modelUrl = modelPath === undefined ? undefined : pathToFileURL(modelPath).href;
    const lid = await getLIDModel(modelUrl === undefined ? {} : { modelPath: modelUrl });
    return lid.load();
  })().catch((error: unknown) => {
    loadedModels.delete(key);
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Could not load the language model${modelPath === undefined ? '' : ` from ${modelPath}`}; ` +
        'check that the file exists and is a fastText lid.176 model, or leave modelPath unset ' +
        'to use the copy bundled with fasttext.wasm.js.',
      { cause: error, details: { modelPath: modelPath ?? null } },
    );
  });
  loadedModels.set(key, loading);
  return loading;
}
