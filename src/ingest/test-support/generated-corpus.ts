import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSeededRandom } from '../../core/seeded-random.js';

const TOPICS = ['Zelt', 'Jacke', 'Rucksack', 'Schlafsack', 'Stirnlampe', 'Wanderschuh', 'Helm'];
const WORDS = (
  'alpine trail summit ridge glacier valley forest meadow river canyon boulder scree ' +
  'waterproof breathable seam zipper hood pocket strap buckle frame fabric down synthetic ' +
  'weight packable durable repair warranty return exchange size fit comfort warm dry'
).split(' ');

/** A Markdown article of about `bytes` bytes whose words depend only on `index`. */
export function generatedArticle(index: number, bytes = 5000): string {
  const next = createSeededRandom(index + 1);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const topic = TOPICS[index % TOPICS.length]!;
  let text = `# ${topic} guide number ${index}\n\n`;
  let section = 0;
  while (text.length < bytes) {
    if (text.length > (section + 1) * 1500) {
      section += 1;
      text += `## Section ${section} of article ${index}\n\n`;
    }
    const sentences = Array.from({ length: 4 }, () => {
      const words = Array.from({ length: 12 }, pick).join(' ');
      return `${words[0]!.toUpperCase()}${words.slice(1)} ${index}.`;
    });
    text += `${sentences.join(' ')}\n\n`;
  }
  return text;
}

/** Writes `count` distinct articles as `doc-00001.md`… into `folder`. */
export function writeGeneratedCorpus(folder: string, count: number, bytes = 5000): string[] {
  mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = `doc-${String(index).padStart(5, '0')}.md`;
    writeFileSync(path.join(folder, name), generatedArticle(index, bytes));
    names.push(name);
  }
  return names;
}
