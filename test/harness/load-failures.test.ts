import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { main } from '../../grader/cli.ts';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { submissionWith } from '../grading.ts';

const gpuInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node-gpu');
    return true;
  } catch {
    return false;
  }
})();

describe('failures before any check runs', () => {
  it('when the file calls process.exit at import then every check fails with what happened, and grading returns', async () => {
    const r = await gradeExercise('sgd', { submissionDir: submissionWith('sgd', 'process.exit(4);\nexport function sgdStep() { return []; }\n'), backend: 'wasm', seed: 1 });
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toMatch(/stopped the sandbox while loading \(exited with code 4\)/);
  });

  it.skipIf(gpuInstalled)('when a backend that is not installed is asked for then exit 2 and say why', async () => {
    const err: string[] = [];
    const code = await main(['sgd', '--backend', 'gpu'], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/backend 'gpu' is not available: @tensorflow\/tfjs-node-gpu: not installed/);
  });
});
