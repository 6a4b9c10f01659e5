//! The fixed Python text of the scripts [`crate::export::codegen`] writes: the layer, loss and optimizer
//! classes (forward and backward written by hand, no autograd) and the step that runs them.

use backstep_nn::optim::OptimizerKind;

/// The imports, the `tensor` helper and the affine layer.
pub const HEAD: &str = r#"import json
import math

import torch

# Nothing below records operations for automatic differentiation: every gradient is computed
# by the backward methods written out in this file.
torch.set_grad_enabled(False)


def tensor(values):
    return torch.tensor(values, dtype=torch.float32)


class Affine:
    """y = x @ W + b, with W of shape (inputs, outputs)."""

    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x  # kept, because dW needs it
        return self.x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(dim=0)
        return dout @ self.W.T
"#;

/// The ReLU layer.
pub const RELU: &str = r#"

class Relu:
    """max(0, x); a unit whose input is <= 0 lets no gradient through."""

    def forward(self, x):
        self.mask = x <= 0
        y = x.clone()
        y[self.mask] = 0
        return y

    def backward(self, dout):
        dx = dout.clone()
        dx[self.mask] = 0
        return dx
"#;

/// The sigmoid layer.
pub const SIGMOID: &str = r#"

class Sigmoid:
    """1 / (1 + e^-x); its slope y * (1 - y) is computed from the output."""

    def forward(self, x):
        self.y = 1 / (1 + torch.exp(-x))
        return self.y

    def backward(self, dout):
        return dout * self.y * (1 - self.y)
"#;

/// The tanh layer.
pub const TANH: &str = r#"

class Tanh:
    """tanh(x); its slope 1 - y^2 is computed from the output."""

    def forward(self, x):
        self.y = torch.tanh(x)
        return self.y

    def backward(self, dout):
        return dout * (1 - self.y * self.y)
"#;

/// The loss.
pub const MSE: &str = r#"

class MSE:
    """L = 0.5 * sum((y - t)^2) over every sample and output; dL/dy = y - t."""

    def forward(self, y, t):
        self.diff = y - t
        return 0.5 * (self.diff * self.diff).sum()

    def backward(self):
        return self.diff
"#;

/// Softmax with cross-entropy.
pub const SOFTMAX_CROSS_ENTROPY: &str = r#"

class SoftmaxCrossEntropy:
    """p = softmax(y) row by row; L = -sum(t * log p) over every sample; dL/dy = p - t.
    The row's largest logit m is subtracted first, so no exponential overflows:
    -log p_j = m + log(sum(exp(y - m))) - y_j."""

    def forward(self, y, t):
        m = y.max(dim=1, keepdim=True).values
        e = torch.exp(y - m)
        s = e.sum(dim=1, keepdim=True)
        self.p = e / s
        self.t = t
        return (t * (m + torch.log(s) - y)).sum()

    def backward(self):
        return self.p - self.t
"#;

/// The L1 penalty on the weights.
pub const L1: &str = r#"

class L1:
    """R = rate * sum(|W|) over every affine layer's W (not b); dR/dW = rate * sign(W)."""

    def __init__(self, rate):
        self.rate = rate

    def forward(self, weights):
        return self.rate * sum(W.abs().sum() for W in weights)

    def backward(self, W):
        return self.rate * torch.sign(W)
"#;

/// The L2 penalty on the weights.
pub const L2: &str = r#"

class L2:
    """R = 0.5 * rate * sum(W^2) over every affine layer's W (not b); dR/dW = rate * W."""

    def __init__(self, rate):
        self.rate = rate

    def forward(self, weights):
        return 0.5 * self.rate * sum((W * W).sum() for W in weights)

    def backward(self, W):
        return self.rate * W
"#;

/// The step's forward pass and loss.
pub const STEP_FORWARD: &str = r#"
# Forward through every layer, then the loss.
y = x
for layer in layers:
    y = layer.forward(y)
loss = loss_layer.forward(y, t)
"#;

/// The penalty's term of the loss, taken before the update.
pub const PENALTY_FORWARD: &str = r#"loss = loss + penalty.forward([a.W for a in affines])
"#;

/// The backward pass.
pub const STEP_BACKWARD: &str = r#"
# Backward from dL/dy, last layer first.
dout = loss_layer.backward()
for layer in reversed(layers):
    dout = layer.backward(dout)
"#;

/// The penalty's gradient, added to each dW.
pub const PENALTY_BACKWARD: &str = r#"for a in affines:
    a.dW = a.dW + penalty.backward(a.W)
"#;

/// The update and the JSON line.
pub const STEP_UPDATE: &str = r#"
# Save the gradients before the update changes anything, then update.
grads = [{"dW": a.dW.tolist(), "db": a.db.tolist()} for a in affines]
optimizer.update([p for a in affines for p in (a.W, a.b)], [g for a in affines for g in (a.dW, a.db)])

params = [{"W": a.W.tolist(), "b": a.b.tolist()} for a in affines]
print(json.dumps({"loss": loss.item(), "grads": grads, "params": params}))
"#;

/// The class of the optimizer `kind` (its state is written by [`crate::export::codegen`]).
pub fn optimizer_code(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Sgd { .. } => {
            r#"

class SGD:
    """p = p - lr * g for every parameter."""

    def __init__(self, lr):
        self.lr = lr

    def update(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g
"#
        }
        OptimizerKind::Momentum { .. } => {
            r#"

class Momentum:
    """As torch.optim.SGD with momentum: v = mu * v + g, then p = p - lr * v."""

    def __init__(self, lr, mu, velocities):
        self.lr = lr
        self.mu = mu
        self.v = velocities

    def update(self, params, grads):
        for p, g, v in zip(params, grads, self.v):
            v.mul_(self.mu).add_(g)
            p -= self.lr * v
"#
        }
        OptimizerKind::Adam { .. } => {
            r#"

class Adam:
    """As torch.optim.Adam: running averages m of g and v of g^2, both corrected for their
    start at zero, then p = p - lr * m_hat / (sqrt(v_hat) + eps)."""

    def __init__(self, lr, beta1, beta2, eps, m, v, t):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m, self.v, self.t = m, v, t

    def update(self, params, grads):
        self.t += 1
        correction1 = 1 - self.beta1 ** self.t
        correction2 = 1 - self.beta2 ** self.t
        step_size = self.lr / correction1
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m.lerp_(g, 1 - self.beta1)
            v.mul_(self.beta2).addcmul_(g, g, value=1 - self.beta2)
            denom = (v.sqrt() / math.sqrt(correction2)).add_(self.eps)
            p.addcdiv_(m, denom, value=-step_size)
"#
        }
    }
}
