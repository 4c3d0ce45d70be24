import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';
import { expectClose, onBothBackends, values } from './kernel-test-support.ts';

/** The wasm backend's count of live buffers (tensors sharing one count once). */
const dataIds = () => tf.backend().numDataIds();

describe('wasm Identity and same-dtype Cast share their input\'s buffer', () => {
  it('a clone outlives its source: disposing either leaves the other readable, the buffer goes with the last', async () => {
    await selectBackend('wasm');
    const before = dataIds();
    const x = tf.tensor2d(values(12, 1), [3, 4]);
    const want = x.dataSync().slice();
    const y = tf.clone(x);
    expect(dataIds()).toBe(before + 1); // one buffer, two tensors
    x.dispose();
    expect(y.dataSync()).toEqual(want);
    y.dispose();
    expect(dataIds()).toBe(before);
  });

  it('a Cast to the same dtype shares; a Cast to another dtype still converts as before', async () => {
    await selectBackend('wasm');
    const before = dataIds();
    const x = tf.tensor1d([1.5, -2.25, 0, 3]);
    const same = tf.cast(x, 'float32');
    expect(dataIds()).toBe(before + 1);
    const asInt = tf.cast(x, 'int32');
    expect(asInt.dtype).toBe('int32');
    expect(Array.from(asInt.dataSync())).toEqual([1, -2, 0, 3]);
    const ints = tf.tensor1d([1, 2, 3], 'int32');
    const intSame = tf.cast(ints, 'int32');
    expect(Array.from(intSame.dataSync())).toEqual([1, 2, 3]);
    tf.dispose([x, same, asInt, ints, intSame]);
    expect(dataIds()).toBe(before);
  });

  it('strings and empty tensors still work', async () => {
    await selectBackend('wasm');
    const s = tf.tensor1d(['a', 'bc']);
    const sc = tf.clone(s);
    s.dispose();
    expect(sc.dataSync()).toEqual(['a', 'bc']);
    sc.dispose();
    const e = tf.zeros([0, 3]);
    const ec = tf.clone(e);
    expect(ec.shape).toEqual([0, 3]);
    tf.dispose([e, ec]);
  });

  it('a training step that saves tensors for its gradient gives cpu\'s gradient and leaks no buffer', async () => {
    // tf.grad's tape clones (Identity) every saved input/output: the relu and the conv below save theirs.
    const f = () => {
      const x = tf.tensor4d(values(2 * 6 * 6 * 3, 2), [2, 6, 6, 3]);
      const w = tf.tensor4d(values(3 * 3 * 3 * 4, 3), [3, 3, 3, 4]);
      return tf.grad((v) => tf.sum(tf.square(tf.relu(tf.conv2d(x, v as tf.Tensor4D, 1, 'same')))))(w);
    };
    const { cpu, wasm } = await onBothBackends(f);
    expectClose(wasm, cpu, 'dW');
    await selectBackend('wasm');
    const before = { tensors: tf.memory().numTensors, ids: dataIds() };
    tf.tidy(f).dispose();
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(dataIds()).toBe(before.ids);
  });
});
