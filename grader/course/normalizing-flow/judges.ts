import { isWireTensor, type Case, type Wire } from '../../basics/wire.ts';
import type { Density2dChart } from '../../images/chart-types.ts';
import { describeLossCurve, learningCurveChart, type TrainingCurves } from '../../images/learning-curve.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';

/**
 * Judges of the normalizing-flow exercise, in plain JS and float64. The tasks send back the
 * student's maps evaluated at x and at x ± h·e_j (float32, the steps rounded with
 * Math.fround); here the Jacobian is formed by central differences over the true steps and
 * its log-determinant taken by LU with partial pivoting.
 */

const LOG_2PI = Math.log(2 * Math.PI);

/** log|det A| of a d×d row-major matrix, by Gaussian elimination with partial pivoting (−Inf when singular). */
export function logAbsDet(a: ArrayLike<number>, d: number): number {
  const m = Float64Array.from(a);
  let out = 0;
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r * d + c]!) > Math.abs(m[p * d + c]!)) p = r;
    const pivot = m[p * d + c]!;
    if (pivot === 0 || !Number.isFinite(pivot)) return pivot === 0 ? -Infinity : NaN;
    if (p !== c) for (let k = 0; k < d; k++) [m[c * d + k], m[p * d + k]] = [m[p * d + k]!, m[c * d + k]!];
    out += Math.log(Math.abs(pivot));
    for (let r = c + 1; r < d; r++) {
      const f = m[r * d + c]! / pivot;
      for (let k = c; k < d; k++) m[r * d + k]! -= f * m[c * d + k]!;
    }
  }
  return out;
}

/**
 * The Jacobian of the map at example i ([d, d] row-major, J[a, j] = ∂out_a/∂x_j) from `around`
 * ([2d + 1, n, d]: the outputs at x, then at x + h·e_j and x − h·e_j for each j).
 */
export function numericJacobian(around: ArrayLike<number>, x: ArrayLike<number>, n: number, d: number, i: number, h: number): Float64Array {
  const J = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    const xi = x[i * d + j]!;
    const step = Math.fround(xi + h) - Math.fround(xi - h); // the float32 inputs' true distance
    const plus = (1 + 2 * j) * n * d + i * d;
    const minus = (2 + 2 * j) * n * d + i * d;
    for (let a = 0; a < d; a++) J[a * d + j] = (around[plus + a]! - around[minus + a]!) / step;
  }
  return J;
}

/** log N(z; 0, I) of row i of the first block of `around`. */
function logNormalAt(around: ArrayLike<number>, i: number, d: number): number {
  let sq = 0;
  for (let a = 0; a < d; a++) sq += around[i * d + a]! ** 2;
  return -0.5 * sq - 0.5 * d * LOG_2PI;
}

function tensorAt(v: Wire | undefined, key: string, who: string, shape?: number[]): { shape: number[]; data: ArrayLike<number> } {
  const t = (v as Record<string, Wire> | null | undefined)?.[key];
  if (!isWireTensor(t)) throw new TypeError(`${who}: no tensor ${key} in the returned value`);
  if (shape && t.$tensor.shape.join(',') !== shape.join(',')) throw new TypeError(`${who}: ${key} has shape [${t.$tensor.shape.join(', ')}], expected [${shape.join(', ')}]`);
  return t.$tensor;
}

function xOf(c: Case, index = 0): { data: ArrayLike<number>; n: number; d: number } {
  const t = c.args[index];
  if (!isWireTensor(t)) throw new Error('grader: a Jacobian case has no input tensor');
  return { data: t.$tensor.data, n: t.$tensor.shape[0]!, d: t.$tensor.shape[1]! };
}

const fmt = (x: number) => (Number.isFinite(x) ? +x.toPrecision(5) : String(x));

/** |got − want| ≤ atol + rtol·|want|, NaN/Inf never within. */
const close = (got: number, want: number, atol: number, rtol: number) => Number.isFinite(got) && Number.isFinite(want) && Math.abs(got - want) <= atol + rtol * Math.abs(want);

