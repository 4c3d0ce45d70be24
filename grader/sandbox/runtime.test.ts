import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRuntime, pruneOlderBuilds } from './runtime.ts';

describe('sandbox runtime builds', () => {
  it('when a new build of a bundle is written then earlier builds over an hour old go, recent ones and other bundles stay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-'));
    const names = ['tasks-vae-0000000000000001.mjs', 'tasks-vae-0000000000000002.mjs', 'tasks-vae-0000000000000003.mjs', 'tasks-beta-vae-0000000000000004.mjs', 'child-0000000000000005.mjs'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), '');
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (const n of [names[0]!, names[3]!, names[4]!]) fs.utimesSync(path.join(dir, n), old, old);
    pruneOlderBuilds(dir, 'tasks-vae', path.join(dir, names[2]!));
    expect(fs.readdirSync(dir).sort()).toEqual([names[4], names[3], names[1], names[2]].sort());
    fs.rmSync(dir, { recursive: true });
  });

  it('when a sandbox starts from a build then the build counts as used now, so a newer build does not prune it for an hour', async () => {
    const file = await childRuntime();
    const old = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(file, old, old);
    expect(await childRuntime()).toBe(file);
    expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(60_000);
  });
});
