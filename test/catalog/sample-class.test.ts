import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../grader/paths.ts';
import { grade, summary } from '../grading.ts';

const CLASS = path.join(REPO_ROOT, 'examples', 'class');
const handedIn = (student: string) => fs.readdirSync(path.join(CLASS, student)).filter((d) => fs.existsSync(path.join(CLASS, student, d, `${d}.ts`)));

describe('the sample class', () => {
  // ada writes every exercise correctly but differently from the answer key: a fair grader gives full marks.
  for (const id of handedIn('ada')) {
    it(`when ada's correct-but-different ${id} is graded then it gets full marks`, async () => {
      const r = await grade(id, path.join(CLASS, 'ada'));
      expect(r.score, summary(r)).toBe(r.maxScore);
    });
  }

  it("when ben's typical mistakes are graded then each loses points and the hint names the mistake", async () => {
    const expectations: Record<string, RegExp> = {
      momentum: /moving average|EMA|1 ?− ?γ|\(1 − γ\)/i,
      adam: /bias correction/i,
      'softmax-cross-entropy': /max|shift|overflow/i,
      'early-stopping': /minDelta/i,
      boltzmann: /factor 2/,
    };
    for (const [id, hint] of Object.entries(expectations)) {
      const r = await grade(id, path.join(CLASS, 'ben'));
      expect(r.score, summary(r)).toBeLessThan(r.maxScore);
      expect(r.checks.some((c) => c.hint !== undefined && hint.test(c.hint)), `${id}:\n${summary(r)}`).toBe(true);
    }
    const dense = await grade('dense', path.join(CLASS, 'ben'));
    expect(dense.checks.filter((c) => c.kind === 'api' && !c.passed).length, summary(dense)).toBeGreaterThan(0);
  });
});
