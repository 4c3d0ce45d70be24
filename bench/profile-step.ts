/**
 * Per-kernel time of training steps of a reference model on wasm: every wasm kernel is
 * wrapped in a timer (wasm kernels run synchronously, so wall time is kernel time); a kernel
 * that calls others (the project's composed kernels) is charged its self time, its callees theirs.
 *
 * Usage: profile-step.ts [model] [steps] [batch] [shapes]. Prints a table, slowest kernel first.
 * Models: mlp, cnn, resnet, densenet (tf.LayersModel.trainOnBatch, Adam, softmax cross-entropy,
 * MNIST batches); vae (the grader's MLP VAE and ELBO, the vae/inpainting exercises' loop),
 * cvae-like models are the same loop; gan-ring, gan-mnist (the gan exercise's two training loops
 * with the reference losses). `batch` defaults to 64, or the exercise's budget for vae and gan.
 * With 'shapes' as the 4th argument, kernels are told apart by their input shapes too.
 * On a shared machine the mean is pulled up by other jobs: the median step is printed beside it.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../grader/backends/select.ts';
import { mnistBatches } from './mnist-batches.ts';

const [model = 'cnn', stepsArg = '20', batchArg, detail] = process.argv.slice(2);
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

/** Runs `n` training steps from step `from` on; returns each step's wall time (ms) when it can tell them apart. */
type Runner = (from: number, n: number) => Promise<number[]>;

/** Per-kernel times of each step, when the runner can tell steps apart (a shared machine's spikes land on random kernels: the median step per kernel ignores them). */
const perStepTimes: Map<string, number>[] = [];
const callsPerStep = new Map<string, number>();
function endStep(): void {
  perStepTimes.push(new Map([...times].map(([k, v]) => [k, v.ms])));
  for (const [k, v] of times) callsPerStep.set(k, v.calls);
  times.clear();
}

async function layersRunner(build: (seed: number) => tf.LayersModel, batchSize: number): Promise<Runner> {
  const net = build(1);
  net.compile({ optimizer: tf.train.adam(1e-3), loss: (y: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, p) });
  const batch = mnistBatches(batchSize, net.inputs[0]!.shape.slice(1) as number[]);
  return async (from, n) => {
    const ms: number[] = [];
    for (let i = from; i < from + n; i++) {
      const { x, y } = batch(i);
      const t0 = performance.now();
      await net.trainOnBatch(x, y);
      ms.push(performance.now() - t0);
      tf.dispose([x, y]);
      endStep();
    }
    return ms;
  };
}

/** MNIST training images [n, 784], binarised at 0.5 for the VAE as its exercises do, else in [0, 1]. */
async function mnistImages(n: number, binary: boolean): Promise<tf.Tensor2D> {
  const { loadMnist } = await import('../datasets/index.ts');
  const { train } = loadMnist();
  const x = tf.tensor2d(train.images.subarray(0, n * 784), [n, 784]);
  if (!binary) return x;
  const b = tf.tidy(() => tf.cast(tf.greater(x, 0.5), 'float32') as tf.Tensor2D);
  x.dispose();
  return b;
}

