import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { tensor } from '../basics/wire.ts';
import { mismatchesAtZeroInputs, readmeSection, trapOfError, trapOfGradientMismatch } from './tfjs-traps.ts';

/** The error tfjs itself throws for f (the rules must match tfjs's real messages, not copies of them). */
function errorOf(f: () => unknown): Error {
  try {
    tf.tidy(() => {
      f();
    });
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected tfjs to throw: this trap no longer exists in this tfjs version');
}

const ones = () => tf.ones([4]);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trapOfError: ops tfjs cannot differentiate', () => {
  const cases: [string, string, () => unknown, RegExp][] = [
    ['tf.stridedSlice', 'StridedSlice', () => tf.grad((x: tf.Tensor) => tf.sum(tf.stridedSlice(x, [0], [4], [2])))(ones()), /tf\.slice.*tf\.pad.*tf\.reshape|tf\.gather/],
    ['tf.greater', 'Greater', () => tf.grad((x: tf.Tensor) => tf.sum(tf.where(tf.greater(x, 0), x, tf.zerosLike(x))))(ones()), /tf\.greaterEqual/],
    ['tf.less', 'Less', () => tf.grad((x: tf.Tensor) => tf.sum(tf.where(tf.less(x, 0), x, tf.zerosLike(x))))(ones()), /tf\.greaterEqual/],
    ['tf.equal', 'Equal', () => tf.grad((x: tf.Tensor) => tf.sum(tf.where(tf.equal(x, 0), x, tf.zerosLike(x))))(ones()), /tf\.step/],
    ['tf.einsum', 'Einsum', () => tf.grad((x: tf.Tensor) => tf.sum(tf.einsum('i,i->', x, x)))(ones()), /tf\.matMul/],
  ];
  for (const [op, kernel, f, instead] of cases) {
    it(`when tf.grad meets ${op} then the cause names ${op} and ${kernel}, the hint says what to use and where the README explains it`, () => {
      const trap = trapOfError(errorOf(f), undefined, 'sgd');
      expect(trap, 'no trap recognised').not.toBeNull();
      expect(trap!.cause).toContain(op);
      expect(trap!.cause).toContain(kernel);
      expect(trap!.hint).toMatch(instead);
      expect(trap!.hint).toMatch(/\(see exercises\/[\w-]+\/README\.md, section "[^"]+"\)/);
    });
  }

  it("when the student's own README explains the trap then the hint points there, else to the README that does", () => {
    const e = errorOf(() => tf.grad((x: tf.Tensor) => tf.sum(tf.stridedSlice(x, [0], [4], [2])))(ones()));
    expect(trapOfError(e, undefined, 'max-pool')!.hint).toMatch(/exercises\/max-pool\/README\.md, section "Task"/);
    expect(trapOfError(e, undefined, 'sgd')!.hint).toMatch(/exercises\/conv2d\/README\.md, section "Task"/);
  });

  it('when a kernel without a gradient is not in the table then the hint still names it and gives the general way out', () => {
    const trap = trapOfError({ name: 'Error', message: 'Cannot compute gradient: gradient function not found for Bincount.' });
    expect(trap!.cause).toMatch(/kernel Bincount/);
    expect(trap!.hint).toMatch(/out of the differentiated path/);
  });
});

describe('trapOfError: tf.grad nested inside a tf.customGrad gradient', () => {
  const nested = () =>
    errorOf(() => {
      const f = tf.customGrad(((x: tf.Tensor, save: (ts: tf.Tensor[]) => void) => {
        save([x]);
        return { value: tf.square(x), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(tf.grad((z: tf.Tensor) => tf.sum(tf.square(z)))(saved[0]!), dy) };
      }) as unknown as Parameters<typeof tf.customGrad>[0]);
      tf.grad((x: tf.Tensor) => tf.sum(f(x) as tf.Tensor))(ones());
    });

  it('when the code used both customGrad and grad then the trap names the nesting and where the README says so', () => {
    const e = nested();
    expect(e.message).toMatch(/reading 'forEach'/);
    const trap = trapOfError(e, { names: ['tf.customGrad', 'tf.grad', 'tf.square'] }, 'max-pool');
    expect(trap!.cause).toMatch(/tf\.grad .* inside a tf\.customGrad gradFunc/);
    expect(trap!.hint).toMatch(/exercises\/max-pool\/README\.md/);
  });

  it('when the code did not use tf.grad then the same TypeError is no trap of this kind', () => {
    expect(trapOfError(nested(), { names: ['tf.customGrad'] }, 'max-pool')).toBeNull();
  });
});

