import { isWireTensor, type Wire } from '../../basics/wire.ts';
import type { TraceChart } from '../../images/chart-types.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';

function tensorOf(v: Wire | undefined, what: string): { shape: number[]; data: ArrayLike<number> } {
  if (!isWireTensor(v)) throw new TypeError(`${what} should be a tensor`);
  return v.$tensor;
}

/** E(x) = −½ xᵀWx in float64. */
function energyOf(x: ArrayLike<number>, off: number, w: ArrayLike<number>, n: number): number {
  let q = 0;
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = 0; j < n; j++) h += w[i * n + j]! * x[off + j]!;
    q += x[off + i]! * h;
  }
  return -0.5 * q;
}

/** The first entry that is not ±1, as "row r, unit i is v". */
function notPlusMinusOne(x: ArrayLike<number>, n: number): string | undefined {
  for (let k = 0; k < x.length; k++) if (x[k] !== 1 && x[k] !== -1) return `row ${Math.floor(k / n)}, unit ${k % n} is ${x[k]}`;
  return undefined;
}

/** E per sweep of at most 6 rows as lines (those whose energy rose most first): each must never go up. */
function energyPicture(label: string, s: ArrayLike<number>, w: ArrayLike<number>, sweeps: number, b: number, n: number): TraceChart {
  const energies = Array.from({ length: b }, (_, r) => Array.from({ length: sweeps + 1 }, (_, t) => energyOf(s, (t * b + r) * n, w, n)));
  const rise = energies.map((e) => Math.max(0, ...e.slice(1).map((v, t) => v - e[t]!)));
  const rows = energies.map((_, r) => r).sort((x, y) => rise[y]! - rise[x]! || x - y).slice(0, 6);
  const rose = rows.filter((r) => rise[r]! > 1e-4).length;
  const which = rose > 0 ? `${rose} row(s) whose energy rose first, then others` : `the first ${rows.length} of ${b} rows`;
  return { kind: 'trace', name: 'hopfield-energy', title: `hopfield, ${label}: energy along recall`, caption: `E(x) = −½ xᵀWx after each sweep, ${which} (rows ${rows.join(', ')}): asynchronous updates never raise it`, xLabel: 'sweep', yLabel: 'energy E(x)', chains: rows.map((r) => energies[r]!), chainLabels: rows.map((r) => `row ${r}`) };
}

const ZERO_HINT = 'when (Wx)ᵢ = 0 keep xᵢ as it is: tf.sign(0) is 0, and `h >= 0 ? 1 : −1` moves it';

/** Whether row r of x is a fixed point of the asynchronous rule: no unit with xᵢ·(Wx)ᵢ < 0 (float64). */
function isFixedPoint(x: ArrayLike<number>, r: number, w: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = 0; j < n; j++) h += w[i * n + j]! * x[r * n + j]!;
    if (x[r * n + i]! * h < -1e-6) return false;
  }
  return true;
}

