import * as tf from '@tensorflow/tfjs';
import { predictClasses, type ClassificationData } from '../../../reference/support/classifier-training.ts';
import type { Task, TaskTable } from '../../tasks/types.ts';
import { reportProgress } from '../../tasks/progress.ts';
import { CurveRecorder } from '../shared/learning-curve/record.ts';
import { disposeStudentModel } from '../../tasks/dispose-model.ts';
import { inertKernels } from './inert-weights.ts';

const shapeText = (s: unknown): string => (Array.isArray(s) ? `[${s.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(s));

/** Throws a message the student can act on unless `model` is a LayersModel for [null, 28, 28, 1] → [null, 10]. */
export function checkImageModel(builder: string, model: unknown): asserts model is tf.LayersModel {
  if (!(model instanceof tf.LayersModel)) {
    const got = model === undefined ? 'undefined' : model === null ? 'null' : typeof model === 'object' ? `a ${model.constructor?.name ?? 'plain object'}` : typeof model;
    const promise = model instanceof Promise ? ' (a Promise: build the model synchronously, without async)' : '';
    throw new TypeError(`${builder}(seed) must return a tf.LayersModel (e.g. from tf.sequential() or tf.model()), but returned ${got}${promise}`);
  }
  if (model.inputs.length !== 1) throw new Error(`${builder}'s model must have one input (the images), but has ${model.inputs.length}`);
  if (model.outputs.length !== 1) throw new Error(`${builder}'s model must have one output (the 10 logits), but has ${model.outputs.length}`);
  const inShape = model.inputs[0]!.shape;
  if (inShape.length !== 4 || inShape[0] !== null || inShape[1] !== 28 || inShape[2] !== 28 || inShape[3] !== 1) {
    throw new Error(`${builder}'s model must take 28×28 grayscale images in NHWC, input shape [null, 28, 28, 1] (inputShape: [28, 28, 1] on the first layer), but its input shape is ${shapeText(inShape)}`);
  }
  const outShape = model.outputs[0]!.shape;
  if (outShape.length !== 2 || outShape[0] !== null || outShape[1] !== 10) {
    const hint = outShape.length > 2 ? ' (flatten the feature maps before the last dense layer)' : '';
    throw new Error(`${builder}'s model must output 10 logits per image, output shape [null, 10] (units: 10 on the last layer)${hint}, but its output shape is ${shapeText(outShape)}`);
  }
  if (model.trainableWeights.length === 0) {
    throw new Error(`${builder}'s model has no trainable weights (are its layers built with trainable: false?): training could not change it`);
  }
}

/**
 * Throws unless every kernel of the model can learn and feeds the logits (see inertKernels),
 * read on the first 32 training digits before training: an MLP beside a convolution whose output
 * is multiplied by zero, frozen or dead would otherwise reach the accuracy bar as "a CNN".
 */
export function checkKernelsLearn(builder: string, model: tf.LayersModel, images: tf.Tensor2D, labels: tf.Tensor1D): void {
  const n = Math.min(32, images.shape[0]);
  const x = tf.tidy(() => images.slice([0, 0], [n, -1]).reshape([n, 28, 28, 1]));
  const y = tf.tidy(() => tf.oneHot(labels.slice([0], [n]).toInt(), 10).toFloat());
  let inert: string[];
  try {
    inert = inertKernels(model, x, y);
  } finally {
    tf.dispose([x, y]);
  }
  if (inert.length > 0) {
    const list = inert.slice(0, 4).join('; ') + (inert.length > 4 ? `; and ${inert.length - 4} more` : '');
    throw new Error(`${builder}'s model has weights that training could never change or that never reach the logits: ${list}. Every convolution and dense layer must be trainable and feed the output (no branch multiplied by zero or made constant, no zero-initialised ReLU layer), or the accuracy comes from the other layers alone`);
  }
}

/** The learning-rate schedules a budget may name (`lrSchedule`); 'constant' when it names none. */
export type LrSchedule = 'constant' | 'cosine';

/**
 * The learning rate for epoch `epoch` (0-based) of `epochs`. 'cosine' decays it per epoch
 * from `lr` towards 0, lr·½(1 + cos(π·epoch/epochs)): the last epochs take small steps,
 * which settles Adam's noisy iterate (measured on the reference CNN: +0.3–0.5 points of test
 * accuracy over a constant rate, same epochs).
 */
export function epochLearningRate(schedule: LrSchedule, lr: number, epoch: number, epochs: number): number {
  return schedule === 'cosine' ? lr * 0.5 * (1 + Math.cos((Math.PI * epoch) / epochs)) : lr;
}

