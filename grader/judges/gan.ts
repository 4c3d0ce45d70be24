import { ringCenters } from '../../datasets/index.ts';
import { RING } from '../inputs/gan.ts';
import { isWireTensor, type Wire } from '../inputs/wire.ts';
import type { JudgeImage, Judgement, JudgeTable } from './types.ts';

/** A generated point is high-quality within this many standard deviations of a centre. */
export const HQ_STDS = 3;
/** A mode is covered when it holds at least this share of its fair 1/modes of the samples. */
export const COVER_SHARE = 0.2;
export const MIN_MODES = 7;

export interface RingScores {
  /** Fraction of the samples within HQ_STDS·std of their nearest centre. */
  highQuality: number;
  /** Modes holding ≥ COVER_SHARE·n/modes high-quality samples. */
  modesCovered: number;
  /** High-quality samples per mode. */
  perMode: number[];
  n: number;
}

/** Scores generated 2-D points ([n, 2] row-major) against the ring's centres. */
export function ringScores(points: ArrayLike<number>, modes = RING.modes, radius = RING.radius, std = RING.std): RingScores {
  const c = ringCenters(modes, radius);
  const n = Math.floor(points.length / 2);
  const perMode = new Array<number>(modes).fill(0);
  let hq = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    let best = Infinity;
    let k = -1;
    for (let j = 0; j < modes; j++) {
      const d = Math.hypot(x - c[2 * j]!, y - c[2 * j + 1]!);
      if (d < best) {
        best = d;
        k = j;
      }
    }
    if (best <= HQ_STDS * std) {
      hq++;
      perMode[k]!++;
    }
  }
  const need = (COVER_SHARE * n) / modes;
  return { highQuality: n > 0 ? hq / n : 0, modesCovered: perMode.filter((m) => m >= need).length, perMode, n };
}

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

function samplesOf(v: Wire | undefined, who: string): ArrayLike<number> {
  const s = (v as Record<string, Wire> | null)?.samples;
  if (!isWireTensor(s) || s.$tensor.shape.length !== 2 || s.$tensor.shape[1] !== 2) throw new TypeError(`${who}: expected generated points of shape [n, 2]`);
  for (const x of s.$tensor.data) if (!Number.isFinite(x)) throw new TypeError(`${who}: the generated points hold NaN or Inf (the training diverged)`);
  return s.$tensor.data;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export const judges: JudgeTable = {
  /**
   * Modes covered ≥ 7 of 8, and the high-quality fraction ≥ the reference's own (same seed,
   * same budget) minus the check's margin.
   */
  ringCoverage({ values, reference, check }): Judgement {
    const points = samplesOf(values[0], 'your GAN');
    const got = ringScores(points);
    const ref = ringScores(samplesOf(reference?.[0], 'the reference GAN'));
    const threshold = ref.highQuality - (check.margin ?? 0);
    const modesOk = got.modesCovered >= MIN_MODES;
    const hqOk = got.highQuality >= threshold;
    const message = `modes covered ${got.modesCovered} of ${RING.modes} (need ≥ ${MIN_MODES}; high-quality samples per mode ${got.perMode.join('/')}), `
      + `high-quality samples ${pct(got.highQuality)} ${hqOk ? '≥' : '<'} threshold ${pct(threshold)} (reference ${pct(ref.highQuality)} − margin ${pct(check.margin ?? 0)}; a sample is high-quality within ${HQ_STDS}σ = ${+(HQ_STDS * RING.std).toFixed(4)} of a centre) over ${got.n} samples`;
    const hint = !modesOk && got.modesCovered <= 2 ? 'the generator collapsed onto one or two modes: check the generator loss\'s sign (it should push D(fake) up) and that the discriminator learns real vs fake' : undefined;
    return { passed: modesOk && hqOk, message, hint, images: [ringScatter(points)] };
  },
};
