import fs from 'node:fs';
import { atPath, isWireTensor, type Wire } from '../basics/wire.ts';
import type { Tol } from '../compare/allclose.ts';
import { repoPath } from '../paths.ts';

/**
 * TensorFlow.js's own traps, told apart from a student's mistakes. A student whose correct
 * formula meets a tfjs limit sees tfjs's message ("gradient function not found for
 * StridedSlice", "Cannot read properties of undefined (reading 'backend')") or a gradient
 * that differs only in sign; these rules name the op or the cause, what to use instead and
 * the README section that explains it. Pure functions of the error text (or the two values)
 * and of what the sandbox saw the code touch; the README is read only to name the section.
 */

export interface Trap {
  /** A short cause for the check's message, e.g. "tfjs has no gradient for tf.stridedSlice". */
  cause: string;
  /** What to do instead, and where the README explains it: the check's hint. */
  hint: string;
}

/** What the sandbox saw the student's code touch: tf members/tensor methods and kernels. */
export interface Seen {
  names?: readonly string[];
  kernels?: readonly string[];
}

interface ReadmeRef {
  /** The exercise whose README explains the trap when the student's own does not. */
  exercise: string;
  /** A line of that README (and of the student's, when it mentions the trap) matching this. */
  mentions: RegExp;
}

/** "exercises/<id>/README.md, section "<heading>"" of the first line matching, or null. */
export function readmeSection(exercise: string, mentions: RegExp): string | null {
  let text: string;
  try {
    text = fs.readFileSync(repoPath('exercises', exercise, 'README.md'), 'utf8');
  } catch {
    return null;
  }
  let heading: string | null = null;
  for (const line of text.split('\n')) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) heading = h[1]!.trim();
    else if (mentions.test(line)) return `exercises/${exercise}/README.md${heading ? `, section "${heading}"` : ''}`;
  }
  return null;
}

/** The student's own exercise README when it mentions the trap, else the one that explains it. */
function seeReadme(exercise: string | undefined, ref: ReadmeRef): string {
  const where = (exercise ? readmeSection(exercise, ref.mentions) : null) ?? readmeSection(ref.exercise, ref.mentions);
  return where ? ` (see ${where})` : '';
}

// ── ops without a gradient ────────────────────────────────────────────────────────────────

interface NoGradient {
  op: string;
  instead: string;
  readme: ReadmeRef;
}

const COMPARISON: Omit<NoGradient, 'op'> = {
  instead:
    'build the condition with tf.greaterEqual (a < b is tf.greaterEqual(b, a) negated: tf.logicalNot is gradient-free too, so swap the branches of tf.where instead), or a 0/1 mask from tf.step(x) multiplied in; only tf.greaterEqual has a gradient function among the comparisons in tfjs 4.22',
  readme: { exercise: 'dense', mentions: /gradient function not found for Greater|only `tf\.greaterEqual` has a gradient/ },
};
const LOGICAL: Omit<NoGradient, 'op'> = {
  instead: 'combine 0/1 float masks instead: a AND b is tf.mul(a, b), a OR b is tf.maximum(a, b), NOT a is tf.sub(1, a)',
  readme: COMPARISON.readme,
};

