// Correct, as the README's loop over output positions: each window flattened and multiplied by w as a matrix, then tf.stack-ed twice
import * as tf from '@tensorflow/tfjs';

// The loop over output positions: every window [N, k1, k2, C1] flattened and multiplied by
// w as a [k1·k2·C1, C2] matrix, the N·C2 results stacked back into the image.
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, stride: [number, number], pad: [number, number]): tf.Tensor4D {
  const [n, h, wd, c1] = x.shape;
  const [k1, k2, , c2] = w.shape;
  const outH = Math.floor((h - k1 + 2 * pad[0]) / stride[0]) + 1;
  const outW = Math.floor((wd - k2 + 2 * pad[1]) / stride[1]) + 1;
  return tf.tidy(() => {
    const xp = x.pad([[0, 0], [pad[0], pad[0]], [pad[1], pad[1]], [0, 0]]);
    const wMat = w.reshape([k1 * k2 * c1, c2]);
    const rows: tf.Tensor[] = [];
    for (let i = 0; i < outH; i++) {
      const cols: tf.Tensor[] = [];
      for (let j = 0; j < outW; j++) {
        const win = xp.slice([0, i * stride[0], j * stride[1], 0], [n, k1, k2, c1]);
        cols.push(win.reshape([n, -1]).matMul(wMat)); // [N, C2]
      }
      rows.push(tf.stack(cols, 1)); // [N, W', C2]
    }
    return tf.stack(rows, 1).add(b) as tf.Tensor4D; // [N, H', W', C2]
  });
}
