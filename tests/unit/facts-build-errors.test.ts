import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../support/fixture-project.ts';

/** Breaks the facts data of a throwaway copy of the project and builds it. */
describe('bad facts data fails the build with a message naming the file, line and entry', () => {
  let fixture: ReturnType<typeof copyProject>;
  const read = (path: string) => readFileSync(join(fixture.dir, path), 'utf8');
  const lineOf = (text: string, needle: string) =>
    text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  beforeAll(() => {
    fixture = copyProject();
  });
  afterAll(() => fixture.remove());

  it('an event with an unknown actor and another with a heading id that does not exist', () => {
    const original = read('content/events.yaml');
    const broken = original
      .replace(
        'actors: [operation-spiderweb, sbu, ukraine, russia, azerbaijan]',
        'actors: [operation-spiderweb, sbu, ukrane, russia, azerbaijan]',
      )
      .replace(
        'section: energy-as-a-strategic-weapon\n  actors: [russia, socar',
        'section: energy-as-a-weapon\n  actors: [russia, socar',
      );
    expect(broken).not.toBe(original);
    writeFileSync(join(fixture.dir, 'content/events.yaml'), broken);
    const { status, output } = buildProject(fixture.dir);
    writeFileSync(join(fixture.dir, 'content/events.yaml'), original);
    expect(status).not.toBe(0);
    expect(output).toContain(
      `content/events.yaml:${lineOf(broken, 'ukrane')}: event "operation-spiderweb": unknown actor "ukrane"`,
    );
    expect(output).toContain(
      `content/events.yaml:${lineOf(broken, 'energy-as-a-weapon')}: event "odesa-strike": section "#energy-as-a-weapon" does not exist in chapter "energy"`,
    );
  });

  it('a claim label in a chapter that names someone its sentence does not', () => {
    const file = 'content/chapters/incident-chain.mdx';
    const original = read(file);
    const broken = original.replace(
      '<Claim status="denied" by="Baku" />',
      '<Claim status="denied" by="Moscow" />',
    );
    expect(broken).not.toBe(original);
    writeFileSync(join(fixture.dir, file), broken);
    const { status, output } = buildProject(fixture.dir);
    writeFileSync(join(fixture.dir, file), original);
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${file}:${lineOf(broken, 'by="Moscow"')}: the label names "Moscow", who is not named in the sentence: "Baku denied involvement."`,
    );
  });
});
