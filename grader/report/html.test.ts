import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeOutDir, fakeResult } from './fixtures.ts';
import { renderHtml } from './html.ts';
import { loadResults } from './load.ts';
import { buildReport } from './model.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function sampleReport(): string {
  const dir = fakeOutDir({
    ada: [fakeResult('sgd', [true, true]), fakeResult('momentum', [true, true, true])],
    'ben <i>&"': [fakeResult('sgd', [true, false], { hint: 'forgot the learning rate' }), fakeResult('momentum', [false, true, false], { hint: 'moving average' }, 'debug </pre><script>alert(1)</script>')],
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

  it.skipIf(!fs.existsSync(CHROMIUM))(`when opened in headless Chromium then it loads with no console errors and shows the students and scores${fs.existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is not installed; .ci/run installs Debian's chromium)`}`, async () => {
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
    } finally {
      await browser.close();
    }
  });
});
