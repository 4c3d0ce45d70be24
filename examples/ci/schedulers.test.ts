/**
 * What can be checked of the cluster recipes without a cluster: the Slurm scripts parse, the
 * Kubernetes manifests and the Actions matrix hold the keys `--shard auto` relies on, and every
 * `grade` command line in them names a verb and options the CLI has.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { createProgram } from '../../grader/cli.ts';
import { shardFromEnv } from '../../grader/batch/shard-env.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '..');
const read = (f: string): string => fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
const yamlOf = (f: string): any => parse(read(f));

/** Every `grade <verb> …` command line in a text (`node bin/grade.js …` or `npx grade …`), as words. */
function gradeCommands(text: string): string[][] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').filter((l) => !/^\s*#/.test(l));
  const out: string[][] = [];
  for (const l of lines) {
    const m = /(?:node bin\/grade\.js|npx grade)\s+(.*)$/.exec(l);
    if (m) out.push(m[1]!.split(/\s+/).filter((w) => w !== ''));
  }
  return out;
}

/** Fails when a command line names a verb or a --option the CLI does not have. */
function expectKnownToCli(words: string[], where: string): void {
  const program = createProgram({ out: () => undefined, err: () => undefined });
  const verb = program.commands.find((c) => c.name() === words[0]);
  expect(verb, `${where}: grade ${words[0]} is not a verb`).toBeDefined();
  const known = new Set(verb!.options.flatMap((o) => [o.long, o.short]).filter(Boolean));
  for (const w of words.filter((x) => x.startsWith('--'))) expect(known.has(w.split('=')[0]), `${where}: grade ${words[0]} has no option ${w}`).toBe(true);
}

describe('the Slurm example', () => {
  const scripts = ['slurm/grade-shard.sbatch', 'slurm/report.sbatch', 'slurm/submit.sh'];

  it('when checked with bash -n then every script parses, and its #SBATCH array is contiguous or stepped', () => {
    for (const s of scripts) execFileSync('bash', ['-n', path.join(EXAMPLES, s)]);
    expect(read('slurm/grade-shard.sbatch')).toMatch(/^#SBATCH --array=\d+-\d+(:\d+)?$/m);
  });

  it('when its grade commands are read then they are batch --shard auto then report over the shards, all known to the CLI', () => {
    const batch = gradeCommands(read('slurm/grade-shard.sbatch'));
    const report = gradeCommands(read('slurm/report.sbatch'));
    expect(batch).toHaveLength(1);
    expect(batch[0]!.slice(0, 1)).toEqual(['batch']);
    expect(batch[0]![batch[0]!.indexOf('--shard') + 1]).toBe('auto');
    expect(report[0]![0]).toBe('report');
    // The merge reads the folders the array writes.
    expect(batch[0]![batch[0]!.indexOf('--out') + 1]).toBe('"$RESULTS/shard-$SLURM_ARRAY_TASK_ID"');
    expect(report[0]![1]).toBe('"$RESULTS"/shard-*');
    for (const c of [...batch, ...report]) expectKnownToCli(c, 'slurm');
    expect(read('slurm/submit.sh')).toMatch(/--dependency=afterany:/);
  });

  it('when the array in the script runs then each task reads its shard and together they cover every shard once', () => {
    const [, from, to] = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(read('slurm/grade-shard.sbatch'))!;
    const ids = Array.from({ length: Number(to) - Number(from) + 1 }, (_, k) => Number(from) + k);
    const env = { SLURM_ARRAY_TASK_MIN: from, SLURM_ARRAY_TASK_MAX: to, SLURM_ARRAY_TASK_COUNT: String(ids.length) };
    expect(ids.map((id) => shardFromEnv({ ...env, SLURM_ARRAY_TASK_ID: String(id) }).shard.index)).toEqual(ids.map((_, k) => k + 1));
  });
});

describe('the Kubernetes example', () => {
  const job = yamlOf('kubernetes/grade-job.yaml');
  const report = yamlOf('kubernetes/report-job.yaml');
  const claim = yamlOf('kubernetes/volume.yaml');
  const container = (j: any): any => j.spec.template.spec.containers[0];

  it('when parsed then the grading Job is Indexed and its GRADER_SHARD_COUNT equals spec.completions', () => {
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const count = container(job).env.find((e: { name: string }) => e.name === 'GRADER_SHARD_COUNT');
    expect(count.value).toBe(String(job.spec.completions));
    // Every index of the Job maps to its own shard.
    const shards = Array.from({ length: job.spec.completions }, (_, i) => shardFromEnv({ JOB_COMPLETION_INDEX: String(i), GRADER_SHARD_COUNT: count.value }).shard.index);
    expect(shards).toEqual(Array.from({ length: job.spec.completions }, (_, i) => i + 1));
  });

  it('when parsed then both Jobs mount the one ReadWriteMany claim where their commands read and write', () => {
    expect(claim).toMatchObject({ kind: 'PersistentVolumeClaim', spec: { accessModes: ['ReadWriteMany'] } });
    for (const j of [job, report]) {
      expect(j.spec.template.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: claim.metadata.name } }]);
      expect(container(j).volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
      expect(j.spec.template.spec.restartPolicy).toBe('Never');
    }
  });

  it('when its grade commands are read then batch --shard auto writes /data/results/shard-<index> and report merges them, all known to the CLI', () => {
    const [batch] = gradeCommands(container(job).args.join('\n'));
    const [merge] = gradeCommands(container(report).args.join('\n'));
    expect(batch![0]).toBe('batch');
    expect(batch![batch!.indexOf('--shard') + 1]).toBe('auto');
    expect(batch![batch!.indexOf('--out') + 1]).toBe('"/data/results/shard-$JOB_COMPLETION_INDEX"');
    expect(merge!.slice(0, 2)).toEqual(['report', '/data/results/shard-*']);
    expectKnownToCli(batch!, 'grade-job.yaml');
    expectKnownToCli(merge!, 'report-job.yaml');
    execFileSync('bash', ['-n', path.join(EXAMPLES, 'kubernetes/run.sh')]);
    for (const f of ['volume.yaml', 'grade-job.yaml', 'report-job.yaml']) expect(read('kubernetes/run.sh')).toContain(f);
  });

  it('when every manifest is parsed then each holds exactly one document', () => {
    for (const f of ['volume.yaml', 'grade-job.yaml', 'report-job.yaml']) expect(parseAllDocuments(read(`kubernetes/${f}`))).toHaveLength(1);
  });
});