/** Tolerances of the Jacobian checks: the differences carry float32 rounding over a step of 2·10⁻². */
export const LOGDET_TOL = { atol: 5e-3, rtol: 2e-3 };
export const ROUND_TRIP_TOL = { atol: 1e-4, rtol: 1e-4 };

/** Judge-side NLL of a trained flow: −mean over the held-out points of log N(z) + log|det ∂z/∂x|. */
export function flowNll(around: ArrayLike<number>, x: ArrayLike<number>, n: number, h: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += logNormalAt(around, i, 2) + logAbsDet(numericJacobian(around, x, n, 2, i, h), 2);
  return -sum / n;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** The training loss a flow task logged (every `lossEvery` steps, and the last step), as a curve; undefined when absent. */
function lossCurve(v: Wire | undefined, steps: number): TrainingCurves | undefined {
  const o = v as Record<string, Wire> | undefined;
  const t = o?.loss;
  if (!isWireTensor(t)) return undefined;
  const every = typeof o!.lossEvery === 'number' && o!.lossEvery > 0 ? o!.lossEvery : 100;
  const y = Array.from(t.$tensor.data, Number);
  const x = y.map((_, i) => Math.min(i * every, Math.max(0, steps - 1)));
  return { unit: 'step', loss: { x, y } };
}

/**
 * The trained flow's density on the grid the task sent, by the change of variables of its maps
 * (as the NLL is measured), with the held-out points over it; undefined when the task sent no grid.
 */
function densityPicture(v: Wire | undefined, test: { data: ArrayLike<number>; n: number }, h: number, caption: string): Density2dChart | undefined {
  const o = v as Record<string, Wire> | undefined;
  const size = o?.gridSize as unknown;
  if (!o || !isWireTensor(o.grid) || !isWireTensor(o.gridZ) || !Array.isArray(size) || size.length !== 2) return undefined;
  const [nx, ny] = size as number[];
  const g = o.grid.$tensor;
  const n = g.shape[0]!;
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx! * ny! === n && n <= 10_000) || o.gridZ.$tensor.shape.join(',') !== `5,${n},2`) return undefined;
  const around = o.gridZ.$tensor.data;
  const values = Array.from({ length: n }, (_, i) => {
    const lp = logNormalAt(around, i, 2) + logAbsDet(numericJacobian(around, g.data, n, 2, i, h), 2);
    return Number.isFinite(lp) ? Math.exp(lp) : 0;
  });
  const xs = [g.data[0]!, g.data[2 * (nx! - 1)]!];
  const ys = [g.data[1]!, g.data[2 * (n - 1) + 1]!];
  const halfX = (xs[1]! - xs[0]!) / Math.max(1, nx! - 1) / 2;
  const halfY = (ys[1]! - ys[0]!) / Math.max(1, ny! - 1) / 2;
  return {
    kind: 'density2d',
    name: 'flow-density',
    title: 'normalizing-flow: your trained flow\'s density on two moons',
    caption,
    xRange: [xs[0]! - halfX, xs[1]! + halfX],
    yRange: [ys[0]! - halfY, ys[1]! + halfY],
    density: { nx: nx!, ny: ny!, values, label: 'your flow\'s density' },
    points: [{ xy: Array.from(test.data).slice(0, 1000), label: 'held-out points', role: 'reference' }],
  };
}

