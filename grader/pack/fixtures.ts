import type { BackendName } from '../backends/names.ts';
import { scoreOf } from '../checks/accuracy.ts';
import { casesOf, runOptions } from '../checks/context.ts';
import { referenceRequest } from '../checks/reference-request.ts';
import { ExpectedResults } from '../expected/compute.ts';
import { hashCases } from '../expected/fixture-file.ts';
import type { CheckFixture, ExerciseFixtures } from '../expected/packed.ts';
import { loadInputs } from '../inputs/load.ts';
import { specHash } from '../manifest/spec-hash.ts';
import type { CheckSpec, Manifest } from '../manifest/types.ts';

/**
 * Runs the answer key for every public check of one exercise under each seed (through the
 * reference cache) and keeps exactly what the student edition's checks will ask for.
 */
export async function computeFixtures(manifest: Manifest, publicChecks: CheckSpec[], backend: BackendName, seeds: number[], onCheck: (what: string) => void = () => undefined): Promise<ExerciseFixtures> {
  const inputs = await loadInputs(manifest.id);
  const out: ExerciseFixtures = { exercise: manifest.id, backend, seeds, checks: {} };
  for (const seed of seeds) {
    const expected = new ExpectedResults(manifest, backend, seed, true);
    try {
      for (const check of publicChecks) {
        const need = referenceRequest(check);
        if (need.kind === 'none') continue;
        onCheck(`${manifest.id} › ${check.name} (seed ${seed})`);
        const ctx = { manifest, check, seed, inputs };
        const cases = casesOf(ctx);
        const f: CheckFixture = { cases: hashCases(cases) };
        if (need.kind === 'score') f.referenceScore = await expected.referenceScore(need.check, cases, runOptions(ctx), (o) => scoreOf(o, cases));
        else f.expected = await expected.forCheck(need.check, cases, runOptions(ctx), need.withVariants);
        const entry = (out.checks[check.name] ??= { spec: specHash(check), bySeed: {} });
        entry.bySeed[String(seed)] = f;
      }
    } finally {
      await expected.close();
    }
  }
  return out;
}
