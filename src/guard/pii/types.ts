/**
 * Shapes shared by the personal-data detectors.
 * @module
 */
import type { PersonalDataType } from '../finding.js';

/** One detected stretch of personal data before allow-lists and overlap resolution. */
export interface PiiMatch {
  type: PersonalDataType;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  /** Stable rule id, such as `pii.iban.mod97`. */
  rule: string;
  details?: Record<string, unknown>;
}

/** Settings every detector may read. */
export interface DetectorSettings {
  /**
   * `valid`: a phone number must be a valid number of its country (libphonenumber full
   * metadata). `possible`: the right length for its country is enough (reserved fictional
   * ranges such as UK 07700 900xxx pass).
   */
  phoneValidation: 'valid' | 'possible';
}

/** A detector finds one type of personal data in a whole text. */
export interface PiiDetector {
  type: PersonalDataType;
  detect: (text: string, settings: DetectorSettings) => PiiMatch[];
}
