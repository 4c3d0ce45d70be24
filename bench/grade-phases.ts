/**
 * Where one grade's time goes, phase by phase, each alone (so wall time ≈ the CPU it needs):
 * a student sandbox from spawn to ready, the bundler process, and the whole grade.
 *   node bin/run-ts.js bench/grade-phases.ts [exercise] [submission-dir] [repeats]
 */
import path from 'node:path';
import { gradeExercise } from '../grader/grade/grade-exercise.ts';
import { SandboxWorker } from '../grader/sandbox/worker.ts';
import { bundleSubmission } from '../grader/submission/bundle.ts';
import { REPO_ROOT } from '../grader/paths.ts';

const [id = 'early-stopping', sub = path.join(REPO_ROOT, 'examples', 'class', 'ada'), repeats = '5'] = process.argv.slice(2);
const n = Number(repeats);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed(label: string, f: () => Promise<unknown>): Promise<void> {
  const walls: number[] = [];
  const parent: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = cpu();
    const t0 = performance.now();
    await f();
    walls.push(performance.now() - t0);
    parent.push(cpu() - c0);
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${label.padEnd(34)} wall median ${med(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}), parent CPU ${med(parent).toFixed(0)} ms`);
}

await gradeExercise(id, { submissionDir: sub, backend: 'wasm', seed: 1 }); // warm: runtime bundles, references, fingerprints
await timed('sandbox spawn → ready → closed', async () => {
  const w = new SandboxWorker('wasm', 'student');
  await w.start();
  await w.close();
});
await timed('bundler process', () => bundleSubmission(sub, id));
await timed(`whole grade of ${id}`, () => gradeExercise(id, { submissionDir: sub, backend: 'wasm', seed: 1 }));
