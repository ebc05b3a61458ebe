"""Optimizer update rules, exactly as PyTorch's ``torch.optim`` computes them.

>>> from core.optimizers import make
>>> opt = make("adam", lr=0.02, betas=(0.9, 0.999), amsgrad=True)
>>> state = opt.init(x)                  # x: float array of shape (..., d)
>>> u, state = opt.update(g, state, x)   # the next point is x + u

Keyword names and defaults are torch's (for Lion and Schedule-Free AdamW, which torch
lacks, those of their reference packages). The first seven rules (:data:`OPTIMIZER_NAMES`,
the article's) and most newer ones are elementwise over the last axis, so ``x`` of shape
(B, d) runs B independent problems, and any hyperparameter may be an array broadcasting
against ``x`` (``lr`` of shape (B, 1) sweeps B learning rates in one call). Two newer
rules look at a whole parameter: Adafactor scales by RMS norms over the last axis (or,
with ``matrix=True``, keeps row and column statistics of the last two axes), and Muon
(:data:`MATRIX_NAMES`) orthogonalises the step of a weight matrix of shape (..., m, n).
:mod:`core.optimizers.groups` gives the slices of one flat parameter vector their own
rules (Muon on a network's weight matrix, AdamW on the rest). The UI's "Momentum" and
"Nesterov" are ``sgd`` with ``momentum > 0`` (and ``nesterov=True``).

``update(g, state, x, lr=None)`` takes the learning rate of this step (a schedule's,
:mod:`core.schedules`); each rule reads it where torch reads the group's rate.

Each rule's docstring carries its update in LaTeX (the ``.. math::`` block) and a
``Convention:`` paragraph; :func:`latex` and :func:`convention` hand those to the
pages, so the equations shown are the ones documented beside the code.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from ._base import Optimizer
from .adafactor import AdafactorState, FactoredState, adafactor
from .adam import AdamState, NAdamState, adam, adamw, nadam
from .adam_variants import AdamaxState, RAdamState, adamax, radam
from .adaptive import AdadeltaState, AdagradState, RMSpropState, adadelta, adagrad, rmsprop
from .lion import LionState, lion
from .muon import MuonState, muon
from .rprop_asgd import ASGDState, RpropState, asgd, rprop
from .schedule_free import ScheduleFreeState, schedule_free_adamw, schedule_free_eval_point
from .sgd import SGDState, sgd

FIRST_SEVEN: dict[str, Callable[..., Optimizer]] = {
    "sgd": sgd, "adagrad": adagrad, "rmsprop": rmsprop, "adadelta": adadelta,
    "adam": adam, "adamw": adamw, "nadam": nadam,
}
# Beyond the first seven: torch 2.13's other rules, then two from reference packages.
NEWER: dict[str, Callable[..., Optimizer]] = {
    "adamax": adamax, "radam": radam, "rprop": rprop, "asgd": asgd,
    "adafactor": adafactor, "muon": muon,
    "lion": lion, "schedule_free_adamw": schedule_free_adamw,
}
RULES: dict[str, Callable[..., Optimizer]] = {**FIRST_SEVEN, **NEWER}
OPTIMIZER_NAMES: tuple[str, ...] = tuple(FIRST_SEVEN)   # the seven the article teaches
NEWER_NAMES: tuple[str, ...] = tuple(NEWER)
ALL_NAMES: tuple[str, ...] = tuple(RULES)
MATRIX_NAMES: tuple[str, ...] = ("muon",)   # rules that need matrix-shaped parameters

__all__ = [
    "OPTIMIZER_NAMES", "NEWER_NAMES", "ALL_NAMES", "MATRIX_NAMES", "Optimizer", "make",
    "defaults", "latex", "convention",
    "SGDState", "AdagradState", "RMSpropState", "AdadeltaState", "AdamState", "NAdamState",
    "AdamaxState", "RAdamState", "RpropState", "ASGDState",
    "LionState", "ScheduleFreeState", "schedule_free_eval_point",
    "AdafactorState", "FactoredState", "MuonState",
]


def make(name: str, **hparams) -> Optimizer:
    """Build the rule ``name`` with torch's keyword arguments; ValueError if anything is off."""
    return build(_rule(name), name, hparams)


def defaults(name: str) -> dict:
    """torch's default hyperparameters of ``name``, by keyword."""
    return rule_defaults(_rule(name))


def build(rule: Callable[..., Optimizer], label: str, hparams: dict) -> Optimizer:
    """Call ``rule`` with ``hparams``, naming unknown keywords in a readable ValueError
    (shared by the torch rules and the Keras variants)."""
    known = inspect.signature(rule).parameters
    unknown = sorted(set(hparams) - set(known))
    if unknown:
        raise ValueError(f"{label}: unknown hyperparameter(s) {', '.join(unknown)}; "
                         f"{label} takes {', '.join(known)}")
    return rule(**hparams)


def rule_defaults(rule: Callable[..., Optimizer]) -> dict:
    """The keyword defaults of a rule's signature."""
    return {k: p.default for k, p in inspect.signature(rule).parameters.items()}


def latex(name: str) -> str:
    """The update equation of ``name`` in LaTeX, read from the rule's docstring."""
    return doc_latex(_rule(name))


def convention(name: str) -> str:
    """The ``Convention:`` paragraph of ``name``: where torch and Keras disagree."""
    return doc_convention(_rule(name))


def doc_latex(rule: Callable) -> str:
    """The ``.. math::`` block of any rule's docstring (also used by the Keras variants)."""
    lines = inspect.getdoc(rule).splitlines()
    start = lines.index(".. math::") + 1
    body = []
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break
        body.append(line)
    return inspect.cleandoc("\n".join(body))


def doc_convention(rule: Callable) -> str:
    """The ``Convention:`` paragraph of any rule's docstring, on one line."""
    doc = inspect.getdoc(rule)
    text = doc[doc.index("Convention:") + len("Convention:"):]
    return " ".join(text.split("\n\n")[0].split())


def _rule(name: str) -> Callable[..., Optimizer]:
    try:
        return RULES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown optimizer {name!r}; choose one of "
                         f"{', '.join(ALL_NAMES)}") from None
