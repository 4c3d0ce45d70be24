/**
 * `grade batch --shard auto`: which shard this machine grades, read from the environment of the
 * scheduler it runs under. Pure: takes the environment, returns a 1-based shard or throws.
 *
 * | scheduler | index | count |
 * |---|---|---|
 * | Slurm job array (`sbatch --array=A-B[:S]`) | `SLURM_ARRAY_TASK_ID` (any start, step S) | `SLURM_ARRAY_TASK_COUNT`, else from `_MIN`/`_MAX`/`_STEP` |
 * | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX` (0-based, set by the Job controller) | `GRADER_SHARD_COUNT` (the manifest sets it to `spec.completions`: Kubernetes does not export that to the pod) |
 * | GitHub Actions matrix (`GITHUB_ACTIONS=true`) | `GRADER_SHARD_INDEX` (0-based; the workflow sets it to `${{ strategy.job-index }}`) | `GRADER_SHARD_COUNT` (`${{ strategy.job-total }}`) |
 * | anything else | `GRADER_SHARD_INDEX` (0-based) | `GRADER_SHARD_COUNT` |
 *
 * The scheduler's own variables win over the generic pair, and are checked in that order (a
 * Slurm job started inside a Kubernetes pod is a Slurm array task).
 */
import type { Shard } from './students.ts';

export type Scheduler = 'slurm' | 'kubernetes' | 'github-actions' | 'environment';

export interface ShardFromEnv {
  shard: Shard;
  scheduler: Scheduler;
  /** The variables read and their values, for the stderr line ("SLURM_ARRAY_TASK_ID=7, …"). */
  source: string;
}

/** No scheduler found, or its values do not make a shard: a usage error (exit 2). */
export class ShardEnvError extends Error {}

type Env = Record<string, string | undefined>;

const set = (env: Env, name: string): boolean => env[name] !== undefined && env[name]!.trim() !== '';

/** A whole number written in decimal (no sign unless `signed`, no exponent, no spaces inside). */
function integer(env: Env, name: string, what: string): number {
  const raw = env[name]!.trim();
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new ShardEnvError(`${what}: ${name}='${env[name]}' is not an integer`);
  return Number(raw);
}

const shown = (env: Env, names: string[]): string =>
  names
    .filter((n) => set(env, n))
    .map((n) => `${n}=${env[n]!.trim()}`)
    .join(', ');

/** A 0-based index and a count as a 1-based shard, or an error naming the variables. */
function zeroBased(index: number, count: number, what: string, indexName: string, countName: string): Shard {
  if (count < 1) throw new ShardEnvError(`${what}: ${countName}=${count} must be at least 1`);
  if (index < 0 || index >= count) throw new ShardEnvError(`${what}: ${indexName}=${index} is out of range for ${countName}=${count} (0-based: 0 to ${count - 1})`);
  return { index: index + 1, count };
}

function slurm(env: Env): ShardFromEnv {
  const what = 'Slurm job array';
  const names = ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_MAX', 'SLURM_ARRAY_TASK_STEP', 'SLURM_ARRAY_TASK_COUNT'];
  const id = integer(env, 'SLURM_ARRAY_TASK_ID', what);
  if (!set(env, 'SLURM_ARRAY_TASK_MIN')) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not, so the first task id is unknown`);
  const min = integer(env, 'SLURM_ARRAY_TASK_MIN', what);
  const step = set(env, 'SLURM_ARRAY_TASK_STEP') ? integer(env, 'SLURM_ARRAY_TASK_STEP', what) : 1;
  if (step < 1) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_STEP=${step} must be at least 1`);
  const max = set(env, 'SLURM_ARRAY_TASK_MAX') ? integer(env, 'SLURM_ARRAY_TASK_MAX', what) : undefined;
  if (max !== undefined && max < min) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_MAX=${max} is below SLURM_ARRAY_TASK_MIN=${min}`);
  const fromRange = max !== undefined ? Math.floor((max - min) / step) + 1 : undefined;
  let count: number;
  if (set(env, 'SLURM_ARRAY_TASK_COUNT')) {
    count = integer(env, 'SLURM_ARRAY_TASK_COUNT', what);
    // A list with gaps (--array=1,4,9) has more ids in its range than tasks: no id maps to a shard safely.
    if (fromRange !== undefined && fromRange !== count) {
      throw new ShardEnvError(
        `${what}: SLURM_ARRAY_TASK_COUNT=${count} but MIN..MAX (${min}..${max}, step ${step}) holds ${fromRange} ids; ` +
          `--shard auto needs an evenly spaced array (--array=A-B or A-B:S), or give --shard i/n yourself`,
      );
    }
  } else if (fromRange !== undefined) count = fromRange;
  else throw new ShardEnvError(`${what}: neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is set, so the number of tasks is unknown`);
  if (count < 1) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_COUNT=${count} must be at least 1`);
  const last = min + (count - 1) * step;
  if (id < min || id > last) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_ID=${id} is outside the array (${min} to ${last}${step > 1 ? ` step ${step}` : ''})`);
  if ((id - min) % step !== 0) throw new ShardEnvError(`${what}: SLURM_ARRAY_TASK_ID=${id} is not on the array's step (${min}, ${min + step}, …)`);
  const shard: Shard = { index: (id - min) / step + 1, count };
  return { shard, scheduler: 'slurm', source: shown(env, names) };
}

