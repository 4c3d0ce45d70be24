import fs from 'node:fs';
import path from 'node:path';
import type { BackendName } from '../backends/names.ts';
import { EDITION_FILE, studentEdition, type StudentEdition } from '../edition.ts';
import { encodeFixtures } from '../expected/fixture-file.ts';
import { listExerciseIds, loadManifest } from '../manifest/load.ts';
import type { Manifest } from '../manifest/types.ts';
import { REPO_ROOT } from '../paths.ts';
import { computeFixtures } from './fixtures.ts';
import { assertSelfContained, carriedFiles, PackError } from './files.ts';
import { studentPackageJson, studentPackageLock } from './package-files.ts';
import { studentReadme, type PackedExercise } from './student-readme.ts';

export { PackError } from './files.ts';

export interface PackOptions {
  out: string;
  /** Exercise ids (default: all). */
  exercises?: string[];
  seeds: number[];
  backend: BackendName;
  /** Where the lecture notes are (default: ../shared/course/lecture-notes.md beside the repo). */
  notes?: string;
  log?: (line: string) => void;
}

export interface PackSummary {
  out: string;
  exercises: PackedExercise[];
  files: number;
  fixtureBytes: number;
}

/** The manifest a student sees: the public checks, and no pointer to the answer key. */
function publicManifest(m: Manifest): Manifest {
  const { reference: _r, variants: _v, ...rest } = m;
  return { ...rest, checks: m.checks.filter((c) => !c.hidden) };
}

function copy(rel: string, out: string): void {
  const dest = path.join(out, rel);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, rel), dest);
}

/** Refuses to write over a folder that holds anything but an earlier student edition. */
function prepareOut(out: string): void {
  if (path.resolve(out) === REPO_ROOT || REPO_ROOT.startsWith(path.resolve(out) + path.sep)) throw new PackError(`--out ${out} is the grader's own folder (or holds it): choose a new folder`);
  if (fs.existsSync(out)) {
    const entries = fs.readdirSync(out);
    if (entries.length > 0 && !entries.includes(EDITION_FILE)) throw new PackError(`--out ${out} exists and is not an earlier student edition (no ${EDITION_FILE}): choose an empty or new folder; nothing was written`);
    for (const e of entries) if (e !== 'node_modules' && e !== '.cache') fs.rmSync(path.join(out, e), { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
}

/**
 * `grade pack`: writes the student edition of the course — stubs, READMEs, the grader and the
 * loaders, and for every public check the expected results computed here with the answer key —
 * without the answer key and without the hidden checks.
 */
export async function pack(o: PackOptions): Promise<PackSummary> {
  if (studentEdition()) throw new PackError('this is already the student edition: it has no answer key to pack from; run grade pack in the instructor\'s grader');
  const log = o.log ?? (() => undefined);
  const ids = o.exercises ?? listExerciseIds();
  const manifests = ids.map((id) => loadManifest(id));
  const files = carriedFiles();
  await assertSelfContained(files);

  // Compute everything before touching --out: a failing reference leaves the old pack intact.
  const prepared: { manifest: Manifest; fixtures: Buffer }[] = [];
  const packed: PackedExercise[] = [];
  for (const m of manifests) {
    const pub = publicManifest(m);
    if (pub.checks.length === 0) throw new PackError(`${m.id} has only hidden checks: a student could not grade it; make at least one check public`);
    prepared.push({ manifest: pub, fixtures: encodeFixtures(await computeFixtures(m, pub.checks, o.backend, o.seeds, (what) => log(`  reference: ${what}`))) });
    const hidden = m.checks.filter((c) => c.hidden);
    packed.push({ id: m.id, title: m.title, notes: m.notes, publicChecks: pub.checks.length, publicPoints: pub.checks.reduce((a, c) => a + c.points, 0), hiddenChecks: hidden.length, hiddenPoints: hidden.reduce((a, c) => a + c.points, 0) });
  }

  prepareOut(o.out);
  for (const f of files) copy(f, o.out);
  fs.mkdirSync(path.join(o.out, 'expected'), { recursive: true });
  for (const { manifest: m, fixtures } of prepared) {
    for (const f of ['README.md', `${m.id}.ts`]) copy(path.posix.join('exercises', m.id, f), o.out);
    fs.writeFileSync(path.join(o.out, 'exercises', m.id, 'exercise.json'), JSON.stringify(m, null, 2) + '\n');
    fs.writeFileSync(path.join(o.out, 'expected', `${m.id}.fixtures`), fixtures);
  }
  const notes = o.notes ?? path.resolve(REPO_ROOT, '..', 'shared', 'course', 'lecture-notes.md');
  const withNotes = fs.existsSync(notes);
  if (withNotes) {
    fs.mkdirSync(path.join(o.out, 'notes'), { recursive: true });
    fs.copyFileSync(notes, path.join(o.out, 'notes', 'lecture-notes.md'));
  } else log(`  note: no lecture notes at ${notes}; the student edition goes without them (pass --notes FILE)`);
  const edition: StudentEdition = { edition: 'student', seeds: o.seeds, backend: o.backend, packedAt: new Date().toISOString(), exercises: ids };
  fs.writeFileSync(path.join(o.out, EDITION_FILE), JSON.stringify(edition, null, 2) + '\n');
  fs.writeFileSync(path.join(o.out, 'package.json'), studentPackageJson());
  fs.writeFileSync(path.join(o.out, 'package-lock.json'), studentPackageLock());
  fs.writeFileSync(path.join(o.out, '.gitignore'), 'node_modules/\n.cache/\ngrade-output/\n');
  fs.writeFileSync(path.join(o.out, 'README.md'), studentReadme(packed, edition, withNotes));
  const fixtureBytes = prepared.reduce((a, p) => a + p.fixtures.length, 0);
  return { out: o.out, exercises: packed, files: files.length, fixtureBytes };
}
