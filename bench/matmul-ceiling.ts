/** The backend's matMul ceiling in GFLOP/s (1024×1024 float32). Prints one JSON line. */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../grader/backends/select.ts';
import { isBackendChoice } from '../grader/backends/names.ts';

const backend = process.argv[2] ?? 'auto';
if (!isBackendChoice(backend)) throw new Error('usage: matmul-ceiling.ts <backend>');
const sel = await selectBackend(backend);
const N = 1024;
const a = tf.randomNormal([N, N], 0, 1, 'float32', 1);
const b = tf.randomNormal([N, N], 0, 1, 'float32', 2);
const once = async () => {
  const c = tf.matMul(a, b);
  await c.data();
  c.dispose();
};
await once();
let reps = 0;
const t0 = performance.now();
while (performance.now() - t0 < 3000 || reps < 3) {
  await once();
  reps++;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ backend: sel.name, n: N, gflops: (2 * N ** 3 * reps) / seconds / 1e9 }));
