#!/usr/bin/env node
// Quality and speed of the policy guards (claims, toxicity, prompt injection) on the
// hand-labelled sets in bench/guard/labelled, and throughput of every rule-based detector.
// Runs the built code (`npm run build` first; MARKWERK_DIST points elsewhere if needed):
//
//   node bench/guard/policy-quality.js [--match overlap|exact] [--megabytes 4]
//     [--only quality|speed]
//
// Claims use samples/brand/policy.yaml, market DE and the date 2026-12-03, so expiry is
// reproducible. Findings with action `allow` (approved claims) are not predictions.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.env.MARKWERK_DIST ?? path.join(here, '../../dist'));
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);

const { loadPolicy } = await load('guard/policy/load-policy.js');
const { detectClaims } = await load('guard/claims/detect-claims.js');
const { checkDisclaimers } = await load('guard/disclaimers/check-disclaimers.js');
const { detectBrandTerms } = await load('guard/brand-terms/detect-brand-terms.js');
const { detectToxicity } = await load('guard/toxicity/detect-toxicity.js');
const { detectPromptInjection } = await load('guard/injection/detect-prompt-injection.js');
const { spanMetrics } = await load('evaluation/classification/span-metrics.js');

const { values } = parseArgs({
  options: {
    match: { type: 'string', default: 'overlap' },
    megabytes: { type: 'string', default: '4' },
    only: { type: 'string', default: 'all' },
  },
});
const policy = await loadPolicy(path.join(here, '../../samples/brand/policy.yaml'));
const now = new Date('2026-12-03T12:00:00Z');

const detectors = {
  claims: (line) => detectClaims(line.text, { lang: line.lang, policy, market: 'DE', now }),
  toxicity: (line) => detectToxicity(line.text, { lang: line.lang }),
  injection: (line) =>
    detectPromptInjection(line.text, { lang: line.lang, source: line.source ?? 'user' }),
};

