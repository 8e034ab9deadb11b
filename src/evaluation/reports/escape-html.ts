const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML and SVG element content and quoted attribute values. Every piece of
 * user data (experiment and variant names, metric names, titles) goes through this.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => replacements[character]!);
}

/** A number for SVG coordinates: at most two decimals, no exponent notation. */
export function coordinate(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}
