/** One unit of input the pipeline reads, hashes and, if new, processes. */
export interface Source {
  /** Stable key within a run: a path relative to its input root, or a URL. */
  key: string;
  origin: 'file' | 'crawl';
  /** Absolute path for files; URL for crawled pages. */
  location: string;
  /** Reads the raw bytes, with the charset a server declared, if any. */
  read(): Promise<{ bytes: Uint8Array; charset?: string }>;
}
