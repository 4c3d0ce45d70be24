import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'inpainting';
const KNOWN = 'known pixels come back unchanged';
const FILL = 'missing pixels: squared error against the true digits';

describe(ID, () => {
  it('when every pixel is reconstructed then the known-pixel check names the first changed pixel', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'reconstructs-everything'));
    expect(check(r, KNOWN).passed, summary(r)).toBe(false);
    expect(check(r, KNOWN).message).toMatch(/^\d+ of the known pixels changed; the first at image 0, pixel 0/);
    expect(check(r, KNOWN).hint).toMatch(/tf\.where/);
  }, 300_000);

  it('when the logits fill the missing pixels then the error check fails and says they lie outside [0, 1]', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'logits-not-probabilities'));
    expect(check(r, KNOWN).passed, summary(r)).toBe(true);
    expect(check(r, FILL).passed).toBe(false);
    expect(check(r, FILL).message).toMatch(/filled values lie outside \[0, 1\]/);
    expect(check(r, FILL).hint).toMatch(/apply σ/);
  }, 300_000);

  it('when inpaint stops after one round or runs one round too many then the steps check fails and says which', async () => {
    const once = await grade('inpainting', wrongSubmission('inpainting', 'one-round-only'));
    expect(check(once, 'steps = 0, 1 and 3 do what the README says').message, summary(once)).toMatch(/steps = 3 gave exactly what steps = 1 gave.*README: "x⁽ᵗ⁺¹⁾ = x where known/);
    const extra = await grade('inpainting', wrongSubmission('inpainting', 'one-round-too-many'));
    expect(check(extra, 'steps = 0, 1 and 3 do what the README says').message, summary(extra)).toMatch(/with steps = 0 the missing pixels already depend on the VAE/);
    for (const r of [once, extra]) expect(check(r, 'known pixels come back unchanged').passed).toBe(true);
  }, 300_000);

  // Before the rounds were recomputed from the student's x⁽⁰⁾ both passed this check ("steps = 3
  // goes on from there"); known-pixels-copied-at-the-end lost only the error check (0.1348 > 0.0960 at
  // seed 1). Only the steps check is looked at: the training is cut short.
  it('when the known pixels are copied back only at the end, or steps = 1 runs two rounds, then the steps check says which steps are off', async () => {
    const STEPS = 'steps = 0, 1 and 3 do what the README says';
    const end = await grade('inpainting', wrongSubmission('inpainting', 'known-pixels-copied-at-the-end'), 1, 20);
    expect(check(end, STEPS).message, summary(end)).toMatch(/steps = 1 is one round, but steps = 3 is not three: three rounds from your x⁽⁰⁾, each copying the known pixels back before the next encoding, give .* at image \d+, pixel \d+/);
    const extra = await grade('inpainting', wrongSubmission('inpainting', 'extra-round-when-steps-positive'), 1, 20);
    expect(check(extra, STEPS).message, summary(extra)).toMatch(/steps = 1 is not one round from your own x⁽⁰⁾ \(what steps = 0 returns\): σ\(decoder\(μ\(x⁽⁰⁾\)\)\) at the missing pixels gives/);
    for (const r of [end, extra]) expect(check(r, 'known pixels come back unchanged').passed).toBe(true);
  }, 300_000);
});
