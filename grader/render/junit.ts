import type { GradeResult } from '../results/types.ts';
import { visibleConsole } from './student-visible.ts';

/**
 * Text safe inside an XML 1.0 attribute or element: the five special characters escaped, and
 * characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * replaced by U+FFFD.
 */
export function xmlEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (ch === '\n') out += '&#10;';
    else if (ch === '\r') out += '&#13;';
    else if (ch === '\t') out += '&#9;';
    else if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) out += '\uFFFD';
    else out += ch;
  }
  return out;
}

const secs = (ms: number): string => (ms / 1000).toFixed(3);

/**
 * JUnit XML: one `<testsuite>` per exercise, one `<testcase>` per check (classname = the
 * exercise), a `<failure>` whose message is the check's message and whose body adds the hint;
 * hidden checks carry a `hidden` property. The student's console output goes to the suite's
 * `<system-out>`.
 */
export function renderJunit(results: GradeResult[]): string {
  const tests = results.reduce((a, r) => a + r.checks.length, 0);
  const failures = results.reduce((a, r) => a + r.checks.filter((c) => !c.passed).length, 0);
  const time = results.reduce((a, r) => a + r.durationMs, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="grade" tests="${tests}" failures="${failures}" errors="0" time="${secs(time)}">`];
  for (const r of results) {
    const f = r.checks.filter((c) => !c.passed).length;
    lines.push(
      `  <testsuite name="${xmlEscape(r.exercise)}" tests="${r.checks.length}" failures="${f}" errors="0" skipped="0" time="${secs(r.durationMs)}">`,
      '    <properties>',
      `      <property name="title" value="${xmlEscape(r.title)}"/>`,
      `      <property name="score" value="${r.score}"/>`,
      `      <property name="maxScore" value="${r.maxScore}"/>`,
      `      <property name="backend" value="${xmlEscape(r.backend)}"/>`,
      `      <property name="seed" value="${r.seed}"/>`,
      '    </properties>',
    );
    for (const c of r.checks) {
      const open = `    <testcase name="${xmlEscape(c.name)}" classname="${xmlEscape(r.exercise)}" time="${secs(c.durationMs)}"`;
      const inner: string[] = [];
      if (c.hidden) inner.push('      <properties><property name="hidden" value="true"/></properties>');
      if (!c.passed) {
        const body = c.hint ? `${c.message}\nhint: ${c.hint}` : c.message;
        inner.push(`      <failure message="${xmlEscape(c.message)}" type="${xmlEscape(c.kind)}">${xmlEscape(body)}</failure>`);
      }
      lines.push(inner.length === 0 ? `${open}/>` : `${open}>\n${inner.join('\n')}\n    </testcase>`);
    }
    const printed = visibleConsole(r);
    if (printed.trim() !== '') lines.push(`    <system-out>${xmlEscape(printed)}</system-out>`);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
