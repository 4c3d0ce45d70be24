import { isWireTensor, type Wire } from '../../basics/wire.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';

function dataOf(v: Wire | undefined, what: string, n: number): ArrayLike<number> {
  if (!isWireTensor(v) || v.$tensor.shape.length !== 2 || v.$tensor.shape[0] * v.$tensor.shape[1]! !== n) throw new TypeError(`${what} should be a [N, 784] tensor`);
  return v.$tensor.data;
}

/** Mean squared error over the missing pixels (mask = 0) of rows [lo, hi); and how many there were. */
function missingError(out: ArrayLike<number>, truth: ArrayLike<number>, mask: ArrayLike<number>, lo: number, hi: number, d: number): { mse: number; count: number; bad: number } {
  let s = 0;
  let count = 0;
  let bad = -1;
  for (let k = lo * d; k < hi * d; k++) {
    if (mask[k] !== 0) continue;
    const e = out[k]! - truth[k]!;
    if (!Number.isFinite(e) && bad < 0) bad = k;
    s += e * e;
    count++;
  }
  return { mse: count ? s / count : 0, count, bad };
}

const at = (k: number, d: number) => `image ${Math.floor(k / d)}, pixel ${k % d} (row ${Math.floor((k % d) / 28)}, column ${k % 28})`;

/** The first missing pixel where a and b differ, or undefined when they agree on every missing pixel. */
function firstMissingDiff(a: ArrayLike<number>, b: ArrayLike<number>, mask: ArrayLike<number>): number | undefined {
  for (let k = 0; k < mask.length; k++) if (mask[k] === 0 && !Object.is(a[k], b[k])) return k;
  return undefined;
}

/** The first missing pixel where a and b are not close (|a − b| > 1e-5 + 1e-4·|b|), or undefined. */
function firstMissingOff(a: ArrayLike<number>, b: ArrayLike<number>, mask: ArrayLike<number>): number | undefined {
  for (let k = 0; k < mask.length; k++) if (mask[k] === 0 && !(Math.abs(a[k]! - b[k]!) <= 1e-5 + 1e-4 * Math.abs(b[k]!))) return k;
  return undefined;
}

const STEPS_RULE = '(README: "x⁽ᵗ⁺¹⁾ = x where known, σ(decoder(μ(x⁽ᵗ⁾))) where missing", for t = 0 … steps − 1)';

/** Digits shown in the picture from each half of the case (bottom rows missing, random pixels missing). */
const SHOWN_PER_HALF = 4;

/**
 * A few digits of each half as columns, four rows: the masked input (missing pixels grey),
 * your completion, the reference's (same VAE), and the original.
 */
export function inpaintingGrid(x: ArrayLike<number>, mask: ArrayLike<number>, out: ArrayLike<number>, ref: ArrayLike<number>, truth: ArrayLike<number>, n: number, d: number): JudgeImage {
  const shown = [...Array.from({ length: Math.min(SHOWN_PER_HALF, n / 2) }, (_, i) => i), ...Array.from({ length: Math.min(SHOWN_PER_HALF, n / 2) }, (_, i) => n / 2 + i)];
  const cols = shown.length;
  const pixels = new Float32Array(4 * cols * d);
  const rows: ((k: number) => number)[] = [(k) => (mask[k] === 0 ? 0.5 : x[k]!), (k) => out[k]!, (k) => ref[k]!, (k) => truth[k]!];
  rows.forEach((value, r) => shown.forEach((img, col) => {
    for (let j = 0; j < d; j++) pixels[(r * cols + col) * d + j] = value(img * d + j);
  }));
  return {
    kind: 'grid',
    name: 'inpainting-examples',
    caption: `${cols} test digits (the first ${cols / 2} without their bottom rows, then ${cols / 2} with random holes), top to bottom: the input with its missing pixels grey, your completion, the reference's (same trained VAE), the original`,
    pixels,
    count: 4 * cols,
    height: 28,
    width: 28,
    cols,
  };
}

