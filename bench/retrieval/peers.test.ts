import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark module without type declarations
import { peerSystems } from './peers.js';

interface System {
  name: string;
  index(documents: Array<{ id: string; title: string; text: string }>): Promise<void> | void;
  search(query: string, k: number): Promise<Array<{ id: string; score: number }>>;
}

const documents = [
  { id: 'title-match', title: 'Vaccination schedules', text: 'A report on clinics.' },
  { id: 'text-match', title: 'Clinic report', text: 'Notes on vaccination in clinics.' },
  { id: 'children', title: 'Schedules', text: 'Children were vaccinated early.' },
  { id: 'unrelated', title: 'Bridges', text: 'Steel bridges over rivers.' },
  { id: 'other', title: 'Rivers', text: 'Flooding along rivers in spring.' },
];

describe.each((peerSystems() as System[]).map((system) => [system.name, system] as const))(
  'peer %s',
  (_name, system) => {
    it('ranks a title match above a text-only match and returns at most k hits', async () => {
      await system.index(documents);
      const hits = await system.search('vaccination', 2);
      expect(hits.length).toBeLessThanOrEqual(2);
      expect(hits[0]?.id).toBe('title-match');
      for (const hit of hits) expect(typeof hit.score).toBe('number');
    });

    it('stems English words, so "river" finds "rivers"', async () => {
      const hits = await system.search('river', 10);
      expect(hits.map((hit) => hit.id).sort()).toEqual(['other', 'unrelated']);
    });

    it('answers a long query in which some words match nothing', async () => {
      const hits = await system.search('do steel bridges rust in the zorblax season', 10);
      expect(hits[0]?.id).toBe('unrelated');
    });
  },
);
