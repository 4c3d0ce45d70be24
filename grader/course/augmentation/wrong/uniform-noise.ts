// Uniform noise on [−√3·std, √3·std]: mean 0 and standard deviation std, like N(0, std²), but not Gaussian.
import * as tf from '@tensorflow/tfjs';

/** Mirror the columns: y[n, r, c, ch] = x[n, r, W − 1 − c, ch]. x: [N, H, W, C]. */
export function flipHorizontal(x: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(x, 2);
}

/** Content moves dy rows down and dx columns right (negative: up, left); vacated pixels are 0. */
export function shift(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  return tf.tidy(() => {
    // Pad |d| zeros on the side the content moves towards the opposite of, then crop back to H×W.
    const padded = tf.pad(x, [[0, 0], [Math.max(dy, 0), Math.max(-dy, 0)], [Math.max(dx, 0), Math.max(-dx, 0)], [0, 0]]);
    const r0 = Math.max(-dy, 0);
    const c0 = Math.max(-dx, 0);
    if (Math.abs(dy) >= h || Math.abs(dx) >= w) return tf.zerosLike(x);
    return tf.slice(padded, [0, r0, c0, 0], [-1, h, w, -1]);
  });
}

/**
 * Rotate about the centre ((H − 1)/2, (W − 1)/2); positive radians turn the content
 * counter-clockwise as displayed (row 0 at the top). Each output pixel (r, c) samples the
 * input bilinearly at the inverse rotation of its offset from the centre:
 *   c_src = cx + cos θ·(c − cx) − sin θ·(r − cy),   r_src = cy + sin θ·(c − cx) + cos θ·(r − cy)
 * Neighbours outside the image count as 0.
 */
export function rotate(x: tf.Tensor4D, radians: number): tf.Tensor4D {
  const [n, h, w, ch] = x.shape;
  const [cy, cx] = [(h - 1) / 2, (w - 1) / 2];
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const outside = h * w; // index of an extra zero pixel
  const idx = new Int32Array(4 * h * w);
  const wt = new Float32Array(4 * h * w);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const cs = cx + cos * (c - cx) - sin * (r - cy);
      const rs = cy + sin * (c - cx) + cos * (r - cy);
      const [r0, c0] = [Math.floor(rs), Math.floor(cs)];
      const [fr, fc] = [rs - r0, cs - c0];
      const corners: [number, number, number][] = [
        [r0, c0, (1 - fr) * (1 - fc)],
        [r0, c0 + 1, (1 - fr) * fc],
        [r0 + 1, c0, fr * (1 - fc)],
        [r0 + 1, c0 + 1, fr * fc],
      ];
      corners.forEach(([rr, cc, weight], k) => {
        const inside = rr >= 0 && rr < h && cc >= 0 && cc < w;
        idx[4 * (r * w + c) + k] = inside ? rr * w + cc : outside;
        wt[4 * (r * w + c) + k] = weight;
      });
    }
  }
  return tf.tidy(() => {
    const flat = tf.concat([tf.reshape(x, [n, h * w, ch]), tf.zeros([n, 1, ch])], 1); // [N, H·W + 1, C]
    const picked = tf.gather(flat, tf.tensor1d(idx, 'int32'), 1); // [N, 4·H·W, C]
    const weighted = tf.mul(picked, tf.tensor3d(wt, [1, 4 * h * w, 1]));
    return tf.reshape(tf.sum(tf.reshape(weighted, [n, h * w, 4, ch]), 2), [n, h, w, ch]) as tf.Tensor4D;
  });
}

/** x + N(0, std²) noise, the same for the same seed. */
export function addNoise(x: tf.Tensor, std: number, seed: number): tf.Tensor {
  return tf.tidy(() => tf.add(x, tf.randomUniform(x.shape, -Math.sqrt(3) * std, Math.sqrt(3) * std, 'float32', seed)));
}