export const judges: JudgeTable = {
  /**
   * Per coupling case: couplingInverse(couplingForward(x)) = x, and logDet = log|det ∂y/∂x|
   * with ∂y/∂x by central differences of the student's couplingForward.
   */
  couplingJacobian({ cases, values }): Judgement {
    let worstRound = { err: 0, c: -1, i: 0, j: 0 };
    for (let c = 0; c < cases.length; c++) {
      const { data: x, n, d } = xOf(cases[c]!);
      const h = cases[c]!.args[3] as number;
      const back = tensorAt(values[c], 'xBack', 'couplingInverse', [n, d]).data;
      const logDet = tensorAt(values[c], 'logDet', 'couplingForward', [n]).data;
      const around = tensorAt(values[c], 'around', 'couplingForward', [2 * d + 1, n, d]).data;
      for (let k = 0; k < n * d; k++) {
        const err = Math.abs(back[k]! - x[k]!);
        const ok = close(back[k]!, x[k]!, ROUND_TRIP_TOL.atol, ROUND_TRIP_TOL.rtol);
        if (!ok && !(err <= worstRound.err)) worstRound = { err: Number.isNaN(err) ? Infinity : err, c, i: Math.floor(k / d), j: k % d };
      }
      for (let i = 0; i < n; i++) {
        const want = logAbsDet(numericJacobian(around, x, n, d, i, h), d);
        const got = logDet[i]!;
        if (!close(got, want, LOGDET_TOL.atol, LOGDET_TOL.rtol)) {
          const sign = close(-got, want, LOGDET_TOL.atol, LOGDET_TOL.rtol) && Math.abs(want) > 1e-2;
          return {
            passed: false,
            message: `case "${cases[c]!.label}", example ${i}: logDet ${fmt(got)} but log|det ∂y/∂x| of your couplingForward is ${fmt(want)} (central differences in float64, step ${h}; tolerance ${LOGDET_TOL.atol} + ${LOGDET_TOL.rtol}·|value|)`,
            hint: sign
              ? 'logDet has the wrong sign: y = x·exp(s) + t on the transformed half, so log|det ∂y/∂x| = +Σ (1 − mask)·s.'
              : 'logDet must be the log-determinant of your own map y(x): with (s, t) = net(mask·x) the Jacobian is triangular with diagonal 1 on the conditioning dims and exp(s) on the others, so log|det| = Σ (1 − mask)·s. If the net sees all of x, the Jacobian is not triangular and this formula no longer holds.',
          };
        }
      }
    }
    if (worstRound.c >= 0) {
      const { err, c, i, j } = worstRound;
      return {
        passed: false,
        message: `case "${cases[c]!.label}": couplingInverse(couplingForward(x)) differs from x by ${fmt(err)} at example ${i}, dim ${j} (tolerance ${ROUND_TRIP_TOL.atol} + ${ROUND_TRIP_TOL.rtol}·|x|); logDet matched the numeric Jacobian in every case`,
        hint: 'couplingInverse must undo couplingForward: the conditioning half is unchanged (mask·y = mask·x), so (s, t) = net(mask·y) are the forward\'s own, and x = mask·y + (1 − mask)·(y − t)·exp(−s).',
      };
    }
    return { passed: true, message: `${cases.length} cases: couplingInverse(couplingForward(x)) = x within ${ROUND_TRIP_TOL.atol} + ${ROUND_TRIP_TOL.rtol}·|x|, and logDet = log|det ∂y/∂x| of your map (central differences in float64) within ${LOGDET_TOL.atol} + ${LOGDET_TOL.rtol}·|value|` };
  },

  /** Per flow case: flowLogProb(x) = log N(z; 0, I) + log|det ∂z/∂x|, z and ∂z/∂x from couplingForward applied in order. */
  flowJacobian({ cases, values }): Judgement {
    for (let c = 0; c < cases.length; c++) {
      const { data: x, n, d } = xOf(cases[c]!);
      const h = cases[c]!.args[2] as number;
      const lp = tensorAt(values[c], 'logProb', 'flowLogProb', [n]).data;
      const around = tensorAt(values[c], 'around', 'couplingForward', [2 * d + 1, n, d]).data;
      for (let i = 0; i < n; i++) {
        const want = logNormalAt(around, i, d) + logAbsDet(numericJacobian(around, x, n, d, i, h), d);
        if (!close(lp[i]!, want, LOGDET_TOL.atol, LOGDET_TOL.rtol)) {
          const constant = close(lp[i]! - 0.5 * d * LOG_2PI, want, LOGDET_TOL.atol, LOGDET_TOL.rtol);
          return {
            passed: false,
            message: `case "${cases[c]!.label}", example ${i}: flowLogProb ${fmt(lp[i]!)} but log N(z; 0, I) + log|det ∂z/∂x| is ${fmt(want)}, with z your couplingForward applied through the layers in order and ∂z/∂x by central differences in float64 (step ${h})`,
            hint: constant
              ? `flowLogProb is off by exactly (d/2)·log 2π = ${fmt(0.5 * d * LOG_2PI)}: log N(z; 0, I) = −½|z|² − (d/2)·log 2π.`
              : 'log p(x) = log N(z; 0, I) + log|det ∂z/∂x|, z = f_K(…f_1(x)) with layers[0] applied first; log N(z; 0, I) = −½|z|² − (d/2)·log 2π, and log|det ∂z/∂x| is the sum of the layers\' logDet.',
          };
        }
      }
    }
    return { passed: true, message: `${cases.length} flows: flowLogProb = log N(z; 0, I) + log|det ∂z/∂x| of your layers applied in order (central differences in float64), within ${LOGDET_TOL.atol} + ${LOGDET_TOL.rtol}·|value|` };
  },

  /**
   * Held-out NLL of the RealNVP trained with the student's flowLogProb, measured by the change
   * of variables of the trained maps (so a wrong logDet cannot flatter it), against the
   * reference's own (same seed, same loop) plus the check's margin in nats.
   */
  moonsNll({ cases, values, reference, check }): Judgement {
    const test = xOf(cases[0]!, 1);
    const h = Number(check.budget?.h ?? 2e-3);
    const score = (v: Wire | undefined, who: string) => {
      const around = tensorAt(v, 'z', who, [5, test.n, 2]).data;
      const own = tensorAt(v, 'ownLogProb', who, [test.n]).data;
      const loss = tensorAt(v, 'loss', who).data;
      return { nll: flowNll(around, test.data, test.n, h), own: -mean(own), lastLoss: loss[loss.length - 1]! };
    };
    const got = score(values[0], 'your flow');
    const ref = score(reference?.[0], 'the reference flow');
    const margin = check.margin ?? 0;
    const threshold = ref.nll + margin;
    const passed = Number.isFinite(got.nll) && got.nll <= threshold;
    const message = `held-out NLL ${fmt(got.nll)} nats ${passed ? '≤' : Number.isFinite(got.nll) ? '>' : 'vs'} threshold ${fmt(threshold)} (reference ${fmt(ref.nll)} + margin ${margin}); `
      + `measured as −mean[log N(z) + log|det ∂z/∂x|] of the trained flow, ∂z/∂x by central differences; your flowLogProb reports ${fmt(got.own)}, final training loss ${fmt(got.lastLoss)}`;
    let hint: string | undefined;
    if (!Number.isFinite(got.lastLoss) || !Number.isFinite(got.nll)) hint = 'training diverged or the trained map is not invertible (NaN/Inf): check that the conditioning half passes through unchanged and that logDet is +Σ (1 − mask)·s';
    else if (!passed && Math.abs(got.own - got.nll) > 0.05) hint = `your flowLogProb's NLL (${fmt(got.own)}) disagrees with the change of variables of your couplingForward maps applied through the layers in order (${fmt(got.nll)}), so training maximised something other than the flow's likelihood: check logDet (its sign, which half it sums over) and that flowLogProb applies layers[0] first.`;
    // Pictures and the curve in words: from the same values, never part of the verdict.
    const steps = Number(check.budget?.steps ?? 0);
    const mine = lossCurve(values[0], steps);
    const theirs = lossCurve(reference?.[0], steps);
    const images: JudgeImage[] = [];
    if (mine) {
      images.push(learningCurveChart({
        name: 'flow-learning-curve',
        title: 'normalizing-flow: training NLL (nats) per step, same seed and budget',
        caption: `held-out NLL ${fmt(got.nll)} nats; the check's bar is ≤ ${fmt(threshold)} (reference ${fmt(ref.nll)} + ${margin}), drawn as the red line`,
        student: mine,
        reference: theirs,
        lossLabel: 'training NLL (nats)',
        lossBar: { y: threshold, label: `bar: held-out NLL ≤ ${fmt(threshold)}` },
      }));
    }
    const density = densityPicture(values[0], test, h, `your flow's density exp(log N(z) + log|det ∂z/∂x|), by the change of variables of your trained maps; held-out NLL ${fmt(got.nll)} nats (bar ≤ ${fmt(threshold)})`);
    if (density) images.push(density);
    const words = passed || !mine ? undefined : describeLossCurve(mine, theirs);
    return { passed, message: words ? `${message}; ${words}` : message, hint, images };
  },
};
