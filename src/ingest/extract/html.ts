import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import type { ExtractedDocument, MetadataValue } from '../types.js';
import type { DomDocument, DomElement } from './dom-types.js';
import { fileTitle } from './file-title.js';
import { elementText, htmlBlocks } from './html-blocks.js';
import { normaliseLanguage } from './language-tag.js';

/**
 * HTML → the page's main content as blocks, with title, language and canonical URL.
 * @module
 */

export type MainContentStrategy = 'readability' | 'fallback';

export interface HtmlExtractionOptions {
  /** Becomes the document's `sourceUri`: a relative path or the crawled URL. */
  sourceUri: string;
  /**
   * `readability` (default) scores the page with Mozilla Readability; `fallback` only
   * strips header, navigation, footer and asides from `<main>`, `<article>` or `<body>`.
   */
  mainContent?: MainContentStrategy;
  /** Base for resolving a relative canonical link; the page URL when crawling. */
  baseUrl?: string;
  /** Readability results with fewer characters than this use the fallback. Default 200. */
  minReadableLength?: number;
}

const alwaysRemoved = 'script, style, noscript, template, svg, iframe, link, meta';
const consentSelectors = ['cookie', 'consent', 'gdpr', 'newsletter-popup']
  .flatMap((word) => [`[class*="${word}"]`, `[id*="${word}"]`])
  .concat(['[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]'])
  .join(', ');
const boilerplate = [
  'header',
  'nav',
  'footer',
  'aside',
  'form',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(', ');

/** linkedom builds no `<html>`/`<body>` around a fragment, so supply them. */
function parse(html: string): DomDocument {
  const head = html.slice(0, 4096);
  let page = html;
  if (!/<html[\s>]/i.test(head)) {
    page = /<(body|head)[\s>]/i.test(head)
      ? `<html>${html}</html>`
      : `<html><body>${html}</body></html>`;
  }
  return parseHTML(page).document as DomDocument;
}

function removeAll(root: DomDocument | DomElement, selector: string): void {
  for (const element of Array.from(root.querySelectorAll(selector))) {
    const tag = element.tagName.toLowerCase();
    // A class like "has-cookie-banner" on a wrapper must not take the content with it.
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') continue;
    if (element.querySelector('main, article, h1') !== null) continue;
    element.remove();
  }
}

function removeNoise(document: DomDocument): void {
  removeAll(document, alwaysRemoved);
  removeAll(document, consentSelectors);
}

function readPageFacts(document: DomDocument, baseUrl: string | undefined) {
  const attribute = (selector: string, name: string) =>
    document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  const titleElement = document.querySelector('title');
  const firstHeading = document.querySelector('h1');
  const title =
    (titleElement?.textContent ?? '').replace(/\s+/g, ' ').trim() ||
    attribute('meta[property="og:title"]', 'content') ||
    (firstHeading ? elementText(firstHeading) : '');
  const canonical = attribute('link[rel="canonical"]', 'href');

  return {
    title,
    heading: firstHeading ? elementText(firstHeading) : '',
    language: normaliseLanguage(document.documentElement?.getAttribute('lang')),
    canonical: canonical && baseUrl ? resolveUrl(canonical, baseUrl) : canonical,
    description: attribute('meta[name="description"]', 'content'),
    updated:
      attribute('meta[property="article:modified_time"]', 'content') ||
      attribute('meta[property="article:published_time"]', 'content') ||
      attribute('time[datetime]', 'datetime'),
  };
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function readabilityRoot(document: DomDocument, minimumLength: number): DomElement | undefined {
  const reader = new Readability<DomElement>(document as never, {
    serializer: (node) => node as DomElement,
    disableJSONLD: true,
  });
  const article = reader.parse();
  if (!article?.content || (article.length ?? 0) < minimumLength) return undefined;
  return article.content;
}

/** `document` must be untouched by Readability; noise is already removed. */
function fallbackRoot(document: DomDocument): DomElement | undefined {
  const root = document.querySelector('main') ?? document.querySelector('article') ?? document.body;
  if (!root) return undefined;
  removeAll(root, boilerplate);
  return root;
}

/**
 * Extract the main content of an HTML page. Readability finds the article; when it
 * finds too little (short pages), the page body without boilerplate is used instead.
 */
export function extractHtmlDocument(
  html: string,
  options: HtmlExtractionOptions,
): ExtractedDocument {
  const document = parse(html);
  const facts = readPageFacts(document, options.baseUrl);

  removeNoise(document);
  let root: DomElement | undefined;
  if ((options.mainContent ?? 'readability') === 'readability') {
    root = readabilityRoot(document, options.minReadableLength ?? 200);
    if (!root) {
      // Readability rewrote the document it was given, so start again from the source.
      const fresh = parse(html);
      removeNoise(fresh);
      root = fallbackRoot(fresh);
    }
  } else {
    root = fallbackRoot(document);
  }

  const blocks = root ? htmlBlocks(root) : [];
  // Readability drops an <h1> that repeats the <title>; keep it so heading paths match.
  if (facts.heading && blocks[0]?.type !== 'heading') {
    blocks.unshift({ type: 'heading', level: 1, text: facts.heading });
  }
  const firstHeading = blocks.find((block) => block.type === 'heading');
  const metadata: Record<string, MetadataValue> = {};
  if (facts.canonical) metadata.canonical = facts.canonical;
  if (facts.description) metadata.description = facts.description;
  if (facts.updated) metadata.updated = facts.updated;

  return {
    sourceUri: options.sourceUri,
    kind: 'page',
    title: facts.title || firstHeading?.text || fileTitle(options.sourceUri) || options.sourceUri,
    blocks,
    ...(facts.language ? { language: facts.language } : {}),
    metadata,
    warnings: [],
  };
}