/** Kernels tfjs 4.22 registers no gradient for that a student plausibly reaches, by kernel name. */
const NO_GRADIENT: Record<string, NoGradient> = {
  StridedSlice: {
    op: 'tf.stridedSlice',
    instead: 'slice a contiguous block with tf.slice, tf.pad it to a multiple of the stride, tf.reshape the axis into [count, stride] and keep index 0; or tf.gather the indices you want',
    readme: { exercise: 'conv2d', mentions: /`tf\.stridedSlice` has no gradient/ },
  },
  Greater: { op: 'tf.greater', ...COMPARISON },
  Less: { op: 'tf.less', ...COMPARISON },
  LessEqual: { op: 'tf.lessEqual', ...COMPARISON },
  Equal: { op: 'tf.equal', ...COMPARISON },
  NotEqual: { op: 'tf.notEqual', ...COMPARISON },
  LogicalAnd: { op: 'tf.logicalAnd', ...LOGICAL },
  LogicalOr: { op: 'tf.logicalOr', ...LOGICAL },
  LogicalNot: { op: 'tf.logicalNot', ...LOGICAL },
  GatherNd: {
    op: 'tf.gatherND',
    instead: 'tf.reshape the tensor so the indexed axes are one, and tf.gather along it with the flattened indices (or multiply by a one-hot mask and tf.sum)',
    readme: { exercise: 'softmax-cross-entropy', mentions: /`tf\.gatherND`/ },
  },
  Einsum: {
    op: 'tf.einsum',
    instead: 'tf.matMul (with transposeA/transposeB), or tf.mul then tf.sum over the contracted axes',
    readme: { exercise: 'conv2d', mentions: /`tf\.einsum` has no gradient/ },
  },
  TopK: { op: 'tf.topk', instead: 'tf.max for the largest value, or tf.gather with indices computed outside the differentiated function', readme: COMPARISON.readme },
  Cumprod: { op: 'tf.cumprod', instead: 'a loop of tf.mul over tf.slice-d pieces, or tf.exp(tf.cumsum(tf.log(x))) for positive x', readme: COMPARISON.readme },
  MaxPoolWithArgmax: { op: 'tf.maxPoolWithArgmax', instead: 'tf.maxPool (or the running tf.maximum over slices)', readme: COMPARISON.readme },
};

function noGradient(kernel: string, exercise: string | undefined): Trap {
  const known = NO_GRADIENT[kernel];
  if (!known) {
    const op = `the kernel ${kernel}`;
    return {
      cause: `tfjs has no gradient for ${op}: a TensorFlow.js limit, not a wrong formula`,
      hint: `TensorFlow.js 4.22 cannot differentiate ${op}. Compute the same value from ops that have a gradient (tf.slice, tf.gather, tf.mul, tf.where with a tf.greaterEqual condition…), or move the part that needs ${kernel} out of the differentiated path (e.g. compute indices or masks from values you do not differentiate)${seeReadme(exercise, COMPARISON.readme)}.`,
    };
  }
  return {
    cause: `tfjs has no gradient for ${known.op} (kernel ${kernel}): a TensorFlow.js limit, not a wrong formula`,
    hint: `TensorFlow.js 4.22 cannot differentiate ${known.op}, so tf.grad fails wherever your function uses it on the way from an input to the output. Instead: ${known.instead}${seeReadme(exercise, known.readme)}.`,
  };
}

// ── a tensor disposed before use ──────────────────────────────────────────────────────────

const LOG_SIGMOID_README: ReadmeRef = { exercise: 'gan', mentions: /Not `tf\.logSigmoid`/ };
const DISPOSED_README: ReadmeRef = { exercise: 'dense', mentions: /reading 'backend'/ };

function touched(seen: Seen | undefined, ...names: string[]): boolean {
  return names.some((n) => seen?.names?.some((s) => s === n || s.endsWith(`.${n}`)) ?? false);
}

