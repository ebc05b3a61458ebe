"""Schedules that only ever shrink (or hold) the rate: steps, exponentials, ramps.

Each function returns the list η_0, …, η_{steps−1} for base rate η (``lr``, a float or
an array), where η_e is the rate of optimizer step e + 1. torch's schedulers are
"chainable": each ``scheduler.step()`` multiplies the CURRENT rate by a factor rather
than evaluating the closed form, so products of rounded factors are what torch's
optimizer sees. The loops below take the same factors in the same order; the
closed form is in each docstring.
"""

from __future__ import annotations

from collections import Counter


def constant(lr, steps: int) -> list:
    r"""The same rate at every step.

    .. math:: \eta_e = \eta
    """
    return [lr] * steps


def step_lr(lr, steps: int, *, step_size: int, gamma: float = 0.1) -> list:
    r"""torch's StepLR: multiply by γ every ``step_size`` steps.

    .. math:: \eta_e = \eta\,\gamma^{\lfloor e / s \rfloor}

    computed as η_e = η_{e−1}·γ whenever e > 0 is a multiple of s.
    """
    rates, rate = [], lr
    for e in range(steps):
        if e > 0 and e % step_size == 0:
            rate = rate * gamma
        rates.append(rate)
    return rates


def multi_step_lr(lr, steps: int, *, milestones: tuple, gamma: float = 0.1) -> list:
    r"""torch's MultiStepLR: multiply by γ at each milestone step.

    .. math:: \eta_e = \eta\,\gamma^{\#\{m_i \le e\}}

    computed as η_e = η_{e−1}·γ^c at a step listed c times (a milestone 0 already
    lowers the first step's rate, as in torch).
    """
    count = Counter(milestones)
    rates, rate = [], lr
    for e in range(steps):
        if e in count:
            rate = rate * gamma ** count[e]
        rates.append(rate)
    return rates


def exponential_lr(lr, steps: int, *, gamma: float) -> list:
    r"""torch's ExponentialLR: multiply by γ at every step.

    .. math:: \eta_e = \eta\,\gamma^{e}

    computed as η_e = η_{e−1}·γ.
    """
    rates, rate = [], lr
    for e in range(steps):
        if e > 0:
            rate = rate * gamma
        rates.append(rate)
    return rates


def linear_lr(lr, steps: int, *, start_factor: float = 1.0 / 3, end_factor: float = 1.0,
              total_iters: int = 5) -> list:
    r"""torch's LinearLR: the factor moves in a straight line from a to b over N steps.

    .. math:: \eta_e = \eta\,\Bigl(a + (b - a)\,\frac{\min(e, N)}{N}\Bigr)

    with a = start_factor, b = end_factor, N = total_iters. torch computes η_0 = a·η and,
    for 0 < e ≤ N, η_e = η_{e−1}·(1 + (b − a) / (N·a + (e − 1)(b − a))).
    """
    a, b, n = start_factor, end_factor, total_iters
    rates = []
    for e in range(steps):
        if e == 0:
            rate = lr * a
        elif e <= n:
            rate = rate * (1.0 + (b - a) / (n * a + (e - 1) * (b - a)))
        rates.append(rate)
    return rates


def polynomial_lr(lr, steps: int, *, total_iters: int = 5, power: float = 1.0) -> list:
    r"""torch's PolynomialLR: decay to 0 over N steps along a power p.

    .. math:: \eta_e = \eta\,\bigl(1 - \min(e, N)/N\bigr)^{p}

    computed as η_e = η_{e−1}·((1 − e/N) / (1 − (e − 1)/N))^p for 0 < e ≤ N; the rate is 0
    from step N on.
    """
    n = total_iters
    rates, rate = [], lr
    for e in range(steps):
        if 0 < e <= n:
            rate = rate * ((1.0 - e / n) / (1.0 - (e - 1) / n)) ** power
        rates.append(rate)
    return rates
