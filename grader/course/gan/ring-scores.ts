import { ringCenters } from '../../../datasets/synthetic.ts';

/**
 * The ring check's scoring, free of tfjs and of the case recipes so that the sandbox's task can
 * score an untrained generator (tasks.ts) with the judge's own rules (judges.ts re-exports it).
 */

/** The ring the GAN learns: 8 Gaussians of std 0.05 on a circle of radius 2 (cases.ts draws it). */
export const RING_SHAPE = { modes: 8, radius: 2, std: 0.05 } as const;

/** A generated point is high-quality within this many standard deviations of a centre. */
export const HQ_STDS = 3;
/** A mode is covered when it holds at least this share of its fair 1/modes of the samples. */
export const COVER_SHARE = 0.2;
/**
 * The ring check's bars, absolute, set from measured spreads (exercises/gan/README.md): the
 * reference's own shape and losses with 13 different initialisations, grading seed 1, covered
 * 4–8 modes (8 in 9 runs) with 25.7–87.8% high-quality samples, and the reference graded under
 * seeds 1–20 never fewer than 6 modes; broken GANs measured at seed 1 cover 0 or 1 (generator
 * loss with the wrong sign: 0 modes, 0%; a linear generator: 1 mode; a generator ending in a
 * sigmoid: 0). A bar relative to the reference's single run (7 modes and its fraction − 0.15,
 * until 2026-11-30) failed 2 of those 13 correct runs. ≤ 2 modes is a collapse.
 */
export const MIN_MODES = 3;
/** Uniform spraying over the plot puts ~1.6% of the points within 3σ of a centre; the worst correct run measured had 25.7%. */
export const MIN_HIGH_QUALITY = 0.1;

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
export function ringScores(points: ArrayLike<number>, modes = RING_SHAPE.modes, radius = RING_SHAPE.radius, std = RING_SHAPE.std): RingScores {
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
