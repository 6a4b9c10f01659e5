"""Times the article's training step in numpy (and in PyTorch when it is installed) next to
backstep's, on the same machine in the same run, and prints the ratios for BENCHMARKS.md.

Workloads (see crates/lesson/src/workloads.rs):
  W1  the article's XOR, 2-4-1 ReLU, full batch, SGD 0.1
  W4  2-64-64-1 ReLU on 1024 points, full batch, SGD

The numpy and PyTorch code follow the article's classes (Affine, Relu, MSE, a manual SGD
update), in float32, single-threaded. Run from the repository root:

    python3 tests/bench/compare.py            (builds target/release/backstep first)
"""

import json
import os
import statistics
import subprocess
import sys
import time

# One thread everywhere, as the backstep step is single-threaded. Set before numpy loads.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REPEAT = 3
STEPS = {"w1": 20000, "w4": 300}


def data(workload):
    rng = np.random.default_rng(0)
    if workload == "w1":
        x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
        t = np.array([[0], [1], [1], [0]], dtype=np.float32)
        sizes, lr = [2, 4, 1], 0.1
    else:
        x = (rng.random((1024, 2), dtype=np.float32) * 12 - 6).astype(np.float32)
        t = (np.hypot(x[:, :1], x[:, 1:]) < 3).astype(np.float32)
        sizes, lr = [2, 64, 64, 1], 1e-5
    ws = [(rng.standard_normal((a, b)) * np.sqrt(2 / a)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
    return x, t, ws, lr


def numpy_step_fn(workload):
    x, t, ws, lr = data(workload)
    params = [[w, np.zeros(w.shape[1], dtype=np.float32)] for w in ws]
    lr = np.float32(lr)

    def step():
        cache, h = [], x
        for k, (w, b) in enumerate(params):
            cache.append(h)
            h = h @ w + b
            if k + 1 < len(params):
                mask = h <= 0
                h = h.copy()
                h[mask] = 0
                cache.append(mask)
        loss = 0.5 * np.sum((h - t) ** 2)
        dout = h - t
        for k in range(len(params) - 1, -1, -1):
            if k + 1 < len(params):
                mask = cache.pop()
                dout[mask] = 0
            xin = cache.pop()
            w, b = params[k]
            dx = dout @ w.T
            dw = xin.T @ dout
            db = dout.sum(axis=0)
            params[k][0] = w - lr * dw
            params[k][1] = b - lr * db
            dout = dx
        return loss

    return step


def numpy_fast_step_fn(workload):
    """The same algorithm written as a numpy expert would: no boolean-mask assignment."""
    x, t, ws, lr = data(workload)
    params = [[w, np.zeros(w.shape[1], dtype=np.float32)] for w in ws]
    lr = np.float32(lr)

    def step():
        cache, h = [], x
        for k, (w, b) in enumerate(params):
            cache.append(h)
            h = h @ w + b
            if k + 1 < len(params):
                keep = h > 0
                h = np.maximum(h, 0)
                cache.append(keep)
        loss = 0.5 * np.sum((h - t) ** 2)
        dout = h - t
        for k in range(len(params) - 1, -1, -1):
            if k + 1 < len(params):
                dout = np.where(cache.pop(), dout, np.float32(0))
            xin = cache.pop()
            w, b = params[k]
            dx = dout @ w.T
            params[k][0] = w - lr * (xin.T @ dout)
            params[k][1] = b - lr * dout.sum(axis=0)
            dout = dx
        return loss

    return step


def torch_step_fn(workload):
    import torch

    torch.set_num_threads(1)
    x, t, ws, lr = data(workload)
    x, t = torch.from_numpy(x), torch.from_numpy(t)
    params = [[torch.from_numpy(w.copy()), torch.zeros(w.shape[1])] for w in ws]

    def step():
        cache, h = [], x
        for k, (w, b) in enumerate(params):
            cache.append(h)
            h = torch.matmul(h, w) + b
            if k + 1 < len(params):
                mask = h <= 0
                h = h.clone()
                h[mask] = 0
                cache.append(mask)
        loss = 0.5 * torch.sum((h - t) ** 2)
        dout = h - t
        for k in range(len(params) - 1, -1, -1):
            if k + 1 < len(params):
                mask = cache.pop()
                dout[mask] = 0
            xin = cache.pop()
            w, b = params[k]
            dx = torch.matmul(dout, w.t())
            dw = torch.matmul(xin.t(), dout)
            db = torch.sum(dout, dim=0)
            params[k][0] -= lr * dw
            params[k][1] -= lr * db
            dout = dx
        return loss

    return step


def time_python(step, steps):
    step()
    runs = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        runs.append((time.perf_counter() - t0) * 1e6 / steps)
    return statistics.median(runs)


def time_backstep(binary, workload):
    steps = {"w1": 1000000, "w4": 1000}[workload]
    out = subprocess.run([binary, "bench", workload, "--steps", str(steps), "--repeat", str(REPEAT)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["us_per_step"]


def main():
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "backstep-cli"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "backstep")
    try:
        import torch  # noqa: F401

        have_torch = True
    except ImportError:
        have_torch = False
        print("(PyTorch is not installed: its column is skipped)")
    print(f"numpy {np.__version__}" + (f", torch {torch.__version__}" if have_torch else "") + ", 1 thread, median of 3")
    print("numpy: the article's code; numpy*: the same algorithm without boolean-mask assignment")
    head = f"{'workload':8} {'backstep µs':>12} {'numpy µs':>10} {'ratio':>7} {'numpy* µs':>10} {'ratio':>7}"
    print(head + (f" {'torch µs':>10} {'ratio':>7}" if have_torch else ""))
    for w in ("w1", "w4"):
        ours = time_backstep(binary, w)
        npy = time_python(numpy_step_fn(w), STEPS[w])
        fast = time_python(numpy_fast_step_fn(w), STEPS[w])
        row = f"{w:8} {ours:12.3f} {npy:10.1f} {npy / ours:6.1f}× {fast:10.1f} {fast / ours:6.1f}×"
        if have_torch:
            tor = time_python(torch_step_fn(w), STEPS[w])
            row += f" {tor:10.1f} {tor / ours:6.1f}×"
        print(row)


if __name__ == "__main__":
    sys.exit(main())
