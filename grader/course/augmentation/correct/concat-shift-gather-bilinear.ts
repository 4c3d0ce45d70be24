// Correct, with tf.concat shifts and a tf.gather bilinear rotation: tf.reverse flip, zeros concatenated, four neighbours gathered from the flattened image plus one zero pixel
import * as tf from '@tensorflow/tfjs';

export function flipHorizontal(x: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(x, 2);
}

// Move along one axis by concatenating zeros on one side and dropping the other side.
function shiftAxis(x: tf.Tensor4D, by: number, axis: 1 | 2): tf.Tensor4D {
  if (by === 0) return x.clone();
  const size = x.shape[axis];
  const k = Math.min(Math.abs(by), size);
  const zShape = x.shape.slice() as [number, number, number, number];
  zShape[axis] = k;
  const zeros = tf.zeros(zShape);
  const begin = [0, 0, 0, 0];
  const keepShape = x.shape.slice();
  keepShape[axis] = size - k;
  if (by > 0) {
    const kept = tf.slice(x, begin, keepShape);
    return tf.concat([zeros, kept], axis) as tf.Tensor4D;
  }
  begin[axis] = k;
  const kept = tf.slice(x, begin, keepShape);
  return tf.concat([kept, zeros], axis) as tf.Tensor4D;
}

export function shift(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => shiftAxis(shiftAxis(x, dy, 1), dx, 2));
}

// Bilinear lookup by gathering the four neighbours from the flattened image; outside
// neighbours are read from an extra zero pixel at index H·W.
export function rotate(x: tf.Tensor4D, radians: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const cy = (h - 1) / 2, cx = (w - 1) / 2;
  const cos = Math.cos(radians), sin = Math.sin(radians);
  const idx: number[][] = [[], [], [], []];
  const wt: number[][] = [[], [], [], []];
  for (let r = 0; r < h; r++) {
    for (let col = 0; col < w; col++) {
      const cs = cx + cos * (col - cx) - sin * (r - cy);
      const rs = cy + sin * (col - cx) + cos * (r - cy);
      const r0 = Math.floor(rs), c0 = Math.floor(cs);
      const fr = rs - r0, fc = cs - c0;
      const corners: [number, number, number][] = [
        [r0, c0, (1 - fr) * (1 - fc)], [r0, c0 + 1, (1 - fr) * fc],
        [r0 + 1, c0, fr * (1 - fc)], [r0 + 1, c0 + 1, fr * fc],
      ];
      corners.forEach(([rr, cc, ww], q) => {
        const inside = rr >= 0 && rr < h && cc >= 0 && cc < w;
        idx[q].push(inside ? rr * w + cc : h * w);
        wt[q].push(inside ? ww : 0);
      });
    }
  }
  return tf.tidy(() => {
    const flat = tf.concat([x.reshape([n, h * w, c]), tf.zeros([n, 1, c])], 1); // [N, HW + 1, C]
    let out: tf.Tensor = tf.zeros([n, h * w, c]);
    for (let q = 0; q < 4; q++) {
      const g = tf.gather(flat, tf.tensor1d(idx[q], 'int32'), 1);
      out = out.add(g.mul(tf.tensor(wt[q], [1, h * w, 1])));
    }
    return out.reshape([n, h, w, c]) as tf.Tensor4D;
  });
}

export function addNoise(x: tf.Tensor, std: number, seed: number): tf.Tensor {
  return tf.tidy(() => tf.add(x, tf.randomNormal(x.shape, 0, std, 'float32', seed)));
}
