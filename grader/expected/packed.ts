import fs from 'node:fs';
import type { Case } from '../basics/wire.ts';
import { specHash } from '../manifest/spec-hash.ts';
import type { CheckSpec, Manifest } from '../manifest/types.ts';
import { repoPath } from '../paths.ts';
import type { CaseOutcome, RunOptions } from '../sandbox/protocol.ts';
import { decodeFixtures, FixtureFileError, hashCases } from './fixture-file.ts';
import { ReferenceFailure, type Expected, type ExpectedSource } from './source.ts';

/** What `grade pack` stored for one check under one seed. */
export interface CheckFixture {
  /** hashCases of the cases the reference ran on. */
  cases: string;
  expected?: Expected;
  referenceScore?: number;
}

/** expected/<id>.fixtures in the student edition. */
export interface ExerciseFixtures {
  exercise: string;
  backend: string;
  seeds: number[];
  checks: Record<string, { spec: string; bySeed: Record<string, CheckFixture> }>;
}

export function fixturesPath(id: string): string {
  return repoPath('expected', `${id}.fixtures`);
}

const REPACK = 'ask your instructor for a fresh copy of the student edition (or restore the file from it)';

/**
 * The student edition's "reference result" step: the answer key is not there, so it reads the
 * reference outcomes, variant outcomes and scores that `grade pack` computed with it, after
 * checking that they belong to these exact cases and this exact check.
 */
export class PackedExpected implements ExpectedSource {
  private fixtures: ExerciseFixtures | undefined;

  constructor(
    private readonly manifest: Manifest,
    private readonly seed: number,
  ) {}

  private load(): ExerciseFixtures {
    if (!this.fixtures) {
      const file = fixturesPath(this.manifest.id);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new ReferenceFailure(`the expected results of ${this.manifest.id} are missing (${file}); ${REPACK}`);
      }
      try {
        this.fixtures = decodeFixtures<ExerciseFixtures>(bytes);
      } catch (e) {
        if (e instanceof FixtureFileError) throw new ReferenceFailure(`${file} is damaged (${e.message}); ${REPACK}`);
        throw e;
      }
    }
    return this.fixtures;
  }

  private fixture(check: CheckSpec, cases: Case[]): CheckFixture {
    const all = this.load();
    const entry = all.checks[check.name];
    if (!entry) throw new ReferenceFailure(`the student edition has no expected results for check "${check.name}" of ${this.manifest.id}; ${REPACK}`);
    const declared = this.manifest.checks.find((c) => c.name === check.name);
    if (!declared || specHash(declared) !== entry.spec) {
      throw new ReferenceFailure(`check "${check.name}" in exercises/${this.manifest.id}/exercise.json differs from the one its expected results were packed for (edited tolerance, margin or budget?); ${REPACK}`);
    }
    const f = entry.bySeed[String(this.seed)];
    if (!f) throw new ReferenceFailure(`the student edition has expected results for --seed ${all.seeds.join(', ')} only, not ${this.seed}`);
    if (f.cases !== hashCases(cases)) throw new ReferenceFailure(`the inputs of check "${check.name}" of ${this.manifest.id} are not the ones it was packed with (grader/course/${this.manifest.id}/cases.ts or the datasets changed); ${REPACK}`);
    return f;
  }

  async forCheck(check: CheckSpec, cases: Case[], _options: RunOptions, _withVariants: boolean): Promise<Expected> {
    const f = this.fixture(check, cases);
    if (!f.expected) throw new ReferenceFailure(`the packed results of check "${check.name}" of ${this.manifest.id} hold no reference outcomes; ${REPACK}`);
    return f.expected;
  }

  async referenceScore(check: CheckSpec, cases: Case[], _options: RunOptions, _score: (outcomes: CaseOutcome[]) => number): Promise<number> {
    const f = this.fixture(check, cases);
    if (typeof f.referenceScore !== 'number') throw new ReferenceFailure(`the packed results of check "${check.name}" of ${this.manifest.id} hold no reference score; ${REPACK}`);
    return f.referenceScore;
  }

  async close(): Promise<void> {}
}
