// Markwerk's BM25 index as a retrieval system for evaluateRetrieval, with its default
// settings. Needs `npm run build` (it imports the compiled index from dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BM25_MODULE = new URL('../../dist/retrieval/bm25/bm25-index.js', import.meta.url);

/** Whether the compiled index is there to import. */
export function markwerkBm25Built() {
  return existsSync(fileURLToPath(BM25_MODULE));
}

/** Each BEIR document becomes one English chunk of its own document. */
export async function markwerkBm25System() {
  const { Bm25Index } = await import(BM25_MODULE.href);
  let index;
  return {
    name: 'markwerk-bm25',
    index(documents) {
      index = new Bm25Index();
      for (const document of documents) {
        index.add({
          id: document.id,
          documentId: document.id,
          title: document.title,
          text: document.text,
          language: 'en',
          fields: {},
        });
      }
    },
    search(query, k) {
      return index.search(query, { k, language: 'en' });
    },
  };
}
