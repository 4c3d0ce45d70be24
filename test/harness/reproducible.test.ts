import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import type { GradeResult } from '../../grader/results/types.ts';
import { wrongSubmission } from '../grading.ts';

const verdicts = (r: GradeResult) => r.checks.map(({ name, passed, score, message, hint }) => ({ name, passed, score, hint, message: message.replace(/trained in [\d.]+ s/, 'trained in _ s') }));

describe('reproducibility', () => {
  it('when the same submission is graded twice with the same seed then the verdicts are identical', async () => {
    const dir = wrongSubmission('sgd', 'ignores-lr');
    const a = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 7 });
    const b = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 7 });
    expect(verdicts(b)).toEqual(verdicts(a));
  });

  it('when the seed changes then the inputs change (the reported values differ)', async () => {
    const dir = wrongSubmission('sgd', 'ignores-lr');
    const a = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 7 });
    const b = await gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 8 });
    expect(a.checks[0]!.message).not.toEqual(b.checks[0]!.message);
  });
});