describe('trapOfError: README pointers of the ops without a gradient', () => {
  it('tf.gatherND points at softmax-cross-entropy and tf.einsum at conv2d, the READMEs that name them', () => {
    expect(trapOfError({ name: 'Error', message: 'Cannot compute gradient: gradient function not found for GatherNd.' }, undefined, 'sgd')!.hint).toMatch(/exercises\/softmax-cross-entropy\/README\.md/);
    expect(trapOfError({ name: 'Error', message: 'Cannot compute gradient: gradient function not found for Einsum.' }, undefined, 'sgd')!.hint).toMatch(/exercises\/conv2d\/README\.md/);
  });
});

describe('trapOfError: a layers model whose outputs do not reach its inputs', () => {
  it('when an array handed to concatenate().apply is pushed to afterwards then the trap names the kept array and the copy', () => {
    const e = errorOf(() => {
      const input = tf.input({ shape: [4] });
      const features: tf.SymbolicTensor[] = [input];
      for (let i = 0; i < 2; i++) {
        const y = tf.layers.dense({ units: 2 }).apply(tf.layers.concatenate().apply(features.length > 1 ? features : [input, input])) as tf.SymbolicTensor;
        features.push(y); // tfjs kept `features` itself: the concatenate above now has an input it never saw
      }
      tf.model({ inputs: input, outputs: tf.layers.concatenate().apply(features) as tf.SymbolicTensor });
    });
    expect(e.message).toMatch(/Graph disconnected/);
    const trap = trapOfError(e, undefined, 'densenet');
    expect(trap!.cause).toMatch(/Graph disconnected/);
    expect(trap!.hint).toMatch(/apply\(\[\.\.\.features\]\)/);
    expect(trap!.hint).toMatch(/second tf\.input/);
  });
});

describe("trapOfError: a tensor used after it was disposed (tfjs says only \"reading 'backend'\")", () => {
  const logSigmoid = () => errorOf(() => tf.grad((x: tf.Tensor) => tf.mean(tf.logSigmoid(tf.neg(x))))(ones()));
  const customGrad = () =>
    errorOf(() =>
      tf.grad((x: tf.Tensor) => {
        const f = tf.customGrad(((a: tf.Tensor) => {
          const s = tf.sigmoid(a);
          // The mistake: gradFunc closes over s instead of passing it through save([s]).
          return { value: tf.mul(s, 2), gradFunc: (dy: tf.Tensor) => tf.mul(dy, tf.mul(s, tf.sub(1, s))) };
        }) as Parameters<typeof tf.customGrad>[0]);
        return tf.sum(f(tf.mul(x, 2)) as tf.Tensor);
      })(ones()),
    );

  it('when tf.logSigmoid of a computed tensor is differentiated then the hint gives the softplus identity and the gan README section', () => {
    const e = logSigmoid();
    expect(e.name).toBe('TypeError');
    const trap = trapOfError(e, { names: ['logSigmoid', 'mean', 'neg'] }, 'gan');
    expect(trap!.cause).toMatch(/tf\.logSigmoid of a computed tensor/);
    expect(trap!.hint).toMatch(/tf\.neg\(tf\.softplus\(tf\.neg\(z\)\)\)/);
    expect(trap!.hint).toMatch(/exercises\/gan\/README\.md, section "[^"]+"/);
    expect(trap!.hint).not.toMatch(/customGrad/);
  });

  it('when the softplus identity the hint gives replaces tf.logSigmoid(tf.neg(x)) then the gradient is computed and is −σ(x)', () => {
    const xs = [-30, -2, 0, 3, 30];
    const g = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.neg(tf.softplus(tf.neg(tf.neg(v))))))(tf.tensor1d(xs)).dataSync());
    xs.forEach((x, i) => expect(g[i]).toBeCloseTo(-1 / (1 + Math.exp(-x)), 6));
  });

  it('when a tf.customGrad gradFunc closes over a forward tensor then the hint says save()', () => {
    const trap = trapOfError(customGrad(), { names: ['customGrad', 'sigmoid', 'mul', 'sub', 'sum'] }, 'dense');
    expect(trap!.cause).toMatch(/tf\.customGrad gradFunc/);
    expect(trap!.hint).toMatch(/save\(\[\.\.\.\]\)/);
    expect(trap!.hint).not.toMatch(/logSigmoid/);
  });

  it('when an input the student disposed is used again then the hint says not to dispose inputs', () => {
    const e = errorOf(() => {
      const t = tf.ones([2]);
      t.dispose();
      return tf.add(t, 1);
    });
    const trap = trapOfError(e, { names: ['add', 'dispose'] }, 'sgd');
    expect(trap!.hint).toMatch(/do not dispose your function's inputs/);
    expect(trap!.hint).toMatch(/exercises\/dense\/README\.md, section "[^"]+"/);
  });

  it('when what the code touched is unknown (the whole run failed) then every likely cause is listed', () => {
    const trap = trapOfError(logSigmoid(), undefined, 'gan');
    expect(trap!.hint).toMatch(/Likely causes: tf\.logSigmoid.*tf\.customGrad.*disposed by your code/);
  });
});

