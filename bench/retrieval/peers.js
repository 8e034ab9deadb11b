// Peer search libraries as retrieval systems for evaluateRetrieval: each one takes
// documents { id, title, text } through index(), and answers search(query, k) with
// { id, score } hits, best first. Each is set up as its own documentation recommends for
// relevance on English text: title boosted 2 over text, English stemming and stop words
// where the library offers or documents a way to plug them in, OR semantics so that long
// natural-language queries still return up to k documents.
import { Charset, Document, Encoder, Resolver } from 'flexsearch';
import flexSearchEnglish from 'flexsearch/lang/en';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stemmer as snowballEnglish } from '@orama/stemmers/english';
import bm25 from 'wink-bm25-text-search';
import winkNlp from 'wink-nlp-utils';

/** How much more a title match counts than a text match, for every peer. */
export const TITLE_BOOST = 2;

// Lucene's English stop set, the one behind the Anserini and Elasticsearch BM25 baselines
// that BEIR publishes; used where a library documents a hook but ships no list.
const ENGLISH_STOP_WORDS = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their ' +
    'then there these they this to was will with'
  ).split(' '),
);

/** MiniSearch 7: BM25+ with its default parameters; stemming and stop words via processTerm. */
export function miniSearchSystem() {
  let index;
  return {
    name: 'minisearch',
    index(documents) {
      index = new MiniSearch({
        fields: ['title', 'text'],
        processTerm: (term) => {
          const lower = term.toLowerCase();
          return ENGLISH_STOP_WORDS.has(lower) ? null : snowballEnglish(lower);
        },
        searchOptions: { boost: { title: TITLE_BOOST }, combineWith: 'OR' },
      });
      index.addAll(documents);
    },
    search(query, k) {
      return index
        .search(query)
        .slice(0, k)
        .map((result) => ({ id: result.id, score: result.score }));
    },
  };
}

/**
 * Orama 3: BM25 (its defaults k 1.2, b 0.75, d 0.5) with the built-in English stemmer
 * (`stemming: true`) and stop words through the tokenizer options, title boosted. Orama
 * then also matches every indexed word a query word is a prefix of ("cat" finds
 * "categori"); its `exact: true` would stop that but compares the unstemmed text, so
 * stemmed query words stop matching at all (nDCG@10 0 on both sets), and it stays off.
 */
export function oramaSystem() {
  let database;
  return {
    name: 'orama',
    async index(documents) {
      database = create({
        schema: { title: 'string', text: 'string' },
        components: {
          tokenizer: { language: 'english', stemming: true, stopWords: [...ENGLISH_STOP_WORDS] },
        },
      });
      await insertMultiple(database, documents, 1000);
    },
    async search(query, k) {
      const result = await oramaSearch(database, {
        term: query,
        properties: ['title', 'text'],
        boost: { title: TITLE_BOOST },
        limit: k,
      });
      return result.hits.map((hit) => ({ id: hit.id, score: hit.score }));
    },
  };
}

/**
 * FlexSearch 0.8: a Document index with the `score` preset (resolution 9 and a context
 * index), its English language pack (stemmer and stop-word filter) on the Normalize
 * charset, `suggest: true` so that documents matching only some query terms are returned,
 * and the title boosted through a Resolver. FlexSearch returns ids in order without
 * scores, so the score is the rank turned around (k for the first hit, then k − 1 …).
 */
export function flexSearchSystem() {
  let index;
  return {
    name: 'flexsearch',
    index(documents) {
      index = new Document({
        preset: 'score',
        tokenize: 'strict',
        encoder: new Encoder(Charset.Normalize, flexSearchEnglish),
        document: { id: 'id', index: ['title', 'text'] },
      });
      for (const document of documents) index.add(document);
    },
    search(query, k) {
      const ids = new Resolver({
        index,
        field: 'title',
        query,
        suggest: true,
        boost: TITLE_BOOST,
      })
        .or({ field: 'text', query, suggest: true })
        .resolve({ limit: k });
      return ids.map((id, rank) => ({ id: String(id), score: ids.length - rank }));
    },
  };
}

/**
 * wink-bm25-text-search 3: BM25F with its default parameters (k1 1.2, b 0.75, k 1), the
 * title weighted over the text, and the wink-nlp-utils preparation pipe its README shows:
 * lower case, tokenize, remove stop words, stem, propagate negations.
 */
export function winkSystem() {
  let engine;
  return {
    name: 'wink-bm25',
    index(documents) {
      engine = bm25();
      engine.defineConfig({ fldWeights: { title: TITLE_BOOST, text: 1 } });
      engine.definePrepTasks([
        winkNlp.string.lowerCase,
        winkNlp.string.tokenize0,
        winkNlp.tokens.removeWords,
        winkNlp.tokens.stem,
        winkNlp.tokens.propagateNegations,
      ]);
      for (const document of documents) {
        engine.addDoc({ title: document.title, text: document.text }, document.id);
      }
      engine.consolidate();
    },
    search(query, k) {
      return engine.search(query, k).map(([id, score]) => ({ id, score }));
    },
  };
}

/** Every peer, fresh, in the order the comparison reports them. */
export function peerSystems() {
  return [miniSearchSystem(), oramaSystem(), flexSearchSystem(), winkSystem()];
}
