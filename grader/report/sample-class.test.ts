import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { runBatch } from '../batch/batch.ts';
import { latestSnapshot } from '../batch/history.ts';
import { EXIT, main } from '../cli.ts';
import { CANVAS_IDENTITY } from './canvas.ts';
import { loadResults } from './load.ts';
import { buildReport } from './model.ts';

// A deliberate change to one check's tolerance, switched on by the last test: the margin of
// sgd's accuracy check (how far below the reference's accuracy a student may land) becomes
// −0.5, a bar above 100%, so every submission that passed that check before fails it now, and
// nothing else moves. (An output check's rtol/atol would not do: values equal to the
// reference's bit for bit pass at any tolerance.)
const tolerance = vi.hoisted(() => ({ changed: false }));
const CHANGED_CHECK = vi.hoisted(() => 'trains an MLP on MNIST');
vi.mock('../manifest/load.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../manifest/load.ts')>();
  return {
    ...mod,
    loadManifest: (id: string) => {
      const m = mod.loadManifest(id);
      if (!tolerance.changed || id !== 'sgd') return m;
      return { ...m, checks: m.checks.map((c) => (c.name === CHANGED_CHECK ? { ...c, margin: -0.5 } : c)) };
    },
  };
});

const EXERCISES = ['sgd', 'dense', 'softmax-cross-entropy'];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-class-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-class-files-'));
const batch = (force: boolean) => runBatch({ classDir: 'examples/class', outDir: out, exercises: EXERCISES, jobs: 2, backend: 'wasm', seed: 1, timeout: 10, force });

function capture(): { io: { out: (t: string) => void; err: (t: string) => void }; out: string[]; err: string[] } {
  const o: string[] = [];
  const e: string[] = [];
  return { io: { out: (t) => o.push(t), err: (t) => e.push(t) }, out: o, err: e };
}

const csv = (file: string): string[][] => parse(fs.readFileSync(file), { bom: true, relax_column_count: false }) as string[][];