function disposedTensor(seen: Seen | undefined, exercise: string | undefined): Trap {
  const logSigmoid = touched(seen, 'logSigmoid');
  const customGrad = touched(seen, 'customGrad');
  const unknown = seen?.names === undefined;
  const causes: string[] = [];
  if (logSigmoid || unknown) {
    causes.push(
      `tf.logSigmoid: in tfjs 4.22 its gradient needs a tensor that is disposed before the backward pass whenever its input is computed (tf.logSigmoid(tf.neg(x)), not an input itself). Use the identity log σ(z) = −softplus(−z): tf.neg(tf.softplus(tf.neg(z))), and log(1 − σ(z)) = −softplus(z)${seeReadme(exercise, LOG_SIGMOID_README)}`,
    );
  }
  if (customGrad || unknown) {
    causes.push(
      'tf.customGrad: a gradFunc that closes over a tensor of the forward pass finds it disposed; pass it through save([...]) in the forward function and read it from gradFunc\'s second argument (saved[0]…)',
    );
  }
  if ((!logSigmoid && !customGrad) || unknown) {
    causes.push(
      `a tensor disposed by your code and used again: do not dispose your function's inputs, and return (or tf.keep) what must outlive a tf.tidy${seeReadme(exercise, DISPOSED_README)}`,
    );
  }
  const what = logSigmoid && !customGrad ? 'tf.logSigmoid of a computed tensor' : customGrad && !logSigmoid ? 'a tf.customGrad gradFunc' : 'a tensor';
  return {
    cause: `${what} used after it was disposed (a TensorFlow.js trap: tfjs says only "reading 'backend'")`,
    hint: `This TypeError means a tensor was used after it had been disposed. ${causes.length > 1 ? 'Likely causes: ' : 'The cause: '}${causes.join('; ')}.`,
  };
}

// ── tf.grad called inside a tf.customGrad gradient ─────────────────────────────────────────

function nestedGrad(exercise: string | undefined): Trap {
  return {
    cause: 'a tf.grad (or tf.grads / tf.valueAndGrad) called inside a tf.customGrad gradFunc: tfjs cannot nest them (the inner call clears the gradient tape the outer backward pass is still using), and says only "reading \'forEach\'"',
    hint: `Write the gradient inside gradFunc from tf ops directly (e.g. dy times the derivative you know in closed form, or a mask computed from the saved tensors), not with another tf.grad; or drop tf.customGrad and let tfjs differentiate the forward ops${seeReadme(exercise, { exercise: 'max-pool', mentions: /customGrad/ })}.`,
  };
}

// ── an output that does not depend on the input through tf ops ───────────────────────────

function disconnected(exercise: string | undefined): Trap {
  return {
    cause: 'the output does not depend on the differentiated input through tf ops',
    hint: `tf.grad follows only tf operations: a value read out with dataSync()/arraySync()/data() and made into a new tensor (tf.tensor(...), tf.scalar(...)) has no path back to the input, nor does an input your function does not use. Keep the whole computation in tf ops${seeReadme(exercise, { exercise: 'dense', mentions: /Cannot compute gradient of y=f\(x\)|`dataSync\(\)`/ })}.`,
  };
}

// ── a layers model whose outputs do not trace back to its inputs ─────────────────────────

const GRAPH_README: ReadmeRef = { exercise: 'densenet', mentions: /Graph disconnected/ };

function graphDisconnected(exercise: string | undefined): Trap {
  return {
    cause: 'tf.model could not trace an output back to the model\'s inputs ("Graph disconnected", from tfjs-layers): the usual cause is a JS array handed to apply and changed afterwards',
    hint:
      'Every symbolic tensor between tf.model\'s inputs and outputs must come from layer.apply on those inputs. Common causes: ' +
      '(1) an array passed to apply and changed afterwards: tfjs keeps the array itself, so tf.layers.concatenate().apply(features) followed by features.push(y) rewires the earlier layer; pass a copy, apply([...features]); ' +
      '(2) a second tf.input made inside a helper function, or a tensor from another model; ' +
      `(3) tf.model({ inputs }) given other inputs than the tf.input the outputs were built from${seeReadme(exercise, GRAPH_README)}.`,
  };
}

// ── a gradient that ignores broadcasting ─────────────────────────────────────────────────

