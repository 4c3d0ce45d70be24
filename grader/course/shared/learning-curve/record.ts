import * as tf from '@tensorflow/tfjs';
import { predictClasses } from '../../../../reference/support/classifier-training.ts';

/** How many test images the per-epoch held-out curve is measured on (for the picture only). */
export const CURVE_TEST_IMAGES = 500;

/** What a training task sends back beside its predictions, for the learning-curve picture. */
export interface RecordedCurve {
  /** Mean training loss of each epoch (or of the minibatches since the previous point): [points]. */
  loss: tf.Tensor1D;
  /** Predicted classes of the first CURVE_TEST_IMAGES test images at each point: [points, m] int32 (the parent holds the labels). */
  heldOut: tf.Tensor2D;
  /** Where each point was taken, in epochs (1.2 = a fifth into the second), when not at the end of each epoch: [points]. */
  x?: tf.Tensor1D;
}

/**
 * Records a classifier's learning curve while it trains (in the sandbox): call `epochEnd` from
 * the fit's onEpochEnd, or `point` from a loop that records more often. Only a picture is drawn
 * from it: the verdict reads the final predictions alone, so a curve a submission forged can
 * mislead the picture, never the grade.
 */
export class CurveRecorder {
  private readonly loss: number[] = [];
  private readonly preds: Int32Array[] = [];
  private readonly at: number[] = [];
  private readonly subset: tf.Tensor;

  constructor(private readonly predict: (x: tf.Tensor) => tf.Tensor, testImages: tf.Tensor) {
    this.subset = testImages.slice(0, Math.min(CURVE_TEST_IMAGES, testImages.shape[0]!));
  }

  epochEnd(loss: number | undefined): void {
    this.record(loss, this.predict);
  }

  /** A point at `epoch` (fractional), the model then being `predict` (default: the constructor's). */
  point(epoch: number, loss: number | undefined, predict: (x: tf.Tensor) => tf.Tensor = this.predict): void {
    this.at.push(epoch);
    this.record(loss, predict);
  }

  private record(loss: number | undefined, predict: (x: tf.Tensor) => tf.Tensor): void {
    this.loss.push(typeof loss === 'number' ? loss : NaN);
    const p = predictClasses(predict, this.subset, 250);
    this.preds.push(Int32Array.from(p.dataSync()));
    p.dispose();
  }

  /** The recorded curve as tensors (the caller's result disposes them), and frees the test subset. */
  result(): RecordedCurve {
    const m = this.subset.shape[0]!;
    this.subset.dispose();
    const flat = new Int32Array(this.preds.length * m);
    this.preds.forEach((p, i) => flat.set(p, i * m));
    const curve: RecordedCurve = { loss: tf.tensor1d(this.loss), heldOut: tf.tensor2d(flat, [this.preds.length, m], 'int32') };
    if (this.at.length === this.loss.length && this.at.length > 0) curve.x = tf.tensor1d(this.at);
    return curve;
  }

  dispose(): void {
    if (!this.subset.isDisposed) this.subset.dispose();
  }
}
