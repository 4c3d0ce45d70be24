import * as tf from '@tensorflow/tfjs';
import { predictClasses, type ClassificationData } from '../../../reference/support/classifier-training.ts';
import type { TaskTable } from '../../tasks/types.ts';
import { reportProgress } from '../../tasks/progress.ts';
import { CurveRecorder } from '../shared/learning-curve/record.ts';
import { disposeStudentModel } from '../../tasks/dispose-model.ts';

const shapeText = (s: unknown): string => (Array.isArray(s) ? `[${s.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(s));

/** Throws a message the student can act on unless `model` is a LayersModel for [null, 784] → [null, 10]. */
function checkModel(model: unknown): asserts model is tf.LayersModel {
  if (!(model instanceof tf.LayersModel)) {
    const got = model === undefined ? 'undefined' : model === null ? 'null' : typeof model === 'object' ? `a ${model.constructor?.name ?? 'plain object'}` : typeof model;
    throw new TypeError(`buildMlp(seed) must return a tf.LayersModel (e.g. from tf.sequential() or tf.model()), but returned ${got}`);
  }
  if (model.inputs.length !== 1) throw new Error(`buildMlp's model must have one input (the flat images), but has ${model.inputs.length}`);
  if (model.outputs.length !== 1) throw new Error(`buildMlp's model must have one output (the 10 logits), but has ${model.outputs.length}`);
  const inShape = model.inputs[0]!.shape;
  if (inShape.length !== 2 || inShape[0] !== null || inShape[1] !== 784) {
    throw new Error(`buildMlp's model must take flat 28×28 images, input shape [null, 784] (inputShape: [784] on the first layer), but its input shape is ${shapeText(inShape)}`);
  }
  const outShape = model.outputs[0]!.shape;
  if (outShape.length !== 2 || outShape[0] !== null || outShape[1] !== 10) {
    throw new Error(`buildMlp's model must output 10 logits per image, output shape [null, 10] (units: 10 on the last layer), but its output shape is ${shapeText(outShape)}`);
  }
  if (model.trainableWeights.length === 0) {
    throw new Error('buildMlp\'s model has no trainable weights (are its layers built with trainable: false?): training could not change it');
  }
}

export const tasks: TaskTable = {
  /**
   * Builds the student's model with the grading seed, trains it with Adam on softmax
   * cross-entropy from its logits for the check's budget (epochs, batchSize, lr), and
   * returns its predicted classes on the test images (`predictions`, [M] int32) and its learning
   * curve (`curve`, for the picture only).
   */
  async trainModel(impl, args, ctx) {
    const data = args[0] as unknown as ClassificationData;
    const budget = ctx.options.budget ?? {};
    const epochs = Number(budget.epochs);
    const batchSize = Number(budget.batchSize);
    const lr = Number(budget.lr);
    if (!(epochs > 0 && batchSize > 0 && lr > 0)) throw new Error('grader: the mlp accuracy check needs budget {epochs, batchSize, lr}');

    const model: unknown = impl.buildMlp(ctx.options.seed);
    const optimizer = tf.train.adam(lr);
    const ys = tf.tidy(() => tf.oneHot(data.trainLabels, 10).toFloat());
    let curve: CurveRecorder | undefined;
    try {
      checkModel(model);
      model.compile({
        optimizer,
        // The model outputs logits: the loss applies the softmax itself.
        loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred),
      });
      // shuffle: tfjs-layers shuffles with Math.random, which the sandbox seeds per case.
      curve = new CurveRecorder((x) => model.predict(x) as tf.Tensor, data.testImages);
      const onEpochEnd = async (epoch: number, logs?: { loss?: number }) => {
        curve!.epochEnd(logs?.loss);
        reportProgress(epoch + 1, epochs, 'epoch', logs?.loss !== undefined ? `loss ${logs.loss.toFixed(3)}` : undefined);
      };
      await model.fit(data.trainImages, ys, { epochs, batchSize, shuffle: true, verbose: 0, callbacks: { onEpochEnd } });
      return { predictions: predictClasses((x) => model.predict(x) as tf.Tensor, data.testImages), curve: curve.result() };
    } finally {
      curve?.dispose();
      disposeStudentModel(model);
      optimizer.dispose();
      ys.dispose();
    }
  },
};