describe('the sample class from grading to the LMS and through regrades', () => {
  it('when graded and exported with a roster then the Canvas, Moodle and plain files and the feedback pages parse back and match the class table', async () => {
    const s = await batch(false);
    expect(s.graded).toBe(9);
    const loaded = loadResults([out]);
    // Every stored result says what it was made with.
    for (const m of loaded.byStudent.values()) for (const r of m.values()) expect(r.environment).toMatchObject({ backend: expect.stringMatching(/^(wasm|none)$/), seed: 1, tfjs: expect.stringMatching(/^\d+\.\d+\.\d+$/), node: process.versions.node, platform: `${process.platform}-${process.arch}` });
    const table = buildReport(loaded);
    const roster = path.join(files, 'roster.csv');
    fs.writeFileSync(roster, 'folder,name,lms_id,sis_id,login,email,section\r\nada,"Lovelace, Ada",101,S-1,ada,ada@example.edu,A\r\nben,"Bitdiddle, Ben",102,S-2,ben,ben@example.edu,B\r\ncarol,"Carol, C.",103,S-3,carol,carol@example.edu,A\r\n');
    const c = capture();
    const f = { canvas: path.join(files, 'canvas.csv'), moodle: path.join(files, 'moodle.csv'), plain: path.join(files, 'plain.csv'), pages: path.join(files, 'pages') };
    const html = path.join(files, 'roster-report.html');
    expect(await main(['report', out, '--roster', roster, '--canvas', f.canvas, '--moodle', f.moodle, '--plain', f.plain, '--per-student', f.pages, '--html', html], c.io)).toBe(EXIT.passed);
    expect(fs.readFileSync(html, 'utf8')).toMatch(/not in the roster \(left out of the LMS files\): <code>mallory<\/code>[\s\S]*without results \(blank in the LMS files\): Carol, C\. \(carol\)/);
    // mallory has results but no roster row; carol has a roster row but no results: both said, neither dropped silently.
    expect(c.err.join('\n')).toMatch(/folder mallory has results but is not in the roster/);
    expect(c.err.join('\n')).toMatch(/Carol, C\. \(folder carol\) is in the roster but has no results/);

    const cell = (student: string, ex: string) => table.students.find((x) => x.name === student)!.cells.find((x) => x.exercise === ex)!;
    const total = (student: string) => table.students.find((x) => x.name === student)!.total;
    const exerciseCols = table.exercises.map((e) => e.id);
    expect([...exerciseCols].sort()).toEqual([...EXERCISES].sort());

    const canvas = csv(f.canvas);
    expect(canvas[0]!.slice(0, 5)).toEqual([...CANVAS_IDENTITY]);
    expect(canvas[0]!.slice(5).map((h) => h.split(' — ')[0])).toEqual(exerciseCols);
    expect(canvas[1]).toEqual(['Points Possible', '', '', '', '', ...table.exercises.map((e) => String(e.maxScore))]);
    expect(canvas.slice(2).map((r) => r.slice(0, 5))).toEqual([
      ['Lovelace, Ada', '101', 'S-1', 'ada', 'A'],
      ['Bitdiddle, Ben', '102', 'S-2', 'ben', 'B'],
      ['Carol, C.', '103', 'S-3', 'carol', 'A'],
    ]);
    for (const [i, student] of ['ada', 'ben'].entries()) expect(canvas[2 + i]!.slice(5).map(Number)).toEqual(exerciseCols.map((e) => cell(student, e).score));
    expect(canvas[4]!.slice(5)).toEqual(exerciseCols.map(() => ''));

    const moodle = parse(fs.readFileSync(f.moodle), { columns: true }) as Record<string, string>[];
    expect(moodle.map((r) => [r['Email address'], r['ID number'], r.Total])).toEqual([
      ['ada@example.edu', 'S-1', String(total('ada'))],
      ['ben@example.edu', 'S-2', String(total('ben'))],
      ['carol@example.edu', 'S-3', ''],
    ]);
    expect(moodle[1]!.Feedback).toMatch(/hint: /);

    const plain = csv(f.plain);
    expect(plain[0]).toEqual(['student_id', 'score', 'max', 'comments']);
    const max = table.exercises.reduce((a, e) => a + e.maxScore, 0);
    expect(plain.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['S-1', String(total('ada')), String(max)],
      ['S-2', String(total('ben')), String(max)],
      ['S-3', '', String(max)],
    ]);

    // A hidden check's message never reaches what students are sent.
    const hiddenMessages = table.students.flatMap((st) => st.results.flatMap((r) => r.checks.filter((ch) => ch.hidden && !ch.passed).map((ch) => ch.message)));
    for (const file of [f.moodle, f.plain, ...fs.readdirSync(f.pages).map((p) => path.join(f.pages, p))]) for (const m of hiddenMessages) expect(fs.readFileSync(file, 'utf8')).not.toContain(m);

    expect(fs.readdirSync(f.pages).sort()).toEqual(['S-1.html', 'S-2.html']);
    const page = fs.readFileSync(path.join(f.pages, 'S-2.html'), 'utf8');
    expect(page).toContain(`<h1>Bitdiddle, Ben — ${total('ben')}/${max}`);
    const summary = [...page.matchAll(/<tr><td>([\w-]+) <span class="muted">[^<]*<\/span><\/td><td>([\d.]+)\/([\d.]+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2])]);
    expect(summary).toEqual(exerciseCols.map((e) => [e, cell('ben', e).score]));
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  }, 300_000);

  it('when the class is regraded with the same grader and seed then the previous results are kept and the diff shows no change (exit 0)', async () => {
    const s = await batch(true);
    expect(s.graded).toBe(9);
    expect(s.previous).toBe(latestSnapshot(out));
    expect(fs.readdirSync(s.previous!).sort()).toEqual(['ada', 'ben', 'mallory']);
    const c = capture();
    expect(await main(['report', '--diff', s.previous!, out], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/^no changes: 9 grades compared/);
  }, 300_000);

  it('when one check\'s tolerance changes and the class is regraded then the diff lists exactly the grades that check moved (exit 1) and the report flags the drops', async () => {
    const before = buildReport(loadResults([out]));
    // The grades the change must move: every submission that passed the changed check.
    const expected = before.students.filter((st) => st.results.find((r) => r.exercise === 'sgd')?.checks.find((ch) => ch.name === CHANGED_CHECK)?.passed).map((st) => `${st.name} sgd`);
    expect(expected).toEqual(['ada sgd', 'ben sgd']);
    tolerance.changed = true;
    try {
      const s = await batch(true);
      const c = capture();
      expect(await main(['report', '--diff', s.previous!, out], c.io)).toBe(1);
      const text = c.out.join('\n');
      const listed = [...text.matchAll(/^(\S+) (\S+): [\d.–]+ → /gm)].map((m) => `${m[1]} ${m[2]}`);
      expect(listed).toEqual(expected);
      expect(text).toMatch(/^2 grades differ .*: 2 changed of 9 compared, 0 only in the new run, 0 only in the old run/);
      expect(text.match(/\* trains an MLP on MNIST +✓ 4\/4 +→ ✗ 0\/4/g)).toHaveLength(2);
      expect(text.match(/^ {2}\*/gm)).toHaveLength(2);
      expect(text).toMatch(/why: check spec changed \(tolerance, budget or margin\): trains an MLP on MNIST/);
      const html = path.join(files, 'report.html');
      expect(await main(['report', out, '--html', html], capture().io)).toBe(EXIT.passed);
      expect(fs.readFileSync(html, 'utf8').match(/↓ was 10/g)).toHaveLength(2);
    } finally {
      tolerance.changed = false;
    }
  }, 300_000);
});
