"""Learning-rate schedules, exactly as torch's ``torch.optim.lr_scheduler`` gives them.

>>> from core.schedules import Schedule, lr_sequence
>>> lr_sequence("cosine_annealing_lr", 0.1, 100)            # (100,): η of steps 1 … 100
>>> sched = Schedule("step_lr", {"step_size": 30, "gamma": 0.5})
>>> lrs = sched.rates(0.1, 100)                               # the same, from a record
>>> u, state = opt.update(g, state, x, lr=lrs[k])             # step k + 1 uses lrs[k]

``lr_sequence(name, lr, steps, **kw)[e]`` is the rate torch's scheduler leaves in
``param_groups[0]["lr"]`` before the (e + 1)-th ``optimizer.step()``, when
``scheduler.step()`` is called after each one. Names are torch's class names in snake
case and the keywords are torch's, with torch's defaults; two differ in how the run's
length enters: ``one_cycle_lr`` takes ``lr`` as max_lr and the run's length as
total_steps (momentum is not cycled), and ``cosine_annealing_lr``'s T_max defaults to the
run's length. ``warmup_cosine`` is torch's SequentialLR of a LinearLR warm-up and a
CosineAnnealingLR. ``lr`` may be an array (say shape (B, 1) for a sweep); the result then
has shape (steps,) + lr.shape, each entry the sequence of its own base rate.

Each schedule's docstring holds its formula in LaTeX (:func:`schedule_latex` reads it).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from ._checks import CHECKS, base_rate, step_count
from .cosine import cosine_annealing_lr, cosine_annealing_warm_restarts, one_cycle_lr, warmup_cosine
from .decay import constant, exponential_lr, linear_lr, multi_step_lr, polynomial_lr, step_lr

SCHEDULES: dict[str, Callable[..., list]] = {
    "constant": constant, "step_lr": step_lr, "multi_step_lr": multi_step_lr,
    "exponential_lr": exponential_lr, "cosine_annealing_lr": cosine_annealing_lr,
    "linear_lr": linear_lr, "polynomial_lr": polynomial_lr,
    "cosine_annealing_warm_restarts": cosine_annealing_warm_restarts,
    "one_cycle_lr": one_cycle_lr, "warmup_cosine": warmup_cosine,
}
SCHEDULE_NAMES: tuple[str, ...] = tuple(SCHEDULES)
REQUIRED = inspect.Parameter.empty

__all__ = ["SCHEDULE_NAMES", "Schedule", "lr_sequence", "resolve", "schedule_defaults",
           "schedule_latex"]


def lr_sequence(name: str, lr, steps: int, **kw) -> np.ndarray:
    """The rate of each of ``steps`` optimizer steps under schedule ``name`` from base
    rate ``lr``: shape (steps,) + shape(lr). ValueError for an unknown name, keyword or
    value (see the module docstring)."""
    kw = resolve(name, kw)
    lr, steps = base_rate(lr), step_count(steps)
    if steps == 0:
        return np.empty((0,) + np.shape(lr))
    rates = SCHEDULES[name](lr, steps, **kw)
    if np.ndim(lr) == 0:
        return np.array(rates, dtype=float)
    return np.stack(rates)


def resolve(name: str, kw: dict) -> dict:
    """Every keyword of ``name``: the given ones checked, the rest torch's defaults."""
    params = _parameters(name)
    unknown = sorted(set(kw) - set(params))
    if unknown:
        hint = ("; momentum is not cycled here" if name == "one_cycle_lr" and
                {"cycle_momentum", "base_momentum", "max_momentum"} & set(unknown) else "")
        takes = ", ".join(params) or "no keywords"
        raise ValueError(f"{name}: unknown keyword(s) {', '.join(unknown)}; "
                         f"{name} takes {takes}{hint}")
    missing = [k for k, p in params.items() if p.default is REQUIRED and k not in kw]
    if missing:
        raise ValueError(f"{name} needs {', '.join(missing)} (torch has no default for it)")
    return {k: CHECKS[k](name, k, kw[k]) if k in kw else p.default for k, p in params.items()}


def schedule_defaults(name: str) -> dict:
    """torch's default of every keyword of ``name``; required keywords are left out."""
    return {k: p.default for k, p in _parameters(name).items() if p.default is not REQUIRED}


def schedule_latex(name: str) -> str:
    """The formula of ``name`` in LaTeX, read from its docstring's ``.. math::``."""
    doc = inspect.getdoc(SCHEDULES[_known(name)])
    lines = doc.split(".. math::", 1)[1].splitlines()
    body = [lines[0]] + [ln for ln in _indented(lines[1:])]
    return " ".join(" ".join(body).split())


class _Record(NamedTuple):
    name: str
    kw: tuple[tuple[str, Any], ...] = ()


class Schedule(_Record):
    """A schedule by name and keywords, immutable and hashable (a cache key).

    ``Schedule("step_lr", {"step_size": 30})`` checks the keywords at once and keeps
    all of them (defaults filled in) as a sorted tuple of pairs, so equal schedules
    compare and hash equal. ``.rates(lr, steps)`` is :func:`lr_sequence`.
    """

    __slots__ = ()

    def __new__(cls, name: str = "constant", kw=()):
        full = resolve(name, dict(kw))
        return super().__new__(cls, name, tuple(sorted(full.items())))

    def rates(self, lr, steps: int) -> np.ndarray:
        """η of each of ``steps`` steps from base rate ``lr``: shape (steps,) + shape(lr)."""
        return lr_sequence(self.name, lr, steps, **dict(self.kw))

    @property
    def label(self) -> str:
        """``name(keyword=value, …)`` listing the keywords that differ from torch's defaults."""
        base = schedule_defaults(self.name)
        shown = [f"{k}={_show(v)}" for k, v in self.kw if k not in base or base[k] != v]
        return f"{self.name}({', '.join(shown)})" if shown else self.name


def _parameters(name: str) -> dict[str, inspect.Parameter]:
    params = inspect.signature(SCHEDULES[_known(name)]).parameters
    return {k: p for k, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}


def _known(name) -> str:
    if not isinstance(name, str) or name not in SCHEDULES:
        raise ValueError(f"unknown learning-rate schedule {name!r}; choose one of "
                         f"{', '.join(SCHEDULE_NAMES)}")
    return name


def _indented(lines):
    for line in lines:
        if line and not line.startswith(" "):
            return
        yield line


def _show(v) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, tuple):
        return "[" + ", ".join(map(str, v)) + "]"
    return repr(v) if isinstance(v, str) else str(v)
