import fs from 'node:fs';
import Handlebars from 'handlebars';
import { repoPath } from '../paths.ts';
import type { ClassReport, StudentRow } from './model.ts';
import { studentThumbnails } from './pictures.ts';
import { barChartSvg, hbarChartSvg } from './svg.ts';

/** What the roster did not match, shown in the report (and said on stderr). */
export interface RosterNotes {
  file: string;
  unknownFolders: string[];
  withoutSubmission: string[];
}

export const REPORT_TEMPLATE = repoPath('reports', 'templates', 'report.hbs');

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function engine(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('pts', (x: number | undefined) => (typeof x === 'number' ? pts(x) : '–'));
  hb.registerHelper('pct', (x: number) => `${Math.round(x * 100)}%`);
  hb.registerHelper('pct100', (x: number) => `${Math.round(x)}%`);
  hb.registerHelper('secs', (ms: number) => `${(ms / 1000).toFixed(1)} s`);
  hb.registerHelper('lt', (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a < b);
  return hb;
}

/** A student's results with each check's inlined pictures (`thumbs`) and how many were left out. */
function withThumbnails(s: StudentRow): StudentRow & { picturesLeftOut: number } {
  const { byCheck, left } = studentThumbnails(s.results);
  return { ...s, picturesLeftOut: left, results: s.results.map((r) => ({ ...r, checks: r.checks.map((c) => ({ ...c, thumbs: byCheck.get(c) ?? [] })) })) };
}

/**
 * The instructor report: a self-contained HTML page (inline CSS and SVG, the checks' pictures as
 * data-URI thumbnails, a few per student; nothing fetched from the network), rendered from
 * reports/templates/report.hbs. Every value reaches the page through handlebars' escaping; the
 * charts are built here with their text XML-escaped.
 */
export function renderHtml(report: ClassReport, meta: { sources: string[]; generated: string; roster?: RosterNotes }): string {
  const template = engine().compile(fs.readFileSync(REPORT_TEMPLATE, 'utf8'), { strict: false });
  const histogramSvg = barChartSvg(report.histogram, 'Students by total score');
  const passRateSvg = hbarChartSvg(
    report.exercises.map((e) => ({ label: e.id, value: e.passed, of: e.graded })),
    'Students passing every check, per exercise',
  );
  const failuresSvg = hbarChartSvg(
    report.checkFailures.slice(0, 30).map((f) => ({ label: `${f.exercise} › ${f.check}`, value: f.failed, of: f.of, hidden: f.hidden })),
    'Students failing each check',
  );
  return template({
    ...report,
    students: report.students.map(withThumbnails),
    meta,
    classMeanText: `${Math.round(report.classMean)}%`,
    histogramSvg: new Handlebars.SafeString(histogramSvg),
    passRateSvg: new Handlebars.SafeString(passRateSvg),
    failuresSvg: new Handlebars.SafeString(failuresSvg),
  });
}
