import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { writeCheckImages } from '../images/write.ts';
import type { CheckImage } from '../results/types.ts';
import { fakeOutDir, fakeResult } from './fixtures.ts';
import { renderHtml } from './html.ts';
import { loadResults } from './load.ts';
import { buildReport } from './model.ts';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, HAS_CHROMIUM, SKIPPED_WITHOUT_CHROMIUM } from '../../test/chromium.ts';


/** A learning-curve chart and a big grid written as the grader writes them, for the report to inline. */
function pictures(): { curve: CheckImage; grid: CheckImage; notPng: CheckImage } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pictures-'));
  const [curve, grid] = writeCheckImages([
    { kind: 'line', name: 'curve', caption: 'loss <per> epoch', xLabel: 'epoch', yLabel: 'loss', series: [{ label: 'you', role: 'student', y: [2, 3, 4] }, { label: 'reference', role: 'reference', y: [2, 1, 0.5] }] },
    { kind: 'grid', name: 'grid', caption: 'samples', pixels: Float32Array.from({ length: 64 * 784 }, (_, i) => (i * 7919) % 255 / 255), count: 64, height: 28, width: 28, cols: 8 },
  ], dir);
  const notPng = path.join(dir, 'secret.txt');
  fs.writeFileSync(notPng, 'not a picture');
  return { curve: curve!, grid: grid!, notPng: { path: notPng, caption: 'x' } };
}

function sampleReport(): string {
  const { curve, grid, notPng } = pictures();
  const dir = fakeOutDir({
    ada: [fakeResult('sgd', [true, true]), fakeResult('momentum', [true, true, true])],
    'ben <i>&"': [fakeResult('sgd', [true, false], { hint: 'forgot the learning rate', images: [curve, notPng] }), fakeResult('momentum', [false, true, false], { hint: 'moving average', images: [grid, curve, curve, curve] }, 'debug </pre><script>alert(1)</script>')],
    mallory: [fakeResult('sgd', [false, false], { message: 'timed out after 2 s' }), fakeResult('momentum', [false, false, false])],
  });
  return renderHtml(buildReport(loadResults([dir])), { sources: [dir], generated: '2024-01-01T00:00:00Z' });
}

describe('the HTML report', () => {
  it('when rendered then every value is escaped and nothing is fetched from elsewhere', () => {
    const html = sampleReport();
    expect(html).toContain('ben &lt;i&gt;&amp;&quot;');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/<span class="hidden-tag">hidden<\/span>/);
  });

  it('inlines at most 4 pictures per student as PNG data URIs of at most 480 px, never a file that is not a PNG', () => {
    const html = sampleReport();
    const uris = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => m[1]!.replace(/&#x3D;/g, '='));
    expect(uris).toHaveLength(4); // ben's 10 pictures (two failed checks share 4): 4 inlined, the non-PNG skipped, 5 left out
    for (const b64 of uris) {
      const png = PNG.sync.read(Buffer.from(b64, 'base64'));
      expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(480);
    }
    expect(html).not.toContain(Buffer.from('not a picture').toString('base64'));
    expect(html).toMatch(/6 more picture\(s\) not shown here/);
    expect(html).toContain('alt="loss &lt;per&gt; epoch"');
  });

  it.skipIf(!HAS_CHROMIUM)(`when opened in headless Chromium then it loads with no console errors and shows the students and scores${SKIPPED_WITHOUT_CHROMIUM}`, async () => {
    const { chromium } = await import('playwright-core');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-html-')), 'report.html');
    fs.writeFileSync(file, sampleReport());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);

      const rows = await page.$$eval('#grades tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
      expect(rows).toEqual([
        ['ada', '15', '10', '25/25', '100%'],
        ['ben <i>&"', '5', '5', '10/25', '40%'],
        ['mallory', '0', '0', '0/25', '0%'],
      ]);
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(3);
      const text = await page.locator('body').innerText();
      expect(text).toMatch(/timed out after 2 s/);
      expect(text).toMatch(/moving average/);
      expect(await page.locator('#feedback ~ section.student h3').allInnerTexts()).toEqual(['ada — 25/25 (100%)', 'ben <i>&" — 10/25 (40%)', 'mallory — 0/25 (0%)']);
      // ben's pictures are in his section, and every one decoded (a broken data URI has naturalWidth 0).
      const imgs = await page.$$eval('section.student img', (els) => els.map((e) => ({ student: e.closest('section')!.querySelector('h3')!.textContent, w: (e as HTMLImageElement).naturalWidth, h: (e as HTMLImageElement).naturalHeight, complete: (e as HTMLImageElement).complete })));
      expect(imgs).toHaveLength(4);
      for (const i of imgs) {
        expect(i.student).toMatch(/^ben/);
        expect(i.complete).toBe(true);
        expect(i.w).toBeGreaterThan(100);
        expect(i.h).toBeGreaterThan(100);
      }
    } finally {
      await browser.close();
    }
  });
});
