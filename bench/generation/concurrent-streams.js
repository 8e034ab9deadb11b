#!/usr/bin/env node
// Concurrent generation streams against the stand-in TGI server, and the client's overhead:
//
//   node bench/generation/concurrent-streams.js [--streams 64] [--rounds 5] [--tokens 32]
//     [--token-delay 5] [--sequential 2000]
//
// Runs the built code (`npm run build` first). The stand-in runs in a worker thread of this
// process (stand-in-worker.js), on loopback. Three parts:
// 1. paced: `rounds` × `streams` concurrent TgiGenerator streams, each `tokens` tokens with
//    `token-delay` ms before every token. Client total time is compared with the server's
//    own time for the same request (from request arrival to the last byte) and with the
//    token schedule (tokens × delay). Any error is counted.
// 2. zero-delay, one at a time: time per request through TgiGenerator.stream versus a bare
//    fetch that reads the same SSE body as text, interleaved; the difference is what the
//    adapter adds (SSE parsing, JSON, events, error mapping) over the HTTP client itself.
// 3. zero-delay, `streams` at a time: throughput and errors.
// Prints a human summary on stderr and one JSON line on stdout.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { TgiGenerator } from '../../dist/models/generators/tgi-generator.js';

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '5' },
    tokens: { type: 'string', default: '32' },
    'token-delay': { type: 'string', default: '5' },
    sequential: { type: 'string', default: '2000' },
  },
});
const streams = Number(values.streams);
const rounds = Number(values.rounds);
const tokens = Number(values.tokens);
const tokenDelay = Number(values['token-delay']);
const sequential = Number(values.sequential);

const worker = new Worker(new URL('./stand-in-worker.js', import.meta.url));
const [{ url }] = await once(worker, 'message');
const ask = async (message) => {
  worker.postMessage(message);
  return (await once(worker, 'message'))[0];
};
const server = {
  url,
  setPacing: (pacing) => ask({ pacing }),
  records: async () => (await ask('records')).records,
  close: () => worker.postMessage('close'),
};
const generator = new TgiGenerator({ url: server.url });
const promptOf = (id) => Array.from({ length: tokens }, (_, k) => `w${id}k${k}`).join(' ');
const request = (id) => ({ prompt: promptOf(id), parameters: { maxNewTokens: tokens } });
let nextId = 0;

async function runStream(id) {
  const started = performance.now();
  let result;
  let deltas = 0;
  for await (const event of generator.stream(request(id))) {
    if (event.type === 'text-delta') deltas += 1;
    else result = event.result;
  }
  const wallMs = performance.now() - started;
  if (!result || deltas !== tokens) throw new Error(`stream ${id}: ${deltas} deltas`);
  return { id, wallMs, totalMs: result.timings.totalMs, ttftMs: result.timings.timeToFirstTokenMs };
}

async function settle(promises) {
  const outcomes = await Promise.allSettled(promises);
  const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
  for (const failure of failed.slice(0, 3)) console.error(String(failure.reason));
  return {
    results: outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])),
    errors: failed.length,
  };
}

const percentile = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const mean = (list) => list.reduce((sum, value) => sum + value, 0) / list.length;
const round = (value, digits = 3) => Number(value.toFixed(digits));

// Warm-up: connections, JIT.
await server.setPacing({ firstTokenDelayMs: 0, tokenDelayMs: 0 });
await settle(Array.from({ length: streams }, () => runStream(nextId++)));

// 1. Paced concurrent streams.
await server.setPacing({ firstTokenDelayMs: tokenDelay, tokenDelayMs: tokenDelay });
const paced = [];
let pacedErrors = 0;
for (let r = 0; r < rounds; r++) {
  const { results, errors } = await settle(
    Array.from({ length: streams }, () => runStream(nextId++)),
  );
  paced.push(...results);
  pacedErrors += errors;
}
// The same rounds with bare fetches that read the SSE body as text: the HTTP client's share.
const pacedBare = [];
for (let r = 0; r < rounds; r++) {
  const ids = Array.from({ length: streams }, () => nextId++);
  const times = await Promise.all(ids.map((id) => bareFetch(id)));
  pacedBare.push(...times.map((ms, index) => ({ id: ids[index], totalMs: ms })));
}
const serverMsByPrompt = new Map(await server.records());
const overServerOf = (runs) =>
  runs.map((run) => run.totalMs - serverMsByPrompt.get(promptOf(run.id)));
const overServer = overServerOf(paced);
const bareOverServer = overServerOf(pacedBare);
const schedule = tokens * tokenDelay;
const overSchedule = paced.map((run) => run.totalMs - schedule);