/** The training loops of the vae and gan exercises, run for n steps (their own set-up included, a small part). */
async function loopRunner(name: string, batchSize: number | undefined): Promise<Runner> {
  if (name === 'vae') {
    const { graderVae, graderPieces, trainVae, disposeModels } = await import('../grader/course/shared/vae-family/training.ts');
    const images = await mnistImages(8000, true);
    const m = graderVae(16, 256, 1);
    return async (from, n) => {
      const t0 = performance.now();
      trainVae(m, graderPieces, images, undefined, { steps: n, batchSize: batchSize ?? 100, lr: 1e-3, latent: 16, hidden: 256 }, 1, from + 1);
      void disposeModels;
      return [(performance.now() - t0) / n];
    };
  }
  const { trainGan, trainMnistGan } = await import('../grader/course/gan/tasks.ts');
  const gan = await import('../reference/generative/gan.ts');
  const impl = gan as unknown as Parameters<typeof trainGan>[0];
  if (name === 'gan-ring') {
    const angles = Array.from({ length: 4000 }, (_, i) => (2 * Math.PI * (i % 8)) / 8);
    const real = tf.tensor2d(angles.flatMap((a, i) => [2 * Math.cos(a) + 0.05 * Math.sin(i * 7.1), 2 * Math.sin(a) + 0.05 * Math.cos(i * 3.3)]), [4000, 2]);
    return async (from, n) => {
      const t0 = performance.now();
      const r = trainGan(impl, real, { steps: n, batchSize: batchSize ?? 256, lr: 0.002, beta1: 0.5, samples: 16 }, from + 1);
      tf.dispose([r.samples, r.dLoss, r.gLoss]);
      return [(performance.now() - t0) / n];
    };
  }
  const real = await mnistImages(8000, false);
  return async (from, n) => {
    const t0 = performance.now();
    const r = trainMnistGan(impl, real, { steps: n, batchSize: batchSize ?? 64, lr: 0.001, beta1: 0.5, latent: 32, hidden: 256, samples: 16 }, from + 1);
    tf.dispose([r.samples, r.dLoss, r.gLoss]);
    return [(performance.now() - t0) / n];
  };
}

const layerModels: Record<string, () => Promise<(seed: number) => tf.LayersModel>> = {
  mlp: async () => (await import('../reference/models/mlp.ts')).buildMlp,
  cnn: async () => (await import('../reference/models/cnn.ts')).buildCnn,
  resnet: async () => (await import('../reference/models/resnet.ts')).buildResNet,
  densenet: async () => (await import('../reference/models/densenet.ts')).buildDenseNet,
};
const loops = ['vae', 'gan-ring', 'gan-mnist'];
if (!layerModels[model] && !loops.includes(model)) throw new Error(`usage: profile-step.ts [${[...Object.keys(layerModels), ...loops].join('|')}] [steps] [batch] [shapes]`);
const batchSize = batchArg === undefined ? undefined : Number(batchArg);
const run = layerModels[model] ? await layersRunner(await layerModels[model]!(), batchSize ?? 64) : await loopRunner(model, batchSize);

await run(0, 3); // warm-up: allocation, kernel set-up
times.clear();
perStepTimes.length = 0;
callsPerStep.clear();
const steps = Number(stepsArg);
const t0 = performance.now();
const perStep = await run(3, steps);
const stepMs = (performance.now() - t0) / steps;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const stepMedian = perStep.length > 1 ? median(perStep) : stepMs;
// Layers models: each kernel's median over the steps; loops: the mean over the run.
let rows: { kernel: string; msPerStep: number; callsPerStep: number }[];
if (perStepTimes.length > 1) {
  const keys = new Set(perStepTimes.flatMap((m) => [...m.keys()]));
  rows = [...keys].map((k) => ({ kernel: k, msPerStep: median(perStepTimes.map((m) => m.get(k) ?? 0)), callsPerStep: callsPerStep.get(k) ?? NaN }));
} else {
  rows = [...times].map(([k, v]) => ({ kernel: k, msPerStep: v.ms / steps, callsPerStep: v.calls / steps }));
}
rows.sort((a, b) => b.msPerStep - a.msPerStep);
const kernelMs = rows.reduce((a, r) => a + r.msPerStep, 0);
const batchText = batchSize ?? (layerModels[model] ? 64 : 'of the budget');
const which = perStepTimes.length > 1 ? 'median step' : 'mean step';
console.log(`${model} batch ${batchText}: ${stepMs.toFixed(1)} ms/step mean${perStep.length > 1 ? `, ${stepMedian.toFixed(1)} median, ${Math.min(...perStep).toFixed(1)} min` : ''}; kernels (${which}) ${kernelMs.toFixed(1)} ms, outside kernels ${(stepMedian - kernelMs).toFixed(1)} ms`);
for (const r of rows.filter((r) => r.msPerStep >= 0.05)) console.log(`${r.kernel.padEnd(byShape ? 60 : 24)} ${r.msPerStep.toFixed(2).padStart(7)} ms${Number.isNaN(r.callsPerStep) ? '' : `  ×${r.callsPerStep}`}`);
