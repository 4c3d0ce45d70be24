import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tensor } from '../basics/wire.ts';
import { decodeFixtures, encodeFixtures, FixtureFileError, hashCases } from './fixture-file.ts';

describe('fixture file', () => {
  it('when values go through encode and decode then they come back exactly, tensors, special numbers and all', () => {
    const value = {
      f: tensor([2, 3], [1.5, -0, Math.PI, Number.NaN, Infinity, 1e-45]),
      i: tensor([3], [-(2 ** 31), 0, 2 ** 31 - 1], 'int32'),
      b: tensor([5], [1, 0, 1, 1, 0], 'bool'),
      nested: [{ ok: true, value: [tensor([], [7]), 'text', null] }, { ok: false, error: { name: 'Error', message: 'x' } }],
      numbers: [Number.NaN, -Infinity, -0, 0.1],
    };
    const back = decodeFixtures<typeof value>(encodeFixtures(value));
    expect(back).toEqual(value);
    expect(Object.is(back.numbers[2], -0)).toBe(true);
    expect(Object.is(back.f.$tensor.data[1], -0)).toBe(true);
    expect(back.f.$tensor.data).toBeInstanceOf(Float32Array);
    expect(back.i.$tensor.data).toBeInstanceOf(Int32Array);
    expect(back.b.$tensor.data).toBeInstanceOf(Uint8Array);
  });

  it('when a tensor is a view into a larger buffer then only its own values are stored', () => {
    const big = new Float32Array(1000).fill(3);
    const view = { $tensor: { shape: [2], dtype: 'float32' as const, data: big.subarray(10, 12) } };
    const bytes = encodeFixtures({ view });
    expect(decodeFixtures<{ view: typeof view }>(bytes).view.$tensor.data).toEqual(new Float32Array([3, 3]));
    expect(zlib.gunzipSync(bytes).length).toBeLessThan(200);
  });

  it('when the file is not a fixture file, or cut short, then it says so', () => {
    expect(() => decodeFixtures(Buffer.from('hello'))).toThrow(new FixtureFileError('not a gzip file'));
    expect(() => decodeFixtures(zlib.gzipSync(Buffer.from('PNG....')))).toThrow(/bad magic/);
    const whole = zlib.gunzipSync(encodeFixtures({ t: tensor([4], [1, 2, 3, 4]) }));
    expect(() => decodeFixtures(zlib.gzipSync(whole.subarray(0, whole.length - 8)))).toThrow(/runs past the end/);
  });

  it('when cases differ in any value, label or held-out answer then their hashes differ', () => {
    const cases = [{ label: 'a', args: [tensor([2], [1, 2]), { k: 3 }], answers: tensor([1], [0], 'int32') }];
    const h = hashCases(cases);
    expect(hashCases(structuredClone(cases))).toBe(h);
    expect(hashCases([{ ...cases[0]!, label: 'b' }])).not.toBe(h);
    expect(hashCases([{ ...cases[0]!, args: [tensor([2], [1, 2.0000002]), { k: 3 }] }])).not.toBe(h);
    expect(hashCases([{ ...cases[0]!, answers: tensor([1], [1], 'int32') }])).not.toBe(h);
    expect(hashCases([{ ...cases[0]!, args: [tensor([1, 2], [1, 2]), { k: 3 }] }])).not.toBe(h);
  });
});