export const judges: JudgeTable = {
  /**
   * "Repeat `sweeps` times", exactly: sweeps = 0 gives x0 back; and a row that one sweep left
   * where some unit still disagrees with its field (not a fixed point) must be changed by the
   * next two sweeps, since every sweep visits every unit. Decided in float64 from the states.
   */
  sweepsCount({ cases, values }): Judgement {
    const orders: string[] = [];
    for (let c = 0; c < cases.length; c++) {
      const label = cases[c]!.label;
      const x0 = tensorOf(cases[c]!.args[0], 'x0');
      const w = tensorOf(cases[c]!.args[1], 'w').data;
      const [b, n] = x0.shape as [number, number];
      const v = values[c] as Record<string, Wire>;
      const zero = tensorOf(v.zero, 'recall(x0, w, 0, seed)'), one = tensorOf(v.one, 'recall(x0, w, 1, seed)'), three = tensorOf(v.three, 'recall(x0, w, 3, seed)');
      for (const [name, t] of [['0', zero], ['1', one], ['3', three]] as const) {
        if (t.shape.join(',') !== x0.shape.join(',')) return { passed: false, message: `${label}: with sweeps = ${name} recall returned shape [${t.shape.join(', ')}], expected [${x0.shape.join(', ')}]` };
      }
      for (let k = 0; k < zero.data.length; k++) {
        if (zero.data[k] !== x0.data[k]) return { passed: false, message: `${label}: with sweeps = 0 recall changed row ${Math.floor(k / n)}, unit ${k % n} (${x0.data[k]} → ${zero.data[k]}): zero sweeps must give x0 back (README: "repeat \`sweeps\` times")` };
      }
      let open = 0;
      for (let r = 0; r < b; r++) {
        if (isFixedPoint(one.data, r, w, n)) continue;
        open++;
        let same = true;
        for (let i = 0; i < n && same; i++) same = one.data[r * n + i] === three.data[r * n + i];
        if (same) {
          return { passed: false, message: `${label}: row ${r} after one sweep is not a fixed point (some unit disagrees with the sign of its field), yet sweeps = 3 returned exactly the same state: the later sweeps did not run (README: "repeat \`sweeps\` times")` };
        }
      }
      if (open === 0 && b > 0) return { passed: true, message: `${label}: sweeps = 0 gives x0 back; every row was a fixed point after one sweep, so 3 sweeps could not be told apart` };
      // A new order each sweep: sweeps = 2 must not be the first sweep's order applied twice
      // (one sweep from the one-sweep result with the same seed) on every unsettled row.
      if (v.two !== undefined && v.oneThenOne !== undefined) {
        const two = tensorOf(v.two, 'recall(x0, w, 2, seed)'), again = tensorOf(v.oneThenOne, 'recall(recall(x0, w, 1, seed), w, 1, seed)');
        if (two.data.length === x0.data.length && again.data.length === x0.data.length) {
          let differ = 0;
          for (let r = 0; r < b; r++) {
            if (isFixedPoint(one.data, r, w, n)) continue;
            for (let i = 0; i < n; i++) {
              if (two.data[r * n + i] !== again.data[r * n + i]) {
                differ++;
                break;
              }
            }
          }
          if (differ === 0) {
            return {
              passed: false,
              message: `${label}: on all ${open} rows one sweep left unsettled, sweeps = 2 returned exactly what one more sweep with the same seed gives from the one-sweep state, i.e. the first sweep's visiting order again: draw a new random order for each sweep (README: "a new order each sweep")`,
              hint: 'shuffle the units again at the start of every sweep (from the seeded generator, which moves on), not once before the sweeps',
            };
          }
          orders.push(`${differ} of ${open}`);
        }
      }
    }
    return { passed: true, message: `sweeps = 0 gives x0 back, every row one sweep left unsettled was moved by the later sweeps, and the second sweep visits the units in a new order${orders.length > 0 ? ` (sweeps = 2 differs from the first order applied twice on ${orders.join(', ')} unsettled rows)` : ''}` };
  },

  /**
   * Exact invariant: along recall, one sweep at a time, E(x) = −½ xᵀWx (recomputed here in
   * float64 from the returned states) never rises; states stay ±1 and keep their shape.
   */
  energyNeverRises({ cases, values }): Judgement {
    const lines: string[] = [];
    let picture: TraceChart | undefined;
    for (let c = 0; c < cases.length; c++) {
      const label = cases[c]!.label;
      const x0 = tensorOf(cases[c]!.args[0], 'x0');
      const w = tensorOf(cases[c]!.args[1], 'w').data;
      const sweeps = cases[c]!.args[2] as number;
      const [b, n] = x0.shape as [number, number];
      const s = tensorOf(values[c], `recall's states for ${label}`);
      if (s.shape.join(',') !== [sweeps + 1, b, n].join(',')) return { passed: false, message: `${label}: recall returned shape [${s.shape.slice(1)}], expected [${b}, ${n}] like x0` };
      const bad = notPlusMinusOne(s.data, n);
      if (bad) return { passed: false, message: `${label}: states must stay ±1, but after recall ${bad}`, hint: bad.endsWith(' 0') ? ZERO_HINT : undefined };
      if (Array.from(w).every((v) => v === 0)) {
        for (let k = 0; k < b * n; k++) {
          if (s.data[b * n + k] !== x0.data[k]) {
            return { passed: false, message: `${label}: row ${Math.floor(k / n)}, unit ${k % n} changed from ${x0.data[k]} to ${s.data[b * n + k]} although (Wx)ᵢ = 0`, hint: ZERO_HINT };
          }
        }
        lines.push(`${label}: x unchanged`);
        continue;
      }
      let worst = 0;
      let where = '';
      for (let t = 1; t <= sweeps; t++) {
        for (let r = 0; r < b; r++) {
          const rise = energyOf(s.data, (t * b + r) * n, w, n) - energyOf(s.data, ((t - 1) * b + r) * n, w, n);
          if (rise > worst) [worst, where] = [rise, `row ${r}, sweep ${t}: E went from ${energyOf(s.data, ((t - 1) * b + r) * n, w, n).toFixed(4)} to ${energyOf(s.data, (t * b + r) * n, w, n).toFixed(4)}`];
        }
      }
      // Float32 fields (Wx)ᵢ near 0 may round to the wrong sign: allow a rise of 1e-4.
      if (worst > 1e-4) {
        return {
          passed: false,
          images: [energyPicture(label, s.data, w, sweeps, b, n)],
          message: `${label}: the energy rose along recall (${where}); asynchronous updates xᵢ ← sign((Wx)ᵢ), one unit at a time with x updated in place, can only lower it`,
          hint: 'update the units one at a time, each from the CURRENT x (including the units already updated in this sweep); computing sign(Wx) for all units at once (synchronous update) can raise the energy and oscillate',
        };
      }
      lines.push(`${label}: E never rose over ${sweeps} sweeps`);
      picture ??= energyPicture(label, s.data, w, sweeps, b, n);
    }
    return { passed: true, message: lines.join('; '), images: picture && [picture] };
  },

  /** Probes with 10% of units flipped must come back to their stored pattern exactly (at least 19 of 20). */
  recoversPatterns({ cases, values }): Judgement {
    const c = cases[0]!;
    const truth = tensorOf(c.answers, 'patterns').data;
    const [b, n] = tensorOf(c.args[0], 'probes').shape as [number, number];
    const y = tensorOf(values[0], 'recall(probes)');
    if (y.shape.join(',') !== `${b},${n}`) return { passed: false, message: `recall returned shape [${y.shape}], expected [${b}, ${n}] like x0` };
    const bad = notPlusMinusOne(y.data, n);
    if (bad) return { passed: false, message: `states must stay ±1, but ${bad}`, hint: bad.endsWith(' 0') ? ZERO_HINT : undefined };
    let ok = 0;
    let worst = 0;
    for (let r = 0; r < b; r++) {
      let d = 0;
      for (let i = 0; i < n; i++) if (y.data[r * n + i] !== truth[r * n + i]) d++;
      if (d === 0) ok++;
      worst = Math.max(worst, d);
    }
    const need = b - 1;
    const message = `${ok} of ${b} probes (10% of ${n} units flipped) came back to their stored pattern exactly (need ${need}); the worst ended ${worst} units away`;
    return { passed: ok >= need, message, hint: ok >= need ? undefined : 'start from x0 (a copy), update xᵢ ← sign((Wx)ᵢ) for every unit in each sweep, and return the final state, not x0' };
  },
};
