import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExpectedResults } from '../expected/compute.ts';
import { loadInputs } from '../inputs/load.ts';
import { loadManifest } from '../manifest/load.ts';
import { REPO_ROOT } from '../paths.ts';
import { firstMismatch, hintOf } from './against-reference.ts';
import { casesOf, runOptions } from './context.ts';
import { referenceRequest } from './reference-request.ts';
import { toleranceFor } from './tolerance.ts';

const ONLY = process.env.EXERCISES?.split(',');
const ids = fs.readdirSync(path.join(REPO_ROOT, 'exercises')).filter((id) => loadManifest(id).variants && (!ONLY || ONLY.includes(id)));

/**
 * "Each variant's hint is produced by that variant and by no other": a submission that makes
 * exactly one known mistake gives that variant's outputs, and the output and gradient checks
 * pick the first variant those outputs match. So on every check where a mistake differs from
 * the reference, no other variant may match it (else its student gets the other's hint, or
 * passes as an accepted alternative).
 */
describe('every known mistake has a hint of its own', () => {
  it('when two mistakes give the same outputs then the hint names both as possibilities, and one mistake gets its hint alone', () => {
    expect(hintOf([])).toBeUndefined();
    expect(hintOf(['A.', 'A.'])).toBe('A.');
    expect(hintOf(['A.', 'B.'])).toMatch(/^Your output matches 2 known mistakes .*\(1\) A\. \(2\) B\.$/);
  });

  for (const id of ids) {
    it(`${id}: on each value check, a variant that differs from the reference is matched by no other variant`, async () => {
      const manifest = loadManifest(id);
      const inputs = await loadInputs(id);
      const expected = new ExpectedResults(manifest, 'wasm', 1, true);
      const clashes: { a: string; b: string; accepted: boolean; text: string }[] = [];
      /** Mistakes whose own hint is shown alone on some check (their outputs there match no other variant). */
      const alone = new Set<string>();
      let distinguished = 0;
      try {
        for (const check of manifest.checks.filter((c) => c.kind === 'output' || c.kind === 'gradient')) {
          const need = referenceRequest(check);
          if (need.kind !== 'outcomes') continue;
          const ctx = { seed: 1, check, inputs, manifest };
          const cases = casesOf(ctx);
          const e = await expected.forCheck(need.check, cases, runOptions(ctx), true);
          const tol = toleranceFor(check.tolerance, 'wasm');
          for (const a of e.variants.filter((v) => v.verdict === 'mistake')) {
            if (!a.outcomes.every((o) => o.ok) || !firstMismatch(e.reference, a.outcomes, cases, tol)) continue;
            distinguished++;
            const same = e.variants.filter((b) => b.id !== a.id && b.hint !== a.hint && !firstMismatch(b.outcomes, a.outcomes, cases, tol));
            if (same.length === 0) alone.add(a.id);
            for (const b of same) clashes.push({ a: a.id, b: b.id, accepted: b.verdict === 'accepted', text: `"${check.name}": the outputs of ${a.id} also match ${b.id} (${b.verdict})` });
          }
        }
      } finally {
        await expected.close();
      }
      // Two mistakes with the same outputs on one check get a hint naming both as possibilities
      // (hintOf); the exercise must still tell them apart: one of the two gets its hint alone on
      // another check (so the student sees which passed). A mistake that matches an accepted
      // variant would pass: never allowed.
      const bad = clashes.filter((c) => c.accepted || (!alone.has(c.a) && !alone.has(c.b))).map((c) => c.text);
      expect(bad, bad.join('\n')).toEqual([]);
      expect(distinguished, `${id}: no variant differs from the reference on any value check`).toBeGreaterThan(0);
    });
  }
});
