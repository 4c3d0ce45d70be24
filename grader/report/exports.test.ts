import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { parseCanvasIds, renderCanvasCsv } from './canvas.ts';
import { fakeOutDir, fakeResult } from './fixtures.ts';
import { gradebookRows } from './gradebook.ts';
import { loadResults } from './load.ts';
import { buildReport } from './model.ts';
import { renderMoodleCsv } from './moodle.ts';
import { renderStudentPage } from './per-student.ts';
import { renderPlainCsv } from './plain.ts';

const SECRET_PRINT = 'hidden inputs x=[9,9,9]';
const SECRET_MESSAGE = 'wrong value in check 3';

function classWithHiddenFailure() {
  const sgd = fakeResult('sgd', [true, false, false], { hint: 'forgot the learning rate' });
  sgd.checks = sgd.checks.map((c, i) => ({ ...c, console: i === 2 ? SECRET_PRINT : 'public print\n' }));
  sgd.studentConsole = 'public print\npublic print\n'; // the grade step's top-level console: loading and public checks only
  return buildReport(loadResults([fakeOutDir({ '=cmd|calc': [sgd], ada: [fakeResult('sgd', [true, true, true])] })]));
}

describe('gradebook exports', () => {
  it('when a folder name could run as a formula then every CSV defuses it and still parses back to the same rows', () => {
    const report = classWithHiddenFailure();
    const book = gradebookRows(report);
    for (const text of [renderCanvasCsv(report, book), renderMoodleCsv(report, book), renderPlainCsv(report, book)]) {
      const rows = parse(text) as string[][];
      expect(text.endsWith('\r\n')).toBe(true);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      expect(text).not.toMatch(/(^|,)=cmd/m);
    }
    expect((parse(renderCanvasCsv(report, book, undefined, parseCanvasIds('sgd=4521'))) as string[][])[0]!.at(-1)).toBe('sgd — sgd title (4521)');
    expect(() => parseCanvasIds('sgd=x')).toThrow(/exercise=CanvasAssignmentId pairs/);
    const numbered = buildReport(loadResults([fakeOutDir({ ada: [{ ...fakeResult('mlp', [true]), title: 'MLP on MNIST (2)' }] })]));
    expect((parse(renderCanvasCsv(numbered, gradebookRows(numbered))) as string[][])[0]!.at(-1)).toBe('mlp — MLP on MNIST [2]');
    const canvas = parse(renderCanvasCsv(report, book, 'Autograder (4521)')) as string[][];
    expect(canvas).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Autograder (4521)'],
      ['Points Possible', '', '', '', '', '15'],
      ["'=cmd|calc", '', '', '', '', '5'],
      ['ada', '', '', '', '', '15'],
    ]);
  });

  it('when a hidden check failed and printed then the comments and the feedback page give only its points', () => {
    const report = classWithHiddenFailure();
    const book = gradebookRows(report);
    const plain = parse(renderPlainCsv(report, book), { columns: true }) as Record<string, string>[];
    const comments = plain.find((r) => r.student_id === "'=cmd|calc")!.comments;
    expect(comments).toBe('sgd: 5/15\n- check 2: wrong value in check 2 (hint: forgot the learning rate)\n- hidden checks: 0/5 points');
    const page = renderStudentPage(report.students.find((s) => s.name === '=cmd|calc')!, { generated: 'now' });
    expect(page).toContain('public print');
    expect(page).toContain('wrong value in check 2');
    for (const text of [renderMoodleCsv(report, book), page]) {
      expect(text).not.toContain(SECRET_PRINT);
      expect(text).not.toContain(SECRET_MESSAGE);
    }
  });

  it('when a grade is one the grader could not finish then the report says so before anything is exported', async () => {
    const dir = fakeOutDir({ ada: [{ ...fakeResult('sgd', [false, false]), graderError: 'no bundler' }], ben: [fakeResult('sgd', [true, true])] });
    const err: string[] = [];
    const plain = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unfinished-')), 'p.csv');
    expect(await main(['report', dir, '--plain', plain], { out: () => undefined, err: (t) => err.push(t) })).toBe(EXIT.passed);
    expect(err).toEqual(['grade report: 1 grade the grader could not finish count 0 here (ada/sgd): rerun grade batch, which retries them, before exporting']);
  });

  it('when a check drew a picture then the feedback page carries it inline and fetches nothing', () => {
    const r = fakeResult('gan', [true, true]);
    const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'page-')), 'ring.png');
    fs.writeFileSync(png, PNG.sync.write(new PNG({ width: 2, height: 2 })));
    r.checks[0]!.images = [{ path: png, caption: 'ring <samples>' }];
    const report = buildReport(loadResults([fakeOutDir({ ada: [r] })]));
    const page = renderStudentPage(report.students[0]!, { generated: 'now' });
    expect(page).toMatch(/<img alt="ring &lt;samples&gt;" src="data:image\/png;base64,iVBORw0KGgo([A-Za-z0-9+/]|&#x3D;)+">/);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
