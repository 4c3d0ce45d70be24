import { ringCenters } from '../../../datasets/index.ts';
import { digitProbabilities } from '../shared/digit-classifier/classifier.ts';
import { RING } from './cases.ts';
import { HQ_STDS, MIN_HIGH_QUALITY, MIN_MODES, ringScores, type RingScores } from './ring-scores.ts';
import { isWireTensor, type Wire } from '../../basics/wire.ts';
import { failedFormulaChecks, formulasProven } from '../../judges/earlier.ts';
import type { JudgeImage, JudgeInput, Judgement, JudgeTable } from '../../judges/types.ts';
import { stepsOfLoggedLoss, type CurveSeries } from '../../images/learning-curve.ts';
import { versusReferencePanels } from '../../images/versus-reference.ts';

export { COVER_SHARE, HQ_STDS, MIN_HIGH_QUALITY, MIN_MODES, ringScores, type RingScores } from './ring-scores.ts';

/** The generated points over the ring's modes (circles of the high-quality radius), for the student to look at. */
export function ringScatter(points: ArrayLike<number>): JudgeImage {
  return {
    kind: 'scatter',
    name: 'gan-ring-samples',
    caption: `${Math.floor(points.length / 2)} generated points (blue) over the ${RING.modes} modes (red circles: radius ${HQ_STDS}σ = ${+(HQ_STDS * RING.std).toFixed(4)}, where a point counts as high-quality), plotted on [−3, 3]²`,
    points: Float32Array.from(points),
    markers: ringCenters(RING.modes, RING.radius),
    markerRadius: HQ_STDS * RING.std,
    range: [-3, 3],
  };
}

/** The two losses a GAN task logged every 100 steps (and at the last step); undefined when absent or malformed (a picture only: never judged). */
export function ganLosses(v: Wire | undefined, steps: number): { d: CurveSeries; g: CurveSeries } | undefined {
  const r = v as Record<string, Wire> | null | undefined;
  const d = r?.dLoss;
  const g = r?.gLoss;
  if (!isWireTensor(d) || !isWireTensor(g) || d.$tensor.shape.length !== 1 || g.$tensor.shape.length !== 1) return undefined;
  const k = d.$tensor.data.length;
  if (k < 1 || g.$tensor.data.length !== k || k > Math.ceil(steps / 100) + 1) return undefined;
  const x = stepsOfLoggedLoss(k, steps);
  return { d: { x, y: Array.from(d.$tensor.data, Number) }, g: { x, y: Array.from(g.$tensor.data, Number) } };
}

/** The discriminator's loss above the generator's, every 100 steps, the student's run over the reference's. */
export function lossesChart(name: string, what: string, values: Wire[], reference: Wire[] | undefined, steps: number): JudgeImage | undefined {
  const mine = ganLosses(values[0], steps);
  if (!mine) return undefined;
  const theirs = ganLosses(reference?.[0], steps);
  return versusReferencePanels({
    name,
    title: `${what}: the two losses during training, yours against the reference's`,
    caption: `the discriminator's and the generator's loss on one minibatch every 100 steps of the ${steps}, as your functions computed them, against the reference's run (same seed, batches and noise). `
      + `A D loss near 2·log 2 = ${(2 * Math.LN2).toFixed(2)} with a G loss near log 2 = ${Math.LN2.toFixed(2)} is the balance; a D loss falling to 0 while the G loss climbs means D wins and G gets no gradient.`,
    xLabel: 'step',
    studentLabel: 'your losses',
    referenceLabel: 'reference',
    panels: [
      { yLabel: 'discriminator loss', student: mine.d, reference: theirs?.d },
      { yLabel: 'generator loss', student: mine.g, reference: theirs?.g },
    ],
  });
}

