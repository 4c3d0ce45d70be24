import * as tf from '@tensorflow/tfjs';

/**
 * Frees a model the student's code built, after the task is done with it. Anything that is not
 * a LayersModel is left alone, and a model the student's code already disposed is not an error.
 */
export function disposeStudentModel(m: unknown): void {
  if (!(m instanceof tf.LayersModel)) return;
  try {
    m.dispose();
  } catch {
    // already disposed by the student's code: nothing left to free
  }
}
