import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, SKIPPED_WITHOUT_CHROMIUM } from '../../test/chromium.ts';
import { runBatch } from '../batch/batch.ts';
import { EXIT, main } from '../cli.ts';

// The bundled sample class on one training exercise (sgd: a learning curve) and one sampler
// (boltzmann: the final states over the exact distribution), graded and reported as the
// README's quickstart does, then opened as a page.
const EXERCISES = ['sgd', 'boltzmann'];

describe("the sample class's HTML report", () => {
  it.skipIf(!HAS_CHROMIUM)(`when opened in headless Chromium then each student's section shows their learning curve and sampler plot, decoded${SKIPPED_WITHOUT_CHROMIUM}`, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-class-pictures-'));
    await runBatch({ classDir: 'examples/class', outDir: out, exercises: EXERCISES, jobs: 2, backend: 'wasm', seed: 1, timeout: 10 });
    const html = path.join(out, 'report.html');
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['report', out, '--html', html], io)).toBe(EXIT.passed);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.goto(`file://${html}`, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      const imgs = await page.$$eval('section.student img', (els) =>
        els.map((e) => {
          const img = e as HTMLImageElement;
          return { student: img.closest('section')!.querySelector('h3')!.textContent!.split(' — ')[0], alt: img.alt, w: img.naturalWidth, h: img.naturalHeight };
        }),
      );
      const of = (student: string) => imgs.filter((i) => i.student === student);
      for (const student of ['ada', 'ben']) {
        // The curve's caption names the loss and the test accuracy; the sampler's the χ² test, n, p and α.
        expect(of(student).map((i) => i.alt).sort(), student).toEqual([expect.stringMatching(/^loss: the mean training loss/), expect.stringMatching(/^χ² test: n = 20,000, p = .*, α = /)].sort());
        // Decoded (a broken data URI has no size), thumbnails at most 480 px on the longer side.
        for (const i of of(student)) expect([Math.max(i.w, i.h), Math.min(i.w, i.h) > 200], `${student}: ${i.alt}`).toEqual([480, true]);
      }
      // ada's sampler is correct, ben's uses σ(h) for σ(2h): the captions say which the test accepted.
      expect(of('ada').find((i) => i.alt.startsWith('χ²'))!.alt).toMatch(/consistent with the exact distribution/);
      expect(of('ben').find((i) => i.alt.startsWith('χ²'))!.alt).toMatch(/rejected/);
      // mallory's sgd throws while loading and she handed in no boltzmann: nothing to draw.
      expect(of('mallory')).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
