import type { BackendName } from '../backends/names.ts';
import type { Case } from '../basics/wire.ts';
import { specHash } from '../manifest/spec-hash.ts';
import type { CheckSpec, Manifest } from '../manifest/types.ts';
import type { CaseOutcome, RunOptions, VariantInfo } from '../sandbox/protocol.ts';
import { ReferenceFailure, type Expected, type ExpectedSource, type VariantOutcomes } from './source.ts';
import { SandboxWorker } from '../sandbox/worker.ts';
import { ExpectedCache } from './cache.ts';
import { referenceFingerprint } from './fingerprint.ts';

export { ReferenceFailure, type Expected, type VariantOutcomes } from './source.ts';

/**
 * The "reference result" step: runs the answer key in a trusted sandbox process on the same
 * backend as the student, once per (exercise, backend, reference version, seed, check), and
 * caches it. The trusted process starts only on a cache miss.
 */
export class ExpectedResults implements ExpectedSource {
  onProgress: ExpectedSource['onProgress'];
  private worker: SandboxWorker | undefined;
  private variantInfo: VariantInfo[] = [];
  private readonly cache = new ExpectedCache();

  constructor(
    private readonly manifest: Manifest,
    private readonly backend: BackendName,
    private readonly seed: number,
    private readonly useCache = true,
  ) {}

  private async trusted(): Promise<SandboxWorker> {
    if (!this.worker) {
      if (!this.manifest.reference) throw new ReferenceFailure(`${this.manifest.id} has no answer key (exercise.json names no "reference")`);
      // The student's backend is already resolved: ask for exactly that one.
      this.worker = new SandboxWorker(this.backend, 'trusted');
      this.worker.onProgress = (p) => this.onProgress?.(p);
      const loaded = await this.worker.load({ type: 'load-reference', exercise: this.manifest.id, reference: this.manifest.reference!, variants: this.manifest.variants });
      if (loaded.type !== 'loaded') throw new ReferenceFailure(`the reference of ${this.manifest.id} failed to load: ${loaded.type === 'load-failed' ? loaded.error.message : loaded.type}`);
      this.variantInfo = loaded.variants ?? [];
    }
    return this.worker;
  }

  private async runTrusted(check: CheckSpec, impl: { kind: 'reference' } | { kind: 'variant'; id: string }, cases: Case[], options: RunOptions): Promise<CaseOutcome[]> {
    const worker = await this.trusted();
    const timeout = 4 * (check.timeoutSeconds ?? this.manifest.defaultTimeoutSeconds ?? 20);
    const out = await worker.run({ type: 'run', exercise: this.manifest.id, impl, task: check.task ?? 'call', export: check.export, cases, options }, timeout);
    if (out.status !== 'ok') {
      const why = out.status === 'failed' ? out.error.message : out.status === 'timeout' ? `timed out after ${out.seconds} s${out.detail ?? ''}` : out.detail;
      throw new ReferenceFailure(`the reference failed on check "${check.name}" of ${this.manifest.id}: ${why}`);
    }
    if (impl.kind === 'reference') {
      const bad = out.report.outcomes.findIndex((o) => !o.ok);
      if (bad >= 0) {
        const o = out.report.outcomes[bad] as Extract<CaseOutcome, { ok: false }>;
        throw new ReferenceFailure(`the reference failed on case "${cases[bad]!.label}" of check "${check.name}": ${o.error.message}`);
      }
    }
    return out.report.outcomes;
  }

  /** Reference outcomes for the check's cases, plus each variant's when `withVariants`. */
  async forCheck(check: CheckSpec, cases: Case[], options: RunOptions, withVariants: boolean): Promise<Expected> {
    // The check's own spec is part of the key: a changed budget, wrt or tolerance-free field recomputes.
    const key = [this.manifest.id, this.backend, await referenceFingerprint(this.manifest), `seed-${this.seed}`, `${check.name}-${specHash(check)}`];
    if (this.useCache) {
      const hit = this.cache.get<Expected>(key);
      if (hit && (!withVariants || hit.variants.length > 0 || !this.manifest.variants)) return hit;
    }
    const reference = await this.runTrusted(check, { kind: 'reference' }, cases, options);
    const variants: VariantOutcomes[] = [];
    if (withVariants) {
      for (const v of this.variantInfo) {
        variants.push({ ...v, outcomes: await this.runTrusted(check, { kind: 'variant', id: v.id }, cases, options) });
      }
    }
    const result: Expected = { reference, variants };
    this.cache.set(key, result);
    return result;
  }

  async referenceScore(check: CheckSpec, cases: Case[], options: RunOptions, score: (outcomes: CaseOutcome[]) => number): Promise<number> {
    return score((await this.forCheck(check, cases, options, false)).reference);
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
