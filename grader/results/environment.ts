import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { loadManifest } from '../manifest/load.ts';
import { specHash } from '../manifest/spec-hash.ts';
import { repoPath } from '../paths.ts';
import type { GradeEnvironment, GradeResult } from './types.ts';

const require = createRequire(import.meta.url);

function packageVersion(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

let graderFacts: { version: string; commit?: string; tfjs: string } | undefined;

/** The grader's git commit, only from its own checkout (a grader copied into another repository must not report that one's). */
function gitCommit(): string | undefined {
  if (!fs.existsSync(repoPath('.git'))) return undefined;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoPath(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined; // git missing or the checkout unreadable: the version says enough
  }
}

/** The grader's own version, its git commit when it runs from a checkout, and tfjs's version; read once per process. */
function grader(): { version: string; commit?: string; tfjs: string } {
  if (graderFacts) return graderFacts;
  let version = 'unknown';
  try {
    version = (JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* keep 'unknown': the environment block must never stop a grade */
  }
  graderFacts = { version, commit: gitCommit(), tfjs: packageVersion('@tensorflow/tfjs-core') };
  return graderFacts;
}

/** Each check's spec hash (tolerance, budget, margin…), so a regrade diff can name the check whose spec moved. */
function checkSpecs(exercise: string): Record<string, string> | undefined {
  try {
    return Object.fromEntries(loadManifest(exercise).checks.map((c) => [c.name, specHash(c)]));
  } catch {
    return undefined;
  }
}

/** Where and with what a grade was made: enough to say why a regrade's numbers moved. */
export function gradeEnvironment(r: Pick<GradeResult, 'exercise' | 'backend' | 'seed'>): GradeEnvironment {
  const g = grader();
  const specs = checkSpecs(r.exercise);
  return {
    grader: g.version,
    ...(g.commit ? { graderCommit: g.commit } : {}),
    tfjs: g.tfjs,
    backend: r.backend,
    seed: r.seed,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    ...(specs ? { checkSpecs: specs } : {}),
  };
}

/** The result with its environment block (kept when the grade step already wrote one). */
export function withEnvironment(r: GradeResult): GradeResult {
  return r.environment ? r : { ...r, environment: gradeEnvironment(r) };
}
