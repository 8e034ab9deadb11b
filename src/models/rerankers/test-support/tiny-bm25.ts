import { stemmer } from '@orama/stemmers/english';

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Lower-cased, stemmed words; the first stage for reranker measurements only. */
function analyse(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(wordPattern), (match) => stemmer(match[0]));
}

export interface Bm25Document {
  id: string;
  text: string;
}

/**
 * A small in-memory BM25 (k1 0.9, b 0.4, one field), just enough to hand the reranker
 * realistic candidate lists with first-stage scores. Not the product's search index.
 */
export class TinyBm25 {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private averageLength = 0;

  constructor(
    documents: Bm25Document[],
    private readonly k1 = 0.9,
    private readonly b = 0.4,
  ) {
    documents.forEach((document, index) => {
      const words = analyse(document.text);
      this.ids.push(document.id);
      this.lengths.push(words.length);
      for (const word of words) {
        const posting = this.postings.get(word) ?? new Map<number, number>();
        posting.set(index, (posting.get(index) ?? 0) + 1);
        this.postings.set(word, posting);
      }
    });
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / documents.length;
  }

  /** The best `limit` documents for a query, best first, ties by document order. */
  search(query: string, limit: number): { id: string; index: number; score: number }[] {
    const scores = new Map<number, number>();
    const documentCount = this.ids.length;
    for (const word of new Set(analyse(query))) {
      const posting = this.postings.get(word);
      if (!posting) continue;
      const idf = Math.log(1 + (documentCount - posting.size + 0.5) / (posting.size + 0.5));
      for (const [index, frequency] of posting) {
        const norm = 1 - this.b + (this.b * this.lengths[index]!) / this.averageLength;
        const part = (idf * frequency * (this.k1 + 1)) / (frequency + this.k1 * norm);
        scores.set(index, (scores.get(index) ?? 0) + part);
      }
    }
    return [...scores]
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .slice(0, limit)
      .map(([index, score]) => ({ id: this.ids[index]!, index, score }));
  }
}
