/**
 * Context words around a candidate: labels that raise the score ("Tel.", "IBAN") and labels
 * that say a number is something else (order, article and invoice numbers).
 * @module
 */

/** Whether `pattern` matches in the `window` characters before `start`. */
export function labelledBefore(text: string, start: number, pattern: RegExp, window = 32): boolean {
  return pattern.test(text.slice(Math.max(0, start - window), start));
}

/** A base score raised by `boost` when a context label stands before the candidate. */
export function contextScore(
  text: string,
  start: number,
  label: RegExp,
  base: number,
  boost: number,
): number {
  return Math.min(1, labelledBefore(text, start, label) ? base + boost : base);
}

/**
 * Words that, just before a number, say it is a product or document number rather than
 * personal data (article numbers, GTINs, order and invoice numbers, versions).
 */
const labelWords =
  'ean|gtin|upc|isbn|sku|art|artikel|bestell|auftrags?|rechnungs?|kunden|order|item|model|' +
  'modell|version|ver|v|nr|no|id|ref|ticket|vorgangs?|sendungs?|tracking|invoice|case|' +
  'serien|serial|lot|charge|gutschein|voucher|coupon|code|build|release';
const numberLabel = new RegExp(
  `(?:\\b(?:${labelWords})(?:nummer|nr|no|number)?\\b[\\s.:#-]*` +
    `(?:(?:nr|no|nummer|number)\\b[\\s.:#-]*)?|#\\s*)$`,
  'i',
);

/** Words that say a number is a phone number after all ("Tel.-Nr.", "Phone no."). */
export const phoneLabel =
  /\b(?:tel|telefon\w*|fon|phone|mobil\w*|handy|fax|ruf\w*|call|cell|whatsapp|hotline)\b/i;

/** Whether the number at `start` continues something that starts like an IBAN ("DE89 …"). */
export function followsIbanPrefix(text: string, start: number): boolean {
  return /[A-Z]{2}\d{2} ?$/.test(text.slice(Math.max(0, start - 5), start));
}

/** Whether the text just before `start` labels the number as a non-personal number. */
export function hasNumberLabel(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return numberLabel.test(before) && !phoneLabel.test(before);
}
