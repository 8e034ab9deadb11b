import { describe, expect, it } from 'vitest';
import { configSchema } from '../../core/config-schema.js';
import { NearDuplicateIndex } from './near-duplicates.js';

/** The defaults: threshold 0.8, 5-word shingles, 128 permutations in 32 bands. */
const config = configSchema.parse({}).ingest.dedupe;

const merinoCare = [
  'Merino wool is one of the most comfortable fibres you can wear next to the skin.',
  'It regulates temperature, wicks moisture away from the body and resists odours far better ' +
    'than cotton or synthetic fabrics.',
  'With a little care, a good merino jumper will keep its shape and softness for many years.',
  'The most important rule is to wash less often than you think.',
  'Because the fibre resists odour, airing a garment overnight is often enough to refresh it.',
  'When it does need a wash, turn it inside out and use a gentle wool programme at thirty ' +
    'degrees or less.',
  'Choose a detergent made for wool, since ordinary powders contain enzymes that break down ' +
    'the protein in the fibre.',
  'Never use fabric softener, which coats the fibres and reduces their natural ability to ' +
    'manage moisture.',
  'Hand washing is even gentler: soak the garment in lukewarm water for ten minutes, press ' +
    'the suds through it without rubbing, and rinse in water of the same temperature.',
  'Sudden changes in temperature and rough handling are what cause felting and shrinking.',
  'To dry, roll the garment in a towel to remove excess water, then lay it flat on a drying ' +
    'rack away from direct sunlight and radiators.',
  'Hanging a wet jumper stretches the shoulders and lengthens the body.',
  'Once dry, fold your knitwear rather than hanging it, and store it in a breathable cotton ' +
    'bag with a sprig of lavender or a cedar block to deter moths.',
  'Small pills on the surface are normal in the first weeks of wear; remove them with a wool ' +
    'comb rather than pulling them off by hand.',
  'If a garment loses its shape, steam it gently and reshape it while it is still warm.',
  'Follow these simple steps and your merino pieces will stay soft, warm and beautiful season ' +
    'after season.',
];

const woolSweaterGuide = [
  'Many people are nervous about washing their favourite wool sweater, and with good reason: ' +
    'one hot cycle can turn an adult size into something that fits a child.',
  'Yet caring for wool is not complicated once you understand what the fibre dislikes.',
  'Wool is made of keratin, the same protein found in human hair, and it reacts badly to ' +
    'heat, agitation and alkaline cleaning products.',
  'First, check the care label.',
  'Many modern wool garments are treated to be machine washable, while others should only ' +
    'ever be washed by hand.',
  'For machine washing, select the wool or delicate cycle, keep the temperature cold and ' +
    'reduce the spin speed.',
  'Use a mild, pH-neutral wool shampoo; a capful is usually enough.',
  'For stains, dab the spot with cold water and a little wool wash before the main wash ' +
    'instead of scrubbing.',
  'After washing, gently squeeze out the water, never wring it.',
  'Spread the sweater on a towel, pat it into its original shape and let it dry naturally at ' +
    'room temperature.',
  'A tumble dryer is the quickest way to ruin it.',
  'Between wears, give wool a rest for a day so the fibres can recover their elasticity.',
  'Moths love wool as much as we do, so store clean garments in sealed containers during the ' +
    'summer months.',
  'With this routine, a well-made wool sweater can easily last a decade or more.',
];

function indexWith(entries: Record<string, string>): NearDuplicateIndex {
  const index = new NearDuplicateIndex(config);
  for (const [id, text] of Object.entries(entries)) index.add(id, index.signature(text));
  return index;
}

describe('NearDuplicateIndex', () => {
  const article = merinoCare.join(' ');
  const otherArticle = woolSweaterGuide.join(' ');

  it('uses a 300-word article', () => {
    expect(article.split(' ').length).toBeGreaterThanOrEqual(300);
  });

  it('finds an exact copy, also with different case, spacing and punctuation', () => {
    const index = indexWith({ merino: article, sweater: otherArticle });
    expect(index.findDuplicate(index.signature(article))).toEqual({ id: 'merino', similarity: 1 });
    const reformatted = article
      .toUpperCase()
      .replace(/[,.;:]/g, '')
      .replace(/ /g, '\n ');
    expect(index.findDuplicate(index.signature(reformatted))).toEqual({
      id: 'merino',
      similarity: 1,
    });
  });

  it('finds a copy with one sentence changed', () => {
    const changed = [...merinoCare];
    changed[6] = 'Pick a gentle liquid wash that is labelled as suitable for wool and silk.';
    const index = indexWith({ sweater: otherArticle, merino: article });
    const found = index.findDuplicate(index.signature(changed.join(' ')));
    expect(found?.id).toBe('merino');
    expect(found?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(found?.similarity).toBeLessThan(1);
  });

  it('does not match a different article on the same topic', () => {
    const index = indexWith({ merino: article });
    expect(index.findDuplicate(index.signature(otherArticle))).toBeUndefined();
    expect(index.findDuplicate(index.signature('Merino wool is soft.'))).toBeUndefined();
  });

  it('does not match when more than a fifth of the text changed', () => {
    const rewritten = merinoCare.map((sentence, position) =>
      position % 3 === 0
        ? `Sentence ${position} was rewritten completely for this test case.`
        : sentence,
    );
    const index = indexWith({ merino: article });
    expect(index.findDuplicate(index.signature(rewritten.join(' ')))).toBeUndefined();
  });

  it('ignores an id added twice and counts documents', () => {
    const index = indexWith({ merino: article });
    index.add('merino', index.signature(otherArticle));
    expect(index.size).toBe(1);
    expect(index.findDuplicate(index.signature(otherArticle))).toBeUndefined();
  });

  it('rejects settings where bands do not divide permutations, and foreign signatures', () => {
    expect(() => new NearDuplicateIndex({ ...config, bands: 30 })).toThrow(
      /multiple of dedupe.bands/,
    );
    const index = new NearDuplicateIndex(config);
    expect(() => index.add('short', new Uint32Array(64))).toThrow(/expects 128/);
  });
});
