import { describe, expect, it } from 'vitest';
import { detectPersonalData } from './detect-personal-data.js';

function addresses(text: string): string[] {
  return detectPersonalData(text, { types: ['ADDRESS'] }).map((finding) => finding.text);
}

describe('ADDRESS rules', () => {
  it('finds German-style addresses with postcode and town', () => {
    expect(addresses('Bitte an Musterstraße 12, 80331 München senden.')).toEqual([
      'Musterstraße 12, 80331 München',
    ]);
    expect(addresses('Karl-Marx-Allee 90a, 10243 Berlin')).toEqual([
      'Karl-Marx-Allee 90a, 10243 Berlin',
    ]);
    expect(addresses('Goethestraße 22\n60313 Frankfurt am Main')).toEqual([
      'Goethestraße 22\n60313 Frankfurt am Main',
    ]);
    expect(addresses('Mariahilfer Straße 45, 1060 Wien')).toEqual([
      'Mariahilfer Straße 45, 1060 Wien',
    ]);
    expect(addresses('Schillerstr. 4, 04109 Leipzig')).toEqual(['Schillerstr. 4, 04109 Leipzig']);
  });

  it('finds US-style addresses with state and ZIP code, and UK postcodes', () => {
    expect(addresses('Ship to 123 Main St, Springfield, IL 62704 today.')).toEqual([
      '123 Main St, Springfield, IL 62704',
    ]);
    expect(addresses('55 Water Street, Apt 4B, Brooklyn, NY 11201')).toEqual([
      '55 Water Street, Apt 4B, Brooklyn, NY 11201',
    ]);
    expect(addresses('221B Baker Street, London NW1 6XE')).toEqual([
      '221B Baker Street, London NW1 6XE',
    ]);
  });

  it('takes a street and number without postcode only after an address label', () => {
    expect(addresses('Der Höhenweg 38 Rucksack hat 38 Liter.')).toEqual([]);
    expect(addresses('Ich wohne in der Bahnhofstraße 18.')).toEqual(['Bahnhofstraße 18']);
    expect(addresses('I live at 18 Elm Road, next door.')).toEqual(['18 Elm Road']);
  });

  it('does not take a US-looking street without state and ZIP code', () => {
    expect(addresses('We met at 5 Main Street cafes.')).toEqual([]);
  });
});
