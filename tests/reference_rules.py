"""An oracle for the optimizer tests: the rules of OPTIMIZERS.md, one float at a time.

Plain Python floats and ``math``, written line by line from the pseudocode, so a
step can be checked by hand. Every rule is elementwise, so each coordinate runs on
its own. This is test code only; the app uses ``core.optimizers``.
"""

from __future__ import annotations

import math


def steps(name: str, hp: dict, x0: list[float], grads: list[list[float]]) -> list[list[float]]:
    """Points x_1..x_n after feeding the gradient rows ``grads`` from ``x0``."""
    coords = [_coordinate(name, hp, x, [row[i] for row in grads]) for i, x in enumerate(x0)]
    return [list(p) for p in zip(*coords, strict=True)]


def _coordinate(name, hp, x, gs):
    return {"sgd": _sgd, "adagrad": _adagrad, "rmsprop": _rmsprop, "adadelta": _adadelta,
            "adam": _adam, "adamw": _adamw, "nadam": _nadam}[name](x, gs, **hp)


def _sgd(x, gs, lr=1e-3, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    out, buf = [], 0.0
    for t, g in enumerate(gs, start=1):
        g = g + weight_decay * x
        if momentum:
            buf = g if t == 1 else momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        x = x - lr * g
        out.append(x)
    return out


def _adagrad(x, gs, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
             eps=1e-10):
    out, s = [], initial_accumulator_value
    for t, g in enumerate(gs, start=1):
        g = g + weight_decay * x
        clr = lr / (1 + (t - 1) * lr_decay)
        s = s + g * g
        x = x - clr * g / (math.sqrt(s) + eps)
        out.append(x)
    return out


def _rmsprop(x, gs, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0,
             centered=False):
    out, v, ga, buf = [], 0.0, 0.0, 0.0
    for g in gs:
        g = g + weight_decay * x
        v = alpha * v + (1 - alpha) * g * g
        if centered:
            ga = alpha * ga + (1 - alpha) * g
            den = math.sqrt(v - ga * ga) + eps
        else:
            den = math.sqrt(v) + eps
        if momentum:
            buf = momentum * buf + g / den
            x = x - lr * buf
        else:
            x = x - lr * g / den
        out.append(x)
    return out


def _adadelta(x, gs, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0):
    out, v, w = [], 0.0, 0.0
    for g in gs:
        g = g + weight_decay * x
        v = rho * v + (1 - rho) * g * g
        d = math.sqrt(w + eps) / math.sqrt(v + eps) * g
        w = rho * w + (1 - rho) * d * d
        x = x - lr * d
        out.append(x)
    return out


def _adam(x, gs, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False,
          decoupled=False):
    (b1, b2), out, m, v, vmax = betas, [], 0.0, 0.0, 0.0
    for t, g in enumerate(gs, start=1):
        if decoupled:
            x = x * (1 - lr * weight_decay)
        else:
            g = g + weight_decay * x
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        vmax = max(vmax, v)
        v_used = vmax if amsgrad else v
        x = x - (lr / (1 - b1**t)) * m / (math.sqrt(v_used) / math.sqrt(1 - b2**t) + eps)
        out.append(x)
    return out


def _adamw(x, gs, weight_decay=1e-2, **hp):
    return _adam(x, gs, weight_decay=weight_decay, decoupled=True, **hp)


def _nadam(x, gs, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3,
           decoupled_weight_decay=False):
    (b1, b2), out, m, v, P = betas, [], 0.0, 0.0, 1.0
    for t, g in enumerate(gs, start=1):
        if decoupled_weight_decay:
            x = x * (1 - lr * weight_decay)
        else:
            g = g + weight_decay * x
        mu = b1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))
        mu1 = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentum_decay))
        P = P * mu
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        den = math.sqrt(v / (1 - b2**t)) + eps
        x = x - lr * (1 - mu) / (1 - P) * g / den - lr * mu1 / (1 - P * mu1) * m / den
        out.append(x)
    return out
