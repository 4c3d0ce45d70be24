import fs from 'node:fs';
import type { BackendChoice } from '../backends/names.ts';
import { BatchError, runBatch, type BatchSummary } from './batch.ts';
import { diffResults, renderDiff } from '../report/diff.ts';
import { loadResults } from '../report/load.ts';
import { defaultProgress } from './progress.ts';
import { describeShardFromEnv, shardFromEnv } from './shard-env.ts';
import { parseShard } from './students.ts';

export interface BatchCommandOptions {
  out: string;
  jobs?: number;
  /** `i/n` (1-based), or `auto`: from the scheduler's environment (shard-env.ts). */
  shard?: string;
  exercises?: string;
  force?: boolean;
  /** --force, then print what changed against the kept results. */
  regrade?: boolean;
  backend: BackendChoice;
  seed: number;
  timeout?: number;
  cache: boolean;
}

/** This process's direct children (Linux /proc; empty elsewhere). */
function childPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * On Ctrl-C or SIGTERM: every finished grade is already on disk (atomic writes), so stop the
 * sandboxes (a hung one would not notice its parent leaving) and exit; a rerun resumes.
 */
function onInterrupt(err: (t: string) => void, outDir: string): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    for (const pid of childPids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    err(`\ngrade batch: ${signal}: stopped; every result already written is kept in ${outDir}. Run the same command again to grade the rest.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** `grade batch <class-dir> --out <dir> …`: the verb behind the CLI. */
export async function batchMain(
  classDir: string,
  o: BatchCommandOptions,
  io: { out: (t: string) => void; err: (t: string) => void },
  handleSignals = true,
  env: Record<string, string | undefined> = process.env,
): Promise<BatchSummary> {
  let shard;
  try {
    if (o.shard?.trim() === 'auto') {
      // Which machine of a Slurm array, Kubernetes Indexed Job or Actions matrix this is (shard-env.ts).
      const found = shardFromEnv(env);
      io.err(describeShardFromEnv(found));
      shard = found.shard;
    } else shard = o.shard === undefined ? undefined : parseShard(o.shard);
  } catch (e) {
    throw new BatchError((e as Error).message);
  }
  const exercises = o.exercises?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const release = handleSignals ? onInterrupt(io.err, o.out) : () => undefined;
  try {
    const s = await runBatch({ classDir, outDir: o.out, jobs: o.jobs, shard, exercises, force: o.force || o.regrade, backend: o.backend, seed: o.seed, timeout: o.timeout, cache: o.cache, progress: defaultProgress(io.out) });
    const perMin = s.graded > 0 ? (s.graded / (s.wallMs / 60_000)).toFixed(1) : '–';
    io.out(
      `graded ${s.graded} (${s.passed} passed every check), skipped ${s.skipped} already graded${s.retried > 0 ? `, retried ${s.retried} the grader could not finish before` : ''}; ${s.students.length} students × ${s.exercises.length} exercises` +
        `${shard ? ` (shard ${shard.index}/${shard.count})` : ''} in ${(s.wallMs / 1000).toFixed(1)} s with ${s.jobs} jobs (${perMin} grades/min) → ${o.out}`,
    );
    if (s.previous) {
      io.out(`the results as they were before this run are kept in ${s.previous}`);
      if (o.regrade) io.out(renderDiff(diffResults(loadResults([s.previous]), loadResults([o.out])), s.previous, o.out));
      else io.out(`what changed: grade report --diff ${s.previous} ${o.out}`);
    }
    return s;
  } finally {
    release();
  }
}
