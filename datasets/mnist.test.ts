import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  loadMnist,
  mnistCachePath,
  mnistSplitSizes,
  MNIST_PIXELS,
  type MnistData,
} from './index.ts';

/** Class sizes of digits 0..9 in the `mnist` package, and the documented split they give. */
const PACKAGE_CLASS_SIZES = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const TRAIN_PER_CLASS = [801, 902, 793, 826, 784, 690, 811, 856, 755, 782];
const TEST_PER_CLASS = [200, 225, 198, 206, 196, 173, 203, 214, 189, 196];

function classCounts(labels: Int32Array): number[] {
  const c = new Array<number>(10).fill(0);
  for (const l of labels) c[l]! += 1;
  return c;
}

function sameBits(a: Float32Array | Int32Array, b: Float32Array | Int32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function expectSameData(a: MnistData, b: MnistData): void {
  for (const s of ['train', 'test'] as const) {
    expect(b[s].count).toBe(a[s].count);
    expect(sameBits(a[s].images, b[s].images)).toBe(true);
    expect(sameBits(a[s].labels, b[s].labels)).toBe(true);
  }
}

describe('mnist', () => {
  let dir: string;
  let first: MnistData;
  let file: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mnist-test-'));
    file = mnistCachePath({ cacheDir: dir });
    expect(fs.existsSync(file)).toBe(false);
    first = loadMnist({ cacheDir: dir }); // uncached: built from the package
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the cache on first load', () => {
    expect(path.basename(file)).toBe('mnist-v1.bin');
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['mnist-v1.bin']); // no temp files left behind
    expect(fs.readFileSync(file).subarray(0, 8).toString('latin1')).toBe('MNISTGRD');
  });

  it('has 8000 train / 2000 test with the documented per-class split', () => {
    expect(first.train.count).toBe(8000);
    expect(first.test.count).toBe(2000);
    expect(first.train.images.length).toBe(8000 * MNIST_PIXELS);
    expect(first.test.images.length).toBe(2000 * MNIST_PIXELS);
    expect(first.train.labels.length).toBe(8000);
    expect(first.test.labels.length).toBe(2000);
    expect(classCounts(first.train.labels)).toEqual(TRAIN_PER_CLASS);
    expect(classCounts(first.test.labels)).toEqual(TEST_PER_CLASS);
    expect(mnistSplitSizes(PACKAGE_CLASS_SIZES)).toEqual({ train: TRAIN_PER_CLASS, test: TEST_PER_CLASS });
    // Stratified: every class is ~80/20.
    for (let d = 0; d < 10; d++) {
      expect(TEST_PER_CLASS[d]! / PACKAGE_CLASS_SIZES[d]!).toBeCloseTo(0.2, 2);
    }
  });

  it('has pixels in [0, 1], labels in 0..9, and real-looking digits', () => {
    for (const s of [first.train, first.test]) {
      let min = Infinity;
      let max = -Infinity;
      let nonzero = 0;
      for (const v of s.images) {
        if (v < min) min = v;
        if (v > max) max = v;
        if (v !== 0) nonzero++;
      }
      expect(min).toBe(0);
      expect(max).toBe(1);
      const frac = nonzero / s.images.length;
      expect(frac).toBeGreaterThan(0.1);
      expect(frac).toBeLessThan(0.3);
      expect(s.labels.every((l) => l >= 0 && l <= 9)).toBe(true);
      // No blank images.
      for (let i = 0; i < s.count; i++) {
        let sum = 0;
        for (let p = 0; p < MNIST_PIXELS; p++) sum += s.images[i * MNIST_PIXELS + p]!;
        expect(sum).toBeGreaterThan(5);
      }
    }
  });

  it('interleaves classes (batches mix digits)', () => {
    for (const s of [first.train, first.test]) {
      const firstBatch = new Set(s.labels.subarray(0, 64));
      expect(firstBatch.size).toBe(10);
      let same = 0;
      for (let i = 1; i < s.count; i++) if (s.labels[i] === s.labels[i - 1]) same++;
      expect(same / s.count).toBeLessThan(0.2);
    }
  });

  it('train and test share no image', () => {
    const key = (imgs: Float32Array, i: number) =>
      Buffer.from(imgs.buffer, imgs.byteOffset + i * MNIST_PIXELS * 4, MNIST_PIXELS * 4).toString('base64');
    const train = new Set<string>();
    for (let i = 0; i < first.train.count; i++) train.add(key(first.train.images, i));
    let shared = 0;
    for (let i = 0; i < first.test.count; i++) if (train.has(key(first.test.images, i))) shared++;
    expect(shared).toBe(0);
  });

  it('cache round-trip gives identical arrays, and loads are deterministic', () => {
    const cached = loadMnist({ cacheDir: dir });
    expectSameData(first, cached);
    // A fresh uncached build in another directory is identical too.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'mnist-test-'));
    try {
      expectSameData(first, loadMnist({ cacheDir: other }));
      expect(fs.readFileSync(path.join(other, 'mnist-v1.bin')).equals(fs.readFileSync(file))).toBe(true);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('returns fresh arrays on each call', () => {
    const a = loadMnist({ cacheDir: dir });
    a.train.images[0] = 42;
    a.train.labels[0] = 42;
    const b = loadMnist({ cacheDir: dir });
    expect(b.train.images[0]).toBe(first.train.images[0]);
    expect(b.train.labels[0]).toBe(first.train.labels[0]);
  });

  it('honours GRADER_CACHE_DIR, with opts.cacheDir taking precedence', () => {
    const prev = process.env.GRADER_CACHE_DIR;
    try {
      process.env.GRADER_CACHE_DIR = path.join(dir, 'env');
      expect(mnistCachePath()).toBe(path.join(dir, 'env', 'mnist-v1.bin'));
      expect(mnistCachePath({ cacheDir: dir })).toBe(file);
      delete process.env.GRADER_CACHE_DIR;
      expect(mnistCachePath().endsWith(path.join('.cache', 'datasets', 'mnist-v1.bin'))).toBe(true);
    } finally {
      if (prev === undefined) delete process.env.GRADER_CACHE_DIR;
      else process.env.GRADER_CACHE_DIR = prev;
    }
  });

  describe('a bad cache is detected and rebuilt', () => {
    const corruptions: Array<[string, (buf: Buffer) => Buffer | null]> = [
      ['a flipped payload byte', (b) => {
        const c = Buffer.from(b);
        c[40 + 1024 + 12345]! ^= 0x5a;
        return c;
      }],
      ['a flipped label byte', (b) => {
        const c = Buffer.from(b);
        c[c.length - 1]! ^= 0x01;
        return c;
      }],
      ['a flipped byte in the pixel table', (b) => {
        const c = Buffer.from(b);
        c[40 + 4 * 100]! ^= 0x01;
        return c;
      }],
      ['a truncated file', (b) => b.subarray(0, b.length - 1000)],
      ['a file cut inside the header', (b) => b.subarray(0, 20)],
      ['an empty file', () => Buffer.alloc(0)],
      ['garbage', () => Buffer.from('this is not an mnist cache file at all, just garbage\n'.repeat(1000))],
      ['wrong magic', (b) => {
        const c = Buffer.from(b);
        c.write('NOTMNIST', 0, 'latin1');
        return c;
      }],
      ['another version', (b) => {
        const c = Buffer.from(b);
        c.writeUInt32LE(99, 8);
        return c;
      }],
      ['trailing bytes', (b) => Buffer.concat([b, Buffer.from([1, 2, 3])])],
      ['a missing file', () => null],
    ];

    for (const [name, corrupt] of corruptions) {
      it(name, () => {
        const good = fs.readFileSync(file);
        const bad = corrupt(good);
        if (bad === null) fs.rmSync(file);
        else fs.writeFileSync(file, bad);
        const data = loadMnist({ cacheDir: dir });
        expectSameData(first, data);
        expect(fs.readFileSync(file).equals(good)).toBe(true); // rewritten in full
        expect(fs.readdirSync(dir)).toEqual(['mnist-v1.bin']);
      });
    }
  });
});
