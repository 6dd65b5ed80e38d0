import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseChapter } from '../../src/article/outline.ts';
import { buildPlaceModel, type PlacesInput } from '../../src/maps/model.ts';
import { readPlacesInput } from '../../src/maps/files.ts';

const input = readPlacesInput();
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

function problemsWith(change: Partial<PlacesInput>): string[] {
  const result = buildPlaceModel({ ...input, ...change });
  return result.problems;
}

describe('the places and maps data', () => {
  it('passes every check as committed, and every place is on the places page or listed there', () => {
    const result = buildPlaceModel(input);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    const { places, maps, mentionsByPlace } = result.model;
    expect(places.length).toBeGreaterThan(20);
    for (const place of places)
      expect(mentionsByPlace.get(place.id)!.length, place.id).toBeGreaterThan(0);
    // The two chapters where place is the story have their maps.
    expect(
      maps
        .filter((m) => m.chapter)
        .map((m) => m.chapter!.id)
        .sort(),
    ).toEqual(['energy', 'incident-chain']);
  });

  it('fails on a place the text never names, naming the file and line', () => {
    const placesText = `${input.placesText}\natlantis:\n  name: Atlantis\n  kind: city\n  coordinates: [40, 40]\n  sources:\n    - Azerbaijan’s relationship with Moscow has always been complex.\n`;
    const problems = problemsWith({ placesText });
    expect(problems).toContain(
      `content/places.yaml:${lineOf(placesText, 'atlantis:')}: place "atlantis" (Atlantis) is named nowhere in the chapters; remove it, or correct its name, aliases and demonyms to the article's spelling`,
    );
  });

  it('fails on an alias the text never uses (Kiev), so spellings stay the article’s', () => {
    const placesText = input.placesText.replace(
      'kyiv:\n  name: Kyiv\n',
      'kyiv:\n  name: Kyiv\n  aliases: [Kiev]\n',
    );
    expect(placesText).not.toBe(input.placesText);
    expect(problemsWith({ placesText }).join('\n')).toMatch(
      /content\/places\.yaml:\d+: place "kyiv": the term "Kiev" occurs nowhere in the chapters/,
    );
  });

  it('fails on a source that is not a whole sentence of the article', () => {
    const placesText = input.placesText.replace(
      '    - The aircraft crash-landed in Kazakhstan, killing 38 people.',
      '    - The aircraft crash-landed in Kazakhstan.',
    );
    expect(problemsWith({ placesText })).toContain(
      `content/places.yaml:${lineOf(placesText, 'The aircraft crash-landed in Kazakhstan.')}: not a whole sentence of content/source/article.txt, word for word: "The aircraft crash-landed in Kazakhstan."`,
    );
  });

  it('refuses to draw a place plainly when the article names it only in a claim', () => {
    // The Caspian corridor is named only in Tehran's allegation, which Baku denies.
    const placesText = input.placesText.replace(/( {2}status:\n(?: {4}.*\n| {6}.*\n)+)$/, '');
    expect(placesText).not.toBe(input.placesText);
    const problems = problemsWith({ placesText }).join('\n');
    expect(problems).toContain(
      '"caspian-corridor": every source that names Caspian corridor hedges or attributes it (alleg-, deny/denies/denied)',
    );
  });

  it('refuses a label the sentence does not state', () => {
    const mapsText = input.mapsText.replace(
      '        - label: unverified\n          sentence: Although unconfirmed',
      '        - label: alleged\n          sentence: Although unconfirmed',
    );
    expect(mapsText).not.toBe(input.mapsText);
    expect(problemsWith({ mapsText }).join('\n')).toMatch(
      /content\/maps\.yaml:\d+: the label "alleged" needs a sentence that says so/,
    );
  });

  it('refuses a note that drops a hedge or adds a date', () => {
    const mapsText = input.mapsText
      .replace(
        'note: On the route by which, unconfirmed reports suggest, Azerbaijan may have helped transfer Su-22 jets to Kyiv; the claims remain unverified.',
        'note: On the route by which Azerbaijan transferred Su-22 jets to Kyiv.',
      )
      .replace(
        'note: Where the aircraft crash-landed, killing 38 people.',
        'note: Where the aircraft crash-landed on 25 December 2024, killing 38 people.',
      );
    const problems = problemsWith({ mapsText });
    const hedges = problems.filter((p) =>
      p.includes('"turkiye": the note says more than its sources'),
    );
    expect(hedges.join('\n')).toContain('(unverified/unconfirmed)');
    expect(hedges.join('\n')).toContain('(may/might/could)');
    expect(problems).toContain(
      `content/maps.yaml:${lineOf(mapsText, '25 December 2024')}: map "incident-chain": "kazakhstan": the note says more than its sources: it states the date “25 December 2024”, which none of its sources carries`,
    );
  });

  it('keeps a chapter’s map to its own chapter’s sentences', () => {
    const mapsText = input.mapsText.replace(
      '        - The aircraft crash-landed in Kazakhstan, killing 38 people.',
      '        - The aircraft crash-landed in Kazakhstan, killing 38 people.\n        - Countries like Germany have expanded energy cooperation with Azerbaijan to reduce dependence on Russian gas',
    );
    expect(problemsWith({ mapsText }).join('\n')).toMatch(
      /map "incident-chain": "kazakhstan": this source is not in chapter "incident-chain"/,
    );
  });

  it('checks that a chapter places its map, and that a placed map exists', () => {
    const chapters = input.chapters.map((c) =>
      c.id === 'energy'
        ? {
            ...c,
            outline: parseChapter(
              c.outline.file,
              readFileSync(c.outline.file, 'utf8').replace(
                '<PlaceMap id="energy" />',
                '<PlaceMap id="enrgy" />',
              ),
            ),
          }
        : c,
    );
    const problems = problemsWith({ chapters });
    expect(problems.join('\n')).toMatch(
      /content\/chapters\/energy\.mdx:\d+: <PlaceMap id="enrgy" \/>: there is no map "enrgy"/,
    );
    expect(problems.join('\n')).toMatch(
      /map "energy": it belongs to chapter "energy", so content\/chapters\/energy\.mdx must place it once/,
    );
  });

  it('names the line of a schema error', () => {
    const placesText = input.placesText.replace(
      '  coordinates: [60.606, 56.839]',
      '  coordinates: [60.606]',
    );
    expect(problemsWith({ placesText }).join('\n')).toMatch(
      new RegExp(
        `content/places\\.yaml:${lineOf(placesText, '[60.606]')}: "yekaterinburg": coordinates`,
      ),
    );
  });
});
