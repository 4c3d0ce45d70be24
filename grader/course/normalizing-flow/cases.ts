import { twoMoons } from '../../../datasets/index.ts';
import type { Rng } from '../../basics/rng.ts';
import { normalTensor } from '../../inputs/shared.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { tensor, type Case, type Wire } from '../../basics/wire.ts';

/**
 * Inputs of the normalizing-flow checks. A coupling's net is a function, which cannot cross
 * into the sandbox: a case carries the net's weights instead (`NetParams`, plain tensors),
 * and the task (grader/course/normalizing-flow/tasks.ts) builds the function from them:
 *   h = tanh(… tanh(x·W₁ + b₁) …),  s = h·Ws + bs (times sScale·tanh(·) when sScale is set),  t = h·Wt + bt.
 */
export interface NetParams {
  [key: string]: Wire;
  hidden: { w: Wire; b: Wire }[];
  ws: Wire;
  bs: Wire;
  wt: Wire;
  bt: Wire;
}

/** The two-moons data of the training check (datasets/twoMoons). */
export const MOONS = { train: 2000, test: 1000, noise: 0.08 } as const;

/** A random one-hidden-layer net for a width-d coupling; `sStd` sets the spread of s. */
export function randomNet(rng: Rng, d: number, hidden = 8, sStd = 0.5): NetParams {
  return {
    hidden: [{ w: normalTensor(rng.fork('w1'), [d, hidden], 1 / Math.sqrt(d)), b: normalTensor(rng.fork('b1'), [hidden], 0.3) }],
    ws: normalTensor(rng.fork('ws'), [hidden, d], sStd / Math.sqrt(hidden)),
    bs: normalTensor(rng.fork('bs'), [d], 0.3),
    wt: normalTensor(rng.fork('wt'), [hidden, d], 1 / Math.sqrt(hidden)),
    bt: normalTensor(rng.fork('bt'), [d], 0.5),
  };
}

/** A net whose weights are 0: s = bs and t = bt whatever the input (bs = bt = 0: the identity). */
export function constantNet(d: number, s: number[], t: number[], hidden = 4): NetParams {
  return {
    hidden: [{ w: tensor([d, hidden], new Array(d * hidden).fill(0)), b: tensor([hidden], new Array(hidden).fill(0)) }],
    ws: tensor([hidden, d], new Array(hidden * d).fill(0)),
    bs: tensor([d], s),
    wt: tensor([hidden, d], new Array(hidden * d).fill(0)),
    bt: tensor([d], t),
  };
}

const maskOf = (bits: number[]) => tensor([bits.length], bits);

/** [x or y, mask, net] for one coupling: both halves, uneven halves, one example, all-ones mask, constant nets. */
function couplingCases(rng: Rng): Case[] {
  const one = (label: string, n: number, bits: number[], net: NetParams, xStd = 1): Case => ({
    label,
    args: [normalTensor(rng.fork(`${label}/x`), [n, bits.length], xStd), maskOf(bits), net],
  });
  return [
    one('d = 2, mask [1, 0], N = 8', 8, [1, 0], randomNet(rng.fork('a'), 2)),
    one('d = 2, mask [0, 1], N = 8', 8, [0, 1], randomNet(rng.fork('b'), 2)),
    one('d = 4, mask [1, 0, 1, 0] (checkerboard), N = 16', 16, [1, 0, 1, 0], randomNet(rng.fork('c'), 4, 16)),
    one('d = 5, mask [1, 1, 0, 0, 0] (uneven halves), N = 6, larger s', 6, [1, 1, 0, 0, 0], randomNet(rng.fork('d'), 5, 8, 1.5)),
    one('d = 3, mask [0, 1, 0], a single example', 1, [0, 1, 0], randomNet(rng.fork('e'), 3)),
    one('d = 3, mask [1, 1, 1] (nothing transformed: y = x, logDet = 0)', 4, [1, 1, 1], randomNet(rng.fork('f'), 3)),
    one('d = 2, mask [1, 0], constant net s = [0.3, −0.7], t = [1, 2]', 5, [1, 0], constantNet(2, [0.3, -0.7], [1, 2])),
    one('d = 2, mask [0, 1], x of std 4', 8, [0, 1], randomNet(rng.fork('g'), 2), 4),
  ];
}

type LayerSpec = { mask: Wire; net: NetParams };

function layersOf(rng: Rng, masks: number[][], hidden = 8, sStd = 0.5): LayerSpec[] {
  return masks.map((bits, i) => ({ mask: maskOf(bits), net: randomNet(rng.fork(`layer${i}`), bits.length, hidden, sStd) }));
}

/** [x, layers]: stacks whose layers do not commute, zero nets (then log p = log N(x; 0, I)), one layer. */
function flowCases(rng: Rng): Case[] {
  const x = (label: string, n: number, d: number, std = 1) => normalTensor(rng.fork(`${label}/x`), [n, d], std);
  const alt2 = [[1, 0], [0, 1], [1, 0], [0, 1]];
  return [
    { label: 'd = 2, 4 layers, masks [1,0] [0,1] [1,0] [0,1], N = 10', args: [x('a', 10, 2), layersOf(rng.fork('a'), alt2)] },
    { label: 'd = 3, 3 layers, masks [1,0,0] [0,1,1] [1,1,0], N = 7', args: [x('b', 7, 3), layersOf(rng.fork('b'), [[1, 0, 0], [0, 1, 1], [1, 1, 0]], 8, 0.8)] },
    { label: 'd = 4, 2 layers with zero nets (the flow is the identity: log p = log N(x; 0, I))', args: [x('c', 6, 4), [0, 1].map((i) => ({ mask: maskOf(i ? [0, 1, 0, 1] : [1, 0, 1, 0]), net: constantNet(4, [0, 0, 0, 0], [0, 0, 0, 0]) }))] },
    { label: 'd = 2, one layer, mask [0, 1], N = 5', args: [x('d', 5, 2, 2), layersOf(rng.fork('d'), [[0, 1]])] },
    { label: 'd = 2, no layers (log p = log N(x; 0, I))', args: [x('e', 4, 2), []] },
  ];
}

/** Central-difference step of the Jacobian checks (float32 inputs; the judge differences in float64). */
export const JACOBIAN_STEP = 1e-2;

export const cases: Record<string, CaseRecipe> = {
  /** couplingForward(x, mask, net) and couplingInverse(y, mask, net): args [x or y, mask, net params]. */
  coupling: couplingCases,
  /** flowLogProb(x, layers): args [x, [{mask, net params}]]. */
  flow: flowCases,
  /** The coupling cases again, with the step h of the numeric Jacobian: args [x, mask, net, h]. */
  couplingJacobian: (rng) => couplingCases(rng).map((c) => ({ ...c, args: [...c.args, JACOBIAN_STEP] })),
  /** The flow cases with at least one layer, with the step h: args [x, layers, h]. */
  flowJacobian: (rng) => flowCases(rng).filter((c) => (c.args[1] as Wire[]).length > 0).map((c) => ({ ...c, args: [...c.args, JACOBIAN_STEP] })),
  /** Two moons: args [train [2000, 2], test [1000, 2]], one draw split in two. */
  moons: (rng) => {
    const n = MOONS.train + MOONS.test;
    const { x } = twoMoons(n, MOONS.noise, rng.seed32());
    return [
      {
        label: `two moons, noise ${MOONS.noise}: ${MOONS.train} training and ${MOONS.test} held-out points`,
        args: [tensor([MOONS.train, 2], x.subarray(0, 2 * MOONS.train)), tensor([MOONS.test, 2], x.subarray(2 * MOONS.train))],
      },
    ];
  },
};
