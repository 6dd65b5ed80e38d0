import { describe, expect, it } from 'vitest';
import { runStages, STAGES, summary, type Stage } from '../../scripts/test.ts';

/** Runs the real stage list with a fake runner: the named stages fail, the others pass. */
async function outcomesWhenFailing(...failing: string[]) {
  const ran: string[] = [];
  const outcomes = await runStages(STAGES, (stage: Stage) => {
    ran.push(stage.name);
    return Promise.resolve({ code: failing.includes(stage.name) ? 1 : 0, seconds: 1.25 });
  });
  return { ran, outcomes, lines: summary(STAGES, outcomes) };
}

describe('npm test (scripts/test.ts)', () => {
  it('runs every stage in order and reports each with its time', async () => {
    const { ran, lines } = await outcomesWhenFailing();
    expect(ran).toEqual(STAGES.map((stage) => stage.name));
    expect(lines).toHaveLength(STAGES.length + 1);
    for (const [index, stage] of STAGES.entries())
      expect(lines[index]).toMatch(new RegExp(`^${stage.name} +passed +1\\.3 s$`));
    expect(lines.at(-1)).toBe(
      `${STAGES.length} passed, 0 failed, 0 skipped in ${(STAGES.length * 1.25).toFixed(1)} s`,
    );
  });

  it('skips what needs a failed build, says why, and still runs the rest', async () => {
    const { ran, outcomes, lines } = await outcomesWhenFailing('build');
    expect(outcomes.get('build')).toMatchObject({ status: 'failed', code: 1 });
    expect(outcomes.get('e2e')).toEqual({ status: 'skipped', reason: 'build failed' });
    expect(outcomes.get('build tests')).toEqual({ status: 'skipped', reason: 'build failed' });
    expect(lines).toContainEqual(expect.stringMatching(/^e2e +skipped: build failed$/));
    expect(lines).toContainEqual(expect.stringMatching(/^build +failed +1\.3 s \(exit code 1\)$/));
    // Stages that do not read dist/ run anyway.
    expect(ran).toEqual(expect.arrayContaining(['build:subpath', 'fixture tests']));
    expect(ran).not.toContain('e2e');
  });

  it('a failure that no other stage needs skips nothing', async () => {
    const { ran, lines } = await outcomesWhenFailing('lint');
    expect(ran).toEqual(STAGES.map((stage) => stage.name));
    expect(lines.at(-1)).toMatch(new RegExp(`^${STAGES.length - 1} passed, 1 failed, 0 skipped`));
  });
});
