import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFiles } from '../files.ts';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

const alternative = (name: string) => submissionWith('max-pool', fs.readFileSync(path.join(courseFiles.correct('max-pool'), `${name}.ts`), 'utf8'));

describe('max-pool', () => {
  it('when a loop over windows with tf.argMax (first maximum) is submitted then it gets full marks, ties included', async () => {
    const r = await grade('max-pool', alternative('max-pool'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, 'gradient with ties').message).toMatch(/match the reference/);
  });

  it('when ties go to the last maximum then the tie check passes as an accepted alternative', async () => {
    const r = await grade('max-pool', alternative('ties-to-last'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, 'gradient with ties').message).toMatch(/match an accepted alternative \(.*last maximum/);
  });


  it('when tied maxima all receive the gradient then only the tie check fails, with the hint', async () => {
    const r = await grade('max-pool', wrongSubmission('max-pool', 'ties-to-all'));
    const ties = check(r, 'gradient with ties');
    expect(ties.passed, summary(r)).toBe(false);
    expect(ties.hint).toMatch(/every tied maximum/);
    expect(r.score).toBe(r.maxScore - ties.maxScore);
  });

  it("when the output has the notes' size (no + 1) then the shapes mismatch and the hint says so", async () => {
    const r = await grade('max-pool', wrongSubmission('max-pool', 'notes-output-size'));
    const c = check(r, 'values');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/expected shape \[1, 2, 2, 1\], got \[1, 1, 1, 1\]/);
    expect(c.hint).toMatch(/notes' size ⌊\(n − k\)\/s⌋, one row and one column short/);
    expect(check(r, 'a window as large as the image (1×1 output)').passed).toBe(false);
  });

  it('when the running maximum starts from 0 then the values fail where a window is all negative, with the hint', async () => {
    const r = await grade('max-pool', wrongSubmission('max-pool', 'starts-from-zero'));
    const c = check(r, 'values');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/expected -[0-9.]+, got 0 /);
    expect(c.hint).toMatch(/not from 0/);
  });

  it('when x.maxPool does the work then the api check fails, naming it and the kernel', async () => {
    const r = await grade('max-pool', wrongSubmission('max-pool', 'builtin-pool'));
    const api = check(r, 'uses no built-in pooling');
    expect(api.passed).toBe(false);
    expect(api.message).toMatch(/tf\.maxPool/);
    expect(api.message).toMatch(/MaxPool/);
    expect(check(r, 'values').passed).toBe(true);
  });
});
