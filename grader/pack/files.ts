import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../paths.ts';

/**
 * The folders of the grader that the student edition carries as they are: the engine, the
 * dataset loaders, the support code the exercises build on (training loop, data pipeline) and
 * the report templates. Never the answer key: of `reference/` only `reference/support/`.
 */
const CARRIED_DIRS = ['bin', 'grader', 'datasets', 'reference/support', 'reports'];
const CARRIED_FILES = ['tsconfig.json'];
/**
 * What stays with the instructor even inside carried folders: tests, the packer, the hidden
 * checks' input recipes, and each exercise's fixtures (correct/ holds answers, wrong/ the
 * mistakes the checks are tuned on).
 */
const LEFT_OUT = [/\.test\.ts$/, /^grader\/pack\//, /^bin\/run-ts\.js$/, /^grader\/course\/[^/]+\/hidden-cases\.ts$/, /^grader\/course\/[^/]+\/(correct|wrong)\//, /^grader\/course\/[^/]+\/reference-messages\.ts$/];

function walk(rel: string): string[] {
  const abs = path.join(REPO_ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs.readdirSync(abs).sort().flatMap((name) => walk(path.posix.join(rel, name)));
}

/** Repo-relative paths of the grader files the student edition carries unchanged. */
export function carriedFiles(): string[] {
  return [...CARRIED_DIRS.flatMap(walk), ...CARRIED_FILES.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)))].filter((f) => !LEFT_OUT.some((re) => re.test(f)));
}

/** The code the student edition can reach: the CLI and everything loaded by path at run time. */
export function entryPoints(files: string[]): string[] {
  const byPath = /^grader\/course\/[^/]+\/(cases|tasks|judges)\.ts$|^grader\/sandbox\/(child|runtime)\.ts$|^grader\/cli\.ts$|^datasets\/index\.ts$/;
  return files.filter((f) => byPath.test(f));
}

/** The student edition cannot be made: what in it would need the answer key. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

/**
 * Follows every import of the carried code (esbuild's graph) and fails when any reaches a file
 * the student edition does not carry — above all the answer key — naming who imports it.
 */
export async function assertSelfContained(files: string[]): Promise<void> {
  const carried = new Set(files);
  const out = await build({ entryPoints: entryPoints(files).map((f) => path.join(REPO_ROOT, f)), bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', format: 'esm', outdir: 'unused', logLevel: 'silent', absWorkingDir: REPO_ROOT, splitting: true });
  const problems: string[] = [];
  for (const [file, info] of Object.entries(out.metafile.inputs)) {
    if (!carried.has(file)) continue;
    for (const imp of info.imports) {
      if (imp.external || carried.has(imp.path)) continue;
      const why = imp.path.startsWith('reference/') ? 'the answer key' : 'a file the student edition does not carry';
      problems.push(`${file} imports ${imp.path} (${why})`);
    }
  }
  if (problems.length > 0) throw new PackError(`the student edition would not be self-contained:\n${problems.map((p) => `  - ${p}`).join('\n')}\nMove what the grader needs out of the answer key (e.g. into grader/ or reference/support/), then pack again.`);
}
