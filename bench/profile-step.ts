/**
 * Per-kernel time of one training step of a reference model on wasm: every wasm kernel is
 * wrapped in a timer (wasm kernels run synchronously, so wall time is kernel time); a kernel
 * that calls others (the project's composed kernels) is charged its self time, its callees theirs.
 * Usage: profile-step.ts [cnn|mlp|resnet|densenet] [steps] [batch] [shapes]. Prints a table, slowest kernel first.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../grader/backends/select.ts';
import { mnistBatches } from './mnist-batches.ts';

const [model = 'cnn', stepsArg = '20', batchArg = '64', detail] = process.argv.slice(2);
/** With 'shapes' as the 4th argument, kernels are told apart by their input shapes too. */
const byShape = detail === 'shapes';
await selectBackend('wasm');
const times = new Map<string, { ms: number; calls: number }>();
// Self time: a kernel composed of other kernels (ours are) is charged only for its own work.
const childMs: number[] = [];
for (const config of tf.getKernelsForBackend('wasm')) {
  const inner = config.kernelFunc;
  tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel({
    ...config,
    kernelFunc: (args) => {
      childMs.push(0);
      const t0 = performance.now();
      const out = inner(args);
      const total = performance.now() - t0;
      const children = childMs.pop()!;
      if (childMs.length > 0) childMs[childMs.length - 1]! += total;
      const ins = Object.values(args.inputs as Record<string, tf.TensorInfo | undefined>).filter((t) => t != null).map((t) => `[${t!.shape}]`).join(' ');
      const key = byShape ? `${config.kernelName} ${ins}` : config.kernelName;
      const rec = times.get(key) ?? { ms: 0, calls: 0 };
      rec.ms += total - children;
      rec.calls++;
      times.set(key, rec);
      return out;
    },
  });
}
const builders: Record<string, () => Promise<(seed: number) => tf.LayersModel>> = {
  mlp: async () => (await import('../reference/models/mlp.ts')).buildMlp,
  cnn: async () => (await import('../reference/models/cnn.ts')).buildCnn,
  resnet: async () => (await import('../reference/models/resnet.ts')).buildResNet,
  densenet: async () => (await import('../reference/models/densenet.ts')).buildDenseNet,
};
if (!builders[model]) throw new Error(`usage: profile-step.ts [${Object.keys(builders).join('|')}] [steps] [batch] [shapes]`);
const build = await builders[model]!();
const net = build(1) as tf.LayersModel;
net.compile({ optimizer: tf.train.adam(1e-3), loss: (y: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, p) });
const BATCH = Number(batchArg);
const inputShape = net.inputs[0]!.shape.slice(1) as number[];
const batch = mnistBatches(BATCH, inputShape);

for (let i = 0; i < 3; i++) {
  const { x, y } = batch(i);
  await net.trainOnBatch(x, y);
  tf.dispose([x, y]);
}
times.clear();
const steps = Number(stepsArg);
const t0 = performance.now();
for (let i = 0; i < steps; i++) {
  const { x, y } = batch(i + 3);
  await net.trainOnBatch(x, y);
  tf.dispose([x, y]);
}
const stepMs = (performance.now() - t0) / steps;
const rows = [...times].map(([k, v]) => ({ kernel: k, msPerStep: v.ms / steps, callsPerStep: v.calls / steps })).sort((a, b) => b.msPerStep - a.msPerStep);
const kernelMs = rows.reduce((a, r) => a + r.msPerStep, 0);
console.log(`${model} batch ${BATCH}: ${stepMs.toFixed(1)} ms/step (${((BATCH * 1000) / stepMs).toFixed(0)} samples/s), kernels ${kernelMs.toFixed(1)} ms, outside kernels ${(stepMs - kernelMs).toFixed(1)} ms`);
for (const r of rows.filter((r) => r.msPerStep >= 0.05)) console.log(`${r.kernel.padEnd(byShape ? 60 : 24)} ${r.msPerStep.toFixed(2).padStart(7)} ms  ×${r.callsPerStep}`);
