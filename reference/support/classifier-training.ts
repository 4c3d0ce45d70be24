import * as tf from '@tensorflow/tfjs';
import { reportProgress } from '../../grader/tasks/progress.ts';

/** What a training task receives: the training split, and test inputs without their labels. */
export interface ClassificationData {
  trainImages: tf.Tensor2D; // [N, 784]
  trainLabels: tf.Tensor1D; // [N] int32
  testImages: tf.Tensor2D; // [M, 784]
}

export interface Budget {
  epochs: number;
  batchSize: number;
}

/** Mean softmax cross-entropy from logits and int32 labels. */
export function classificationLoss(logits: tf.Tensor, labels: tf.Tensor1D, classes = 10): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, classes), logits as tf.Tensor2D) as tf.Scalar);
}

/** Predicted class indices, in batches so memory stays flat: [M] int32. */
export function predictClasses(predict: (x: tf.Tensor) => tf.Tensor, images: tf.Tensor, batchSize = 500): tf.Tensor1D {
  const parts: tf.Tensor1D[] = [];
  const n = images.shape[0]!;
  for (let i = 0; i < n; i += batchSize) {
    parts.push(tf.tidy(() => tf.argMax(predict(images.slice(i, Math.min(batchSize, n - i))), -1) as tf.Tensor1D));
  }
  const out = tf.concat(parts) as tf.Tensor1D;
  tf.dispose(parts);
  return out;
}

/** A small fixed MLP as plain tensors, [784] → 64 → 10, seeded Glorot-uniform weights. */
export function initMlpParams(seed: number, sizes = [784, 64, 10]): tf.Tensor[] {
  const params: tf.Tensor[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const [nin, nout] = [sizes[i]!, sizes[i + 1]!];
    const limit = Math.sqrt(6 / (nin + nout));
    params.push(tf.randomUniform([nin, nout], -limit, limit, 'float32', seed + 7919 * i));
    params.push(tf.zeros([nout]));
  }
  return params;
}

export function mlpLogits(params: tf.Tensor[], x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    let h = x;
    for (let i = 0; i < params.length; i += 2) {
      h = tf.add(tf.matMul(h, params[i]!), params[i + 1]!);
      if (i + 2 < params.length) h = tf.relu(h);
    }
    return h;
  });
}

/** Advances parameters by one step given their gradients; owns whatever state it needs. */
export interface Stepper {
  step(params: tf.Tensor[], grads: tf.Tensor[]): tf.Tensor[];
  dispose(): void;
}

/**
 * Watches a training for its learning curve (the grader's picture): it only reads, so the
 * parameters trained, and the predictions returned, are the same bits with or without it.
 */
export interface TrainingObserver {
  /** A point every this many minibatches, and one at the end of each epoch. */
  batchesPerPoint: number;
  /**
   * `epoch`: how far the training got, in epochs (1.2 = a fifth into the second); `meanLoss`: the
   * mean minibatch loss since the previous point; `logits`: the model as it is now, [B, 784] → [B, 10].
   */
  point(epoch: number, meanLoss: number, logits: (x: tf.Tensor) => tf.Tensor): void;
}

/**
 * Trains the fixed MLP with a given optimizer step for `budget`, minibatches in a seeded
 * order, and returns its predicted classes on the test images: [M] int32. `observer`, when
 * given, sees the loss and the model every few minibatches.
 */
export function trainMlpWithStepper(stepper: Stepper, data: ClassificationData, budget: Budget, seed: number, observer?: TrainingObserver): tf.Tensor1D {
  let params = initMlpParams(seed);
  const n = data.trainImages.shape[0];
  const order = tf.util.createShuffledIndices(n);
  const batchesPerEpoch = Math.floor(n / budget.batchSize);
  // The observer's running loss stays on the device between its points (one read per point).
  let lossSum: tf.Scalar | undefined;
  let lossCount = 0;
  const emit = (batch: number, epoch: number) => {
    if (!observer || !lossSum) return;
    const mean = lossSum.dataSync()[0]! / lossCount;
    lossSum.dispose();
    [lossSum, lossCount] = [undefined, 0];
    observer.point(epoch + batch / batchesPerEpoch, mean, (x) => mlpLogits(params, x));
  };
  for (let epoch = 0; epoch < budget.epochs; epoch++) {
    tf.util.shuffle(order);
    let batch = 0;
    for (let i = 0; i + budget.batchSize <= n; i += budget.batchSize) {
      const idx = tf.tensor1d(Int32Array.from(order.subarray(i, i + budget.batchSize)), 'int32');
      const x = tf.gather(data.trainImages, idx);
      const y = tf.gather(data.trainLabels, idx) as tf.Tensor1D;
      const { grads } = tf.tidy(() => {
        if (!observer) {
          const g = tf.grads((...ps: tf.Tensor[]) => classificationLoss(mlpLogits(ps, x), y))(params);
          return { grads: g };
        }
        // The same gradients, with the loss's value kept for the observer.
        const { value, grads: g } = tf.valueAndGrads((...ps: tf.Tensor[]) => classificationLoss(mlpLogits(ps, x), y))(params);
        const sum = lossSum ? tf.add(lossSum, value) as tf.Scalar : value;
        lossSum?.dispose();
        lossSum = tf.keep(sum);
        return { grads: g };
      });
      lossCount++;
      const next = stepper.step(params, grads);
      tf.dispose([idx, x, y, ...grads]);
      for (const p of params) if (!next.includes(p)) p.dispose();
      params = next;
      batch++;
      if (observer && (batch % observer.batchesPerPoint === 0 || batch === batchesPerEpoch)) emit(batch, epoch);
    }
    reportProgress(epoch + 1, budget.epochs, 'epoch');
  }
  const out = predictClasses((x) => mlpLogits(params, x), data.testImages);
  tf.dispose(params);
  stepper.dispose();
  return out;
}
