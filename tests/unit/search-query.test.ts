import { describe, it, expect } from 'vitest';
import { searchableQuery } from '../../src/search/query.ts';

describe('searchableQuery', () => {
  it('turns a people or adjective into the beginning it shares with the place', () => {
    expect(searchableQuery('Azerbaijani')).toBe('azerbaijan');
    expect(searchableQuery('Ukrainian drones')).toBe('ukrain drones');
    expect(searchableQuery('Turkish')).toBe('turk');
  });

  it('leaves other words, and quoted phrases, as typed', () => {
    expect(searchableQuery('Iskander missile')).toBe('Iskander missile');
    expect(searchableQuery('"Azerbaijani brothers"')).toBe('"Azerbaijani brothers"');
  });
});