export const judges: JudgeTable = {
  /**
   * steps = 0 returns x⁽⁰⁾, which no VAE has touched: the same with two different VAEs. steps = 1
   * uses the VAE's guess: different VAEs, different missing pixels. steps = 3 repeats the round:
   * not bit for bit what steps = 1 gave.
   */
  stepsCount({ cases, values }): Judgement {
    const c = cases[0]!;
    const mask = (c.args[1] as unknown as { $tensor: { data: ArrayLike<number> } }).$tensor.data;
    const n = mask.length;
    const v = values[0] as Record<string, Wire>;
    const [zeroA, zeroB, oneA, oneB, threeA] = (['zeroA', 'zeroB', 'oneA', 'oneB', 'threeA'] as const).map((k) => dataOf(v[k], `inpaint (${k})`, n));
    const z = firstMissingDiff(zeroA!, zeroB!, mask);
    if (z !== undefined) return { passed: false, message: `${c.label}: with steps = 0 the missing pixels already depend on the VAE (${at(z, 784)}: ${zeroA![z]} with one VAE, ${zeroB![z]} with another): steps = 0 must return x⁽⁰⁾, the start value, and each step runs one round ${STEPS_RULE}` };
    if (firstMissingDiff(oneA!, oneB!, mask) === undefined) return { passed: false, message: `${c.label}: with steps = 1 two different VAEs gave exactly the same missing pixels: one round must copy the VAE's guess into them ${STEPS_RULE}` };
    if (firstMissingDiff(oneA!, threeA!, mask) === undefined) return { passed: false, message: `${c.label}: steps = 3 gave exactly what steps = 1 gave: the round must be repeated \`steps\` times ${STEPS_RULE}` };
    // A deterministic inpaint (the same call twice gives the same pixels; sampling z instead of
    // taking μ is allowed and is not held to this) must be the README's rounds from its own x⁽⁰⁾.
    if (v.oneAgain !== undefined && v.expectOne !== undefined && v.expectThree !== undefined) {
      const [oneAgain, expectOne, expectThree] = (['oneAgain', 'expectOne', 'expectThree'] as const).map((k) => dataOf(v[k], `inpaint (${k})`, n));
      if (firstMissingDiff(oneA!, oneAgain!, mask) === undefined) {
        const off1 = firstMissingOff(oneA!, expectOne!, mask);
        if (off1 !== undefined) return { passed: false, message: `${c.label}: steps = 1 is not one round from your own x⁽⁰⁾ (what steps = 0 returns): σ(decoder(μ(x⁽⁰⁾))) at the missing pixels gives ${expectOne![off1]} at ${at(off1, 784)}, your inpaint ${oneA![off1]} ${STEPS_RULE}` };
        const off3 = firstMissingOff(threeA!, expectThree!, mask);
        if (off3 !== undefined) return { passed: false, message: `${c.label}: steps = 1 is one round, but steps = 3 is not three: three rounds from your x⁽⁰⁾, each copying the known pixels back before the next encoding, give ${expectThree![off3]} at ${at(off3, 784)}, your inpaint ${threeA![off3]} ${STEPS_RULE}` };
      }
    }
    return { passed: true, message: 'steps = 0 returns the start (no VAE involved), steps = 1 uses the VAE, steps = 3 goes on from there' };
  },

  /** Every known pixel (mask = 1) comes back exactly as it went in. */
  knownPixelsKept({ cases, values }): Judgement {
    const c = cases[0]!;
    const xw = c.args[0];
    if (!isWireTensor(xw)) throw new TypeError('grader: the case has no images');
    const [n, d] = xw.$tensor.shape as [number, number];
    const x = xw.$tensor.data;
    const mask = dataOf(c.args[1], 'mask', n * d);
    const out = dataOf(values[0], 'inpaint\'s result', n * d);
    let changed = 0;
    let first = -1;
    for (let k = 0; k < n * d; k++) {
      if (mask[k] === 1 && out[k] !== x[k]) { // === : a known 0 that comes back as −0 is unchanged
        changed++;
        if (first < 0) first = k;
      }
    }
    if (changed > 0) {
      return {
        passed: false,
        message: `${changed} of the known pixels changed; the first at ${at(first, d)}: went in as ${x[first]}, came back as ${out[first]}`,
        hint: 'copy the known pixels (mask = 1) from x, e.g. tf.where(mask.cast(\'bool\'), x, filled): only the pixels with mask = 0 are yours to fill',
      };
    }
    const miss = missingError(out, out, mask, 0, n, d);
    if (miss.bad >= 0) return { passed: false, message: `the known pixels are kept, but a filled pixel is ${out[miss.bad]} at ${at(miss.bad, d)}` };
    return { passed: true, message: `all known pixels of the ${n} images came back unchanged (with the grader's untrained VAE)` };
  },

  /**
   * Mean squared error of the filled pixels against the true binary pixels (a Brier score: the
   * filled values are read as probabilities), over every missing pixel of every image, ≤ the
   * reference's own (same VAE) × (1 + margin).
   */
  maskedError({ cases, values, reference, check }): Judgement {
    const c = cases[0]!;
    const xw = c.args[1];
    if (!isWireTensor(xw)) throw new TypeError('grader: the case has no images');
    const [n, d] = xw.$tensor.shape as [number, number];
    const mask = dataOf(c.args[2], 'mask', n * d);
    const truth = dataOf(c.answers, 'truth', n * d);
    const out = dataOf(values[0], 'inpaint\'s result', n * d);
    const ref = dataOf(reference?.[0], 'the reference\'s result', n * d);
    const all = missingError(out, truth, mask, 0, n, d);
    const images = d === 784 && n >= 2 && n % 2 === 0 ? [inpaintingGrid(xw.$tensor.data, mask, out, ref, truth, n, d)] : undefined;
    if (all.bad >= 0) return { passed: false, images, message: `a filled pixel is ${out[all.bad]} at ${at(all.bad, d)}: fill with finite values in [0, 1]` };
    const mine = [missingError(out, truth, mask, 0, n / 2, d), missingError(out, truth, mask, n / 2, n, d)];
    const theirs = [missingError(ref, truth, mask, 0, n / 2, d), missingError(ref, truth, mask, n / 2, n, d)];
    const refAll = missingError(ref, truth, mask, 0, n, d);
    const margin = check.margin ?? 0;
    const threshold = refAll.mse * (1 + margin);
    const passed = all.mse <= threshold;
    const f = (x: number) => x.toFixed(4);
    const message = `mean squared error on the ${all.count} missing pixels ${f(all.mse)} ${passed ? '≤' : '>'} threshold ${f(threshold)} (reference ${f(refAll.mse)} × (1 + margin ${margin})); `
      + `bottom rows missing ${f(mine[0]!.mse)} (reference ${f(theirs[0]!.mse)}), random pixels missing ${f(mine[1]!.mse)} (reference ${f(theirs[1]!.mse)}); filling every missing pixel with 0 scores ${f(missingError(new Float32Array(n * d), truth, mask, 0, n, d).mse)}`;
    let outside = 0;
    for (let k = 0; k < n * d; k++) if (mask[k] === 0 && !(out[k]! >= 0 && out[k]! <= 1)) outside++;
    if (outside > 0 && !passed) return { passed, images, message: `${message}; ${outside} filled values lie outside [0, 1]`, hint: 'the filled pixels should be probabilities in [0, 1]: apply σ to the decoder\'s logits' };
    const hint = passed ? undefined : 'fill with the decoder\'s probabilities σ(logits), not the logits; start the missing pixels at a sensible value (0, the background) and repeat encode → decode `steps` times, copying back only the missing pixels';
    return { passed, message, hint, images };
  },
};
