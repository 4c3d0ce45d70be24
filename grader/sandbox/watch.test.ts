import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backends/select.ts';
import { UsageWatch } from './watch.ts';

describe('UsageWatch', () => {
  const watch = new UsageWatch();
  let stf: typeof tf;

  beforeAll(async () => {
    await selectBackend('wasm');
    watch.installKernelHooks();
    stf = watch.studentTf();
  });

  const usage = (fn: () => unknown) => {
    watch.reset();
    tf.tidy(() => {
      watch.wrap(fn)();
    });
    return { kernels: [...watch.kernels], names: [...watch.names] };
  };

  it('when the student calls a built-in by its name then both the name and its kernel are recorded', () => {
    const u = usage(() => stf.sigmoid(stf.tensor1d([1, 2])));
    expect(u.names).toContain('sigmoid');
    expect(u.kernels).toContain('Sigmoid');
  });

  it('when the built-in is reached by a computed name then the name is still recorded', () => {
    const u = usage(() => (stf as unknown as Record<string, (x: tf.Tensor) => tf.Tensor>)['sig' + 'moid']!(stf.tensor1d([1])));
    expect(u.names).toContain('sigmoid');
  });

  it('when the built-in is reached through a tensor method then the method and the kernel are recorded', () => {
    const u = usage(() => stf.tensor1d([1, -1]).relu());
    expect(u.names).toContain('relu');
    expect(u.kernels).toContain('Relu');
  });

  it('when a namespace member is used then it is recorded with its namespace', () => {
    const u = usage(() => stf.losses.meanSquaredError(stf.tensor1d([1]), stf.tensor1d([2])));
    expect(u.names).toContain('losses.meanSquaredError');
  });

  it('when the real tf module is used (not the student proxy) then the kernel still shows', () => {
    const u = usage(() => tf.conv2d(tf.zeros([1, 4, 4, 1]) as tf.Tensor4D, tf.zeros([2, 2, 1, 1]) as tf.Tensor4D, 1, 'valid'));
    expect(u.kernels).toContain('Conv2D');
  });

  it('when kernels run outside the student function then they are not recorded', () => {
    watch.reset();
    tf.tidy(() => tf.sigmoid(tf.tensor1d([1])));
    expect([...watch.kernels]).not.toContain('Sigmoid');
  });

  it('when primitives only are used then no forbidden kernel appears', () => {
    const u = usage(() => stf.div(1, stf.add(1, stf.exp(stf.neg(stf.tensor1d([0.5]))))));
    expect(u.kernels.sort()).toEqual(expect.arrayContaining(['Exp', 'Neg']));
    expect(u.kernels).not.toContain('Sigmoid');
  });
});
