import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriedFiles } from '../../grader/pack/files.ts';
import { pack, PackError } from '../../grader/pack/pack.ts';
import { listExerciseIds, loadManifest } from '../../grader/manifest/load.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import { grade } from '../grading.ts';
import { answerKeyExports, answerKeyLeaks, textFiles } from './answer-key.ts';
import { gradeInPack, linkDependencies, makeStudentEdition, packGrade, submissionsOf, verdictDifferences } from './student-edition.ts';

// Every check kind and a hidden check among them; the whole course is packed by pack.slow.test.ts.
const IDS = ['sgd', 'softmax-cross-entropy', 'conv2d', 'dropout'];

let dir: string;

beforeAll(async () => {
  dir = await makeStudentEdition(IDS);
  linkDependencies(dir);
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('grade pack: the student edition', () => {
  it('when packed then it carries no answer key: no reference module but support, no variants, no copy of any exported answer', () => {
    const files = textFiles(dir);
    expect(files.filter((f) => f.rel.startsWith('reference/') && !f.rel.startsWith('reference/support/'))).toEqual([]);
    expect(files.filter((f) => /\.variants\.ts$/.test(f.rel))).toEqual([]);
    const keys = answerKeyExports();
    expect(keys.length).toBeGreaterThan(40);
    expect(answerKeyLeaks(files, keys)).toEqual([]);
    // What a full pack would add beyond this one: every exercise's README and stub, checked where they are copied from.
    const more = listExerciseIds().flatMap((id) => ['README.md', `${id}.ts`].map((f) => path.posix.join('exercises', id, f)));
    const repoFiles = [...carriedFiles(), ...more].filter((f) => /\.(ts|js|json|md|hbs)$/.test(f)).map((rel) => ({ rel, text: fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8') }));
    expect(answerKeyLeaks(repoFiles, keys)).toEqual([]);
  });

  it('when packed then its manifests hold only the public checks and no pointer to the answer key', () => {
    for (const id of IDS) {
      const packed = JSON.parse(fs.readFileSync(path.join(dir, 'exercises', id, 'exercise.json'), 'utf8'));
      const full = loadManifest(id);
      expect(packed.reference).toBeUndefined();
      expect(packed.variants).toBeUndefined();
      expect(packed.checks.map((c: { name: string }) => c.name)).toEqual(full.checks.filter((c) => !c.hidden).map((c) => c.name));
    }
    expect(loadManifest('conv2d').checks.some((c) => c.hidden)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/\| `conv2d` \|.*\| 1 \(1 pts\) \|/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'edition.json'), 'utf8'))).toMatchObject({ edition: 'student', seeds: [1], backend: 'wasm', exercises: IDS });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
  });

  for (const id of IDS) {
    it(`when ${id} is graded by the pack and by the full grader then every public check gets the same verdict (reference, stub, wrong submissions)`, async () => {
      const differences: string[] = [];
      for (const s of submissionsOf(id)) {
        const full = await grade(id, s.dir);
        const packed = gradeInPack(dir, id, s.dir);
        differences.push(...verdictDifferences(full, packed).map((d) => `${s.label}: ${d}`));
        if (s.label === 'reference') expect(packed.score).toBe(packed.maxScore);
      }
      expect(differences).toEqual([]);
    }, 600_000);
  }

  it('when asked for a seed it was not packed for then it says which seeds it has', () => {
    const r = packGrade(dir, ['sgd', '--seed', '7']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected results for --seed 1 only \(asked for 7\)/);
  });

  it('when a fixture file is damaged or a manifest edited then grading says so and what to do', () => {
    const fixture = path.join(dir, 'expected', 'sgd.fixtures');
    const manifest = path.join(dir, 'exercises', 'sgd', 'exercise.json');
    const [savedFixture, savedManifest] = [fs.readFileSync(fixture), fs.readFileSync(manifest, 'utf8')];
    const sub = submissionsOf('sgd')[0]!.dir;
    try {
      fs.writeFileSync(fixture, savedFixture.subarray(0, 40));
      let r = packGrade(dir, ['sgd', '--submission', sub]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/sgd\.fixtures is damaged .*ask your instructor for a fresh copy/);
      fs.writeFileSync(fixture, savedFixture);
      fs.writeFileSync(manifest, savedManifest.replace(/"margin": [0-9.]+/, '"margin": 0.5'));
      r = packGrade(dir, ['sgd', '--submission', sub]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/differs from the one its expected results were packed for/);
    } finally {
      fs.writeFileSync(fixture, savedFixture);
      fs.writeFileSync(manifest, savedManifest);
    }
  });

  it('when grade pack runs in the student edition then it refuses: there is no answer key', () => {
    const r = packGrade(dir, ['pack', '--out', path.join(dir, 'again')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/this is the student edition: it has no answer key/);
  });

  it('when --out holds something else then pack refuses and writes nothing', async () => {
    const other = fs.mkdtempSync(path.join(path.dirname(dir), 'not-a-pack-'));
    fs.writeFileSync(path.join(other, 'thesis.tex'), 'precious');
    await expect(pack({ out: other, exercises: ['sgd'], seeds: [1], backend: 'wasm' })).rejects.toThrow(PackError);
    expect(fs.readdirSync(other)).toEqual(['thesis.tex']);
    fs.rmSync(other, { recursive: true });
  });
});