function samplesOf(v: Wire | undefined, who: string): ArrayLike<number> {
  const s = (v as Record<string, Wire> | null)?.samples;
  if (!isWireTensor(s) || s.$tensor.shape.length !== 2 || s.$tensor.shape[1] !== 2) throw new TypeError(`${who}: expected generated points of shape [n, 2]`);
  for (const x of s.$tensor.data) if (!Number.isFinite(x)) throw new TypeError(`${who}: the generated points hold NaN or Inf (the training diverged)`);
  return s.$tensor.data;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The README's reference shape, which a hint about the model points at. */
const REFERENCE_SHAPE = 'G 8 → 64 → 64 → 2 (ReLU, linear output), D 2 → 64 → 64 → 1 (leaky ReLU 0.2, a logit), Glorot-uniform';

/**
 * The ring check's hint, chosen knowing what the checks before it established. When the loss
 * checks (values and gradients) all passed, the losses are proven right and the sign is not
 * the cause: what is left is buildGan's architecture and initialisation. Otherwise a collapse
 * onto one or two modes is the classic sign of a generator loss pushing the wrong way.
 */
export function ringHint(passed: boolean, got: RingScores, earlier: JudgeInput['earlier'] = []): string | undefined {
  if (passed) return undefined;
  const lossesProven = formulasProven(earlier);
  if (lossesProven) {
    return `your losses passed their value and gradient checks, so what is left is buildGan: compare its architecture and initialisation with the README's reference shape (${REFERENCE_SHAPE}); `
      + 'a generator whose last layer has an activation (ReLU, sigmoid, tanh) cannot reach points at radius 2 in every direction, and a wider or differently initialised network trains differently within the same 1,500 steps (look at the scatter)';
  }
  if (got.modesCovered <= 2) return 'the generator collapsed onto one or two modes: check the generator loss\'s sign (it should push D(fake) up) and that the discriminator learns real vs fake';
  if (failedFormulaChecks(earlier).length > 0) return 'fix the loss checks that failed first: this GAN is trained with your losses';
  return undefined;
}

/** A generated digit is recognised when the judges' classifier gives its top class at least this probability. */
export const CONFIDENT = 0.9;
/** A class is covered when at least this share of all samples are recognised as it (0.5% = 5 of 1,000). */
export const CLASS_SHARE = 0.005;
/** Classes that must be covered (a GAN collapsed onto a few digits covers fewer). */
export const MIN_CLASSES = 5;
/**
 * A sample counts only if its mean pixel ("ink") lies in this range, just outside the training
 * digits' own (0.030 to 0.340, median 0.128): the classifier labels anything, and calls uniform
 * noise an 8 with certainty, so a blank or a grey/noisy image must not count as a digit.
 */
export const INK_RANGE = [0.02, 0.35] as const;
/** Samples shown in the grid image. */
const GRID_SAMPLES = 64;

export interface DigitScores {
  /** Fraction of the samples the classifier recognises (top probability ≥ CONFIDENT, ink in INK_RANGE). */
  recognised: number;
  /** Fraction of the samples with their ink in INK_RANGE. */
  inkOk: number;
  /** Mean top probability. */
  meanConfidence: number;
  /** Recognised samples per class 0..9. */
  perClass: number[];
  /** Classes with ≥ CLASS_SHARE·n recognised samples. */
  classesCovered: number;
  /** Top class of each sample. */
  labels: Int32Array;
  n: number;
}

/** Scores generated images ([n, 784] in [0, 1]) with the judges' digit classifier. */
export function digitScores(images: Float32Array, n: number): DigitScores {
  const p = digitProbabilities(images, n);
  const perClass = new Array<number>(10).fill(0);
  const labels = new Int32Array(n);
  let recognised = 0;
  let conf = 0;
  let inkOk = 0;
  for (let i = 0; i < n; i++) {
    let ink = 0;
    for (let j = 0; j < 784; j++) ink += images[i * 784 + j]!;
    ink /= 784;
    const plausible = ink >= INK_RANGE[0] && ink <= INK_RANGE[1];
    if (plausible) inkOk++;
    let best = 0;
    for (let k = 1; k < 10; k++) if (p[i * 10 + k]! > p[i * 10 + best]!) best = k;
    labels[i] = best;
    conf += p[i * 10 + best]!;
    if (plausible && p[i * 10 + best]! >= CONFIDENT) {
      recognised++;
      perClass[best]!++;
    }
  }
  const need = CLASS_SHARE * n;
  return { recognised: n > 0 ? recognised / n : 0, inkOk: n > 0 ? inkOk / n : 0, meanConfidence: n > 0 ? conf / n : 0, perClass, classesCovered: perClass.filter((c) => c >= need && c > 0).length, labels, n };
}

function imagesOf(v: Wire | undefined, who: string): { images: Float32Array; n: number } {
  const s = (v as Record<string, Wire> | null)?.samples;
  if (!isWireTensor(s) || s.$tensor.shape.length !== 2 || s.$tensor.shape[1] !== 784) throw new TypeError(`${who}: expected generated images of shape [n, 784]`);
  const images = Float32Array.from(s.$tensor.data);
  for (const x of images) if (!Number.isFinite(x)) throw new TypeError(`${who}: the generated images hold NaN or Inf (the training diverged: a loss became Inf or NaN)`);
  return { images, n: s.$tensor.shape[0]! };
}

/** The first GRID_SAMPLES generated digits as an 8-wide grid, with what the classifier read in each. */
export function digitGrid(images: Float32Array, scores: DigitScores): JudgeImage {
  const count = Math.min(GRID_SAMPLES, scores.n);
  const rows: string[] = [];
  for (let r = 0; r < count; r += 8) rows.push(Array.from(scores.labels.subarray(r, Math.min(count, r + 8))).join(' '));
  return {
    kind: 'grid',
    name: 'gan-mnist-samples',
    caption: `${count} of ${scores.n} generated digits; the classifier's reading, row by row: ${rows.join(' | ')}`,
    pixels: images.slice(0, count * 784),
    count,
    height: 28,
    width: 28,
    cols: 8,
  };
}

export const judges: JudgeTable = {
  /**
   * Modes covered ≥ MIN_MODES of 8 (or the reference's own count where it covers fewer on this
   * seed) and high-quality fraction ≥ MIN_HIGH_QUALITY: absolute bars set from the spread of
   * correct runs, not from the reference's one run (see MIN_MODES). The reference's own result
   * (same seed, same loop) is reported beside them.
   */
  ringCoverage({ values, reference, check, earlier }): Judgement {
    const points = samplesOf(values[0], 'your GAN');
    const got = ringScores(points);
    const ref = ringScores(samplesOf(reference?.[0], 'the reference GAN'));
    // Where the reference itself covers fewer modes on this seed, a correct submission trained
    // by the same loop is not asked to beat it.
    const needModes = Math.min(MIN_MODES, ref.modesCovered);
    const modesOk = got.modesCovered >= needModes;
    const hqOk = got.highQuality >= MIN_HIGH_QUALITY;
    const message = `modes covered ${got.modesCovered} of ${RING.modes} ${modesOk ? '≥' : '<'} the bar ${needModes}${needModes < MIN_MODES ? ` (the reference's own count on this seed)` : ''} (high-quality samples per mode ${got.perMode.join('/')}), `
      + `high-quality samples ${pct(got.highQuality)} ${hqOk ? '≥' : '<'} the bar ${pct(MIN_HIGH_QUALITY)} (a sample is high-quality within ${HQ_STDS}σ = ${+(HQ_STDS * RING.std).toFixed(4)} of a centre) over ${got.n} samples; `
      + `the reference's run on this seed: ${ref.modesCovered} modes, ${pct(ref.highQuality)} high-quality (one GAN run varies widely with the initialisation: the bars are below the worst correct run measured)`;
    const losses = lossesChart('gan-ring-losses', 'ring GAN', values, reference, Number(check.budget?.steps ?? 0));
    return { passed: modesOk && hqOk, message, hint: ringHint(modesOk && hqOk, got, earlier), images: [ringScatter(points), ...(losses ? [losses] : [])] };
  },

  /**
   * The grader's MNIST GAN trained with the student's losses: classes covered ≥ MIN_CLASSES, and
   * the fraction of samples the digit classifier recognises ≥ the reference's own (same seed,
   * same loop) minus the check's margin.
   */
  mnistDigits({ values, reference, check, earlier = [] }): Judgement {
    const { images, n } = imagesOf(values[0], 'your GAN');
    const got = digitScores(images, n);
    const refImages = imagesOf(reference?.[0], 'the reference GAN');
    const ref = digitScores(refImages.images, refImages.n);
    const threshold = Math.max(0, ref.recognised - (check.margin ?? 0));
    const classesOk = got.classesCovered >= MIN_CLASSES;
    const recOk = got.recognised >= threshold;
    const message = `digits recognised by the classifier (top class ≥ ${CONFIDENT * 100}%, mean pixel in [${INK_RANGE.join(', ')}]) ${pct(got.recognised)} ${recOk ? '≥' : '<'} threshold ${pct(threshold)} `
      + `(reference ${pct(ref.recognised)} − margin ${pct(check.margin ?? 0)}), classes covered ${got.classesCovered} of 10 (need ≥ ${MIN_CLASSES}, each ≥ ${CLASS_SHARE * 100}% of the samples; recognised per class ${got.perClass.join('/')}), `
      + `mean top-class probability ${pct(got.meanConfidence)} (reference ${pct(ref.meanConfidence)}), ${pct(got.inkOk)} of the samples with a digit's amount of ink, over ${n} samples`;
    let hint: string | undefined;
    if (!(classesOk && recOk) && formulasProven(earlier)) {
      // The models and the loop are the grader's and the losses are proven right: not the sign.
      hint = 'your losses passed their value and gradient checks and this GAN\'s models and loop are the grader\'s, so the cause is not your losses\' formulas: a loss written another way follows another rounding path, and one training run can land below the bar; look at the sample grid, and tell your instructor if it shows digits';
    } else if (!recOk && got.recognised < 0.02) hint = 'almost nothing the generator makes looks like a digit (see the sample grid): check that the generator loss pushes D(fake) up (its sign) and that the discriminator loss calls real samples real';
    else if (!classesOk) hint = 'the generator collapsed onto a few digits (see the sample grid): check the generator loss (its sign: it should push D(fake) up) and that the discriminator learns real vs fake';
    const losses = lossesChart('gan-mnist-losses', 'MNIST GAN', values, reference, Number(check.budget?.steps ?? 0));
    return { passed: classesOk && recOk, message, hint, images: [digitGrid(images, got), ...(losses ? [losses] : [])] };
  },
};
