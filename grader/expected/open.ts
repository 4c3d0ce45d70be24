import type { BackendName } from '../backends/names.ts';
import { studentEdition } from '../edition.ts';
import type { Manifest } from '../manifest/types.ts';
import { ExpectedResults } from './compute.ts';
import { PackedExpected } from './packed.ts';
import type { ExpectedSource } from './source.ts';

/** The reference-result step of this edition: computed from the answer key, or read from the pack. */
export function openExpected(manifest: Manifest, backend: BackendName, seed: number, useCache: boolean): ExpectedSource {
  return studentEdition() ? new PackedExpected(manifest, seed) : new ExpectedResults(manifest, backend, seed, useCache);
}