// 2. Zero delay, one at a time: adapter versus a bare fetch of the same stream.
await server.setPacing({ firstTokenDelayMs: 0, tokenDelayMs: 0 });
async function bareFetch(id) {
  const started = performance.now();
  const response = await fetch(`${server.url}/generate_stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      inputs: promptOf(id),
      parameters: { details: true, max_new_tokens: tokens },
    }),
  });
  await response.text();
  return performance.now() - started;
}
const adapterMs = [];
const bareMs = [];
const cpuBefore = process.cpuUsage();
for (let index = 0; index < sequential; index++) {
  adapterMs.push((await runStream(nextId++)).wallMs);
  bareMs.push(await bareFetch(nextId++));
}
const cpu = process.cpuUsage(cpuBefore);

// 3. Zero delay, concurrent throughput: `streams` lanes, each sending requests back to back.
const perLane = rounds * 4;
let burstErrors = 0;
async function lane() {
  for (let k = 0; k < perLane; k++) {
    await runStream(nextId++).catch((error) => {
      burstErrors += 1;
      if (burstErrors <= 3) console.error(String(error));
    });
  }
}
const burstStarted = performance.now();
const loopBefore = performance.eventLoopUtilization();
await Promise.all(Array.from({ length: streams }, () => lane()));
const burstLoop = performance.eventLoopUtilization(loopBefore);
const burstMs = performance.now() - burstStarted;
const burstRequests = streams * perLane;

// The same with bare fetches, for the client thread's busy time without the adapter.
const bareLoopBefore = performance.eventLoopUtilization();
await Promise.all(
  Array.from({ length: streams }, async () => {
    for (let k = 0; k < perLane; k++) await bareFetch(nextId++);
  }),
);
const bareLoop = performance.eventLoopUtilization(bareLoopBefore);

// 4. In memory: fetch answers from recorded bytes, so only client code runs (no socket).
const recorded = await recordStream();
server.close();
const realFetch = globalThis.fetch;
const infoBody = JSON.stringify({ model_id: 'in-memory', max_input_tokens: 4096 });
globalThis.fetch = async (url) =>
  String(url).endsWith('/info')
    ? new Response(infoBody, { headers: { 'content-type': 'application/json' } })
    : new Response(
        new ReadableStream({
          start(controller) {
            for (const chunk of recorded) controller.enqueue(chunk);
            controller.close();
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
const memoryGenerator = new TgiGenerator({ url: 'http://in-memory.invalid' });
const timeIt = async (count, run) => {
  const started = performance.now();
  for (let index = 0; index < count; index++) await run();
  return (performance.now() - started) / count;
};
const memoryRuns = sequential * 5;
await timeIt(500, () => drain(memoryGenerator.stream(request(0))));
const memoryAdapterMs = await timeIt(memoryRuns, () => drain(memoryGenerator.stream(request(0))));
const memoryBareMs = await timeIt(memoryRuns, async () => (await globalThis.fetch('/')).text());
globalThis.fetch = realFetch;

async function drain(events) {
  let finished = false;
  for await (const event of events) finished ||= event.type === 'finish';
  if (!finished) throw new Error('no finish event');
}

/** The SSE body of one stream as the stand-in sends it, in the chunks that arrived. */
async function recordStream() {
  const response = await fetch(`${server.url}/generate_stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      inputs: promptOf(0),
      parameters: { details: true, max_new_tokens: tokens },
    }),
  });
  const chunks = [];
  for await (const chunk of response.body) chunks.push(chunk);
  return chunks;
}

const summary = {
  node: process.version,
  streams,
  rounds,
  tokens,
  tokenDelayMs: tokenDelay,
  paced: {
    requests: paced.length,
    errors: pacedErrors,
    clientTotalMs: {
      p50: round(
        percentile(
          paced.map((r) => r.totalMs),
          50,
        ),
      ),
      p95: round(
        percentile(
          paced.map((r) => r.totalMs),
          95,
        ),
      ),
    },
    overServerMs: {
      mean: round(mean(overServer)),
      p50: round(percentile(overServer, 50)),
      p95: round(percentile(overServer, 95)),
    },
    bareFetchOverServerMs: {
      mean: round(mean(bareOverServer)),
      p50: round(percentile(bareOverServer, 50)),
      p95: round(percentile(bareOverServer, 95)),
    },
    overScheduleMs: {
      mean: round(mean(overSchedule)),
      p50: round(percentile(overSchedule, 50)),
      p95: round(percentile(overSchedule, 95)),
    },
  },
  sequential: {
    requests: sequential,
    adapterMs: { mean: round(mean(adapterMs)), p50: round(percentile(adapterMs, 50)) },
    bareFetchMs: { mean: round(mean(bareMs)), p50: round(percentile(bareMs, 50)) },
    adapterOverBareMs: round(mean(adapterMs) - mean(bareMs)),
    cpuMsPerPairBothSides: round((cpu.user + cpu.system) / 1000 / sequential),
  },
  burst: {
    requests: burstRequests,
    errors: burstErrors,
    clientBusyMsPerRequest: round(burstLoop.active / burstRequests),
    bareFetchBusyMsPerRequest: round(bareLoop.active / burstRequests),
    requestsPerSecond: round(burstRequests / (burstMs / 1000), 1),
  },
  inMemory: {
    requests: memoryRuns,
    recordedChunks: recorded.length,
    adapterMs: round(memoryAdapterMs, 4),
    bareReadMs: round(memoryBareMs, 4),
  },
};
const { paced: p, sequential: q, burst: b, inMemory: m } = summary;
console.error(
  [
    `paced: ${p.requests} streams (${streams} concurrent), ${p.errors} errors; client total ` +
      `minus server time mean ${p.overServerMs.mean} ms (p95 ${p.overServerMs.p95}), bare ` +
      `fetch ${p.bareFetchOverServerMs.mean} ms; minus schedule ${p.overScheduleMs.mean} ms`,
    `sequential zero-delay: adapter ${q.adapterMs.mean} ms/request, bare fetch ` +
      `${q.bareFetchMs.mean} ms, adapter adds ${q.adapterOverBareMs} ms`,
    `burst: ${b.requests} requests, ${b.errors} errors, ${b.requestsPerSecond} req/s; client ` +
      `thread busy ${b.clientBusyMsPerRequest} ms/request (bare fetch ` +
      `${b.bareFetchBusyMsPerRequest})`,
    `in memory: adapter ${m.adapterMs} ms/request, bare read ${m.bareReadMs} ms`,
  ].join('\n'),
);
console.log(JSON.stringify(summary));
