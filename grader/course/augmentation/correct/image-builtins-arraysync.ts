// Correct, with tf.image.flipLeftRight and arraySync loops: the shift as nested Array.map, rotation as a float64 loop over dataSync()
import * as tf from '@tensorflow/tfjs';

export function flipHorizontal(x: tf.Tensor4D): tf.Tensor4D {
  return tf.image.flipLeftRight(x);
}

// plain JS loops for the integer shift
export function shift(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const src = x.arraySync();
  const out = src.map((img) => img.map((row, r) => row.map((px, col) => {
    const rs = r - dy, cs = col - dx;
    return rs >= 0 && rs < h && cs >= 0 && cs < w ? img[rs][cs].slice() : new Array(c).fill(0);
  })));
  return tf.tensor4d(out, [n, h, w, c]);
}

export function rotate(x: tf.Tensor4D, radians: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const data = x.dataSync();
  const out = new Float32Array(data.length);
  const cy = (h - 1) / 2, cx = (w - 1) / 2;
  const cs = Math.cos(radians), sn = Math.sin(radians);
  const at = (b: number, r: number, col: number, ch: number) =>
    r < 0 || r >= h || col < 0 || col >= w ? 0 : data[((b * h + r) * w + col) * c + ch];
  for (let b = 0; b < n; b++) for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) {
    const xs = cx + cs * (col - cx) - sn * (r - cy);
    const ys = cy + sn * (col - cx) + cs * (r - cy);
    const y0 = Math.floor(ys), x0 = Math.floor(xs), fy = ys - y0, fx = xs - x0;
    for (let ch = 0; ch < c; ch++) {
      out[((b * h + r) * w + col) * c + ch] =
        (1 - fy) * ((1 - fx) * at(b, y0, x0, ch) + fx * at(b, y0, x0 + 1, ch)) +
        fy * ((1 - fx) * at(b, y0 + 1, x0, ch) + fx * at(b, y0 + 1, x0 + 1, ch));
    }
  }
  return tf.tensor4d(out, x.shape);
}

export function addNoise(x: tf.Tensor, std: number, seed: number): tf.Tensor {
  return tf.tidy(() => x.add(tf.randomNormal(x.shape, 0, std, undefined, seed)));
}
