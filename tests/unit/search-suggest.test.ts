import { describe, it, expect } from 'vitest';
import {
  allowedEdits,
  closestWords,
  corrections,
  editDistance,
  isKnown,
  readVocabulary,
  strayMatches,
  type VocabularyFile,
} from '../../src/search/suggest.ts';

/** A small vocabulary in the shape the build writes: most frequent first. */
function vocabulary(words: Record<string, number>, alternatives: Record<string, string> = {}) {
  const sorted = Object.entries(words).sort((a, b) => b[1] - a[1]);
  const file: VocabularyFile = {
    words: sorted.map(([w]) => w),
    counts: sorted.map(([, n]) => n),
    alternatives,
  };
  return readVocabulary(file);
}

describe('editDistance', () => {
  it.each([
    ['kazakstan', 'kazakhstan', 1], // a letter missing
    ['pashinyian', 'pashinyan', 1], // a letter too many
    ['pashinian', 'pashinyan', 1], // a letter wrong
    ['iskadner', 'iskander', 1], // two letters swapped count once
    ['sputnik', 'sputnik', 0],
    ['', 'baku', 4],
    ['zangezur', 'zagnezru', 2],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('azerbaijan', 'armenia', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closestWords', () => {
  const words = vocabulary({
    Kazakhstan: 3,
    Pashinyan: 1,
    Türkiye: 9,
    Turkey: 11,
    Iran: 30,
    Iraq: 2,
    Israel: 20,
    Sputnik: 4,
    Baku: 50,
  });

  it('allows no edit for very short words, one up to five letters, two beyond', () => {
    expect([1, 2, 3, 4, 5, 6, 12].map(allowedEdits)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(closestWords('Ira', words)).toEqual([]);
    expect(closestWords('Bak', words)).toEqual([]);
    expect(closestWords('Bakx', words)).toEqual(['Baku']);
  });

  it('finds a misspelt place and a misspelt name', () => {
    expect(closestWords('Kazakstan', words)).toEqual(['Kazakhstan']);
    expect(closestWords('pashinian', words)).toEqual(['Pashinyan']);
  });

  it('compares without accents and suggests the word as the text writes it', () => {
    expect(closestWords('Turkyie', vocabulary({ Türkiye: 1 }))).toEqual(['Türkiye']);
    // One edit from both spellings of the country: the one the text uses more often first.
    expect(closestWords('Turkye', words)).toEqual(['Turkey', 'Türkiye']);
    expect(closestWords('Kazakstán', words)).toEqual(['Kazakhstan']);
  });

  it('breaks ties by how often the text uses the word, then alphabetically', () => {
    // "Irak" is one edit from both Iran (30) and Iraq (2): the more frequent first.
    expect(closestWords('Irak', words)).toEqual(['Iran', 'Iraq']);
    const even = vocabulary({ bale: 2, bile: 2, bole: 2 });
    expect(closestWords('bxle', even)).toEqual(['bale', 'bile', 'bole']);
    expect(closestWords('bxle', even, 2)).toEqual(['bale', 'bile']);
  });

  it('compares a word still being typed with the same length of longer words', () => {
    expect(closestWords('Kazaks', words)).toEqual(['Kazakhstan']);
  });

  it('offers nothing when no word is close enough', () => {
    expect(closestWords('Zangezur', words)).toEqual([]);
  });
});

describe('corrections', () => {
  const words = vocabulary(
    { Kyiv: 5, embassy: 3, Kazakhstan: 3, Pashinyan: 1, defence: 7, Iran: 30, Iraq: 2 },
    { kiev: 'Kyiv', defense: 'defence' },
  );

  it('leaves known words, and beginnings of words, alone', () => {
    expect(isKnown('Emb', words)).toBe(true);
    expect(isKnown('KYIV', words)).toBe(true);
    expect(corrections('Kyiv embassy', words)).toEqual({ suggestions: [] });
  });

  it('respells a known other spelling at once, saying which words changed', () => {
    expect(corrections('Kiev embassy', words)).toEqual({
      respelt: 'Kyiv embassy',
      respellings: [['Kiev', 'Kyiv']],
      suggestions: [],
    });
    expect(corrections('defense', words).respelt).toBe('defence');
  });

  it('suggests, rather than respells, when a typo is among the unknown words', () => {
    expect(corrections('Kiev Kazakstan', words)).toEqual({
      suggestions: ['Kyiv Kazakhstan'],
    });
  });

  it('offers the next guesses for a word after the best one', () => {
    expect(corrections('Irak', words)).toEqual({ suggestions: ['Iran', 'Iraq'] });
  });

  it('keeps the rest of the query as typed, quotes included', () => {
    expect(corrections('"Kazakstan" embassy', words).suggestions).toEqual(['"Kazakhstan" embassy']);
  });
});

describe('strayMatches', () => {
  it('names query words matched only by a much shorter word of the text', () => {
    expect(strayMatches(['defense'], ['de', 'def'])).toEqual(['defense']);
    expect(strayMatches(['kiev'], ['ki'])).toEqual(['kiev']);
  });

  it('accepts matches that differ only in an ending, an accent or a possessive', () => {
    expect(strayMatches(['countries'], ['country'])).toEqual([]);
    expect(strayMatches(['turk'], ['Türkiye,'.replace(',', '')])).toEqual([]);
    expect(strayMatches(['azerbaijan'], ['Azerbaijan’s'])).toEqual([]);
    expect(strayMatches(['iran'], ['Iranian'])).toEqual([]);
  });

  it('never flags words of three letters or fewer', () => {
    expect(strayMatches(['eu'], ['e'])).toEqual([]);
  });
});
