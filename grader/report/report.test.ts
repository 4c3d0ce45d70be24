import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { csvField, renderCsv } from './csv.ts';
import { fakeOutDir, fakeResult } from './fixtures.ts';
import { loadResults } from './load.ts';
import { buildReport } from './model.ts';

const HINT = { hint: 'momentum as a moving average' };

/** A minimal RFC 4180 reader (for checking the writer): fields, quotes, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('last line does not end with CRLF');
  return rows;
}

describe('grade report', () => {
  it('when two shard folders are given then their students are merged into one table', () => {
    const a = fakeOutDir({ ada: [fakeResult('sgd', [true, true]), fakeResult('momentum', [true, true])] });
    const b = fakeOutDir({ ben: [fakeResult('sgd', [true, false]), fakeResult('momentum', [false, false], HINT)], carl: [fakeResult('sgd', [false, false], HINT)] });
    // A torn temporary file of an interrupted write is not a result.
    fs.writeFileSync(path.join(b, 'ben', '.sgd.json.1.tmp'), '{"exer');
    const r = buildReport(loadResults([a, b]));
    expect(r.students.map((s) => [s.name, s.total, s.max])).toEqual([
      ['ada', 20, 20],
      ['ben', 5, 20],
      ['carl', 0, 20],
    ]);
    expect(r.exercises.map((e) => e.id)).toEqual(['momentum', 'sgd']);
    const sgd = r.exercises.find((e) => e.id === 'sgd')!;
    expect(sgd).toMatchObject({ graded: 3, passed: 1 });
    expect(r.students[2]!.cells.find((c) => c.exercise === 'momentum')).toMatchObject({ present: false, status: 'missing' });
    expect(r.hints[0]).toMatchObject({ hint: 'momentum as a moving average', count: 4 });
    expect(r.checkFailures[0]).toMatchObject({ exercise: 'sgd', check: 'check 2', hidden: true, failed: 2, of: 3 });
    expect(r.histogram.reduce((a, h) => a + h.count, 0)).toBe(3);
    expect(r.histogram[9]!.count).toBe(1);
  });

  it('when the same result is in two folders then the newest is kept', () => {
    const a = fakeOutDir({ ada: [fakeResult('sgd', [false, false])] });
    const b = fakeOutDir({ ada: [fakeResult('sgd', [true, true])] });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(a, 'ada', 'sgd.json'), old, old);
    const loaded = loadResults([b, a]);
    expect(loaded.duplicates).toEqual(['ada/sgd']);
    expect(loaded.byStudent.get('ada')!.get('sgd')!.score).toBe(10);
  });

  it('when a stored result is damaged then its student stays in the gradebook with 0 for it, flagged with the file and why; a stray file is skipped with why', async () => {
    const dir = fakeOutDir({ ada: [fakeResult('sgd', [true, true])], ben: [fakeResult('sgd', [true, false]), fakeResult('momentum', [true, true, true])], cy: [fakeResult('sgd', [true, true])] });
    // ben's sgd cut off mid-write by hand; cy's momentum with a score that is not a number (it read as NaN in the CSV before); a stray file.
    fs.writeFileSync(path.join(dir, 'ben', 'sgd.json'), '{"exercise": "sgd", "score": 1');
    fs.writeFileSync(path.join(dir, 'cy', 'momentum.json'), JSON.stringify({ ...fakeResult('momentum', [true, true, true]), score: 'x' }));
    fs.writeFileSync(path.join(dir, 'cy', 'notes.json'), '[]');
    const loaded = loadResults([dir]);
    expect(loaded.unreadable.map(({ student, exercise, why }) => [student, exercise, why])).toEqual(expect.arrayContaining([
      ['ben', 'sgd', expect.stringMatching(/^is not valid JSON/)],
      ['cy', 'momentum', '"score" is "x", not a number ≥ 0'],
      ['cy', undefined, 'not a JSON object'],
    ]));
    expect(loaded.byStudent.get('ben')!.get('sgd')).toMatchObject({ score: 0, graderError: expect.stringMatching(/ben\/sgd\.json is not valid JSON/) });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'report-damaged-'));
    const err: string[] = [];
    expect(await main(['report', dir, '--csv', path.join(out, 'g.csv')], { out: () => undefined, err: (t) => err.push(t) })).toBe(EXIT.passed);
    expect(fs.readFileSync(path.join(out, 'g.csv'), 'utf8')).toBe('student,momentum,sgd,total\r\nada,,10,10\r\nben,15,0,15\r\ncy,0,10,10\r\n');
    expect(err.join('\n')).toMatch(/cy\/momentum\.json "score" is "x", not a number ≥ 0: cy counts 0 for momentum here; rerun grade batch/);
    expect(err.join('\n')).toMatch(/skipped .*cy\/notes\.json: not a result file \(not a JSON object\)/);
  });

  it('when names hold commas, quotes and newlines then the CSV quotes them per RFC 4180 and reads back the same', () => {
    const names = ['plain', 'O\'Brien, Pat', 'say "hi"', 'two\nlines', 'cr\r\nlf'];
    const dir = fakeOutDir(Object.fromEntries(names.map((n, i) => [n, [fakeResult('sgd', [i % 2 === 0, true])]])));
    const csv = renderCsv(buildReport(loadResults([dir])));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['student', 'sgd', 'total']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(rows.find((r) => r[0] === 'say "hi"')).toEqual(['say "hi"', '10', '10']);
    expect(csv).toContain('"say ""hi"""');
    expect(csv).toContain('"O\'Brien, Pat"');
    for (const r of rows) expect(r).toHaveLength(3);
  });

  it('when a damaged result sits in a folder whose name holds escapes and a newline then the stderr note about it stays one clean line', async () => {
    const name = 'eve\u001b[2J\nforged';
    const dir = fakeOutDir({ [name]: [fakeResult('sgd', [true, true])], ada: [fakeResult('sgd', [true, true])] });
    fs.writeFileSync(path.join(dir, name, 'sgd.json'), '{"exercise": "sgd"');
    const err: string[] = [];
    expect(await main(['report', dir, '--csv', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-eve-')), 'g.csv')], { out: () => undefined, err: (t) => err.push(t) })).toBe(EXIT.passed);
    const note = err.find((l) => l.includes('is not valid JSON'))!;
    expect(note).toMatch(/eve forged\/sgd\.json is not valid JSON .*: eve forged counts 0 for sgd here/);
    expect(note).not.toMatch(/[\u001b\n]/);
  });

  it('when a folder name holds terminal escapes and control characters then none reaches the CSV', () => {
    const dir = fakeOutDir({ 'eve\u001b[2J\u001b]0;pwned\u0007\u0001x': [fakeResult('sgd', [true, true])] });
    const csv = renderCsv(buildReport(loadResults([dir])));
    expect(csv).toBe('student,sgd,total\r\nevex,10,10\r\n');
  });

  it('when a field could run as a spreadsheet formula then it is defused, and plain fields stay bare', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('ada')).toBe('ada');
    expect(csvField(12.5, false)).toBe('12.5');
  });

  it('when run from the CLI on two folders then it writes the HTML and the CSV; with no output named, exit 2', async () => {
    const a = fakeOutDir({ ada: [fakeResult('sgd', [true, true])] });
    const b = fakeOutDir({ ben: [fakeResult('sgd', [false, true])] });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'report-out-'));
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['report', a, b, '--html', path.join(out, 'r.html'), '--csv', path.join(out, 'g.csv')], io)).toBe(EXIT.passed);
    expect(fs.readFileSync(path.join(out, 'g.csv'), 'utf8')).toBe('student,sgd,total\r\nada,10,10\r\nben,5,5\r\n');
    expect(fs.readFileSync(path.join(out, 'r.html'), 'utf8')).toMatch(/<svg/);
    expect(await main(['report', a], io)).toBe(EXIT.usage);
    expect(await main(['report', path.join(out, 'nope'), '--csv', path.join(out, 'x.csv')], io)).toBe(EXIT.usage);
  });
});
