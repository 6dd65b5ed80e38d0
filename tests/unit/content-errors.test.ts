import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../support/fixture-project.ts';

/** Breaks one chapter of a throwaway copy of the project and builds it. */
describe('broken chapters fail the build with a message that names the file', () => {
  let fixture: ReturnType<typeof copyProject>;
  let energy: string;
  const original = readFileSync(
    new URL('../../content/chapters/energy.mdx', import.meta.url),
    'utf8',
  );

  beforeAll(() => {
    fixture = copyProject();
    energy = join(fixture.dir, 'content/chapters/energy.mdx');
  });
  afterAll(() => fixture.remove());

  it('a missing frontmatter field names the file and the field', () => {
    writeFileSync(energy, original.replace(/^summary:.*\n/m, ''));
    const { status, output } = buildProject(fixture.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/chapters/energy.mdx');
    expect(output).toMatch(/summary/);
    expect(output).toMatch(/does not match collection schema/);
  });

  it('a malformed field names the file and the field', () => {
    const broken = original.replace(/^order: 5$/m, 'order: five');
    expect(broken).not.toBe(original);
    writeFileSync(energy, broken);
    const { status, output } = buildProject(fixture.dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/chapters/energy.mdx');
    expect(output).toMatch(/order/);
  });

  it('two chapters in the same position name both files', () => {
    writeFileSync(energy, original.replace(/^order: 5$/m, 'order: 4'));
    const { status, output } = buildProject(fixture.dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /content\/chapters\/(energy|incident-chain)\.mdx: field "order" is 4, the same as in content\/chapters\/(energy|incident-chain)\.mdx/,
    );
  });

  it('an MDX syntax error names the file and the line', () => {
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l.startsWith('Energy politics opened')) + 1;
    lines[line - 1] = lines[line - 1]!.replace('Energy politics', 'Energy <politics');
    writeFileSync(energy, lines.join('\n'));
    const { status, output } = buildProject(fixture.dir);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/chapters/energy.mdx:${line}:`);
  });
});
