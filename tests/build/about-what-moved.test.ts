import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/chapters.ts';
import { describeWhatMoved, whatMoved } from '../../src/article/moves.ts';
import { normalise } from '../../src/article/text.ts';

const { source, chapters } = readArticle();
const actual = whatMoved(source, chapters);

describe('the about page states what moved', () => {
  const page = new URL('../../dist/about/index.html', import.meta.url);

  it('says exactly what the content shows', () => {
    const { document } = parseHTML(readFileSync(page, 'utf8'));
    const text = normalise(document.querySelector('main')?.textContent ?? '');
    const statement = describeWhatMoved(actual);
    for (const sentence of [statement.lead, ...statement.moves, statement.titles])
      expect(text).toContain(sentence);
    for (const move of actual.moves) expect(text).toContain(`“${move.heading ?? ''}”`);
  });
});
