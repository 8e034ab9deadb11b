import { escapeHtml } from './escape-html.js';

/** A part of a report page: a heading and already-built, already-escaped HTML. */
export interface PageSection {
  heading: string;
  html: string;
}

const style = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { padding: .25rem .75rem; border-bottom: 1px solid #d0d7de; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.decision { font-size: 1.1rem; font-weight: 600; padding: .5rem .75rem; background: #f6f8fa;
  border-left: 4px solid #0969da; }
.note { color: #59636e; font-size: .9rem; }
svg { max-width: 100%; height: auto; }
`;

/**
 * A self-contained HTML page: inline CSS and inline SVG only, no scripts, no external assets,
 * so it can be mailed or archived and opened offline. The title is escaped here; sections
 * must bring escaped HTML.
 */
export function htmlPage(title: string, sections: readonly PageSection[], note?: string): string {
  const body = sections
    .map(
      (section) =>
        `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.html}\n</section>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    note === undefined ? '' : `<p class="note">${escapeHtml(note)}</p>`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** An HTML table of already-formatted cells; every cell is escaped. */
export function htmlTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const headerRow = `<tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`;
  const bodyRows = rows.map(
    (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  const body = `<tbody>\n${bodyRows.join('\n')}\n</tbody>`;
  return `<table>\n<thead>${headerRow}</thead>\n${body}\n</table>`;
}
