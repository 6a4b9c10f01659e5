# A float32 numpy stand-in for the few torch calls the page's generated PyTorch code makes, so
# the tests run that code where PyTorch (about 2.8 GB from PyPI) is not installed. Tests only:
# `cargo xtask test` puts this folder on PYTHONPATH when `import torch` fails and numpy is there.
import numpy as np

float32 = np.float32


class Tensor(np.ndarray):
    """A float32 array with the torch method names the generated code calls."""

    def sum(self, dim=None, keepdim=False):
        return np.ndarray.sum(self, axis=dim, dtype=np.float32, keepdims=keepdim)

    def max(self, dim=None, keepdim=False):
        """With `dim`, as torch's: an object whose `values` are the maxima along it."""
        values = np.ndarray.max(self, axis=dim, keepdims=keepdim)
        return values if dim is None else _Values(values)

    def abs(self):
        return np.abs(self)

    def clone(self):
        return self.copy()

    def sqrt(self):
        return np.sqrt(self)

    def mul_(self, other):
        self *= np.float32(other)
        return self

    def add_(self, other):
        self += other
        return self

    def lerp_(self, end, weight):
        self += np.float32(weight) * (end - self)
        return self

    def addcmul_(self, a, b, value=1.0):
        self += np.float32(value) * (a * b)
        return self

    def addcdiv_(self, a, b, value=1.0):
        self += np.float32(value) * (a / b)
        return self


class _Values:
    """What torch's max(dim=…) returns, as far as the generated code reads it."""

    def __init__(self, values):
        self.values = values


def tensor(values, dtype=float32):
    return np.asarray(values, dtype=dtype).view(Tensor)


def exp(x):
    return np.exp(x)


def log(x):
    return np.log(x)


def sign(x):
    return np.sign(x)


def tanh(x):
    return np.tanh(x)


def set_grad_enabled(_on):
    pass
