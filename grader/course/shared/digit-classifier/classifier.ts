import { digitClassifierWeights, type DigitClassifierWeights } from './weights.ts';

/**
 * The judges' digit classifier: a small CNN (scripts/digit-classifier-model.ts, the reference CNN
 * before its hidden dense layer was added) with weights trained
 * once by scripts/train-digit-classifier.ts (datasets/digit-classifier/weights.json), run as a
 * plain-JS forward pass on Float32Arrays. Judges run in the trusted parent: no tfjs, so no
 * backend's rounding and nothing the student's code can reach or patch.
 *
 *   [28, 28, 1] → conv 3×3×16 valid + ReLU → [26, 26, 16] → max-pool 2 → [13, 13, 16]
 *               → conv 3×3×32 valid + ReLU → [11, 11, 32] → max-pool 2 → [5, 5, 32]
 *               → flatten (HWC) [800] → dense → [10] logits
 */

function checkImages(who: string, images: Float32Array, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${who}: n must be a non-negative integer, but got ${n}`);
  if (!(images instanceof Float32Array)) throw new TypeError(`${who}: images must be a Float32Array [n, 784]`);
  if (images.length !== n * 784) throw new RangeError(`${who}: images must hold n·784 = ${n * 784} values ([n, 784], 28×28 row-major), but hold ${images.length}`);
  for (let i = 0; i < images.length; i++) if (!Number.isFinite(images[i]!)) throw new RangeError(`${who}: image ${Math.floor(i / 784)} holds NaN or Inf`);
}

// Scratch buffers, reused across images: [26·26·16], [13·13·16], [11·11·32], [800].
const conv1 = new Float32Array(26 * 26 * 16);
const pool1 = new Float32Array(13 * 13 * 16);
const conv2 = new Float32Array(11 * 11 * 32);
const pool2 = new Float32Array(5 * 5 * 32);

/** Logits of one image (784 pixels from `off` in `x`) into out[outOff .. outOff+10). */
function forwardOne(w: DigitClassifierWeights, x: Float32Array, off: number, out: Float32Array, outOff: number): void {
  const { conv1Kernel: k1, conv1Bias: b1, conv2Kernel: k2, conv2Bias: b2, denseKernel: wd, denseBias: bd } = w;
  // conv1: kernel [3, 3, 1, 16] → index (ky·3 + kx)·16 + o.
  for (let y = 0; y < 26; y++) {
    for (let xx = 0; xx < 26; xx++) {
      const o0 = (y * 26 + xx) * 16;
      for (let o = 0; o < 16; o++) conv1[o0 + o] = b1[o]!;
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          const v = x[off + (y + ky) * 28 + xx + kx]!;
          if (v === 0) continue;
          const kb = (ky * 3 + kx) * 16;
          for (let o = 0; o < 16; o++) conv1[o0 + o]! += v * k1[kb + o]!;
        }
      }
    }
  }
  // ReLU then 2×2 max-pool = max(0, max of the four): [13, 13, 16].
  for (let y = 0; y < 13; y++) {
    for (let xx = 0; xx < 13; xx++) {
      for (let c = 0; c < 16; c++) {
        const a = ((2 * y) * 26 + 2 * xx) * 16 + c;
        pool1[(y * 13 + xx) * 16 + c] = Math.max(0, conv1[a]!, conv1[a + 16]!, conv1[a + 26 * 16]!, conv1[a + 27 * 16]!);
      }
    }
  }
  // conv2: kernel [3, 3, 16, 32] → index ((ky·3 + kx)·16 + c)·32 + o.
  for (let y = 0; y < 11; y++) {
    for (let xx = 0; xx < 11; xx++) {
      const o0 = (y * 11 + xx) * 32;
      for (let o = 0; o < 32; o++) conv2[o0 + o] = b2[o]!;
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          const i0 = ((y + ky) * 13 + xx + kx) * 16;
          const kb0 = (ky * 3 + kx) * 16;
          for (let c = 0; c < 16; c++) {
            const v = pool1[i0 + c]!;
            if (v === 0) continue;
            const kb = (kb0 + c) * 32;
            for (let o = 0; o < 32; o++) conv2[o0 + o]! += v * k2[kb + o]!;
          }
        }
      }
    }
  }
  // ReLU + max-pool 2 (valid: rows/columns 0..9 of 11): [5, 5, 32].
  for (let y = 0; y < 5; y++) {
    for (let xx = 0; xx < 5; xx++) {
      for (let c = 0; c < 32; c++) {
        const a = ((2 * y) * 11 + 2 * xx) * 32 + c;
        pool2[(y * 5 + xx) * 32 + c] = Math.max(0, conv2[a]!, conv2[a + 32]!, conv2[a + 11 * 32]!, conv2[a + 12 * 32]!);
      }
    }
  }
  // dense: [800] · [800, 10] + [10].
  for (let o = 0; o < 10; o++) out[outOff + o] = bd[o]!;
  for (let i = 0; i < 800; i++) {
    const v = pool2[i]!;
    if (v === 0) continue;
    for (let o = 0; o < 10; o++) out[outOff + o]! += v * wd[i * 10 + o]!;
  }
}

/** The classifier's logits: images [n, 784] in [0, 1] (MNIST pixels / 255) → [n, 10]. */
export function digitLogits(images: Float32Array, n: number): Float32Array {
  checkImages('digitLogits', images, n);
  const w = digitClassifierWeights();
  const out = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) forwardOne(w, images, i * 784, out, i * 10);
  return out;
}

/** Softmax of the logits: [n, 10], each row summing to 1. */
export function digitProbabilities(images: Float32Array, n: number): Float32Array {
  const p = digitLogits(images, n);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let k = 0; k < 10; k++) m = Math.max(m, p[i * 10 + k]!);
    let s = 0;
    for (let k = 0; k < 10; k++) s += p[i * 10 + k] = Math.exp(p[i * 10 + k]! - m);
    for (let k = 0; k < 10; k++) p[i * 10 + k]! /= s;
  }
  return p;
}

/** Predicted digit per image: images [n, 784] in [0, 1] row-major → [n] int32 in 0..9. */
export function classifyDigits(images: Float32Array, n: number): Int32Array {
  const logits = digitLogits(images, n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (logits[i * 10 + k]! > logits[i * 10 + best]!) best = k;
    out[i] = best;
  }
  return out;
}
