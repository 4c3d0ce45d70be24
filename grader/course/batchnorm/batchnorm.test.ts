import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFiles } from '../files.ts';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

const alternative = () => submissionWith('batchnorm', fs.readFileSync(path.join(courseFiles.correct('batchnorm'), 'batchnorm.ts'), 'utf8'));
const LARGE = 'batchNormTrain on a channel with mean 1e4 and std 1e-2';

describe('batchnorm', () => {
  it('when a correct answer reduces one axis at a time (another summation order) then it gets full marks, the large-mean channel included', async () => {
    const r = await grade('batchnorm', alternative());
    expect(r.score, summary(r)).toBe(r.maxScore);
  });


  it('when the variance is E[x²] − E[x]² then the large-mean check fails, and every failed check says why', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'one-pass-variance'));
    expect(check(r, LARGE).passed, summary(r)).toBe(false);
    expect(check(r, LARGE).message).toMatch(/y\[\d+, 0\]: expected/); // the large channel is channel 0 of the first case
    // It also loses ~1e-3 where an ordinary channel's |mean| is many stds (a batch of two): the same hint.
    for (const c of r.checks.filter((c) => !c.passed)) expect(c.hint, c.name).toMatch(/E\[x²\] − E\[x\]²/);
    expect(check(r, 'batchNormTrain on [N, H, W, C]').passed, summary(r)).toBe(true);
  });

  it('when the variance is unbiased then the training checks fail with the biased-variance hint', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'unbiased-variance'));
    for (const name of ['batchNormTrain on [N, C]', 'batchNormTrain on [N, H, W, C]', LARGE]) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/biased variance/);
    }
  });

  it('when eps is outside the square root then the large-mean check fails with the eps hint', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'eps-outside-sqrt'));
    expect(check(r, LARGE).passed, summary(r)).toBe(false);
    expect(check(r, LARGE).hint).toMatch(/ε goes inside the square root/);
  });

  it('when the statistics run over the last axis then the training checks fail with the axis hint', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'feature-axis'));
    const c = check(r, 'batchNormTrain on [N, C]');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.hint).toMatch(/one mean and variance per channel/);
    expect(check(r, 'batchNormTrain gradient w.r.t. x, gamma and beta').passed).toBe(false);
  });

  it('when tf.moments and tf.batchNorm do the work then both api checks fail, naming them', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'builtin-moments'));
    expect(check(r, 'batchNormTrain uses no built-in normalization').message).toMatch(/tf\.batchNorm.*tf\.moments|tf\.moments.*tf\.batchNorm/);
    expect(check(r, 'batchNormEval uses no built-in normalization').message).toMatch(/FusedBatchNorm/);
    expect(check(r, 'batchNormTrain on [N, C]').passed).toBe(true);
  });

  it('when μ and σ² are read back into JS and made into new tensors then the values pass and the gradient check names the missing gradient', async () => {
    const r = await grade('batchnorm', wrongSubmission('batchnorm', 'statistics-in-js'));
    const g = check(r, 'batchNormTrain gradient w.r.t. x, gamma and beta');
    expect(g.passed, summary(r)).toBe(false);
    expect(g.hint).toMatch(/no gradient flows through the statistics/);
    expect(check(r, 'batchNormTrain on [N, C]').passed).toBe(true);
  });
});
