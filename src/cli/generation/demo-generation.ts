/**
 * The demo's generation step: a grounded German answer from the first demo search's hits, a
 * product description with the policy's disclaimer, and the guard stopping a bad draft. All
 * on the offline composer, so it runs with no model and no network.
 * @module
 */
import path from 'node:path';
import type { GenerationInput } from '../../generation/generation-input.js';
import { loadGenerationAssets } from '../../generation/generation-config.js';
import { readProductFeed } from '../../generation/product-feed.js';
import { builtinDetectors, policyRuleActions } from '../../guard/engine/builtin-detectors.js';
import { createGuardEngine, type GuardScanResult } from '../../guard/engine/create-guard-engine.js';
import { loadPolicy } from '../../guard/policy/load-policy.js';
import { markedText, OfflineComposer } from '../../models/generators/offline-composer.js';
import type { SearchResult } from '../../retrieval/hybrid/hybrid-search.js';
import { generateGrounded, type GroundedGeneration } from '../../usecases/grounded-generation.js';
import { requiredDisclaimerFrom } from '../../usecases/policy-disclaimer.js';

export interface DemoGeneration {
  answer: { question: string; language: string; outcome: GroundedGeneration };
  product: { sku: string; outcome: GroundedGeneration };
  draft: { text: string; scan: GuardScanResult };
}

const DEMO_PRODUCT = 'BF-SUN-110-50ML';

const BAD_DRAFT =
  'Unsere revolutionäre Sonnencreme ist 100 % sicher und garantiert klimaneutral. ' +
  'Fragen? Schreib an max.mustermann@example.de oder ruf an: +49 89 12345678.';

/** Runs the step; `search` is a demo search whose hits ground the answer, in its language. */
export async function runDemoGeneration(
  samplesFolder: string,
  search: { query: string; language: string; results: SearchResult[] },
): Promise<DemoGeneration> {
  const question = search.query;
  const language = search.language === 'de' ? 'de' : 'en';
  const assets = await loadGenerationAssets({}, samplesFolder);
  const policy = await loadPolicy(path.join(samplesFolder, 'brand', 'policy.yaml'));
  const guard = createGuardEngine({
    detectors: builtinDetectors({ policy }),
    ruleDefaults: policyRuleActions(policy),
    policyVersion: String(policy.version),
  });
  const shared = {
    generator: new OfflineComposer(),
    ...assets,
    guard,
    requiredDisclaimer: requiredDisclaimerFrom(policy),
  };

  const facts = search.results.map((hit) => ({
    id: hit.id,
    text: hit.chunk.text,
    ...(hit.chunk.title ? { title: hit.chunk.title } : {}),
  }));
  const answer = await generateGrounded({
    ...shared,
    useCase: 'answer',
    input: { language, question, facts },
  });
  const product = await generateGrounded({
    ...shared,
    useCase: 'product-description',
    input: productInput(samplesFolder, DEMO_PRODUCT),
  });
  const scan = await guard.scanText(BAD_DRAFT, { lang: 'de', direction: 'out', channel: 'web' });
  return {
    answer: { question, language, outcome: answer },
    product: { sku: DEMO_PRODUCT, outcome: product },
    draft: { text: BAD_DRAFT, scan },
  };
}

function productInput(samplesFolder: string, sku: string): GenerationInput {
  const product = readProductFeed(path.join(samplesFolder, 'feeds', 'products.csv')).get(sku);
  return {
    language: 'de',
    channel: 'web',
    product: product ?? { id: sku, fields: {} },
  };
}

export function describeDemoGeneration(demo: DemoGeneration): string {
  const { answer, product, draft } = demo;
  const lines = [
    'Grounded generation on the offline composer (no model; every sentence cites its source):',
    '',
    `  Question: "${answer.question}" [${answer.language}]`,
    ...indent(markedText(answer.outcome.result)),
    `  cites: ${citedIds(answer.outcome).join(', ')}`,
    `  guard: ${verdictLine(answer.outcome.guard)}`,
    '',
    `  Product description, ${product.sku}, German, web:`,
    ...indent(markedText(product.outcome.result)),
    `  guard: ${verdictLine(product.outcome.guard)}` +
      (product.outcome.disclaimer ? '; disclaimer added as the brand policy requires' : ''),
    '',
    '  Guard on a bad draft:',
    ...indent(draft.text),
    `  verdict: ${draft.scan.verdict}`,
    ...draft.scan.findings.map(
      (finding) =>
        `    ${finding.action.padEnd(5)} ${finding.type} ${finding.rule}: "${finding.text}"`,
    ),
    `  masked: ${draft.scan.masked}`,
    '',
  ];
  return lines.join('\n');
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => (line ? `    ${line}` : ''));
}

function citedIds(outcome: GroundedGeneration): string[] {
  const ids = outcome.result.sentences?.flatMap((sentence) =>
    sentence.citations.map((citation) => citation.id),
  );
  return [...new Set(ids)].map((id) => (id.length > 16 ? `${id.slice(0, 12)}…` : id));
}

function verdictLine(scan: GuardScanResult | undefined): string {
  if (!scan) return 'not run';
  const rate = scan.metrics.unsupportedClaimRate;
  const grounding = rate === undefined ? '' : `, unsupported claims ${(rate * 100).toFixed(0)} %`;
  return `${scan.verdict} (${scan.findings.length} findings${grounding})`;
}