/**
 * Sets the rate Adam uses from its next step on. tfjs' AdamOptimizer keeps it in a protected
 * field that applyGradients reads at every step; fail loudly if a tfjs upgrade moves it.
 */
export function setAdamLearningRate(optimizer: tf.Optimizer, lr: number): void {
  const o = optimizer as unknown as { learningRate?: unknown };
  if (typeof o.learningRate !== 'number') throw new Error('grader: this tfjs Adam optimizer has no numeric learningRate field to schedule');
  o.learningRate = lr;
}

function scheduleOf(builder: string, value: unknown): LrSchedule {
  if (value === undefined || value === 'constant' || value === 'cosine') return value ?? 'constant';
  throw new Error(`grader: the ${builder} accuracy check's budget.lrSchedule must be 'constant' or 'cosine', got ${JSON.stringify(value)}`);
}

/** How many of the training digits the budget trains on (`trainSize`); all of them when it names none. */
function trainSizeOf(builder: string, value: unknown, available: number): number {
  if (value === undefined) return available;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > available) throw new Error(`grader: the ${builder} accuracy check's budget.trainSize must be an integer in 1..${available}, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * A task that builds the student's image model with `builder(seed)`, checks its shapes, trains it
 * with Adam on softmax cross-entropy from its logits for the check's budget (epochs, batchSize,
 * lr, optional lrSchedule applied per epoch, optional trainSize) on the first trainSize training
 * images as [N, 28, 28, 1], and
 * returns its predicted classes on the test images, `predictions` [M] int32, and its learning
 * curve (`curve`: the loss and the first test images' predictions after each epoch, for the
 * picture). Everything it makes is disposed, the model included.
 */
export function trainImageModel(builder: string): Task {
  return async (impl, args, ctx) => {
    const data = args[0] as unknown as ClassificationData;
    const budget = ctx.options.budget ?? {};
    const epochs = Number(budget.epochs);
    const batchSize = Number(budget.batchSize);
    const lr = Number(budget.lr);
    if (!(epochs > 0 && batchSize > 0 && lr > 0)) throw new Error(`grader: the ${builder} accuracy check needs budget {epochs, batchSize, lr}`);
    const schedule = scheduleOf(builder, budget.lrSchedule);
    const trainSize = trainSizeOf(builder, budget.trainSize, data.trainLabels.shape[0]!);

    const model: unknown = impl[builder](ctx.options.seed);
    const optimizer = tf.train.adam(lr);
    // The first trainSize training digits (the split is already shuffled): [trainSize, 28, 28, 1].
    const xs = tf.tidy(() => data.trainImages.slice([0, 0], [trainSize, -1]).reshape([-1, 28, 28, 1]));
    const xt = data.testImages.reshape([-1, 28, 28, 1]);
    const ys = tf.tidy(() => tf.oneHot(data.trainLabels.slice([0], [trainSize]), 10).toFloat());
    let curve: CurveRecorder | undefined;
    try {
      checkImageModel(builder, model);
      checkKernelsLearn(builder, model, data.trainImages, data.trainLabels);
      model.compile({
        optimizer,
        // The model outputs logits: the loss applies the softmax itself.
        loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
      });
      // shuffle: tfjs-layers shuffles with Math.random, which the sandbox seeds per case.
      const onEpochBegin = async (epoch: number) => setAdamLearningRate(optimizer, epochLearningRate(schedule, lr, epoch, epochs));
      curve = new CurveRecorder((x) => model.predict(x) as tf.Tensor, xt);
      const onEpochEnd = async (epoch: number, logs?: { loss?: number }) => {
        curve!.epochEnd(logs?.loss);
        reportProgress(epoch + 1, epochs, 'epoch', logs?.loss !== undefined ? `loss ${logs.loss.toFixed(3)}` : undefined);
      };
      await model.fit(xs, ys, { epochs, batchSize, shuffle: true, verbose: 0, callbacks: { onEpochBegin, onEpochEnd } });
      return { predictions: predictClasses((x) => model.predict(x) as tf.Tensor, xt, 250), curve: curve.result() };
    } finally {
      curve?.dispose();
      disposeStudentModel(model);
      optimizer.dispose();
      tf.dispose([xs, xt, ys]);
    }
  };
}

export const tasks: TaskTable = {
  /** Trains the student's buildCnn(seed) on MNIST; returns its test predictions. */
  trainModel: trainImageModel('buildCnn'),
};
