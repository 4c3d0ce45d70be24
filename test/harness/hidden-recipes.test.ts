/**
 * A hidden check's inputs stay with the instructor: its case recipe lives in
 * grader/course/<id>/hidden-cases.ts, which `grade pack` leaves out, and never in the public cases.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs, loadVisibleInputs } from '../../grader/inputs/load.ts';
import { listExerciseIds, loadManifest } from '../../grader/manifest/load.ts';
import { carriedFiles } from '../../grader/pack/files.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import { check, grade, submissionWith } from '../grading.ts';

describe('hidden checks keep their inputs', () => {
  it('when a check is hidden then its recipe is only in hidden-cases.ts, and every check still finds its recipe', async () => {
    for (const id of listExerciseIds()) {
      const m = loadManifest(id);
      const all = await loadInputs(id);
      const visible = await loadVisibleInputs(id);
      const publicNames = new Set(m.checks.filter((c) => !c.hidden).map((c) => c.cases ?? c.task ?? ''));
      for (const c of m.checks) {
        const name = c.cases ?? c.task ?? '';
        expect(all.cases[name], `${id}: check "${c.name}" has no recipe "${name}"`).toBeTypeOf('function');
        if (c.hidden && !publicNames.has(name)) expect(visible.cases[name], `${id}: hidden check "${c.name}" has its recipe "${name}" in the public grader/course/${id}/cases.ts`).toBeUndefined();
      }
    }
  });

  it('when a submission keeps a hidden check\'s inputs and prints or throws them in a later check then no visible check and no console shows them', async () => {
    // mle's hidden check (logits of ±1000) comes second in the manifest: it now runs after the visible ones.
    const source = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'hidden-inputs-exfil.ts'), 'utf8');
    const r = await grade('mle', submissionWith('mle', source));
    const visible = JSON.stringify([r.studentConsole, r.checks.filter((c) => !c.hidden).map((c) => [c.message, c.hint, c.console])]);
    expect(check(r, 'Gaussian log-likelihood').message).toMatch(/seen so far: logits/);
    expect(visible).not.toContain('1000');
    // The results keep the manifest's order.
    expect(r.checks.map((c) => c.name)).toEqual(loadManifest('mle').checks.map((c) => c.name));
    expect(check(r, 'Bernoulli log-likelihood at extreme logits').passed).toBe(true);
  });

  it('when the student edition is assembled then no hidden recipe file and no fixture is carried', () => {
    const files = carriedFiles();
    expect(files).toContain('grader/course/sgd/cases.ts');
    expect(files.filter((f) => f.endsWith('/hidden-cases.ts'))).toEqual([]);
    // correct/ holds answers; wrong/ the mistakes the checks are tuned on.
    expect(files.filter((f) => /^grader\/course\/[^/]+\/(correct|wrong)\//.test(f))).toEqual([]);
  });
});