function readSet(name) {
  return readFileSync(path.join(here, 'labelled', `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

const round = (value) => Math.round(value * 1000) / 1000;
const pick = (metrics) => ({
  precision: round(metrics.precision),
  recall: round(metrics.recall),
  f1: round(metrics.f1),
  tp: metrics.truePositives,
  fp: metrics.falsePositives,
  fn: metrics.falseNegatives,
});

// Offsets are per line; shifting each line apart keeps spans of different lines from matching.
function evaluate(set, lines, keyOf) {
  const expected = [];
  const predicted = [];
  const misses = [];
  const lineCounts = { tp: 0, fp: 0, fn: 0 };
  lines.forEach((line, index) => {
    const base = index * 1_000_000;
    const found = detectors[set](line).filter((finding) => finding.action !== 'allow');
    const isGold = line.spans.length > 0;
    const isFound = found.length > 0;
    if (isGold && isFound) lineCounts.tp += 1;
    else if (isFound) lineCounts.fp += 1;
    else if (isGold) lineCounts.fn += 1;
    for (const span of line.spans) {
      expected.push({
        type: keyOf(span.type, span.rule),
        start: base + span.start,
        end: base + span.end,
      });
    }
    for (const finding of found) {
      predicted.push({
        type: keyOf(finding.type, finding.rule),
        start: base + finding.start,
        end: base + finding.end,
      });
    }
    const gold = line.spans.map((span) => line.text.slice(span.start, span.end)).join(' | ');
    const got = found.map((finding) => `${finding.text} (${finding.rule})`).join(' | ');
    if (gold !== found.map((finding) => finding.text).join(' | '))
      misses.push({ id: line.id, gold, got });
  });
  return { report: spanMetrics(expected, predicted, { match: values.match }), misses, lineCounts };
}

function lineMetrics({ tp, fp, fn }) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

const results = {};
// The held-out claims were written after the rules were tuned and are not tuned on.
const sets = [
  ...['claims', 'toxicity', 'injection'].flatMap((set) =>
    ['en', 'de'].map((lang) => [set, lang, '']),
  ),
  ['claims', 'en', 'heldout-'],
  ['claims', 'de', 'heldout-'],
  ['claims', 'en', 'heldout2-'],
  ['claims', 'de', 'heldout2-'],
];
for (const [set, lang, variant] of values.only === 'speed' ? [] : sets) {
  {
    const lines = readSet(`${set}-${variant}${lang}`);
    const byType = evaluate(set, lines, (type) => type);
    // Gold toxicity rules name the category; findings say `toxicity.<category>`.
    const byRule = evaluate(
      set,
      lines,
      (type, rule) => `${type}:${rule.replace(/^toxicity\./, '')}`,
    );
    results[`${set}-${variant}${lang}`] = {
      lines: lines.length,
      spans: lines.reduce((sum, line) => sum + line.spans.length, 0),
      overall: pick(byType.report.micro),
      // Whether a line holds anything at all: the decision a guard makes per text.
      perLine: pick(lineMetrics(byType.lineCounts)),
      perRule: Object.fromEntries(
        Object.entries(byRule.report.perType).map(([key, metrics]) => [key, pick(metrics)]),
      ),
      mismatches: byType.misses,
    };
  }
}

// Throughput: documents of about 2 KB built from all labelled texts, each detector alone.
const allTexts = ['claims', 'toxicity', 'injection'].flatMap((set) =>
  ['en', 'de'].flatMap((lang) => readSet(`${set}-${lang}`).map((line) => ({ ...line, set }))),
);
function documents(lang) {
  const texts = allTexts.filter((line) => line.lang === lang).map((line) => line.text);
  const target = (Number(values.megabytes) * 1_000_000) / 2;
  const docs = [];
  let current = '';
  let bytes = 0;
  for (let index = 0; bytes < target; index += 1) {
    current += `${texts[index % texts.length]} `;
    if (current.length >= 2000) {
      docs.push(current);
      bytes += Buffer.byteLength(current);
      current = '';
    }
  }
  return docs;
}
// The labelled texts carry a finding every 100 bytes or so, a worst case; the knowledge
// articles in samples/knowledge are ordinary brand copy with few findings.
function knowledgeDocuments(lang) {
  const folder = path.join(here, '../../samples/knowledge');
  const text = readdirSync(folder)
    .filter((name) => name.endsWith(`.${lang}.md`))
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
    .join('\n\n');
  const docs = [];
  let bytes = 0;
  for (let start = 0; bytes < (Number(values.megabytes) * 1_000_000) / 2; start += 2000) {
    const doc = text.slice(start % text.length, (start % text.length) + 2000);
    docs.push(doc);
    bytes += Buffer.byteLength(doc);
  }
  return docs;
}
const corpora = {
  labelled: { en: documents('en'), de: documents('de') },
  knowledge: { en: knowledgeDocuments('en'), de: knowledgeDocuments('de') },
};
const speedDetectors = {
  claims: (text, lang) => detectClaims(text, { lang, policy, market: 'DE', now }),
  disclaimers: (text, lang) =>
    checkDisclaimers(text, { lang, category: 'sun-protection', channel: 'web', policy }),
  brandTerms: (text) => detectBrandTerms(text, { policy }),
  toxicity: (text, lang) => detectToxicity(text, { lang }),
  injection: (text, lang) => detectPromptInjection(text, { lang, source: 'retrieved' }),
};
speedDetectors.all = (text, lang) =>
  Object.entries(speedDetectors)
    .filter(([name]) => name !== 'all')
    .flatMap(([, detect]) => detect(text, lang));

const throughput = {};
for (const [name, detect] of values.only === 'quality' ? [] : Object.entries(speedDetectors)) {
  for (const [corpus, lang] of ['labelled', 'knowledge'].flatMap((c) => [
    [c, 'en'],
    [c, 'de'],
  ])) {
    const docs = corpora[corpus][lang];
    for (const doc of docs.slice(0, 50)) detect(doc, lang);
    const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0);
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    let findings = 0;
    for (const doc of docs) findings += detect(doc, lang).length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    throughput[`${name}-${corpus}-${lang}`] = {
      megabytesPerSecond: round(bytes / 1e6 / seconds),
      megabytesPerCpuSecond: round(bytes / 1e6 / cpuSeconds),
      bytes,
      findings,
    };
  }
}

const machine = {
  loadAverage: os.loadavg().map(round),
  cpus: os.cpus().length,
  node: process.version,
};
process.stdout.write(
  `${JSON.stringify({ match: values.match, machine, results, throughput }, null, 2)}\n`,
);
