import { describe, it, expect } from 'vitest';
import { foldingTable, foldQuery } from '../../src/search/query.ts';
import { readActorNames } from '../../src/search/index-integration.ts';

/** The table the site ships, from the actors' own names. */
const table = foldingTable(readActorNames(process.cwd()));

describe('foldQuery with the actors of content/actors.yaml', () => {
  it('turns a people or adjective into the beginning it shares with the place', () => {
    expect(foldQuery('Azerbaijani', table)).toBe('azerbaijan');
    expect(foldQuery('Ukrainian drones', table)).toBe('ukrain drones');
    expect(foldQuery('Russian', table)).toBe('russia');
    expect(foldQuery('Iranian', table)).toBe('iran');
  });

  it('folds every name of Türkiye, with or without accents, to what they share', () => {
    for (const name of ['Turkey', 'Türkiye', 'Turkiye', 'TURKISH', 'Turkey’s'])
      expect(foldQuery(name, table), name).toBe('turk');
  });

  it('folds a plural people like the singular', () => {
    expect(foldQuery('Azerbaijanis', table)).toBe('azerbaijan');
    expect(foldQuery('Armenians', table)).toBe('armenia');
  });

  it('leaves other words, other names of a place, and quoted phrases as typed', () => {
    expect(foldQuery('Iskander missile', table)).toBe('Iskander missile');
    expect(foldQuery('Baku', table)).toBe('Baku');
    expect(foldQuery('Azerbaijan', table)).toBe('Azerbaijan');
    expect(foldQuery('"Azerbaijani brothers"', table)).toBe('"Azerbaijani brothers"');
  });
});

describe('foldingTable', () => {
  it('maps only names that share at least four letters, and skips names of several words', () => {
    expect(
      foldingTable([
        { name: 'Azerbaijan', aliases: ['Baku'], demonyms: ['Azerbaijani'] },
        { name: 'Azerbaijan Airlines', aliases: ['AZAL'] },
        { name: 'Iran', demonyms: ['Iraqi'] },
      ]),
    ).toEqual({ azerbaijani: 'azerbaijan' });
  });

  it('refuses a word two actors would fold differently, naming both', () => {
    expect(() =>
      foldingTable([
        { name: 'Georgia', demonyms: ['Georgian'] },
        { name: 'Georgetown', demonyms: ['Georgian'] },
      ]),
    ).toThrow(/“georgian” belongs to both Georgia and Georgetown in content\/actors.yaml/);
  });
});
