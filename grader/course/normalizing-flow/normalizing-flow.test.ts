import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'normalizing-flow';
const FORWARD = 'coupling forward values (y and logDet)';
const INVERSE = 'coupling inverse values';
const FLOW = 'flowLogProb values';
const FORWARD_GRAD = "coupling gradient w.r.t. x and the net's weights";
const FLOW_GRAD = "flowLogProb gradient w.r.t. x and every layer's weights";
const JACOBIAN = 'inverse undoes forward, logDet = log|det| of the numeric Jacobian';
const CHANGE = 'flowLogProb = change of variables through the layers in order';
const MOONS = 'RealNVP on two moons: held-out NLL';

describe(ID, () => {
  it('when logDet has the wrong sign then the values, the Jacobian check and the trained NLL fail, each with the sign hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'logdet-sign'));
    for (const name of [FORWARD, FLOW, FORWARD_GRAD, FLOW_GRAD]) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/logDet = −Σ \(1 − mask\)·s/);
    }
    expect(check(r, INVERSE).passed).toBe(true);
    expect(check(r, JACOBIAN).passed).toBe(false);
    expect(check(r, JACOBIAN).hint).toMatch(/wrong sign/);
    expect(check(r, CHANGE).passed).toBe(false);
    // The trained flow is scored by its own change of variables: its claimed likelihood cannot flatter it.
    expect(check(r, MOONS).passed).toBe(false);
    expect(check(r, MOONS).message).toMatch(/your flowLogProb reports -\d/);
    expect(check(r, MOONS).hint).toMatch(/disagrees with the change of variables/);
  }, 120_000);

  it('when the inverse divides before shifting and log N lacks its constant then those checks fail with their hints, and the trained NLL still passes', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'inverse-order-no-constant'));
    expect(check(r, FORWARD).passed, summary(r)).toBe(true);
    expect(check(r, INVERSE).passed).toBe(false);
    expect(check(r, INVERSE).hint).toMatch(/subtracting t first/);
    expect(check(r, FLOW).passed).toBe(false);
    expect(check(r, FLOW).hint).toMatch(/without its constant/);
    expect(check(r, JACOBIAN).passed).toBe(false);
    expect(check(r, JACOBIAN).message).toMatch(/couplingInverse\(couplingForward\(x\)\) differs from x/);
    expect(check(r, CHANGE).passed).toBe(false);
    expect(check(r, CHANGE).hint).toMatch(/off by exactly \(d\/2\)·log 2π/);
    // A constant does not change the gradients: the flow trains as well as the reference's.
    expect(check(r, MOONS).passed).toBe(true);
  }, 120_000);

  it('when the net sees x instead of mask·x and the inverse multiplies by exp(s) then each fails with its hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'net-on-x'));
    expect(check(r, FORWARD).passed, summary(r)).toBe(false);
    expect(check(r, FORWARD).hint).toMatch(/net\(x\) instead of net\(mask·x\)/);
    expect(check(r, FORWARD_GRAD).hint).toMatch(/net\(x\) instead of net\(mask·x\)/);
    expect(check(r, INVERSE).passed).toBe(false);
    expect(check(r, INVERSE).hint).toMatch(/multiplies by exp\(s\)/);
    expect(check(r, JACOBIAN).passed).toBe(false);
    expect(check(r, JACOBIAN).message).toMatch(/logDet .* but log\|det ∂y\/∂x\| of your couplingForward is/);
    expect(check(r, MOONS).message).toBe('not implemented yet');
    expect(r.score).toBe(0);
  });

  it('when flowLogProb applies the layers last-first then the flow checks fail with the order hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'layers-reversed'));
    for (const name of [FORWARD, INVERSE, FORWARD_GRAD, JACOBIAN]) expect(check(r, name).passed, summary(r)).toBe(true);
    for (const name of [FLOW, FLOW_GRAD]) {
      expect(check(r, name).passed).toBe(false);
      expect(check(r, name).hint).toMatch(/layers applied in reverse order/);
    }
    expect(check(r, CHANGE).passed).toBe(false);
    // It trained a reversed stack, so the layers in order describe a different (bad) density.
    expect(check(r, MOONS).passed).toBe(false);
  }, 120_000);
});
