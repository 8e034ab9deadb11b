import { describe, expect, it } from 'vitest';
import { StopSequenceFilter } from './llama-stop-filter.js';

const feed = (filter: StopSequenceFilter, chunks: string[]) =>
  chunks.map((chunk) => filter.push(chunk));

describe('StopSequenceFilter', () => {
  it('cuts exactly before a stop sequence split across chunks', () => {
    const filter = new StopSequenceFilter(['girl na']);

    const released = feed(filter, [', a little', ' gi', 'rl', ' named', ' Lily']);

    expect(released).toEqual([', a little', ' ', '', '', '']);
    expect(filter.text).toBe(', a little ');
    expect(filter.stoppedBy).toBe('girl na');
    expect(filter.flush()).toBe('');
  });

  it('releases held-back text once it can no longer start a stop sequence', () => {
    const filter = new StopSequenceFilter(['END']);

    expect(feed(filter, ['the E', 'N', 'D-less story'])).toEqual(['the ', '', '']);
    expect(filter.stoppedBy).toBe('END');

    const other = new StopSequenceFilter(['END']);
    expect(feed(other, ['the E', 'N', 'ough'])).toEqual(['the ', '', 'ENough']);
    expect(other.flush()).toBe('');
    expect(other.stoppedBy).toBeUndefined();
  });

  it('picks the earliest of several stop sequences and keeps a held tail on flush', () => {
    const filter = new StopSequenceFilter(['two', 'one']);

    expect(filter.push('zero one two')).toBe('zero ');

    const tail = new StopSequenceFilter(['###']);
    expect(tail.push('done ##')).toBe('done ');
    expect(tail.flush()).toBe('##');
    expect(tail.text).toBe('done ##');
  });

  it('passes everything through without stop sequences', () => {
    const filter = new StopSequenceFilter([]);

    expect(feed(filter, ['a', 'b'])).toEqual(['a', 'b']);
    expect(filter.flush()).toBe('');
  });
});
