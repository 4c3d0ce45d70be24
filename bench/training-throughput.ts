/**
 * One measurement in its own process (native backends cannot share one): training throughput
 * of a reference model on MNIST batches on one backend. Prints one JSON line.
 * Usage: training-throughput.ts <mlp|cnn> <backend> [seconds]
 */
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../grader/backends/select.ts';
import { isBackendChoice } from '../grader/backends/names.ts';
import { mnistBatches } from './mnist-batches.ts';
import { repoPath } from '../grader/paths.ts';

const [model, backend, secondsArg, batchArg] = process.argv.slice(2);
const budgetSeconds = Number(secondsArg ?? 8);
if (!model || !backend || !isBackendChoice(backend)) throw new Error('usage: training-throughput.ts <mlp|cnn> <backend> [seconds] [batch]');

await selectBackend(backend);
const BATCH = Number(batchArg ?? 64);

async function build(): Promise<tf.LayersModel> {
  if (model === 'mlp') return (await import('../reference/models/mlp.ts')).buildMlp(1);
  const file = repoPath('reference', 'models', 'cnn.ts');
  if (!fs.existsSync(file)) throw new Error('reference/models/cnn.ts does not exist yet');
  return (await import('../reference/models/cnn.ts' as string)).buildCnn(1) as tf.LayersModel;
}

const net = await build();
net.compile({ optimizer: tf.train.adam(1e-3), loss: (y: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, p) });
const inputShape = net.inputs[0]!.shape.slice(1) as number[];
const batch = mnistBatches(BATCH, inputShape);


// A warm-up step (allocation, kernel set-up), then timed steps for the budget.
for (let i = 0; i < 1; i++) {
  const { x, y } = batch(i);
  await net.trainOnBatch(x, y);
  tf.dispose([x, y]);
}
let steps = 0;
const t0 = performance.now();
while (performance.now() - t0 < budgetSeconds * 1000 || steps < 1) {
  const { x, y } = batch(steps + 2);
  await net.trainOnBatch(x, y);
  tf.dispose([x, y]);
  steps++;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ model, backend, steps, batch: BATCH, stepMs: (1000 * seconds) / steps, samplesPerSec: (steps * BATCH) / seconds, flopsPerSample: flopsPerSample(net) }));

/** Forward + backward FLOPs per sample: 2·MACs forward, twice that backward (input and weight grads). */
function flopsPerSample(m: tf.LayersModel): number {
  let forward = 0;
  for (const layer of m.layers) {
    const cfg = layer.getConfig() as { kernelSize?: number[] | number; filters?: number; units?: number };
    const out = layer.outputShape as number[];
    const inp = (layer.input as tf.SymbolicTensor).shape;
    if (layer.getClassName() === 'Conv2D') {
      const k = Array.isArray(cfg.kernelSize) ? cfg.kernelSize : [cfg.kernelSize!, cfg.kernelSize!];
      forward += 2 * out[1]! * out[2]! * out[3]! * k[0]! * k[1]! * (inp[3] as number);
    } else if (layer.getClassName() === 'Dense') {
      forward += 2 * (inp[inp.length - 1] as number) * cfg.units!;
    }
  }
  return 3 * forward;
}
