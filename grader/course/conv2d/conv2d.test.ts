import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFiles } from '../files.ts';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

const alternative = (id: string) => submissionWith(id, fs.readFileSync(path.join(courseFiles.correct(id), `${id}.ts`), 'utf8'));

describe('conv2d', () => {
  it('when a correct loop over output positions (another summation order) is submitted then it gets full marks', async () => {
    const r = await grade('conv2d', alternative('conv2d'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, 'stride 1, padding 0..2').message).toMatch(/match the reference \(rtol 1e-4, atol 1e-5\)/);
  });

  it('when the kernel is flipped (a true convolution) then the values fail with the cross-correlation hint', async () => {
    const r = await grade('conv2d', wrongSubmission('conv2d', 'flipped-kernel'));
    for (const name of ['stride 1, padding 0..2', 'stride 2 in rows, columns and both', 'gradient w.r.t. x, w and b']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
    }
    expect(check(r, 'stride 1, padding 0..2').hint).toMatch(/cross-correlation/);
    expect(check(r, 'stride 2 in rows, columns and both').hint).toMatch(/cross-correlation/);
    expect(check(r, 'uses no built-in convolution').passed).toBe(true);
  });

  it("when the output has the notes' size (no + 1) then the shapes mismatch and the hint says so", async () => {
    const r = await grade('conv2d', wrongSubmission('conv2d', 'notes-output-size'));
    const c = check(r, 'stride 1, padding 0..2');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/expected shape \[1, 3, 5, 2\], got \[1, 2, 4, 2\]/);
    expect(c.hint).toMatch(/notes' size ⌊\(n − k \+ 2p\)\/s⌋, one row and one column short/);
    expect(check(r, 'stride 2 in rows, columns and both').hint).toMatch(/\+ 1 rows/);
    expect(check(r, 'a kernel as large as the image (1×1 output)').passed).toBe(false);
  });

  it('when only the rows are padded then the padded cases fail with the padding hint', async () => {
    const r = await grade('conv2d', wrongSubmission('conv2d', 'rows-padded-only'));
    const c = check(r, 'stride 1, padding 0..2');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/expected shape/);
    expect(c.hint).toMatch(/padding of the rows only/);
    expect(check(r, 'stride 2 in rows, columns and both').hint).toMatch(/padding of the rows only/);
  });

  it('when tf.fused.conv2d does the work then only the api check fails, naming it and the kernel', async () => {
    const r = await grade('conv2d', wrongSubmission('conv2d', 'builtin-conv'));
    const api = check(r, 'uses no built-in convolution');
    expect(api.passed).toBe(false);
    expect(api.message).toMatch(/tf\.fused\.conv2d/);
    expect(api.message).toMatch(/FusedConv2D/);
    expect(r.score).toBe(r.maxScore - api.maxScore);
  });
});
