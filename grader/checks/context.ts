import type { BackendName } from '../backends/names.ts';
import { Rng } from '../basics/rng.ts';
import type { ExpectedSource } from '../expected/source.ts';
import type { ExerciseInputs } from '../inputs/types.ts';
import type { Case } from '../basics/wire.ts';
import type { JudgeImage } from '../judges/types.ts';
import type { CheckSpec, Manifest } from '../manifest/types.ts';
import type { RunOptions, RunReport } from '../sandbox/protocol.ts';
import type { SandboxWorker } from '../sandbox/worker.ts';
import { trapOfError, type Seen } from './tfjs-traps.ts';
import { recipeOf } from '../manifest/check-defaults.ts';

export interface CheckContext {
  manifest: Manifest;
  check: CheckSpec;
  seed: number;
  backend: BackendName;
  student: SandboxWorker;
  expected: ExpectedSource;
  inputs: ExerciseInputs;
  /** Caps every check's time limit (seconds), e.g. for quick local runs and tests. */
  timeoutCap?: number;
  /**
   * The visible checks of this submission that ran before this one, in manifest order, with
   * their verdicts: a judge chooses its hint knowing what they established (e.g. the losses
   * are proven right, so a failed training points at the model). Hidden checks are left out,
   * so that no hint tells a student how a hidden check went.
   */
  earlier?: readonly EarlierCheck[];
}

/** A check that ran before the current one, and whether it passed. */
export interface EarlierCheck {
  name: string;
  kind: CheckSpec['kind'];
  passed: boolean;
}

/** A check's judgement before points are attached. */
export interface Verdict {
  passed: boolean;
  message: string;
  hint?: string;
  /** Tensors the student's code left alive during the check, when it ran. */
  leaked?: number;
  /** Pictures a judge made of what it judged; the grade step writes them as PNG. */
  images?: JudgeImage[];
}

export type CheckRunner = (ctx: CheckContext) => Promise<Verdict>;

/** Tensors a check may leave behind before leaking fails it (it is always reported). */
export const LEAK_LIMIT = 1000;

export function runOptions(ctx: Pick<CheckContext, 'seed' | 'check'>): RunOptions {
  return { seed: ctx.seed, wrt: ctx.check.wrt, output: ctx.check.output, budget: ctx.check.budget };
}

export function timeoutOf(ctx: CheckContext): number {
  const own = ctx.check.timeoutSeconds ?? ctx.manifest.defaultTimeoutSeconds ?? 20;
  return ctx.timeoutCap !== undefined ? Math.min(own, ctx.timeoutCap) : own;
}

/** The check's seeded cases, made in the parent; held-out answers never leave it. */
export function casesOf(ctx: Pick<CheckContext, 'seed' | 'check' | 'inputs' | 'manifest'>): Case[] {
  const name = recipeOf(ctx.check);
  const recipe = ctx.inputs.cases[name];
  if (!recipe) throw new Error(`grader: exercise ${ctx.manifest.id} has no case recipe "${name}" in grader/course/${ctx.manifest.id}/cases.ts (or hidden-cases.ts for a hidden check)`);
  return recipe(new Rng(`${ctx.seed}/${name}`));
}

export function withoutAnswers(cases: Case[]): Case[] {
  return cases.map(({ label, args }) => ({ label, args }));
}

/**
 * Runs the check's task on the student's code. Whatever stops it (a hang, a crash, a throw,
 * "not implemented") becomes a failed verdict; otherwise the raw report comes back.
 */
export async function runStudent(ctx: CheckContext, task: string, cases: Case[]): Promise<{ report: RunReport } | { verdict: Verdict }> {
  const out = await ctx.student.run(
    { type: 'run', exercise: ctx.manifest.id, impl: { kind: 'submission' }, task, export: ctx.check.export, cases: withoutAnswers(cases), options: runOptions(ctx) },
    timeoutOf(ctx),
  );
  if (out.status === 'timeout') return { verdict: { passed: false, message: `timed out after ${out.seconds} s${out.detail ?? ''}` } };
  if (out.status === 'crashed') {
    const oom = out.detail.match(/ran out of memory \(cap \d+ MB\)/);
    // A certain out-of-memory reads as just that; a crash that is only likely out of memory keeps its signal.
    return { verdict: { passed: false, message: oom && out.detail.startsWith('ran out') ? oom[0] : `your code stopped the sandbox process (${out.detail})` } };
  }
  if (out.status === 'failed') {
    if (out.error.notImplemented) return { verdict: { passed: false, message: 'not implemented yet' } };
    return { verdict: withTrap(`${out.error.where ? `${out.error.where}: ` : ''}${out.error.name}: ${out.error.message}`, out.error, undefined, ctx.manifest.id) };
  }
  const failed = out.report.outcomes.findIndex((o) => !o.ok);
  if (failed >= 0) {
    const o = out.report.outcomes[failed]!;
    if (!o.ok) {
      if (o.error.notImplemented) return { verdict: { passed: false, message: 'not implemented yet' } };
      const where = o.error.where ? ` at ${o.error.where}` : '';
      return { verdict: withTrap(`case "${cases[failed]!.label}": threw ${o.error.name}${where}: ${o.error.message}`, o.error, out.report, ctx.manifest.id) };
    }
  }
  return { report: out.report };
}

/** A failed verdict for a thrown error; a known TensorFlow.js trap adds its cause to the message and its fix as the hint. */
function withTrap(message: string, error: { name: string; message: string }, seen: Seen | undefined, exercise: string): Verdict {
  const trap = trapOfError(error, seen, exercise);
  return trap ? { passed: false, message: `${message} — ${trap.cause}`, hint: trap.hint } : { passed: false, message };
}

export function leakNote(report: RunReport): string {
  return report.leaked > 0 ? `; leaked ${report.leaked} tensor${report.leaked === 1 ? '' : 's'} (wrap intermediate work in tf.tidy)` : '';
}
