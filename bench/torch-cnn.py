"""PyTorch side of the CNN throughput comparison (bench/torch-cnn.ts runs it).

Trains the reference CNN's architecture (reference/models/cnn.ts) on one CPU thread and
prints one JSON line: {"samplesPerSec", "stepMs", "steps", "batch", "torch"}.

  [N, 1, 28, 28] → conv 3×3×16 'valid', ReLU → max-pool 2 → conv 3×3×32 'valid', ReLU → max-pool 2
               → flatten 800 → dropout 0.25 → dense 64, ReLU → dense 10 (logits)

Adam (lr 1e-3), softmax cross-entropy from logits, batch 64, random 28×28 inputs and labels
(the values do not change the cost). PyTorch is NCHW; tfjs is NHWC: the same MACs either way.
Usage: torch-cnn.py [seconds] [batch]
"""
import json
import sys
import time

import torch
from torch import nn


def build() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.25),
        nn.Linear(800, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    torch.set_num_threads(1)
    torch.manual_seed(1)
    net = build()
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    # A few batches made up front, cycled: making them is not part of a training step.
    xs = [torch.rand(batch, 1, 28, 28) for _ in range(8)]
    ys = [torch.randint(0, 10, (batch,)) for _ in range(8)]

    def step(i: int) -> None:
        opt.zero_grad()
        loss = loss_fn(net(xs[i % 8]), ys[i % 8])
        loss.backward()
        opt.step()

    for i in range(3):  # warm-up: allocation, first-call set-up
        step(i)
    steps = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds or steps < 1:
        step(steps)
        steps += 1
    elapsed = time.perf_counter() - t0
    print(json.dumps({
        "samplesPerSec": steps * batch / elapsed,
        "stepMs": 1000 * elapsed / steps,
        "steps": steps,
        "batch": batch,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }))


if __name__ == "__main__":
    main()
