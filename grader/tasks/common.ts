import { types } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { tensorsIn, type Live } from '../sandbox/tensors.ts';
import { disposed, guardInputs, has } from './input-guard.ts';
import { modelSeedProbe } from './model-probes.ts';
import { summariseModel } from './model-summary.ts';
import type { Impl, TaskContext, TaskTable } from './types.ts';

// Captured at load: before any submission in the sandbox (see input-guard.ts).
const apply = Reflect.apply;
const isPromise = types.isPromise;

function exportOf(impl: Impl, ctx: TaskContext): (...a: unknown[]) => unknown {
  const name = ctx.exportName;
  if (!name) throw new Error('grader: this check names no export to call');
  const fn = impl[name];
  if (typeof fn !== 'function') throw new TypeError(`${name} is not exported as a function`);
  return fn as (...a: unknown[]) => unknown;
}

/**
 * Calls fn and checks the hygiene every pure function's README states: it disposes none of its
 * inputs, writes into none of them (input-guard.ts) and returns none of them as its result.
 */
export function callPure(fn: (...a: unknown[]) => unknown, args: Live[], name: string): unknown {
  // Index loops and input-guard.ts's captured helpers, not Array.prototype: see input-guard.ts.
  const positions: number[] = [];
  const inputs: tf.Tensor[] = [];
  for (let i = 0; i < args.length; i++) {
    const ts = tensorsIn(args[i]);
    for (let j = 0; j < ts.length; j++) {
      if (!has(inputs, ts[j])) {
        inputs[inputs.length] = ts[j]!;
        positions[positions.length] = i;
      }
    }
  }
  const disposedInputs = (): Error | undefined => {
    let n = 0;
    for (let i = 0; i < inputs.length; i++) if (disposed(inputs[i]!)) n++;
    return n > 0 ? new Error(`${name} disposed ${n} of its input tensor(s); functions must leave their inputs alone (the caller owns them)`) : undefined;
  };
  const guard = guardInputs(inputs, positions, name, args);
  let out: unknown;
  try {
    try {
      out = apply(fn, undefined, args);
    } catch (e) {
      throw disposedInputs() ?? e;
    }
    if (isPromise(out)) throw new TypeError(`${name} returned a Promise; it must return its result synchronously`);
    const disposal = disposedInputs();
    if (disposal) throw disposal;
    guard.verify(out);
  } finally {
    guard.release();
  }
  return out;
}

