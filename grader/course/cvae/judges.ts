import { isWireTensor, type Wire } from '../../basics/wire.ts';
import { classifyDigits } from '../shared/digit-classifier/classifier.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';
import { elboAtLeastReference } from '../shared/vae-family/elbo.ts';

/** The fraction of generated images the judges' digit classifier assigns to the label they were generated for, overall and per label. */
export function labelRate(v: Wire | undefined, who: string): { rate: number; perLabel: number[]; perLabelCount: number[]; n: number; pixels: Float32Array; labels: ArrayLike<number>; predicted: ArrayLike<number> } {
  const r = v as Record<string, Wire> | null | undefined;
  const images = r?.images;
  const labels = r?.labels;
  if (!isWireTensor(images) || images.$tensor.shape.length !== 2 || images.$tensor.shape[1] !== 784) throw new TypeError(`${who}: expected generated images [n, 784]`);
  if (!isWireTensor(labels) || labels.$tensor.shape[0] !== images.$tensor.shape[0]) throw new TypeError(`${who}: expected one label per generated image`);
  const n = images.$tensor.shape[0]!;
  const pixels = Float32Array.from(images.$tensor.data);
  for (let i = 0; i < pixels.length; i++) if (!Number.isFinite(pixels[i]!)) throw new TypeError(`${who}: generated image ${Math.floor(i / 784)} holds NaN or Inf (the training diverged)`);
  const predicted = classifyDigits(pixels, n);
  const y = labels.$tensor.data;
  const perLabel = new Array<number>(10).fill(0);
  const perLabelCount = new Array<number>(10).fill(0);
  let right = 0;
  for (let i = 0; i < n; i++) {
    perLabelCount[y[i]!]!++;
    if (predicted[i] === y[i]) {
      right++;
      perLabel[y[i]!]!++;
    }
  }
  return { rate: n ? right / n : 0, perLabel, perLabelCount, n, pixels, labels: y, predicted };
}

/** Samples shown per label in the grid picture (one row per label). */
const GRID_PER_LABEL = 8;

/** The first GRID_PER_LABEL samples of each label, one row per label 0…9, with what the classifier read in each. */
export function samplesGrid(got: ReturnType<typeof labelRate>): JudgeImage | undefined {
  const rows: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < got.n; i++) {
    const y = got.labels[i]!;
    if (Number.isInteger(y) && y >= 0 && y < 10 && rows[y]!.length < GRID_PER_LABEL) rows[y]!.push(i);
  }
  if (rows.every((r) => r.length === 0)) return undefined;
  const cols = GRID_PER_LABEL;
  const pixels = new Float32Array(10 * cols * 784).fill(0.5); // a label with fewer samples ends its row in grey
  rows.forEach((r, d) => r.forEach((i, ci) => pixels.set(got.pixels.subarray(i * 784, (i + 1) * 784), (d * cols + ci) * 784)));
  const readings = rows.map((r, d) => `${d}: ${r.map((i) => got.predicted[i]).join('') || '-'}`);
  return {
    kind: 'grid',
    name: 'cvae-samples-per-label',
    caption: `your decoder's probabilities σ(logits) for ${cols} prior codes z ~ N(0, I) per label, one row per label y = 0…9 from the top; the classifier read, row by row: ${readings.join(' | ')}`,
    pixels,
    count: 10 * cols,
    height: 28,
    width: 28,
    cols,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export const judges: JudgeTable = {
  /** The grader-trained conditional VAE: test ELBO (given the true labels) ≥ reference − margin. */
  testElbo: elboAtLeastReference('the grader trained your buildCvae models with its own ELBO: check that the decoder outputs logits (no sigmoid), that the encoder\'s log σ² block is linear, and that both networks use the label input (concatenate it with the image or the code)'),

  /**
   * Decoder means for prior codes z ~ N(0, I) and each label y: the fraction the judges' digit
   * classifier (the reference CNN, 98.1% on the MNIST test split) calls y must be ≥ the
   * reference's own fraction (same seed, same loop) − the check's margin.
   */
  samplesClassified({ values, reference, check }): Judgement {
    const got = labelRate(values[0], 'your conditional VAE');
    const ref = labelRate(reference?.[0], 'the reference');
    const threshold = ref.rate - (check.margin ?? 0);
    const passed = got.rate >= threshold;
    const perLabel = got.perLabel.map((k, d) => `${d}: ${k}/${got.perLabelCount[d]}`).join(', ');
    const message = `${pct(got.rate)} of ${got.n} samples are classified as the label they were generated for ${passed ? '≥' : '<'} threshold ${pct(threshold)} (reference ${pct(ref.rate)} − margin ${pct(check.margin ?? 0)}); per label ${perLabel}`;
    const hint = passed ? undefined : got.rate < 0.3
      ? 'the samples hardly depend on the label: the decoder must use its label input (e.g. concatenate y with z before the first hidden layer) so that the code z is left to carry the style, not the digit'
      : undefined;
    const grid = samplesGrid(got);
    return { passed, message, hint, images: grid && [grid] };
  },
};
