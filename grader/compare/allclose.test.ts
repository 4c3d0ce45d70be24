import { describe, expect, it } from 'vitest';
import { tensor } from '../basics/wire.ts';
import { compareWire } from './allclose.ts';

const tol = { rtol: 1e-5, atol: 1e-6 };

describe('compareWire', () => {
  it('when values agree within atol + rtol·|expected| then there is no mismatch', () => {
    expect(compareWire(tensor([2], [1, 100]), tensor([2], [1 + 5e-7, 100 + 9e-4]), tol)).toBeNull();
  });

  it('when offFraction is given then that share of elements may be off, and one more is a mismatch', () => {
    const exp = tensor([10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const oneOff = tensor([10], [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN]);
    const twoOff = tensor([10], [1, 2, 3, 4, 5, 6, 7, 8, 0, NaN]);
    expect(compareWire(exp, oneOff, { rtol: 0, atol: 0 })).not.toBeNull();
    expect(compareWire(exp, oneOff, { rtol: 0, atol: 0, offFraction: 0.1 })).toBeNull();
    expect(compareWire(exp, twoOff, { rtol: 0, atol: 0, offFraction: 0.1 })?.message).toMatch(/2 of 10 elements differ/);
  });

  it('when values differ then the worst element is reported with its multi-dimensional index', () => {
    const m = compareWire(tensor([2, 2], [0, 1, 2, 3]), tensor([2, 2], [0, 1.1, 2, 3.5]), tol);
    expect(m?.message).toBe('the output[1, 1]: expected 3, got 3.5 (|diff| 0.5 > 0.000031 allowed); 2 of 4 elements differ');
  });

  it('when the shape differs then the message gives both shapes', () => {
    expect(compareWire(tensor([2, 3], new Array(6).fill(0)), tensor([3, 2], new Array(6).fill(0)), tol)?.message).toBe('the output: expected shape [2, 3], got [3, 2]');
  });

  it('when the dtype differs then the message gives both dtypes', () => {
    expect(compareWire(tensor([2], [1, 2], 'int32'), tensor([2], [1, 2]), tol)?.message).toBe('the output: expected dtype int32, got float32');
  });

  it('when the result has NaN or Inf where a number is expected then that is named first', () => {
    expect(compareWire(tensor([3], [1, 2, 3]), tensor([3], [1, NaN, 3]), tol)?.message).toMatch(/^NaN at the output\[1\] \(expected 2\)/);
    expect(compareWire(tensor([3], [1, 2, 3]), tensor([3], [1, 2, -Infinity]), tol)?.message).toMatch(/^-Inf at the output\[2\] \(expected 3\)/);
  });

  it('when NaN is expected then NaN matches', () => {
    expect(compareWire(tensor([1], [NaN]), tensor([1], [NaN]), tol)).toBeNull();
  });

  it('when nested structures differ then the path names the element', () => {
    const exp = { params: [tensor([1], [1]), tensor([1], [2])], t: 3 };
    expect(compareWire(exp, { params: [tensor([1], [1]), tensor([1], [5])], t: 3 }, tol)?.message).toMatch(/^params\[1\]\[0\]: expected 2, got 5/);
    expect(compareWire(exp, { params: [tensor([1], [1])], t: 3 }, tol)?.message).toBe('params: expected 2 elements, got 1');
    expect(compareWire(exp, { params: exp.params, t: 4 }, { rtol: 0, atol: 0 })?.message).toMatch(/^t: expected 3, got 4/);
    expect(compareWire(exp, { params: exp.params }, tol)?.message).toBe('t: missing (expected number 3)');
  });

  it('when a tensor is expected and a plain number comes then the message says what came', () => {
    expect(compareWire(tensor([2], [1, 2]), 3, tol)?.message).toBe('the output: expected a tensor of shape [2], got number 3');
  });
});
