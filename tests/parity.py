"""Replaying recorded gradients into a core rule, for the parity tests.

A reference optimizer (torch, lion-pytorch, schedulefree) is run first and the gradients
it was fed are recorded; replaying them here gives our rule exactly the same inputs, so
any difference in the points is a difference in the rule (see test_torch_parity.py).
"""

from __future__ import annotations

import numpy as np


def replay_states(opt, x0, grads, lrs=None) -> tuple[np.ndarray, list]:
    """Our points x_0..x_T for the gradients ``grads`` (the step rates ``lrs``, or the
    rule's own), and the state after every step."""
    x = np.array(x0, dtype=float)
    state, points, states = opt.init(x), [x], []
    for k, g in enumerate(grads):
        u, state = opt.update(g, state, x) if lrs is None else opt.update(g, state, x, lr=lrs[k])
        x = x + u
        points.append(x)
        states.append(state)
    return np.array(points), states


def replay(opt, x0, grads, lrs=None) -> np.ndarray:
    """The points of :func:`replay_states`."""
    return replay_states(opt, x0, grads, lrs)[0]


def gap(got, want) -> float:
    """max |got − want| relative to max |want|: the parity tests' measure."""
    return float(np.max(np.abs(np.asarray(got) - want)) / np.max(np.abs(want)))
