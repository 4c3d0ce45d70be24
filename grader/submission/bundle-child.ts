/**
 * The bundler process: `node bundler.mjs <staging-root> <entry>` bundles one staged submission
 * and writes one JSON line to stdout: `{ ok: true, code }` or `{ ok: false, errors }`.
 * It runs in a process of its own (bundle.ts starts it under a time and memory limit), so a
 * file that crashes or exhausts esbuild costs that submission only: the next one gets a fresh
 * bundler. It reads nothing but the staging copy (confine-plugin.ts).
 */
import { build, type Message } from 'esbuild';
import { confinePlugin } from './confine-plugin.ts';

export type BundlerReply = { ok: true; code: string } | { ok: false; errors: { text: string; file?: string; line?: number; column?: number }[] };

function reply(r: BundlerReply): void {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

async function main(): Promise<void> {
  const [root, entry] = process.argv.slice(2);
  if (!root || !entry) return reply({ ok: false, errors: [{ text: 'grader: the bundler was started without a submission' }] });
  try {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      absWorkingDir: root,
      // No tsconfig.json anywhere is read; the plugin alone resolves imports.
      tsconfigRaw: '{}',
      plugins: [confinePlugin(root)],
    });
    reply({ ok: true, code: out.outputFiles[0]!.text });
  } catch (e) {
    const errors = ((e as { errors?: Message[] }).errors ?? []).slice(0, 20);
    if (errors.length === 0) return reply({ ok: false, errors: [{ text: `could not be compiled: ${String((e as Error).message).slice(0, 500)}` }] });
    reply({ ok: false, errors: errors.map((m) => ({ text: m.text.slice(0, 1000), file: m.location?.file, line: m.location?.line, column: m.location?.column })) });
  }
}

void main();
