import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { datasetCsv } from '../../src/share/data/tables.ts';

describe('CSV downloads', () => {
  it('quote what needs quoting and read back to the same values', () => {
    const fields = { id: 'id', quote: 'quote', actors: 'actors', status: 'status' };
    const rows = [
      {
        id: 'a',
        quote: 'He said “no”, then "yes",\nand left.',
        actors: ['Azerbaijan', 'Türkiye'],
        status: [{ label: 'denied', by: 'Baku' }, { label: 'alleged' }],
      },
      { id: 'b', quote: 'Plain', actors: [], status: [] },
    ];
    const csv = datasetCsv(fields, rows);
    expect(csv.startsWith('\uFEFFid,quote,actors,status\r\n')).toBe(true);
    expect(parse(csv, { bom: true, columns: true })).toEqual([
      {
        id: 'a',
        quote: 'He said “no”, then "yes",\nand left.',
        actors: 'Azerbaijan; Türkiye',
        status: 'denied (by Baku); alleged',
      },
      { id: 'b', quote: 'Plain', actors: '', status: '' },
    ]);
  });
});
