import * as tf from '@tensorflow/tfjs';
import { trainMlpWithStepper, type Budget, type ClassificationData, type Stepper } from '../../../../reference/support/classifier-training.ts';
import { CurveRecorder } from '../learning-curve/record.ts';

import type { Impl, Task, TaskTable } from '../../../tasks/types.ts';

/** Builds a stepper around one optimizer exercise's exported step function. */
export type StepperFactory = (impl: Impl, hp: Record<string, number>, like: tf.Tensor[]) => Stepper;

/** Disposes the tensors of `old` that the step did not hand back. */
function retire(old: tf.Tensor[], kept: tf.Tensor[]): void {
  for (const t of old) if (!kept.includes(t)) t.dispose();
}

function expectTensors(v: unknown, what: string, n: number): tf.Tensor[] {
  if (!Array.isArray(v) || v.length !== n || !v.every((t) => t instanceof tf.Tensor)) {
    throw new TypeError(`${what} must be an array of ${n} tensor(s)`);
  }
  return v as tf.Tensor[];
}

export const sgdStepper: StepperFactory = (impl, hp) => ({
  step: (params, grads) => expectTensors(impl.sgdStep(params, grads, hp.lr), 'sgdStep’s result', params.length),
  dispose: () => undefined,
});

export const momentumStepper: StepperFactory = (impl, hp, like) => {
  let velocity = like.map((p) => tf.zerosLike(p));
  return {
    step(params, grads) {
      const out = impl.momentumStep(params, grads, velocity, { lr: hp.lr, gamma: hp.gamma }) as { params: unknown; velocity: unknown };
      const next = expectTensors(out?.params, 'momentumStep(...).params', params.length);
      const v = expectTensors(out?.velocity, 'momentumStep(...).velocity', params.length);
      retire(velocity, [...v, ...next, ...params]);
      velocity = v;
      return next;
    },
    dispose: () => tf.dispose(velocity),
  };
};

export const adamStepper: StepperFactory = (impl, hp, like) => {
  let state = { m: like.map((p) => tf.zerosLike(p)), v: like.map((p) => tf.zerosLike(p)), t: 0 };
  return {
    step(params, grads) {
      const out = impl.adamStep(params, grads, state, { lr: hp.lr, beta1: hp.beta1, beta2: hp.beta2, eps: hp.eps }) as { params: unknown; state: { m: unknown; v: unknown; t: unknown } };
      const next = expectTensors(out?.params, 'adamStep(...).params', params.length);
      const m = expectTensors(out?.state?.m, 'adamStep(...).state.m', params.length);
      const v = expectTensors(out?.state?.v, 'adamStep(...).state.v', params.length);
      if (typeof out.state.t !== 'number') throw new TypeError('adamStep(...).state.t must be a number');
      retire([...state.m, ...state.v], [...m, ...v, ...next, ...params]);
      state = { m, v, t: out.state.t };
      return next;
    },
    dispose: () => tf.dispose([...state.m, ...state.v]),
  };
};

/**
 * `steps` optimizer steps on f(θ) = ½θᵀAθ − bᵀθ (A symmetric positive definite) and on
 * g(φ) = ½Σ c⊙φ² for a second, matrix-shaped parameter: returns θ after every step
 * ([steps, d]) and the final φ, so a slow drift shows up as well as a wrong first step.
 */
function quadraticTrajectory(factory: StepperFactory): Task {
  return (impl, args) => {
    const [aMat, b, theta0, c, phi0, hp, steps] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.Tensor, tf.Tensor, Record<string, number>, number];
    let params: tf.Tensor[] = [theta0.clone(), phi0.clone()];
    const stepper = factory(impl, hp, params);
    const path: tf.Tensor[] = [];
    try {
      for (let s = 0; s < steps; s++) {
        const grads = tf.tidy(() => [tf.sub(tf.matMul(aMat, params[0]!.reshape([-1, 1])).reshape([-1]), b), tf.mul(c, params[1]!)]);
        const next = stepper.step(params, grads);
        tf.dispose(grads);
        retire(params, next);
        params = next;
        path.push(params[0]!.clone());
      }
      return { theta: tf.stack(path), phi: params[1]!.clone() };
    } finally {
      tf.dispose([...path, ...params]);
      stepper.dispose();
    }
  };
}

/** Learning-curve points per epoch of the optimizer checks' MLP training (125 minibatches an epoch: one every 25). */
export const CURVE_POINTS_PER_EPOCH = 5;

/**
 * Trains the fixed reference MLP on MNIST with the student's optimizer; returns its test
 * predictions (`predictions`, [M] int32) and its learning curve (`curve`, for the picture only:
 * the loss and 500 test images' predicted classes, CURVE_POINTS_PER_EPOCH times an epoch).
 */
function trainMlp(factory: StepperFactory, hpOf: (budget: Record<string, unknown>) => Record<string, number>): Task {
  return (impl, args, ctx) => {
    const data = args[0] as unknown as ClassificationData;
    const budget = ctx.options.budget as unknown as Budget & Record<string, unknown>;
    const seed = ctx.options.seed;
    let stepper: Stepper | undefined;
    const lazy: Stepper = {
      step(params, grads) {
        stepper ??= factory(impl, hpOf(budget), params);
        return stepper.step(params, grads);
      },
      dispose: () => stepper?.dispose(),
    };
    // The recorder's own model is never used: each point hands it the model as trained so far.
    const curve = new CurveRecorder(() => { throw new Error('grader: no model yet'); }, data.testImages);
    try {
      const batchesPerEpoch = Math.floor(data.trainImages.shape[0] / Number(budget.batchSize));
      const batchesPerPoint = Math.max(1, Math.round(batchesPerEpoch / CURVE_POINTS_PER_EPOCH));
      // A point that cannot be taken (the student's step returned tensors the MLP cannot run) drops the curve, never the training: the final predictions say what is wrong.
      let broken = false;
      const point = (epoch: number, loss: number, logits: (x: tf.Tensor) => tf.Tensor) => {
        if (broken) return;
        try {
          curve.point(epoch, loss, logits);
        } catch {
          broken = true;
        }
      };
      const predictions = trainMlpWithStepper(lazy, data, budget, seed, { batchesPerPoint, point });
      return broken ? predictions : { predictions, curve: curve.result() };
    } finally {
      curve.dispose();
    }
  };
}

export function optimizerTasks(factory: StepperFactory, hpOf: (budget: Record<string, unknown>) => Record<string, number>): TaskTable {
  return { trajectory: quadraticTrajectory(factory), trainMlp: trainMlp(factory, hpOf) };
}

