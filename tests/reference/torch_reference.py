"""Generates tests/fixtures/torch_reference.json: PyTorch's own numbers for several specs.

Each case is a spec (docs/trace-format.md) whose weights come from torch.randn, and the trace
PyTorch computes for it with autograd and torch.optim: every layer's output, the loss, every
layer's dx (gradient of its input), dW and db, and the parameters after each update.

Run from the repository root:  python3 tests/reference/torch_reference.py
Needs torch (CPU is enough): pip install torch
"""

import json
import math
import pathlib

import numpy as np
import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "torch_reference.json"


def rows(t):
    """A tensor as nested lists of floats that print as the shortest decimal of each f32 value."""
    return _short(t.detach().to(torch.float32).numpy())


def _short(a):
    if a.ndim == 0:
        return float(repr(np.float32(a)).removeprefix("np.float32(").removesuffix(")"))
    return [_short(v) for v in a]


def make_case(name, x, t, sizes, acts, out_act, optimizer, steps, seed, skip=0):
    """Draws W for each affine layer with torch.randn after manual_seed(seed) and `skip` draws."""
    torch.manual_seed(seed)
    # Discarded draws go through the small-tensor path, as the article's earlier cells did
    # (one randn(skip) of 16 or more would take the vectorised path and another stream).
    for _ in range(skip):
        torch.randn(1)
    layers = []
    for k in range(len(sizes) - 1):
        w = torch.randn(sizes[k], sizes[k + 1])
        layers.append({"type": "affine", "W": rows(w), "b": [0.0] * sizes[k + 1]})
        act = acts if k + 2 < len(sizes) else out_act
        if act:
            layers.append({"type": act})
    return {
        "name": name,
        "spec": {
            "x": rows(x),
            "t": rows(t),
            "layers": layers,
            "loss": "mse",
            "optimizer": optimizer,
            "steps": steps,
        },
    }


def run(spec):
    """Runs the spec in PyTorch and returns its trace."""
    x = torch.tensor(spec["x"], dtype=torch.float32)
    t = torch.tensor(spec["t"], dtype=torch.float32)
    params = []
    for layer in spec["layers"]:
        if layer["type"] == "affine":
            w = torch.tensor(layer["W"], dtype=torch.float32, requires_grad=True)
            b = torch.tensor(layer["b"], dtype=torch.float32, requires_grad=True)
            params.append((w, b))
        else:
            params.append(None)
    flat = [p for pair in params if pair for p in pair]
    o = spec["optimizer"]
    if o["type"] == "sgd":
        opt = torch.optim.SGD(flat, lr=o["lr"])
    elif o["type"] == "momentum":
        opt = torch.optim.SGD(flat, lr=o["lr"], momentum=o["momentum"])
    else:
        opt = torch.optim.Adam(
            flat, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"]
        )

    def forward(keep):
        inputs, outputs = [], []
        h = x.clone().requires_grad_(keep)
        for layer, p in zip(spec["layers"], params):
            if keep:
                h.retain_grad()
            inputs.append(h)
            kind = layer["type"]
            if kind == "affine":
                h = h @ p[0] + p[1]
            elif kind == "relu":
                h = torch.relu(h)
            elif kind == "sigmoid":
                h = torch.sigmoid(h)
            else:
                h = torch.tanh(h)
            outputs.append(h)
        loss = 0.5 * torch.sum((h - t) ** 2)
        return inputs, outputs, loss

    steps = []
    for step in range(1, spec["steps"] + 1):
        opt.zero_grad()
        inputs, outputs, loss = forward(True)
        loss.backward()
        grads = []
        for inp, p in zip(inputs, params):
            g = {"dx": rows(inp.grad)}
            if p:
                g["dW"] = rows(p[0].grad)
                g["db"] = rows(p[1].grad)
            grads.append(g)
        opt.step()
        steps.append(
            {
                "step": step,
                "outputs": [rows(h) for h in outputs],
                "loss": _short(loss.detach().numpy()),
                "grads": grads,
                "params": [{"W": rows(p[0]), "b": rows(p[1])} if p else {} for p in params],
            }
        )
    with torch.no_grad():
        _, _, final = forward(False)
    return {"steps": steps, "final_loss": _short(final.numpy())}


def main():
    torch.set_num_threads(1)
    xor_x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    xor_t = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    sgd = {"type": "sgd", "lr": 0.1}
    cases = [
        make_case("article", xor_x, xor_t, [2, 4, 1], "relu", None, sgd, 3, 42, skip=72),
        make_case("xor-tanh-momentum", xor_x, xor_t, [2, 3, 1], "tanh", None,
                  {"type": "momentum", "lr": 0.1, "momentum": 0.9}, 5, 7),
        make_case("xor-sigmoid-adam", xor_x, xor_t, [2, 5, 1], "sigmoid", "sigmoid",
                  {"type": "adam", "lr": 0.05, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, 5, 3),
    ]
    # The article's own data cell: X = randn(2,3), T = randn(2,1), W1 = randn(3,4), W2 = randn(4,1).
    torch.manual_seed(42)
    rx, rt = torch.randn(2, 3), torch.randn(2, 1)
    w1, w2 = torch.randn(3, 4), torch.randn(4, 1)
    reg = {
        "name": "article-regression",
        "spec": {
            "x": rows(rx), "t": rows(rt),
            "layers": [{"type": "affine", "W": rows(w1), "b": [0.0] * 4}, {"type": "relu"},
                       {"type": "affine", "W": rows(w2), "b": [0.0]}],
            "loss": "mse", "optimizer": sgd, "steps": 3,
        },
    }
    cases.append(reg)
    # Larger products (through matrixmultiply's kernels) with two outputs and Adam.
    g = torch.Generator().manual_seed(11)
    px = torch.rand(40, 2, generator=g) * 12 - 6
    pt = torch.stack([(px[:, 0] * px[:, 1] > 0).float(), (px.norm(dim=1) < 3).float()], dim=1)
    cases.append(make_case("plane-deep-adam", px, pt, [2, 16, 16, 2], "tanh", None,
                           {"type": "adam", "lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
                           4, 5))
    # He-scaled ReLU net so that it neither dies nor explodes.
    case = make_case("plane-relu-momentum", px, pt[:, :1], [2, 12, 16, 1], "relu", "sigmoid",
                     {"type": "momentum", "lr": 0.05, "momentum": 0.5}, 4, 9)
    for layer in case["spec"]["layers"]:
        if layer["type"] == "affine":
            scale = math.sqrt(2.0 / len(layer["W"]))
            layer["W"] = rows(torch.tensor(layer["W"]) * scale)
    cases.append(case)

    for c in cases:
        c["trace"] = run(c["spec"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {"generated_by": "tests/reference/torch_reference.py", "torch": torch.__version__, "cases": cases}
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    for c in cases:
        print(f"{c['name']:22s} loss {c['trace']['steps'][0]['loss']:.6f} -> final {c['trace']['final_loss']:.6f}")


if __name__ == "__main__":
    main()
