#!/usr/bin/env node
// Personal-data detection quality and speed. Quality: precision, recall and F1 per type on
// the labelled sets bench/guard/labelled/pii-{en,de}.jsonl, exact and overlap span match.
// Speed: rule-based scan (every type) over two texts of at least 5 MB: "mixed" (the sample
// brand's knowledge articles, product feed and tickets with labelled lines between them)
// and "dense" (labelled lines only, a personal-data item every ~60 characters).
// Runs the built code (`npm run build` first):
//
//   node bench/guard/pii-quality.js [--min-score 0] [--megabytes 5] [--errors] [--json]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { spanMetrics } from '../../dist/evaluation/classification/span-metrics.js';
import { detectPersonalData } from '../../dist/guard/pii/index.js';
import { evaluatePii, readLabelledSet, sampleBrandAllowList } from './pii-evaluate.js';

const { values } = parseArgs({
  options: {
    'min-score': { type: 'string', default: '0' },
    megabytes: { type: 'string', default: '5' },
    errors: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const minScore = Number(values['min-score']);

const quality = evaluatePii({ detect: detectPersonalData, spanMetrics, minScore });
const heldOut = evaluatePii({
  detect: detectPersonalData,
  spanMetrics,
  minScore,
  heldOutOnly: true,
});

const labelledTexts = ['en', 'de'].flatMap((lang) => readLabelledSet(lang).map((r) => r.text));
const sampleTexts = [
  ...readdirSync(path.join(repoRoot, 'samples/knowledge')).map((name) =>
    readFileSync(path.join(repoRoot, 'samples/knowledge', name), 'utf8'),
  ),
  readFileSync(path.join(repoRoot, 'samples/feeds/products.csv'), 'utf8'),
  readFileSync(path.join(repoRoot, 'samples/support/tickets.jsonl'), 'utf8'),
];

/** Repeats the parts, in order, until the text reaches `megabytes`. */
function corpus(parts, megabytes) {
  const chunks = [];
  let bytes = 0;
  for (let index = 0; bytes < megabytes * 1e6; index++) {
    const part = parts[index % parts.length];
    chunks.push(part);
    bytes += Buffer.byteLength(part) + 2;
  }
  return chunks.join('\n\n');
}

const mixedParts = sampleTexts.flatMap((text, index) => [
  text,
  ...labelledTexts.slice(
    (index * 5) % labelledTexts.length,
    ((index * 5) % labelledTexts.length) + 5,
  ),
]);
const allow = sampleBrandAllowList();
const speed = {};
for (const [name, parts] of [
  ['mixed', mixedParts],
  ['dense', labelledTexts],
]) {
  const text = corpus(parts, Number(values.megabytes));
  const megabytes = Buffer.byteLength(text) / 1e6;
  detectPersonalData(text.slice(0, 100_000), { allow }); // warm-up
  // CPU time as well as wall time: on a shared machine the wall clock includes waiting.
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const findings = detectPersonalData(text, { allow });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  speed[name] = {
    megabytes: round(megabytes),
    seconds: round(seconds),
    megabytesPerSecond: round(megabytes / seconds),
    cpuSeconds: round(cpuSeconds),
    megabytesPerCpuSecond: round(megabytes / cpuSeconds),
    findings: findings.length,
  };
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

const result = {
  minScore,
  quality: Object.fromEntries(
    Object.entries(quality).map(([lang, report]) => [
      lang,
      { exact: report.exact, overlap: report.overlap, errors: report.errors.length },
    ]),
  ),
  heldOut: Object.fromEntries(
    Object.entries(heldOut).map(([lang, report]) => [lang, report.exact.micro]),
  ),
  speed,
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  for (const [lang, report] of Object.entries(quality)) {
    console.log(`\n${lang}  (${readLabelledSet(lang).length} lines)`);
    console.log('| type | gold | P exact | R exact | F1 exact | F1 overlap |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [type, metrics] of Object.entries(report.exact.perType)) {
      const gold = metrics.truePositives + metrics.falseNegatives;
      const overlap = report.overlap.perType[type];
      console.log(
        `| ${type} | ${gold} | ${metrics.precision.toFixed(3)} | ${metrics.recall.toFixed(3)} | ` +
          `${metrics.f1.toFixed(3)} | ${overlap.f1.toFixed(3)} |`,
      );
    }
    console.log(
      `| micro | | ${report.exact.micro.precision.toFixed(3)} | ` +
        `${report.exact.micro.recall.toFixed(3)} | ${report.exact.micro.f1.toFixed(3)} | ` +
        `${report.overlap.micro.f1.toFixed(3)} |`,
    );
    if (values.errors) for (const error of report.errors) console.log(`  ${error}`);
  }
  console.log('\nheld-out batch only, exact match, pooled over types:');
  for (const [lang, report] of Object.entries(heldOut)) {
    const micro = report.exact.micro;
    console.log(
      `  ${lang}: P ${micro.precision.toFixed(3)} R ${micro.recall.toFixed(3)} ` +
        `F1 ${micro.f1.toFixed(3)} (${micro.truePositives + micro.falseNegatives} spans)`,
    );
    if (values.errors) for (const error of report.errors) console.log(`    ${error}`);
  }
  console.log('\n| text | MB | wall s | MB/s | CPU s | MB/CPU-s | findings |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, run] of Object.entries(speed)) {
    console.log(
      `| ${name} | ${run.megabytes} | ${run.seconds} | ${run.megabytesPerSecond} | ` +
        `${run.cpuSeconds} | ${run.megabytesPerCpuSecond} | ${run.findings} |`,
    );
  }
}
