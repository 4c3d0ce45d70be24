import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

/** A rotation by `radians` about the image centre, as tf.image.transform's 8 numbers. */
function rotation(h: number, w: number, radians: number): number[] {
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  const c = Math.cos(radians);
  const s = Math.sin(radians);
  return [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0];
}

type Interp = 'nearest' | 'bilinear';
type Fill = 'constant' | 'reflect' | 'wrap' | 'nearest';

/** tf.image.transform of the whole batch on `backend`, and the leak count around it. */
async function transformOn(backend: 'cpu' | 'wasm', image: number[], shape: [number, number, number, number], t: number[][], interp: Interp, fill: Fill, outShape?: [number, number]): Promise<number[]> {
  await selectBackend(backend);
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => tf.image.transform(tf.tensor4d(image, shape), tf.tensor2d(t), interp, fill, 0.25, outShape));
  const values = Array.from(await out.data());
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

/** The same, one image at a time (what cpu's own kernel gets right), stacked. */
async function perImageOn(backend: 'cpu' | 'wasm', image: number[], shape: [number, number, number, number], t: number[][], interp: Interp, fill: Fill, outShape?: [number, number]): Promise<number[]> {
  const [b, h, w, c] = shape;
  const per = h * w * c;
  const out: number[] = [];
  for (let i = 0; i < b; i++) out.push(...(await transformOn(backend, image.slice(i * per, (i + 1) * per), [1, h, w, c], [t[t.length === 1 ? 0 : i]!], interp, fill, outShape)));
  return out;
}

describe('cpu Transform (tf.image.transform) transforms every image of a batch', () => {
  const shape: [number, number, number, number] = [3, 5, 7, 2];
  const image = Array.from({ length: 3 * 5 * 7 * 2 }, (_, i) => ((i * 37) % 11) - 3);
  const shared = [rotation(5, 7, 0.4)];
  // No coordinate lands exactly halfway between pixels: nearest rounds such ties differently on cpu and wasm.
  const perBatch = [rotation(5, 7, 0.4), rotation(5, 7, -1.1), [1, 0, 0.3, 0, 1, -1.2, 0, 0]];
  const settings: [string, number[][], Interp, Fill, [number, number] | undefined][] = [
    ['one shared rotation, bilinear, constant fill', shared, 'bilinear', 'constant', undefined],
    ['a transform per image, nearest, nearest fill (reflect differs between cpu and wasm: see the parity sweep)', perBatch, 'nearest', 'nearest', undefined],
    ['a transform per image, bilinear, wrap, another output size', perBatch, 'bilinear', 'wrap', [4, 9]],
  ];
  for (const [label, t, interp, fill, outShape] of settings) {
    it(`${label}: cpu equals cpu image by image and wasm`, async () => {
      const cpuWhole = await transformOn('cpu', image, shape, t, interp, fill, outShape);
      const cpuEach = await perImageOn('cpu', image, shape, t, interp, fill, outShape);
      const wasmWhole = await transformOn('wasm', image, shape, t, interp, fill, outShape);
      expect(cpuWhole).toEqual(cpuEach);
      expect(cpuWhole.length).toBe(wasmWhole.length);
      cpuWhole.forEach((v, i) => expect(Math.abs(v - wasmWhole[i]!), `element ${i}`).toBeLessThan(1e-5));
      // Not vacuous: the images after the first are transformed, not left at the fill value.
      const per = cpuWhole.length / shape[0];
      expect(cpuWhole.slice(per).some((v) => v !== 0.25)).toBe(true);
    });
  }

  it('a batch of one goes to cpu\'s own kernel unchanged', async () => {
    const one = image.slice(0, 5 * 7 * 2);
    const cpu = await transformOn('cpu', one, [1, 5, 7, 2], shared, 'bilinear', 'constant');
    const wasm = await transformOn('wasm', one, [1, 5, 7, 2], shared, 'bilinear', 'constant');
    cpu.forEach((v, i) => expect(Math.abs(v - wasm[i]!), `element ${i}`).toBeLessThan(1e-5));
  });
});
