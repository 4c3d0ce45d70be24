/**
 * What drawing the pictures costs a grade: the same exercise graded with pictures (an images
 * folder) and without, alternately in one process so both see the same load and the same warm
 * caches; prints one JSON line: { [exercise]: { offMs, onMs, pictures } } (median wall per grade).
 *   node bin/run-ts.js bench/pictures-cost.ts [repeats] [exercise…]
 * The sandbox records the curves and samples either way (they are few and small next to the
 * training); what pictures add is the parent's drawing, encoding and writing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceSubmission } from '../grader/authoring/answer-key.ts';
import { gradeExercise } from '../grader/grade/grade-exercise.ts';

const [repeats = '7', ...rest] = process.argv.slice(2);
const ids = rest.length > 0 ? rest : ['sgd', 'metropolis-hastings', 'dropout'];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const out: Record<string, { offMs: number; onMs: number; pictures: number }> = {};
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pictures-'));
for (const id of ids) {
  const sub = referenceSubmission(id);
  await gradeExercise(id, { submissionDir: sub, backend: 'wasm', seed: 1 }); // warm: the reference result, bundles
  const walls = { off: [] as number[], on: [] as number[] };
  let pictures = 0;
  for (let i = 0; i < Number(repeats); i++) {
    // Alternate which goes first, so neither always follows the other's garbage.
    for (const mode of i % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const imagesDir = mode === 'on' ? path.join(scratch, `${id}-${i}`) : undefined;
      const t0 = performance.now();
      const r = await gradeExercise(id, { submissionDir: sub, backend: 'wasm', seed: 1, imagesDir });
      walls[mode].push(performance.now() - t0);
      if (mode === 'on') pictures = r.checks.reduce((a, c) => a + (c.images?.length ?? 0), 0);
    }
  }
  out[id] = { offMs: Math.round(median(walls.off)), onMs: Math.round(median(walls.on)), pictures };
}
fs.rmSync(scratch, { recursive: true, force: true });
console.log(JSON.stringify(out));
