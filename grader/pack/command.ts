import { EXIT, UsageError, type Io } from '../cli/io.ts';
import { unknownExercises } from '../manifest/load.ts';
import { pack } from './pack.ts';

export interface PackCommandOptions {
  out: string;
  exercises?: string;
  seeds: number[];
  backend: 'wasm' | 'cpu' | 'node' | 'gpu';
  notes?: string;
}

/** `grade pack`: writes the student edition (this module is not carried into it). */
export async function packCommand(o: PackCommandOptions, io: Io): Promise<number> {
  const exercises = o.exercises?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = unknownExercises(exercises ?? []);
  if (unknown) throw new UsageError(unknown);
  try {
    const s = await pack({ out: o.out, exercises, seeds: o.seeds, backend: o.backend, notes: o.notes, log: io.err });
    const hidden = s.exercises.reduce((a, e) => a + e.hiddenChecks, 0);
    io.out(`student edition written to ${s.out}: ${s.exercises.length} exercises, ${hidden} hidden checks left out, ${s.files} grader files, ${(s.fixtureBytes / 1024).toFixed(0)} KiB of expected results (seeds ${o.seeds.join(', ')})`);
    return EXIT.passed;
  } catch (e) {
    if (e instanceof Error && e.name === 'PackError') throw new UsageError(e.message);
    throw e;
  }
}
