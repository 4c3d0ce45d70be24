import { describe, expect, it } from 'vitest';
import { listExerciseIds, loadManifest } from '../manifest/load.ts';
import type { Manifest } from '../manifest/types.ts';
import { assertCourseResolves, CourseError, courseNames } from './resolve.ts';

async function problemsOf(m: Manifest): Promise<string[]> {
  try {
    await assertCourseResolves(m);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(CourseError);
    expect((e as CourseError).message).toContain(`exercises/${m.id}/exercise.json`);
    return (e as CourseError).problems;
  }
}

/** A copy of an exercise's manifest with one check changed. */
function withCheck(id: string, i: number, change: Record<string, unknown>): Manifest {
  const m = structuredClone(loadManifest(id));
  Object.assign(m.checks[i]!, change);
  return m;
}

describe('every manifest resolves against its course folder', () => {
  it('when every exercise loads then each check finds its case recipe, task and judge', async () => {
    for (const id of listExerciseIds()) expect(await problemsOf(loadManifest(id)), id).toEqual([]);
  });

  it('when a task is misspelled then the course error names the JSON path, the name and the known tasks', async () => {
    const m = loadManifest('adam');
    const i = m.checks.findIndex((c) => c.task === 'trajectory');
    const problems = await problemsOf(withCheck('adam', i, { task: 'trajectry' }));
    expect(problems.join('\n')).toMatch(new RegExp(`/checks/${i} .*task: task "trajectry" is not defined in grader/course/adam/tasks.ts \\(known: .*trajectory`));
  });

  it('when a case recipe is misspelled then the error names cases.ts and the known recipes', async () => {
    const problems = await problemsOf(withCheck('sgd', 0, { cases: 'oneStpe' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/\/checks\/0 .*\/cases: case recipe "oneStpe" is not defined in grader\/course\/sgd\/cases.ts \(known: .+\)/);
  });

  it('when a judge is misspelled or missing then the error says which judges exist', async () => {
    const m = loadManifest('vae');
    const i = m.checks.findIndex((c) => c.judge === 'testElbo');
    expect((await problemsOf(withCheck('vae', i, { judge: 'testElb' }))).join('\n')).toMatch(/judge: judge "testElb" is not defined in grader\/course\/vae\/judges.ts \(known: .*testElbo/);
    expect((await problemsOf(withCheck('vae', i, { judge: undefined }))).join('\n')).toMatch(/a property check needs a "judge"/);
  });

  it('when an exercise has no course folder of its own then only the generic tasks and judges are known', async () => {
    const names = await courseNames('no-such-exercise');
    expect(names.cases).toEqual([]);
    expect(names.tasks).toContain('call');
    expect(names.tasks).toContain('gradient');
  });

  it('when an id would leave the course folder then it is refused', async () => {
    await expect(courseNames('../../etc')).rejects.toThrow(/not an exercise id/);
  });
});