describe('trapOfError: an output not connected to the input', () => {
  it('when a value takes a round trip through arraySync then the hint says tf.grad follows only tf ops', () => {
    const e = errorOf(() => tf.grad((x: tf.Tensor) => tf.sum(tf.tensor(x.arraySync() as number[])))(ones()));
    const trap = trapOfError(e, undefined, 'sgd');
    expect(trap!.cause).toMatch(/does not depend on the differentiated input/);
    expect(trap!.hint).toMatch(/dataSync\(\)\/arraySync\(\)/);
  });

  it('when an error is a plain student mistake then no trap is claimed', () => {
    expect(trapOfError(errorOf(() => tf.add(tf.ones([2]), tf.ones([3]))), undefined, 'sgd')).toBeNull();
    expect(trapOfError({ name: 'TypeError', message: "Cannot read properties of undefined (reading 'shape')" })).toBeNull();
  });
});

describe('trapOfError: a gradient that ignores broadcasting', () => {
  it('when tf.squaredDifference broadcasts [1, 3] against [4, 3] under tf.grad then the hint says tf.square(tf.sub(a, b)) and points at the batchnorm README', () => {
    const e = errorOf(() => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.squaredDifference(a, b)))([tf.ones([4, 3]), tf.ones([1, 3])]));
    const trap = trapOfError(e, undefined, 'mle');
    expect(trap!.cause).toMatch(/tf\.squaredDifference on inputs of different shapes/);
    expect(trap!.hint).toMatch(/tf\.square\(tf\.sub\(a, b\)\).*exercises\/batchnorm\/README\.md, section "Task"/);
  });
});

describe('trapOfError: the other gradient bugs and index dtypes the parity sweep found', () => {
  it('when tf.maximum of two differentiated tensors broadcasts then the hint says to broadcastTo first', () => {
    const e = errorOf(() => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.maximum(a, b)))([tf.ones([2, 3]), tf.ones([1, 3])]));
    const trap = trapOfError(e, undefined, 'max-pool');
    expect(trap!.cause).toMatch(/tf\.maximum on inputs of different shapes/);
    expect(trap!.hint).toMatch(/tf\.broadcastTo\(b, a\.shape\)/);
  });

  it('when tf.cumsum along axis 0 is differentiated then the hint gives the transpose that works, and that transpose does work', () => {
    const weights = () => tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const e = errorOf(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.cumsum(a, 0), weights())))(tf.ones([3, 2])));
    const trap = trapOfError(e, undefined, 'sgd');
    expect(trap!.cause).toMatch(/tf\.cumsum along an axis other than the last/);
    expect(trap!.hint).toMatch(/tf\.transpose\(tf\.cumsum\(tf\.transpose\(x\), 1\)\)/);
    // The workaround's gradient: d/dx[i, j] = Σ_{r ≥ i} weights[r, j].
    const g = tf.tidy(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.transpose(tf.cumsum(tf.transpose(a), 1)), weights())))(tf.ones([3, 2])).arraySync());
    expect(g).toEqual([[9, 12], [8, 10], [5, 6]]);
  });

  it('when tf.einsum gets three operands then the hint says to contract two at a time', () => {
    const e = errorOf(() => tf.einsum('i,ij,j->', tf.ones([2]), tf.ones([2, 2]), tf.ones([2])));
    expect(trapOfError(e, undefined, 'hopfield')!.hint).toMatch(/two operands at a time/);
  });

  it('when tf.gather gets float32 indices then the hint says how to make them int32', () => {
    const e = errorOf(() => tf.gather(tf.ones([3]), tf.mul(tf.tensor1d([0, 1], 'int32'), 2)));
    const trap = trapOfError(e, undefined, 'softmax-cross-entropy');
    expect(trap!.cause).toMatch(/tf\.gather's indices must be an int32 tensor/);
    expect(trap!.hint).toMatch(/tf\.scalar\(k, 'int32'\).*exercises\/softmax-cross-entropy\/README\.md, section "The formulas"/);
  });
});

