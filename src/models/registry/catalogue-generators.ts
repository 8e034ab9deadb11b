import type { ModelCardInput } from './model-card.js';

const pinBeforeUse = (id: string) => ({
  kind: 'unpinned' as const,
  value: null,
  note:
    `Set the Hub commit of ${id} you validated (TGI --revision, and the same value in the ` +
    'generator config) before production use.',
});

const tgiGpu = (memory: string) => ({
  provider: 'tgi' as const,
  where: `Text Generation Inference server on a GPU with ${memory}`,
});

/** Generators: the offline default, the test model and recommended open instruct models. */
export const generatorCards: ModelCardInput[] = [
  {
    id: 'markwerk/offline-composer',
    name: 'Offline composer',
    kind: 'generator',
    provider: 'offline',
    revision: { kind: 'bundled', value: 'markwerk@0.1.0' },
    purpose:
      'Default generator without a model: fills template slots and selects sentences from ' +
      'retrieved facts and product data, each sentence citing its sources. Every result is ' +
      'labelled "offline composer".',
    limits: {
      contextTokens: null,
      languages: ['en', 'de'],
      notes: 'Writes only what its templates and the given facts contain.',
    },
    trainingData: 'None: rules and templates written for Markwerk; no learned weights.',
    risks: [
      'Reads as formulaic; it does not paraphrase or follow free-form instructions.',
      'Copies facts verbatim, so errors in the source data go straight into the copy.',
    ],
    licence: { id: 'Apache-2.0', notes: 'Part of Markwerk.' },
    runs: [{ provider: 'offline', where: 'In-process, any CPU, no network' }],
  },
  {
    id: 'ggml-org/tinyllamas-stories260K',
    name: 'stories260K (GGUF)',
    kind: 'generator',
    provider: 'llama',
    revision: {
      kind: 'file-sha256',
      value: '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d',
    },
    testOnly: true,
    purpose:
      'Plumbing tests of the llama adapter: GGUF loading, tokenizer usage, streaming, stop ' +
      'sequences and cancellation, in tens of milliseconds.',
    limits: {
      contextTokens: 2048,
      languages: ['en'],
      notes: '260K parameters, vocabulary of 512 tokens, no chat template.',
    },
    trainingData:
      "TinyStories, a synthetic set of short children's stories (Karpathy's tinyllamas, " +
      'trained with llama2.c).',
    risks: [
      "Cannot follow instructions; writes only children's-story prose.",
      'Useless for any quality measurement; never use it for real output.',
    ],
    licence: { id: 'MIT' },
    runs: [{ provider: 'llama', where: 'In-process via node-llama-cpp, one CPU thread' }],
  },
  {
    id: 'Qwen/Qwen2.5-7B-Instruct',
    name: 'Qwen2.5 7B Instruct',
    kind: 'generator',
    provider: 'tgi',
    revision: pinBeforeUse('Qwen/Qwen2.5-7B-Instruct'),
    purpose: 'Recommended open instruct model for multilingual (incl. German) marketing drafts.',
    limits: {
      contextTokens: 32768,
      languages: ['multilingual', 'en', 'de', 'fr', 'es', 'it'],
      notes: 'Longer windows need rope scaling configured on the server.',
    },
    trainingData:
      'Not published in detail; the publisher reports large-scale web, code and maths ' +
      'pre-training followed by instruction tuning and preference optimisation.',
    risks: [
      'Can state false facts fluently; ground it with retrieval and the claims guard.',
      'Training data undisclosed: possible bias and copyrighted phrasing in outputs.',
      'Check German quality on your own golden set before publishing German copy.',
    ],
    licence: { id: 'Apache-2.0' },
    runs: [
      tgiGpu('at least 24 GB (bf16)'),
      { provider: 'hf', where: 'Hugging Face Inference Endpoint or an Inference Provider' },
      { provider: 'llama', where: 'In-process from a quantised GGUF, 8+ CPU cores or a GPU' },
    ],
  },
  {
    id: 'mistralai/Mistral-7B-Instruct-v0.3',
    name: 'Mistral 7B Instruct v0.3',
    kind: 'generator',
    provider: 'tgi',
    revision: pinBeforeUse('mistralai/Mistral-7B-Instruct-v0.3'),
    purpose: 'Recommended compact English instruct model for drafts and rewrites.',
    limits: { contextTokens: 32768, languages: ['en'], notes: 'Weaker outside English.' },
    trainingData: 'Not disclosed by the publisher.',
    risks: [
      'No built-in moderation; rely on the Markwerk guard for outputs.',
      'Can invent product facts; use grounded answering for claims.',
    ],
    licence: { id: 'Apache-2.0' },
    runs: [
      tgiGpu('at least 24 GB (bf16)'),
      { provider: 'hf', where: 'Hugging Face Inference Endpoint or an Inference Provider' },
    ],
  },
  {
    id: 'meta-llama/Llama-3.1-8B-Instruct',
    name: 'Llama 3.1 8B Instruct',
    kind: 'generator',
    provider: 'tgi',
    revision: pinBeforeUse('meta-llama/Llama-3.1-8B-Instruct'),
    purpose: 'Recommended instruct model with a long window and official German support.',
    limits: {
      contextTokens: 131072,
      languages: ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'],
      notes: 'Gated on the Hub: accept the licence and use a token to download.',
    },
    trainingData:
      'Publicly available online data as described by Meta (about 15T tokens), then ' +
      'instruction and preference tuning; details not published.',
    risks: [
      'Licence is not OSI-open: acceptable-use policy and a large-service user cap apply.',
      'Can produce false or biased statements; review and guard every output.',
    ],
    licence: {
      id: 'LicenseRef-Llama-3.1-Community',
      notes: 'Llama 3.1 Community License; attribution ("Built with Llama") required.',
    },
    runs: [
      tgiGpu('at least 24 GB (bf16)'),
      { provider: 'hf', where: 'Hugging Face Inference Endpoint or an Inference Provider' },
    ],
  },
];
