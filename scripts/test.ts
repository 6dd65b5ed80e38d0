/**
 * `npm test`: every stage of the test suite, in order, then one line per stage saying whether it
 * passed, failed or was skipped (and why), with its time. A stage that needs the output of a failed
 * stage is skipped; every other stage still runs, so one failure does not hide the others. Exits
 * non-zero when any stage failed or was skipped.
 *
 * `npm test -- unit build e2e` runs only the named stages (a stage whose prerequisite was not asked
 * for runs anyway: it reads what an earlier run left, e.g. `dist/`).
 */
import { spawn } from 'node:child_process';

export interface Stage {
  name: string;
  /** The npm script it runs. */
  script: string;
  /** Extra environment for the script. */
  env?: Record<string, string>;
  /** Stages whose output this one reads: if one of them failed (or was skipped), this one is skipped. */
  needs?: readonly string[];
}

export const STAGES: readonly Stage[] = [
  { name: 'lint', script: 'lint' },
  { name: 'astro check', script: 'check' },
  { name: 'unit', script: 'test:unit' },
  { name: 'check:content', script: 'check:content' },
  // Built for this machine on purpose: quiet about SITE_URL, host variables ignored.
  { name: 'build', script: 'build', env: { LOCAL_BUILD: '1' } },
  { name: 'build:subpath', script: 'build:subpath' },
  { name: 'check:links', script: 'check:links', needs: ['build', 'build:subpath'] },
  { name: 'build tests', script: 'test:build', needs: ['build', 'build:subpath'] },
  { name: 'fixture tests', script: 'test:fixtures' },
  { name: 'e2e', script: 'test:e2e', needs: ['build', 'build:subpath'] },
];

export type Outcome =
  | { status: 'passed' | 'failed'; seconds: number; code?: number | null }
  | { status: 'skipped'; reason: string };

/** What happens to each stage given how the earlier ones went; `run` runs one stage. */
export async function runStages(
  stages: readonly Stage[],
  run: (stage: Stage) => Promise<{ code: number | null; seconds: number }>,
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  for (const stage of stages) {
    const broken = (stage.needs ?? []).filter((need) => {
      const outcome = outcomes.get(need);
      return outcome !== undefined && outcome.status !== 'passed';
    });
    if (broken.length > 0) {
      const why = broken
        .map((need) => `${need} ${outcomes.get(need)?.status === 'failed' ? 'failed' : 'skipped'}`)
        .join(', ');
      outcomes.set(stage.name, { status: 'skipped', reason: why });
      continue;
    }
    const { code, seconds } = await run(stage);
    outcomes.set(stage.name, { status: code === 0 ? 'passed' : 'failed', seconds, code });
  }
  return outcomes;
}

/** The closing summary: one line per stage, then the total. */
export function summary(stages: readonly Stage[], outcomes: Map<string, Outcome>): string[] {
  const width = Math.max(...stages.map((stage) => stage.name.length));
  const lines = stages.flatMap((stage) => {
    const outcome = outcomes.get(stage.name);
    if (!outcome) return [];
    const name = stage.name.padEnd(width);
    if (outcome.status === 'skipped') return [`${name}  skipped: ${outcome.reason}`];
    const time = `${outcome.seconds.toFixed(1)} s`.padStart(8);
    const code = outcome.status === 'failed' ? ` (exit code ${String(outcome.code)})` : '';
    return [`${name}  ${outcome.status.padEnd(6)} ${time}${code}`];
  });
  const total = [...outcomes.values()].reduce(
    (sum, outcome) => sum + (outcome.status === 'skipped' ? 0 : outcome.seconds),
    0,
  );
  const count = (status: Outcome['status']) =>
    [...outcomes.values()].filter((outcome) => outcome.status === status).length;
  lines.push(
    `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped in ${total.toFixed(1)} s`,
  );
  return lines;
}

function runScript(stage: Stage): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  console.log(`\n▶ ${stage.name}: npm run ${stage.script}`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', stage.script], {
      stdio: 'inherit',
      env: { ...process.env, ...stage.env },
    });
    const finish = (code: number | null) =>
      resolve({ code, seconds: (performance.now() - started) / 1000 });
    child.once('error', (error) => {
      console.error(`${stage.name}: could not start npm: ${error.message}`);
      finish(null);
    });
    child.once('exit', (code) => finish(code));
  });
}

if (import.meta.main) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !STAGES.some((stage) => stage.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown stage ${unknown.join(', ')}; the stages are: ${STAGES.map((s) => s.name).join(', ')}.`,
    );
    process.exit(2);
  }
  const stages = asked.length > 0 ? STAGES.filter((stage) => asked.includes(stage.name)) : STAGES;
  const outcomes = await runStages(stages, runScript);
  console.log(`\nnpm test:\n${summary(stages, outcomes).join('\n')}`);
  const ok = [...outcomes.values()].every((outcome) => outcome.status === 'passed');
  process.exit(ok ? 0 : 1);
}