/** Ops whose gradient in tfjs 4.22 forgets to sum over broadcast axes, and the same value without that bug. */
const BROADCAST_GRADIENT: Record<string, { op: string; instead: string }> = {
  SquaredDifference: { op: 'tf.squaredDifference', instead: 'tf.square(tf.sub(a, b)), or tf.squaredDifference(a, tf.broadcastTo(b, a.shape))' },
  Maximum: { op: 'tf.maximum', instead: 'tf.broadcastTo(b, a.shape) (or tf.broadcastTo(a, b.shape)) first, so that both inputs have the same shape' },
  Minimum: { op: 'tf.minimum', instead: 'tf.broadcastTo(b, a.shape) (or tf.broadcastTo(a, b.shape)) first, so that both inputs have the same shape' },
  Mod: { op: 'tf.mod', instead: 'tf.broadcastTo to give both inputs the same shape first' },
};

function cumsumGradient(): Trap {
  return {
    cause: "tf.cumsum along an axis other than the last has a broken gradient in tfjs 4.22 (it comes back transposed): a TensorFlow.js bug, not a wrong formula",
    hint: `TensorFlow.js 4.22 differentiates tf.cumsum correctly only along the last axis (on a square tensor the wrong gradient even has the right shape). Move the axis last, e.g. tf.transpose(tf.cumsum(tf.transpose(x), 1)) for axis 0 of a matrix, or sum with a triangular matrix of ones (tf.matMul). No exercise needs tf.cumsum, so no README covers it.`,
  };
}

function broadcastGradient(kernel: string, input: string, exercise: string | undefined): Trap {
  if (kernel === 'Cumsum') return cumsumGradient();
  const known = BROADCAST_GRADIENT[kernel];
  const op = known?.op ?? `the op ${kernel}`;
  return {
    cause: `${op} on inputs of different shapes has a broken gradient in tfjs 4.22 (it does not sum over the broadcast axes of input '${input}'): a TensorFlow.js bug, not a wrong formula`,
    hint: `TensorFlow.js 4.22 differentiates ${op} correctly only when both inputs have the same shape. Use ${known?.instead ?? `tf.broadcastTo to give both inputs the same shape before ${op}`}${seeReadme(exercise, { exercise: 'batchnorm', mentions: /squaredDifference/ })}.`,
  };
}

// ── float tensors where tfjs wants int32 ────────────────────────────────────────────────────

function floatIndices(arg: string, op: string, exercise: string | undefined): Trap {
  return {
    cause: `tf.${op}'s ${arg} must be an int32 tensor, and yours is float32`,
    hint: `Arithmetic with a JS number makes float32 in tfjs (tf.mul(intTensor, 3) is float32, and so is tf.floorDiv of floats on the default backend, while the cpu backend happens to return int32). Make the ${arg} int32: build them with tf.tensor1d(values, 'int32') or tf.range(…, 'int32'), multiply by tf.scalar(k, 'int32'), or cast with .toInt()${seeReadme(exercise, { exercise: 'softmax-cross-entropy', mentions: /int32 indices/ })}.`,
  };
}

/** The trap behind an error the student's code threw, or null when it is none of tfjs's known traps. */
export function trapOfError(error: { name: string; message: string }, seen?: Seen, exercise?: string): Trap | null {
  const missing = /gradient function not found for (\w+)/.exec(error.message);
  if (missing) return noGradient(missing[1]!, exercise);
  if (/Cannot read propert(y|ies) of undefined \(reading 'backend'\)/.test(error.message) || /Tensor is disposed/.test(error.message)) {
    return disposedTensor(seen, exercise);
  }
  if (/Cannot compute gradient of y=f\(x\) with respect to x/.test(error.message)) return disconnected(exercise);
  if (/Graph disconnected: cannot obtain value for tensor/.test(error.message)) return graphDisconnected(exercise);
  // Only when the code was seen using both: the same TypeError has other causes.
  if (/Cannot read propert(y|ies) of null \(reading 'forEach'\)/.test(error.message) && touched(seen, 'customGrad') && touched(seen, 'grad', 'grads', 'valueAndGrad', 'valueAndGrads')) {
    return nestedGrad(exercise);
  }
  const broadcast = /Error in gradient for op (\w+)\. The gradient of input '(\w+)' has shape/.exec(error.message);
  if (broadcast) return broadcastGradient(broadcast[1]!, broadcast[2]!, exercise);
  if (/Support for more than 2 input tensors is not implemented yet/.test(error.message)) {
    return {
      cause: 'tf.einsum takes at most two operands in tfjs 4.22',
      hint: "Contract two operands at a time: e.g. −½·xᵀWx per row as tf.sum(tf.mul(tf.einsum('bi,ij->bj', x, w), x), 1) instead of tf.einsum('bi,ij,bj->b', x, w, x); or use tf.matMul.",
    };
  }
  const index = /Argument '(\w+)' passed to '(\w+)' must be int32 tensor, but got float32 tensor/.exec(error.message);
  if (index) return floatIndices(index[1]!, index[2]!, exercise);
  return null;
}