describe('trapOfGradientMismatch: wrong only where the input is exactly 0 (tfjs subgradient choices)', () => {
  const tol = { rtol: 1e-5, atol: 1e-6 };
  /** The gradient-task result { "0": d/dx Σ f(x) } of f on cpu, for inputs xs. */
  function gradientOf(f: (x: tf.Tensor) => tf.Tensor, xs: number[]) {
    const g = tf.tidy(() => Array.from(tf.grad((x: tf.Tensor) => tf.sum(f(x)))(tf.tensor1d(xs)).dataSync()));
    return { '0': tensor([xs.length], g) };
  }
  const xs = [-2, 0, 0.5, 3];
  const sigma = (x: number) => 1 / (1 + Math.exp(-x));

  it('when σ is built on tf.abs then only the element at x = 0 is off, and the trap says how to write −|x|', () => {
    const absSigmoid = (x: tf.Tensor) => {
      const e = tf.exp(tf.neg(tf.abs(x)));
      return tf.where(tf.greaterEqual(x, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
    };
    const got = gradientOf(absSigmoid, xs);
    expect(got['0'].$tensor.data[1]).toBeCloseTo(-0.25, 6); // tfjs's choice, the reason for the trap
    const exact = { '0': tensor([4], xs.map((x) => sigma(x) * (1 - sigma(x)))) };
    const trap = trapOfGradientMismatch(exact, got, [tensor([4], xs)], tol, 'dense');
    expect(trap!.cause).toMatch(/off only where the input is exactly 0 \(1 of 4 elements\)/);
    expect(trap!.hint).toMatch(/tf\.where\(tf\.greaterEqual\(x, 0\), tf\.neg\(x\), x\).*exercises\/dense\/README\.md, section "The formulas"/);
  });

  it('when softplus is max(z, 0) + log1p(e^−|z|) with tf.relu and a tf.where |z| then it is off by 1 at 0 only, and tf.relu with tf.abs is right', () => {
    const whereAbs = (z: tf.Tensor) => tf.where(tf.greaterEqual(z, 0), z, tf.neg(z));
    const mismatched = (z: tf.Tensor) => tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(whereAbs(z)))));
    const agreeing = (z: tf.Tensor) => tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    const exact = { '0': tensor([4], xs.map(sigma)) };
    const args = [tensor([4], xs)];
    const got = gradientOf(mismatched, xs);
    expect(got['0'].$tensor.data[1]).toBeCloseTo(-0.5, 6); // σ(0) = 0.5 expected
    expect(trapOfGradientMismatch(exact, got, args, tol, 'gan')!.hint).toMatch(/pair tf\.relu with tf\.abs/);
    expect(trapOfGradientMismatch(exact, gradientOf(agreeing, xs), args, tol, 'gan')).toBeNull(); // nothing differs
  });

  it('when a difference lies where the input is not 0, or the gradient is not shaped like its input, then no trap is claimed', () => {
    const exact = { '0': tensor([4], [1, 2, 3, 4]) };
    const args = [tensor([4], xs)];
    expect(trapOfGradientMismatch(exact, { '0': tensor([4], [1, 2, 3, 5]) }, args, tol)).toBeNull(); // x = 3 there
    expect(mismatchesAtZeroInputs(exact, { '0': tensor([4], [1, 9, 3, 4]) }, [tensor([2], [0, 0])], tol)).toBeNull();
    expect(mismatchesAtZeroInputs(exact, { '0': tensor([4], [1, 9, 3, 4]) }, args, tol)).toEqual({ differing: 1, total: 4 });
    // Paths into nested arguments (regularization's params[k]).
    expect(mismatchesAtZeroInputs({ '0.1': tensor([2], [1, 1]) }, { '0.1': tensor([2], [1, -1]) }, [[tensor([1], [5]), tensor([2], [2, 0])]], tol)).toEqual({ differing: 1, total: 2 });
  });
});

describe('readmeSection', () => {
  it('names the heading above the first line that matches, and null for an unknown exercise or text', () => {
    expect(readmeSection('dense', /gradient function not found for Greater/)).toBe('exercises/dense/README.md, section "The formulas"');
    expect(readmeSection('no-such-exercise', /x/)).toBeNull();
    expect(readmeSection('dense', /a sentence no README has, 8f3c1/)).toBeNull();
  });
});
