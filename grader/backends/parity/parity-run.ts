import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildCatalog, NOT_SWEPT, type OpCase } from './op-catalog.ts';
import { knownDifference } from './known-differences.ts';
import { compareOnBackends, type ValueSet } from './sweep.ts';

/** What the fast and the slow parity tests share: the catalog, built on cpu, and one case's verdict. */
export async function catalog(): Promise<ReturnType<typeof buildCatalog>> {
  await tf.setBackend('cpu');
  return buildCatalog();
}

export function expectCoverage(cat: ReturnType<typeof buildCatalog>): void {
  // Every kernel with a gradient is swept, or left out on purpose with a reason.
  expect(cat.uncovered.sort()).toEqual(Object.keys(NOT_SWEPT).sort());
  expect(Object.keys(cat.covered).length).toBeGreaterThanOrEqual(90);
}

export async function expectParity(c: OpCase, set: ValueSet): Promise<void> {
  const p = await compareOnBackends(c, set);
  const known = knownDifference(c.op, c.label);
  if (known) {
    expect(p.difference, `listed as a known difference, but cpu and wasm now agree: remove it from known-differences.ts (${known.why})`).not.toBeNull();
  } else {
    expect(p.difference, `${c.op} ${c.label} (${set} values): cpu and the sandbox's wasm differ`).toBeNull();
  }
}
