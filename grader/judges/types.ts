import type { Case, Wire } from '../basics/wire.ts';
import type { Chart } from '../images/chart-types.ts';
import type { CheckSpec } from '../manifest/types.ts';

/** What a judge sees: raw values only; it runs in the trusted parent, never in the sandbox. */
export interface JudgeInput {
  /** The check's cases, with their held-out answers. */
  cases: Case[];
  /** The student's value for each case. */
  values: Wire[];
  /** The reference's value for each case, when the check asks for it (`withReference`). */
  reference?: Wire[];
  seed: number;
  check: CheckSpec;
  /** Distribution checks: the false-fail probability this check may spend (its share of the exercise's). */
  alpha: number;
  /**
   * The visible checks of the same submission that ran before this one (manifest order) and
   * whether each passed, so that a hint can agree with what they established. Empty when
   * the judge is called on its own.
   */
  earlier?: readonly { name: string; kind: CheckSpec['kind']; passed: boolean }[];
}

/**
 * A picture a judge asks for, as raw numbers: the grade step renders it to PNG (grader/images/)
 * and names the file in the check's result. `name` becomes the file name (letters, digits, '-').
 */
export type JudgeImage =
  | {
    kind: 'grid';
    name: string;
    caption: string;
    /** [count, height, width] row-major, 0 = black … 1 = white (values outside are clamped). */
    pixels: Float32Array;
    count: number;
    height: number;
    width: number;
    /** Images per row of the grid. */
    cols: number;
  }
  | {
    kind: 'scatter';
    name: string;
    caption: string;
    /** [n, 2] row-major (x, y) points, drawn as dots. */
    points: Float32Array;
    /** [m, 2] row-major centres drawn as circles of `markerRadius` (data units), e.g. a mixture's modes. */
    markers?: Float32Array;
    markerRadius?: number;
    /** The plotted square, [lo, hi] on both axes; points outside are counted in the file's caption, not drawn. */
    range: [number, number];
  }
  /** A chart: learning curves, empirical against exact distributions (grader/images/chart-types.ts). */
  | Chart;

export interface Judgement {
  passed: boolean;
  /** What was found, in words a student can act on (statistics: the p-value and what it means). */
  message: string;
  hint?: string;
  /** Pictures of what was judged (samples, a scatter), written as PNG next to the result. */
  images?: JudgeImage[];
}

/** Property and distribution checks: a pure function of the raw values, in plain JS. */
export type Judge = (input: JudgeInput) => Judgement;

/** grader/course/<id>/judges.ts exports `judges`: the judges its manifest's checks name. */
export type JudgeTable = Record<string, Judge>;
