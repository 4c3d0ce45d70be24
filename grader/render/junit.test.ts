import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { fakeResult } from '../report/fixtures.ts';
import { renderJunit, xmlEscape } from './junit.ts';
import { xmlProblem } from './xml-check.ts';

const nasty = 'got <NaN> & "worse" at x[0] \'here\'\u0001\u0000 ]]> \ud800 end';

describe('the JUnit renderer', () => {
  it('when the checker meets broken XML then it says so (it is a real check)', () => {
    expect(xmlProblem('<a><b></a></b>')).toMatch(/wrong element/);
    expect(xmlProblem('<a x="1 & 2"/>')).toMatch(/entity/);
    expect(xmlProblem('<a x="<"/>')).toMatch(/'<'/);
    expect(xmlProblem('<a/><b/>')).toMatch(/more than one root/);
    expect(xmlProblem('<a>\u0001</a>')).toMatch(/forbidden/);
    expect(xmlProblem('<?xml version="1.0"?>\n<a b="&amp;"><c/>t&#10;</a>\n')).toBeUndefined();
  });

  it('when checks fail with special characters then the XML is well formed, one suite per exercise, one case per check', () => {
    const results = [fakeResult('sgd', [true, false], { message: nasty, hint: 'use <lr> & "g"' }, 'printed </system-out> & \u0007 bell'), fakeResult('momentum', [false, false, true])];
    const xml = renderJunit(results);
    expect(xmlProblem(xml)).toBeUndefined();
    const suites = xml.split('<testsuite ').slice(1);
    expect(suites).toHaveLength(2);
    expect(suites[0]).toMatch(/^name="sgd" tests="2" failures="1"/);
    expect(suites[1]).toMatch(/^name="momentum" tests="3" failures="2"/);
    expect(xml.split('<testcase ').length - 1).toBe(5);
    expect(xml.split('<failure ').length - 1).toBe(3);
    expect(xml).toContain(`message="${xmlEscape(nasty)}"`);
    expect(xml).toContain('hint: use &lt;lr&gt; &amp; &quot;g&quot;');
    expect(xml).toMatch(/<testsuites name="grade" tests="5" failures="3"/);
    expect(xml).toMatch(/<property name="hidden" value="true"\/>/);
  });

  it('when checks carry their own console output then the suite\'s system-out has the public checks\' output only', () => {
    const r = fakeResult('sgd', [true, false, false]);
    r.checks = r.checks.map((c, i) => ({ ...c, console: i === 2 ? 'SECRET hidden input\n' : `public ${i + 1}\n` }));
    r.studentConsole = 'public 1\npublic 2\n'; // the grade step's top-level console: loading and public checks only
    const xml = renderJunit([r]);
    expect(xml).toContain(`<system-out>${xmlEscape('public 1\npublic 2\n')}</system-out>`);
    expect(xml).not.toContain('SECRET');
  });

  it('when several exercises are graded from the CLI with --format junit --out then the file holds a suite for each', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'junit-')), 'junit.xml');
    const code = await main(['sgd', 'momentum', '--submission', 'examples/class/mallory', '--backend', 'wasm', '--format', 'junit', '--out', file], { out: () => undefined, err: () => undefined });
    expect(code).toBe(EXIT.failed);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toMatch(/<testsuite name="sgd" tests="3" failures="3"/);
    expect(xml).toMatch(/<testsuite name="momentum" tests="3" failures="3"/);
    expect(xml).toMatch(/threw while loading at sgd\.ts:\d+:\d+: Error: mallory was here/);
  });
});
