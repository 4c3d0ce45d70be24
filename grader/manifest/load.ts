import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import schema from './exercise.schema.json' with { type: 'json' };
import { studentEdition } from '../edition.ts';
import { EXERCISES_DIR, REPO_ROOT } from '../paths.ts';
import type { Manifest } from './types.ts';

/** A manifest that cannot be used: names the file and, for schema errors, the JSON path. */
export class ManifestError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${path.relative(REPO_ROOT, file) || file}: invalid exercise manifest\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}

const ajv = new Ajv({ allErrors: true, useDefaults: false, strict: false });
const validate = ajv.compile<Manifest>(schema);

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(top level)' : e.instancePath;
  if (e.keyword === 'additionalProperties') return `${where}: unknown key "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where}: ${e.message} (${(e.params.allowedValues as unknown[]).map(String).join(', ')})`;
  if (e.keyword === 'if') return '';
  return `${where}: ${e.message}`;
}

/** Validates a parsed manifest; `file` is only used in messages. */
const REFERENCE_MISSING = "(top level): must have required property 'reference'";

export function parseManifest(raw: unknown, file: string): Manifest {
  // Only the full grader needs the answer key: the student edition's manifests have none.
  const referenceMissing = !studentEdition() && typeof raw === 'object' && raw !== null && !('reference' in raw);
  if (!validate(raw)) {
    throw new ManifestError(file, [...(validate.errors ?? []).map(describe).filter((s) => s !== ''), ...(referenceMissing ? [REFERENCE_MISSING] : [])]);
  }
  const m = raw;
  const problems: string[] = [];
  const expectedId = path.basename(path.dirname(file));
  if (expectedId !== m.id && path.basename(file) === 'exercise.json') problems.push(`/id: "${m.id}" does not match its folder "${expectedId}"`);
  const names = new Set<string>();
  m.checks.forEach((c, i) => {
    if (names.has(c.name)) problems.push(`/checks/${i}/name: duplicate check name "${c.name}"`);
    names.add(c.name);
    if (c.export !== undefined && !(c.export in m.exports)) problems.push(`/checks/${i}/export: "${c.export}" is not among the exports (${Object.keys(m.exports).join(', ')})`);
  });
  if (referenceMissing) problems.push(REFERENCE_MISSING);
  for (const key of ['reference', 'variants'] as const) {
    const rel = m[key];
    if (rel !== undefined && !fs.existsSync(path.join(REPO_ROOT, rel))) problems.push(`/${key}: ${rel} does not exist`);
  }
  if (problems.length > 0) throw new ManifestError(file, problems);
  return m;
}

export function manifestPath(id: string): string {
  return path.join(EXERCISES_DIR, id, 'exercise.json');
}

/** Reads and validates exercises/<id>/exercise.json. */
export function loadManifest(id: string): Manifest {
  const file = manifestPath(id);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ManifestError(file, ['file is missing or unreadable']);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  return parseManifest(raw, file);
}

/** What to say when some of `ids` are not exercises here (undefined when all are). */
export function unknownExercises(ids: string[], known = listExerciseIds()): string | undefined {
  const unknown = ids.filter((id) => !known.includes(id));
  return unknown.length > 0 ? `unknown exercise ${unknown.map((u) => `'${u}'`).join(', ')}. Known exercises: ${known.join(', ')}` : undefined;
}

/** Every exercise id with a folder under exercises/, sorted. */
export function listExerciseIds(): string[] {
  if (!fs.existsSync(EXERCISES_DIR)) return [];
  return fs
    .readdirSync(EXERCISES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXERCISES_DIR, d.name, 'exercise.json')))
    .map((d) => d.name)
    .sort();
}
