import { InvalidArgumentError, Option, type Command } from 'commander';
import { BACKEND_CHOICES } from '../backends/names.ts';
import { defaultJobs } from '../batch/batch.ts';
import { DEFAULT_SEED } from '../grade/grade-exercise.ts';

export function parseSeed(v: string): number {
  if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('the seed must be an integer.');
  return Number(v);
}

export function parsePositive(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
  return n;
}

export function parseJobs(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected a positive integer.');
  return Number(v);
}

export const backendOption = (): Option => new Option('-b, --backend <name>', 'where tensors run').choices([...BACKEND_CHOICES]).default('auto');

export function parseSeedList(v: string): number[] {
  const seeds = v.split(',').map((s) => s.trim());
  if (seeds.some((s) => !/^-?\d+$/.test(s))) throw new InvalidArgumentError('expected comma-separated integer seeds, e.g. 1,2,3.');
  return [...new Set(seeds.map(Number))];
}


/** --backend, --seed, --no-cache and --timeout: declared once for every command that grades. */
export function gradingOptions(cmd: Command, o: { cache?: boolean } = {}): Command {
  cmd.addOption(backendOption()).option('--seed <n>', 'seed of every input and training run', parseSeed, DEFAULT_SEED);
  if (o.cache !== false) cmd.option('--no-cache', 'recompute the reference results instead of reading the cache');
  return cmd.option('--timeout <seconds>', 'cap every check\'s time limit at this many seconds', parsePositive);
}

/** -j/--jobs: how many run at once, defaulting to the cores. */
export function jobsOption(cmd: Command, what: string, fallback?: number): Command {
  return cmd.option('-j, --jobs <n>', `${what} (default: the number of cores, ${defaultJobs()} here)`, parseJobs, fallback);
}
