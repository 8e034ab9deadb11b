import { z } from 'zod';
import { guardConfigSchema } from '../guard/engine/guard-config.js';
import { piiConfigSchema } from '../guard/pii/pii-config.js';
import { generatorModelConfig } from '../models/generators/generator-config.js';
import { generationOperationsSchema } from '../ops/metering/generation-config-schema.js';

/**
 * The configuration file's schema. Every key has a default, so an empty file (or none)
 * is a valid configuration. `markwerk config schema` prints it as JSON Schema. Sections
 * owned by a capability (generation, guard) take their sub-schemas from that capability's
 * config file, which imports nothing but zod.
 * @module
 */

const language = z.string().regex(/^[a-z]{2,3}$/, 'use an ISO 639-1 code such as "de" or "en"');

const recordFeed = z
  .object({
    match: z
      .string()
      .min(1)
      .describe('Glob (relative to the ingested folder) of files in this feed'),
    kind: z.enum(['product', 'segment', 'record']).default('record'),
    id: z.string().min(1).describe('Column holding the stable record id, e.g. "sku"'),
    title: z
      .string()
      .min(1)
      .describe('Column with the title; "{lang}" is replaced by each of `languages`'),
    body: z.array(z.string().min(1)).min(1).describe('Columns joined into the body text'),
    category: z.string().optional().describe('Column with the category (drives disclaimers)'),
    metadata: z.array(z.string()).default([]).describe('Columns kept as structured metadata'),
    languages: z
      .array(language)
      .default([])
      .describe('One document per language; empty means one document, language detected'),
  })
  .strict();

const dedupe = z
  .object({
    near: z.boolean().default(true).describe('Drop near duplicates as well as exact ones'),
    threshold: z
      .number()
      .gt(0)
      .lte(1)
      .default(0.8)
      .describe(
        'Estimated Jaccard similarity of word shingles at which two documents are near duplicates',
      ),
    skipKinds: z
      .array(z.enum(['article', 'page', 'product', 'segment', 'record', 'text']))
      .default(['product', 'segment'])
      .describe(
        'Kinds never dropped as duplicates: feed records have their own ids, and colour or ' +
          'size variants share their copy on purpose',
      ),
    shingleSize: z.number().int().min(1).max(10).default(5),
    permutations: z.number().int().min(16).max(512).default(128),
    bands: z.number().int().min(4).max(128).default(32),
  })
  .strict()
  .refine((value) => value.permutations % value.bands === 0, {
    message: 'permutations must be a multiple of bands',
    path: ['bands'],
  });

const pii = z
  .object({
    action: z
      .enum(['tag', 'redact', 'hash', 'off'])
      .default('tag')
      .describe('tag: [EMAIL]; redact: [REDACTED]; hash: [EMAIL:1a2b3c4d]; off: keep as is'),
    types: z
      .array(z.enum(['EMAIL', 'PHONE', 'IBAN', 'CREDIT_CARD', 'IP_ADDRESS']))
      .default(['EMAIL', 'PHONE', 'IBAN', 'CREDIT_CARD', 'IP_ADDRESS']),
    allow: z
      .array(z.string())
      .default([])
      .describe('Exact strings never masked, such as the brand support address'),
  })
  .strict();

const chunking = z
  .object({
    maxTokens: z.number().int().min(16).max(8192).default(256),
    overlapTokens: z.number().int().min(0).max(1024).default(32),
  })
  .strict()
  .refine((value) => value.overlapTokens < value.maxTokens, {
    message: 'overlapTokens must be smaller than maxTokens',
    path: ['overlapTokens'],
  });

const crawl = z
  .object({
    userAgent: z.string().default('MarkwerkBot/0.1 (+https://github.com/markwerk)'),
    maxPages: z.number().int().min(1).default(500),
    maxDepth: z.number().int().min(0).default(5),
    concurrencyPerHost: z.number().int().min(1).max(16).default(2),
    delayMs: z.number().int().min(0).default(250),
    timeoutMs: z.number().int().min(100).default(10_000),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    maxBytes: z.number().int().min(1024).default(2_000_000),
    contentTypes: z.array(z.string()).default(['text/html', 'application/xhtml+xml', 'text/plain']),
    sameHost: z.boolean().default(true).describe('Follow links only on the start URL host'),
  })
  .strict();