describe('the GitHub Actions matrix', () => {
  const wf = yamlOf('ci/github/grade-class.yml');

  it('when parsed then the grading step sets GRADER_SHARD_INDEX/COUNT from the strategy and runs batch --shard auto', () => {
    const grade = wf.jobs.grade;
    expect(Object.keys(grade.strategy.matrix)).toEqual(['shard']);
    const step = grade.steps.find((s: { run?: string }) => s.run?.includes('grade batch'));
    expect(step.env).toEqual({ GRADER_SHARD_INDEX: '${{ strategy.job-index }}', GRADER_SHARD_COUNT: '${{ strategy.job-total }}' });
    const [batch] = gradeCommands(step.run);
    expect(batch![batch!.indexOf('--shard') + 1]).toBe('auto');
    expectKnownToCli(batch!, 'grade-class.yml');
    // As the runner would set them for the last job of the matrix.
    const n = grade.strategy.matrix.shard.length;
    expect(shardFromEnv({ GITHUB_ACTIONS: 'true', GRADER_SHARD_INDEX: String(n - 1), GRADER_SHARD_COUNT: String(n) })).toMatchObject({ scheduler: 'github-actions', shard: { index: n, count: n } });
  });

  it('when parsed then the report job needs the grading job and merges every shard folder', () => {
    const rep = wf.jobs.report;
    expect(rep.needs).toBe('grade');
    const step = rep.steps.find((s: { run?: string }) => s.run?.includes('grade report'));
    const [merge] = gradeCommands(step.run);
    expect(merge!.slice(0, 2)).toEqual(['report', 'results/shard-*']);
    expectKnownToCli(merge!, 'grade-class.yml');
  });
});