// ── subgradient choices ───────────────────────────────────────────────────────────────────

const numbers = (v: Wire | undefined): ArrayLike<number> | null => (isWireTensor(v) ? (v.$tensor.data as ArrayLike<number>) : null);

/**
 * Where a gradient differs from the reference's, if it differs only at elements whose input
 * is exactly 0. `expected` and `got` are the gradient task's results, { [argument path]:
 * gradient }; `args` the case's arguments. null when some difference is elsewhere (or a
 * gradient is not shaped like its input, so the question cannot be asked).
 */
export function mismatchesAtZeroInputs(expected: Wire, got: Wire | undefined, args: Wire[], tol: Tol): { differing: number; total: number } | null {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected) || isWireTensor(expected)) return null;
  let differing = 0;
  let total = 0;
  for (const [path, e] of Object.entries(expected)) {
    const ev = numbers(e);
    const gv = numbers((got as Record<string, Wire> | undefined)?.[path]);
    const xv = numbers(atPath(args, path));
    if (!ev || !gv || ev.length !== gv.length) return null;
    total += ev.length;
    for (let i = 0; i < ev.length; i++) {
      if (Math.abs(gv[i]! - ev[i]!) <= tol.atol + tol.rtol * Math.abs(ev[i]!)) continue;
      if (!xv || xv.length !== ev.length || xv[i] !== 0) return null;
      differing++;
    }
  }
  return differing > 0 ? { differing, total } : null;
}

/**
 * The trap behind a gradient that is wrong only where an input is exactly 0: tfjs picks one
 * subgradient at every kink (|x|, max, relu, a tf.where's branch), and pieces with kinks at 0
 * that add up to a smooth function (σ from e^−|x|, softplus as max(z, 0) + log1p(e^−|z|))
 * get the smooth function's derivative only when their choices agree.
 */
export function trapOfGradientMismatch(expected: Wire, got: Wire | undefined, args: Wire[], tol: Tol, exercise?: string): Trap | null {
  const where = mismatchesAtZeroInputs(expected, got, args, tol);
  if (!where) return null;
  return {
    cause: `the gradient is off only where the input is exactly 0 (${where.differing} of ${where.total} elements): TensorFlow.js's subgradient choices at a kink, not your formula`,
    hint:
      'At x = 0 tfjs differentiates tf.abs as −1, tf.relu as 0, tf.maximum(a, b) as 1 for a (ties go to the first argument), tf.sign as 0, and tf.where follows the branch its condition picks. ' +
      'Your formula is smooth at 0, but it is built from pieces with kinks there, and their choices do not add up to its derivative. ' +
      'Make them agree: write −|x| as tf.where(tf.greaterEqual(x, 0), tf.neg(x), x) so that each branch is the formula it stands for (σ from e^−|x|); ' +
      'for softplus(z) = max(z, 0) + log1p(e^−|z|) pair tf.relu with tf.abs, or tf.maximum(z, 0) with the tf.where form of |z| — or use tf.softplus' +
      `${seeReadme(exercise, { exercise: exercise === 'dense' ? 'dense' : 'mle', mentions: /`tf\.abs` has the derivative −1 at 0|tfjs's subgradients at 0/ })}.`,
  };
}