const ingest = z
  .object({
    include: z
      .array(z.string())
      .default([
        '**/*.md',
        '**/*.markdown',
        '**/*.html',
        '**/*.htm',
        '**/*.txt',
        '**/*.csv',
        '**/*.json',
        '**/*.jsonl',
      ]),
    exclude: z.array(z.string()).default(['**/node_modules/**', '**/.git/**', '**/.markwerk/**']),
    maxFileBytes: z.number().int().min(1).default(20_000_000),
    license: z.string().default('other').describe('Licence recorded on every dataset card'),
    minLanguageConfidence: z.number().min(0).max(1).default(0.4),
    workers: z
      .number()
      .int()
      .min(0)
      .max(64)
      .optional()
      .describe(
        'Worker threads that extract and analyse documents; 0 keeps all work on the main ' +
          'thread; unset means one per core (at most 8)',
      ),
    htmlMainContent: z
      .enum(['readability', 'fallback'])
      .default('readability')
      .describe(
        "How HTML main content is found: Mozilla's Readability (better on messy pages), or " +
          'the faster fallback (main/article/body without header, nav, footer and aside)',
      ),
    boilerplate: z
      .array(z.string())
      .default([])
      .describe('Regular expressions; a line matching one is removed as boilerplate'),
    splits: z
      .record(z.string(), z.number().min(0).max(1))
      .default({ train: 0.9, test: 0.1 })
      .describe('Split name to share of documents, assigned by document hash'),
    feeds: z.array(recordFeed).default([]),
    dedupe: dedupe.default(dedupe.parse({})),
    pii: pii.default(pii.parse({})),
    chunking: chunking.default(chunking.parse({})),
    crawl: crawl.default(crawl.parse({})),
  })
  .strict();

const providerChoice = <T extends [string, ...string[]]>(providers: T, fallback: T[number]) =>
  z
    .object({ provider: z.enum(providers) })
    .catchall(z.unknown())
    .default({ provider: fallback })
    .describe('Provider and its options; the provider checks its own options at start-up');

const retrieval = z
  .object({
    embedder: providerChoice(['use-lite', 'transformers', 'tei', 'none'], 'use-lite'),
    reranker: providerChoice(['features', 'transformers', 'tei'], 'features'),
    bm25: z
      .object({
        k1: z.number().positive().default(1.2),
        b: z.number().min(0).max(1).default(0.6),
        titleWeight: z.number().min(0).default(3),
        bodyWeight: z.number().min(0).default(1),
        compounds: z
          .enum(['split', 'ngrams', 'none'])
          .default('split')
          .describe('German compounds: split into known parts, character n-grams, or kept whole'),
      })
      .strict()
      .default({ k1: 1.2, b: 0.6, titleWeight: 3, bodyWeight: 1, compounds: 'split' }),
    dense: z
      .object({
        exactBelow: z.number().int().min(0).default(20_000),
        quantization: z.enum(['none', 'int8', 'binary']).default('none'),
        hnsw: z
          .object({
            m: z.number().int().min(2).max(128).default(16),
            efConstruction: z.number().int().min(8).default(200),
            efSearch: z.number().int().min(8).default(100),
          })
          .strict()
          .default({ m: 16, efConstruction: 200, efSearch: 100 }),
      })
      .strict()
      .default({
        exactBelow: 20_000,
        quantization: 'none',
        hnsw: { m: 16, efConstruction: 200, efSearch: 100 },
      }),
    fusion: z
      .enum(['rrf', 'score'])
      .default('score')
      .describe('score: min-max normalised scores, weighted; rrf: reciprocal-rank fusion'),
    weights: z
      .object({ bm25: z.number().min(0).default(1), dense: z.number().min(0).default(0.2) })
      .strict()
      .default({ bm25: 1, dense: 0.2 })
      .describe('Weight of each component in fusion; chosen on SciFact training queries'),
    candidates: z.number().int().min(1).max(1000).default(50),
    resultCacheSize: z.number().int().min(0).default(1000),
  })
  .strict();

const generation = z
  .object({
    models: z
      .array(generatorModelConfig)
      .default([])
      .describe('Models in fallback order; the offline composer when empty'),
    templates: z
      .string()
      .optional()
      .describe('Folder of <id>@<version>.yaml prompt templates; the bundled ones if absent'),
    profiles: z
      .string()
      .optional()
      .describe('Parameter profiles file; profiles.yaml in the templates folder if absent'),
    ...generationOperationsSchema.shape,
  })
  .strict();

const guard = guardConfigSchema.extend({ pii: piiConfigSchema.prefault({}) }).strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    workspace: z.string().default('.markwerk').describe('Folder for the database and exports'),
    databaseUrl: z
      .string()
      .optional()
      .describe('PostgreSQL URL; the DATABASE_URL environment variable takes precedence'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('warn'),
    ingest: ingest.default(ingest.parse({})),
    retrieval: retrieval.default(retrieval.parse({})),
    generation: generation.prefault({}),
    guard: guard.prefault({}),
  })
  .strict();

export type MarkwerkConfig = z.infer<typeof configSchema>;
export type IngestConfig = MarkwerkConfig['ingest'];
export type RecordFeedConfig = z.infer<typeof recordFeed>;
export type CrawlConfig = IngestConfig['crawl'];
export type DedupeConfig = IngestConfig['dedupe'];
export type PiiConfig = IngestConfig['pii'];
export type ChunkingConfig = IngestConfig['chunking'];
export type RetrievalConfig = MarkwerkConfig['retrieval'];
export type GenerationSettings = MarkwerkConfig['generation'];
export type GuardSettings = MarkwerkConfig['guard'];
