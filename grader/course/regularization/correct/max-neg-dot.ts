// Correct, with tf.maximum(θ, −θ) and tf.dot: |θ| summed by reassignment in a loop, Σθ² as the flattened tensor dotted with itself, an early return for []
import * as tf from '@tensorflow/tfjs';

// |θ| as max(θ, −θ): subgradient +1 at 0
export function l1Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    for (const p of params) {
      total = total.add(tf.maximum(p, p.neg()).sum());
    }
    return total.mul(lambda);
  });
}

// Σθ² as a dot product of the flattened tensor with itself
export function l2Penalty(params: tf.Tensor[], lambda: number = 0): tf.Scalar {
  if (params.length === 0) return tf.scalar(0);
  return tf.tidy(() => {
    const sq = params.map((p) => {
      const f = p.reshape([-1]) as tf.Tensor1D;
      return tf.dot(f, f) as tf.Scalar;
    });
    return tf.mul(tf.addN(sq), lambda) as tf.Scalar;
  });
}
