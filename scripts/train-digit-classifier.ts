/**
 * Trains the judges' digit classifier and writes datasets/digit-classifier/weights.json.
 *
 *   npm run train:digit-classifier            (wasm backend; ~10 min on 2 shared cores)
 *
 * The model is digitClassifierModel(SEED) (scripts/digit-classifier-model.ts: the reference CNN
 * as it was when the classifier was trained, without the hidden dense layer added later), trained as the cnn
 * exercise's grader trains it (grader/course/cnn/tasks.ts: Adam, softmax cross-entropy on the logits,
 * batch 64, lr 0.002) but for more epochs, with the last ones at a lower rate, and with each
 * epoch's images shifted by up to ±2 pixels (seeded), which the 8,000 training digits need to
 * reach ≥ 97% on the test split. Minibatch order and shifts come from a seeded Rng, so a rerun on
 * the same backend gives the same weights (another backend may round differently).
 * The test split is scored once, at the end (no model selection on it).
 */
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../datasets/index.ts';
import { selectBackend } from '../grader/backends/select.ts';
import { Rng } from '../grader/basics/rng.ts';
import { classifyDigits } from '../grader/course/shared/digit-classifier/classifier.ts';
import { DIGIT_CLASSIFIER_FILE, encodeDigitClassifier } from '../grader/course/shared/digit-classifier/weights.ts';
import { digitClassifierModel } from './digit-classifier-model.ts';

const SEED = 20261130;
const SCHEDULE = [...Array<number>(8).fill(0.002), ...Array<number>(4).fill(0.0005)]; // lr per epoch
const BATCH = 64;
const MAX_SHIFT = 2;

/** Each [784] image moved by (dx, dy) ∈ [−MAX_SHIFT, MAX_SHIFT]², zeros shifted in: [n, 784]. */
function shifted(images: Float32Array, n: number, rng: Rng): Float32Array {
  const out = new Float32Array(images.length);
  for (let i = 0; i < n; i++) {
    const dx = rng.int(-MAX_SHIFT, MAX_SHIFT + 1);
    const dy = rng.int(-MAX_SHIFT, MAX_SHIFT + 1);
    for (let y = 0; y < 28; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= 28) continue;
      for (let x = 0; x < 28; x++) {
        const sx = x - dx;
        if (sx >= 0 && sx < 28) out[i * 784 + y * 28 + x] = images[i * 784 + sy * 28 + sx]!;
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const backend = await selectBackend((process.env.BACKEND as 'wasm') ?? 'wasm');
  const { train, test } = loadMnist();
  const rng = new Rng(`digit-classifier/${SEED}`);
  const model = digitClassifierModel(SEED);
  const optimizer = tf.train.adam(SCHEDULE[0]);
  model.compile({ optimizer, loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred) });
  const t0 = performance.now();
  for (let epoch = 0; epoch < SCHEDULE.length; epoch++) {
    // tfjs has no public setter; Adam reads the field at every step, so this changes the rate from here on.
    (optimizer as unknown as { learningRate: number }).learningRate = SCHEDULE[epoch]!;
    const perm = rng.fork(`order/${epoch}`).permutation(train.count);
    const imgs = new Float32Array(train.images.length);
    const labels = new Int32Array(train.count);
    perm.forEach((j, i) => {
      imgs.set(train.images.subarray(j * 784, (j + 1) * 784), i * 784);
      labels[i] = train.labels[j]!;
    });
    const xs = tf.tensor4d(shifted(imgs, train.count, rng.fork(`shift/${epoch}`)), [train.count, 28, 28, 1]);
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());
    const h = await model.fit(xs, ys, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
    tf.dispose([xs, ys]);
    console.log(`epoch ${epoch + 1}/${SCHEDULE.length} lr ${SCHEDULE[epoch]} loss ${(h.history.loss![0] as number).toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const arrays = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
  const xt = tf.tensor4d(test.images, [test.count, 28, 28, 1]);
  const tfPred = tf.tidy(() => (model.predict(xt) as tf.Tensor).argMax(-1).dataSync() as Int32Array);
  xt.dispose();
  const tfAcc = tfPred.reduce((a, p, i) => a + (p === test.labels[i] ? 1 : 0), 0) / test.count;
  const file = encodeDigitClassifier(arrays, {
    script: 'scripts/train-digit-classifier.ts',
    model: 'scripts/digit-classifier-model.ts digitClassifierModel (the reference CNN before its hidden dense layer)',
    seed: SEED,
    backend: backend.name,
    epochs: SCHEDULE.length,
    learningRates: SCHEDULE,
    batchSize: BATCH,
    augmentation: `random shifts up to ±${MAX_SHIFT} px per epoch`,
    trainImages: train.count,
    testAccuracyTfjs: tfAcc,
    trainSeconds: Math.round((performance.now() - t0) / 1000),
  });
  fs.mkdirSync(new URL('.', `file://${DIGIT_CLASSIFIER_FILE}`).pathname, { recursive: true });
  fs.writeFileSync(DIGIT_CLASSIFIER_FILE, `${JSON.stringify(file, null, 1)}\n`);
  // The plain-JS forward on the file just written, as the judges will run it.
  const jsPred = classifyDigits(test.images, test.count);
  const jsAcc = jsPred.reduce((a, p, i) => a + (p === test.labels[i] ? 1 : 0), 0) / test.count;
  const agree = jsPred.reduce((a, p, i) => a + (p === tfPred[i] ? 1 : 0), 0);
  console.log(`test accuracy: tfjs ${(100 * tfAcc).toFixed(2)}%, plain JS ${(100 * jsAcc).toFixed(2)}%; predictions agree on ${agree}/${test.count}; wrote ${DIGIT_CLASSIFIER_FILE}`);
  model.dispose();
  optimizer.dispose();
}

await main();