function fromPair(env: Env, indexName: string, scheduler: Scheduler, what: string, countHelp: string): ShardFromEnv {
  if (!set(env, 'GRADER_SHARD_COUNT')) throw new ShardEnvError(`${what}: ${indexName} is set but GRADER_SHARD_COUNT is not (${countHelp})`);
  const index = integer(env, indexName, what);
  const count = integer(env, 'GRADER_SHARD_COUNT', what);
  return { shard: zeroBased(index, count, what, indexName, 'GRADER_SHARD_COUNT'), scheduler, source: shown(env, [indexName, 'GRADER_SHARD_COUNT']) };
}

/** The shard of this machine, from the scheduler's environment; throws ShardEnvError saying what was missing or wrong. */
export function shardFromEnv(env: Env): ShardFromEnv {
  if (set(env, 'SLURM_ARRAY_TASK_ID')) return slurm(env);
  if (set(env, 'JOB_COMPLETION_INDEX')) {
    return fromPair(env, 'JOB_COMPLETION_INDEX', 'kubernetes', 'Kubernetes Indexed Job', 'set it in the pod template to the Job\'s spec.completions: see examples/kubernetes/');
  }
  if (set(env, 'GRADER_SHARD_INDEX')) {
    const gha = env.GITHUB_ACTIONS === 'true';
    return fromPair(env, 'GRADER_SHARD_INDEX', gha ? 'github-actions' : 'environment', gha ? 'GitHub Actions matrix' : 'GRADER_SHARD_INDEX', gha ? 'set it to ${{ strategy.job-total }}' : 'set both, 0-based index');
  }
  // Nothing usable: say what each scheduler would have set, and why a plain Slurm job is not enough.
  const slurmJob = set(env, 'SLURM_JOB_ID') ? ' (SLURM_JOB_ID is set: this is a Slurm job, but not an array task; submit with sbatch --array)' : '';
  throw new ShardEnvError(
    `--shard auto found no scheduler${slurmJob}: it reads SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MIN/MAX (Slurm job array), ` +
      `JOB_COMPLETION_INDEX with GRADER_SHARD_COUNT (Kubernetes Indexed Job), or GRADER_SHARD_INDEX with GRADER_SHARD_COUNT, both 0-based index (GitHub Actions matrix, anything else); or give --shard i/n`,
  );
}

const NAMES: Record<Scheduler, string> = { slurm: 'Slurm job array', kubernetes: 'Kubernetes Indexed Job', 'github-actions': 'GitHub Actions matrix', environment: 'GRADER_SHARD_INDEX/GRADER_SHARD_COUNT' };

/** The stderr line: "--shard auto: Slurm job array (SLURM_ARRAY_TASK_ID=7, …) → shard 3/4". */
export function describeShardFromEnv(s: ShardFromEnv): string {
  return `--shard auto: ${NAMES[s.scheduler]} (${s.source}) → shard ${s.shard.index}/${s.shard.count}`;
}
