/**
 * A hidden check's inputs stay with the instructor: its case recipe lives in
 * grader/inputs/hidden/<id>.ts, which `grade pack` leaves out, and never in the public file.
 */
import { describe, expect, it } from 'vitest';
import { loadInputs, loadVisibleInputs } from '../../grader/inputs/load.ts';
import { listExerciseIds, loadManifest } from '../../grader/manifest/load.ts';
import { carriedFiles } from '../../grader/pack/files.ts';

describe('hidden checks keep their inputs', () => {
  it('when a check is hidden then its recipe is only in grader/inputs/hidden/, and every check still finds its recipe', async () => {
    for (const id of listExerciseIds()) {
      const m = loadManifest(id);
      const all = await loadInputs(id);
      const visible = await loadVisibleInputs(id);
      const publicNames = new Set(m.checks.filter((c) => !c.hidden).map((c) => c.cases ?? c.task ?? ''));
      for (const c of m.checks) {
        const name = c.cases ?? c.task ?? '';
        expect(all.cases[name], `${id}: check "${c.name}" has no recipe "${name}"`).toBeTypeOf('function');
        if (c.hidden && !publicNames.has(name)) expect(visible.cases[name], `${id}: hidden check "${c.name}" has its recipe "${name}" in the public grader/inputs/${id}.ts`).toBeUndefined();
      }
    }
  });

  it('when the student edition is assembled then no hidden recipe file is carried', () => {
    const files = carriedFiles();
    expect(files.some((f) => f.startsWith('grader/inputs/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('grader/inputs/hidden/'))).toEqual([]);
  });
});
