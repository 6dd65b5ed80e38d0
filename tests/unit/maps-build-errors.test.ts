import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../support/fixture-project.ts';

/** Breaks the places data of a throwaway copy of the project and builds it. */
describe('bad places data fails the build with a message naming the file, line and entry', () => {
  let fixture: ReturnType<typeof copyProject>;
  beforeAll(() => {
    fixture = copyProject();
  });
  afterAll(() => fixture.remove());

  it('a place the text never names', () => {
    const placesFile = join(fixture.dir, 'content/places.yaml');
    const places = `${readFileSync(placesFile, 'utf8')}
atlantis:
  name: Atlantis
  kind: city
  coordinates: [40, 40]
  sources:
    - Azerbaijan’s relationship with Moscow has always been complex.
`;
    writeFileSync(placesFile, places);
    const { status, output } = buildProject(fixture.dir);
    expect(status).not.toBe(0);
    const line = places.split('\n').indexOf('atlantis:') + 1;
    expect(output).toContain(
      `content/places.yaml:${line}: place "atlantis" (Atlantis) is named nowhere in the chapters`,
    );
  });
});