function getAt(v: unknown, path: string): unknown {
  let cur = v;
  for (const k of path.split('.').filter((s) => s !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** A copy of `args` with the tensor at each path replaced (containers copied, leaves shared). */
function replaceAt(args: Live[], paths: string[], xs: tf.Tensor[]): Live[] {
  const copy = (v: Live): Live => (Array.isArray(v) ? [...v] : v !== null && typeof v === 'object' && !(v instanceof tf.Tensor) ? { ...v } : v);
  const root = args.map(copy);
  paths.forEach((p, i) => {
    const keys = p.split('.');
    let cur: Live = root as unknown as Live;
    for (let j = 0; j < keys.length - 1; j++) {
      const container = cur as Record<string, Live>;
      container[keys[j]!] = copy(container[keys[j]!]!);
      cur = container[keys[j]!]!;
    }
    (cur as Record<string, Live>)[keys[keys.length - 1]!] = xs[i]!;
  });
  return root;
}

/** The argument position a probe changes: the check's `wrt[0]` ("3"), else the last argument (the seed, by the course's convention). */
function probedIndex(args: Live[], ctx: TaskContext): number {
  const named = ctx.options.wrt?.[0];
  const i = named === undefined ? args.length - 1 : Number(named);
  if (!Number.isInteger(i) || i < 0 || i >= args.length) throw new Error(`grader: probe argument ${named} is not an argument index`);
  return i;
}

export const commonTasks: TaskTable = {
  /**
   * The model the export builds from the grading seed, as plain data (layers, joins, parameter
   * counts) for the structure judge; the model is disposed here. args: none.
   */
  modelSummary(impl, args, ctx) {
    // args: the export's arguments before the seed; `output` names the model inside an object result ("discriminator").
    const built: unknown = exportOf(impl, ctx)(...args, ctx.options.seed);
    const part = ctx.options.output;
    const model = part ? getAt(built, part) : built;
    const all = built instanceof tf.LayersModel ? [built] : built !== null && typeof built === 'object' ? Object.values(built).filter((v): v is tf.LayersModel => v instanceof tf.LayersModel) : [];
    try {
      if (!(model instanceof tf.LayersModel)) throw new TypeError(`${ctx.exportName}(…)${part ? `.${part}` : ''} must be a tf.LayersModel, but is ${model === null ? 'null' : typeof model}`);
      return summariseModel(model) as unknown as Record<string, unknown>;
    } finally {
      for (const m of all) m.dispose();
    }
  },

  /**
   * "Seed every initializer from seed, so that the same seed gives the same model": the export
   * builds with the grading seed twice and with seed + 1; the weights' fingerprints (judged by
   * `seedMatters`). The LayersModels are the result or the result's LayersModel members. args: the
   * export's arguments before the seed.
   */
  modelSeed(impl, args, ctx) {
    const fn = exportOf(impl, ctx);
    const modelsOf = (built: unknown): tf.LayersModel[] => {
      if (built instanceof tf.LayersModel) return [built];
      const ms = built !== null && typeof built === 'object' ? Object.values(built).filter((v): v is tf.LayersModel => v instanceof tf.LayersModel) : [];
      if (ms.length === 0) throw new TypeError(`${ctx.exportName} must return a tf.LayersModel (or an object of them)`);
      return ms;
    };
    return modelSeedProbe((s) => fn(...args, s), modelsOf, ctx.options.seed);
  },

  /**
   * "The same seed gives the same result, another seed another": the export called twice with the
   * case's arguments and once with the seed (the last argument, or `wrt[0]`) plus one. Judged by `seedMatters`.
   */
  seedProbe(impl, args, ctx) {
    const fn = exportOf(impl, ctx);
    const i = probedIndex(args, ctx);
    const seed = args[i];
    if (typeof seed !== 'number') throw new Error(`grader: argument ${i} of this probe is not a seed`);
    const withSeed = (s: number) => args.map((a, k) => (k === i ? s : a));
    return { first: callPure(fn, args, ctx.exportName!), again: callPure(fn, args, ctx.exportName!), changed: callPure(fn, withSeed(seed + 1), ctx.exportName!) };
  },


  /** Calls the check's export with the case's arguments and returns what it returns. */
  call(impl, args, ctx) {
    return callPure(exportOf(impl, ctx), args, ctx.exportName!);
  },

  /**
   * Gradients of sum(output · dy) w.r.t. each `wrt` argument path, dy a seeded cotangent of
   * the output's shape (a random direction catches more than the plain sum would).
   */
  gradient(impl, args, ctx) {
    const fn = exportOf(impl, ctx);
    const paths = ctx.options.wrt ?? [];
    const leaves = paths.map((p) => {
      const x = getAt(args, p);
      if (!(x instanceof tf.Tensor)) throw new Error(`grader: argument path ${p} is not a tensor`);
      return x;
    });
    const rng = ctx.rng('cotangent');
    const grads = tf.grads((...xs: tf.Tensor[]) => {
      const out = callPure(fn, replaceAt(args, paths, xs), ctx.exportName!);
      const y = getAt(out, ctx.options.output ?? '');
      if (!(y instanceof tf.Tensor)) throw new TypeError(`${ctx.exportName} must return a tensor${ctx.options.output ? ` at .${ctx.options.output}` : ''} to be differentiated`);
      const dy = tf.tensor(rng.normals(y.size), y.shape, 'float32');
      // 0·Σx keeps every input on the tape: an input the function ignores gets a zero gradient, not an error.
      const keep = xs.reduce<tf.Tensor>((acc, x) => tf.add(acc, tf.sum(x)), tf.scalar(0));
      return tf.add(tf.sum(tf.mul(y.toFloat(), dy)), tf.mul(0, keep)) as tf.Scalar;
    })(leaves);
    return Object.fromEntries(paths.map((p, i) => [p, grads[i]!]));
  },
};
