/**
 * Maps a language tag to the analysis pipelines the analyser has.
 * @module
 */

/** The analysis pipelines: English, German, and both at once for an unknown language. */
export type AnalysisLanguage = 'en' | 'de' | 'und';

/**
 * Reduces a BCP 47 tag ("de-CH", "en_GB", "EN") to a pipeline. Any language other than
 * English or German, and "und" or an empty tag, gets the "und" pipeline.
 */
export function analysisLanguage(tag: string | undefined): AnalysisLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en' || primary === 'de') return primary;
  return 'und';
}
