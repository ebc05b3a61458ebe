"""The decision guide: rules of thumb in, a recommendation with measured reasons out.

The rules are the usual advice (S. Ruder's overview): sparse data → an adaptive
method; Adam as a safe first choice; SGD with momentum as the other main choice when
there is time to tune. Each rule names the live experiment of the Choosing page that
tests it, and a *verdict* function reads that experiment's result and says whether
it backs the rule — with the numbers, so the page can say so either way.

Nothing here is text: rules and verdicts carry keys and numbers; the page's text
catalogue words them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

QUESTIONS: tuple[str, ...] = ("sparse", "safe", "noisy", "tune")
CANDIDATES: tuple[str, ...] = ("adam", "momentum", "adagrad", "rmsprop", "sgd")  # tie order
ADAPTIVE: tuple[str, ...] = ("adagrad", "rmsprop", "adam")
VIEWS: tuple[str, ...] = ("sparse", "ladder", "guide", "matrix")

# The page's URL parameters, by setting. The page builds its controls with these keys,
# so a link made here always means what the page reads.
KEYS: dict[str, str] = {
    "view": "view", "a": "a", "batch": "batch", "lr_mode": "lrmode", "lr": "lr",
    "seed": "seed", "step": "step", "b2": "b2", "matrix_seed": "mseed",
}


class Experiment(NamedTuple):
    """A view of the page with its settings (semantic names, see :data:`KEYS`)."""

    view: str
    settings: dict


EXPERIMENTS: dict[str, Experiment] = {
    "sparse_race": Experiment("sparse", {"a": 1.5, "batch": 32, "seed": 0, "lr_mode": "tuned"}),
    "dense_race": Experiment("sparse", {"a": 0.0, "batch": 32, "seed": 0, "lr_mode": "tuned"}),
    "ladder": Experiment("ladder", {"b2": 0.999}),
    "matrix": Experiment("matrix", {"matrix_seed": 0}),
}


class Rule(NamedTuple):
    """If ``question`` is answered yes (None: if no question is), add ``weight`` to each
    optimizer in ``favours``; ``experiment`` is where the page shows the evidence."""

    question: str | None
    reason: str
    favours: tuple[str, ...]
    weight: int
    experiment: str


RULES: tuple[Rule, ...] = (
    Rule("sparse", "sparse", ADAPTIVE, 2, "sparse_race"),
    Rule("sparse", "sparser_adam", ("adam",), 1, "ladder"),
    Rule("safe", "safe", ("adam",), 2, "matrix"),
    Rule("noisy", "noisy", ("momentum", "adam"), 1, "matrix"),
    Rule("tune", "tune", ("momentum",), 2, "matrix"),
    Rule(None, "first_choice", ("adam",), 1, "matrix"),
)


class Advice(NamedTuple):
    """``pick`` the recommendation, ``runner_up`` the next best (or None), ``scores``
    every candidate's points, ``reasons`` the rules that fired, ``dropped`` those of
    them that the measurements did not back (they add no points)."""

    pick: str
    runner_up: str | None
    scores: dict[str, int]
    reasons: tuple[Rule, ...]
    dropped: tuple[str, ...] = ()


def advise(answers: dict[str, bool], backed: dict[str, bool] | None = None) -> Advice:
    """Score every candidate by the rules that fire for ``answers``; ties go to the
    earlier candidate in :data:`CANDIDATES`.

    ``backed`` (reason → verdict) lets the evidence vote: a rule whose experiment did
    not back it still shows, with its verdict, but adds no points.
    """
    unknown = sorted(set(answers) - set(QUESTIONS))
    if unknown:
        raise ValueError(f"unknown question(s) {', '.join(unknown)}; "
                         f"ask {', '.join(QUESTIONS)}")
    yes = {q for q, v in answers.items() if v}
    fired = tuple(r for r in RULES if (r.question in yes) or (r.question is None and not yes))
    dropped = tuple(r.reason for r in fired if backed is not None and not backed[r.reason])
    counted = [r for r in fired if r.reason not in dropped]
    scores = {c: sum(r.weight for r in counted if c in r.favours) for c in CANDIDATES}
    ranked = sorted(CANDIDATES, key=lambda c: (-scores[c], CANDIDATES.index(c)))
    runner = ranked[1] if scores[ranked[1]] > 0 else None
    return Advice(ranked[0], runner, scores, fired, dropped)


def link(experiment: str) -> dict[str, str]:
    """The query parameters that reopen ``experiment`` on the Choosing page."""
    ex = EXPERIMENTS[experiment]
    params = {KEYS["view"]: ex.view}
    params.update({KEYS[k]: f"{v:g}" if isinstance(v, float) else str(v)
                   for k, v in ex.settings.items()})
    return params


def needed(advice: Advice) -> tuple[str, ...]:
    """The experiments whose results the verdicts of ``advice`` read."""
    extra = {"sparse_race": ("dense_race",)}
    out: list[str] = []
    for r in advice.reasons:
        for ex in (r.experiment, *extra.get(r.experiment, ())):
            if ex not in out:
                out.append(ex)
    return tuple(out)


# ------------------------------------------------------------------ verdicts


class Verdict(NamedTuple):
    """Does the measured experiment back the rule? ``numbers`` fill the page's sentence;
    ``note`` names a finer case the page words differently (or is empty)."""

    supported: bool
    numbers: dict
    note: str = ""

    @property
    def key(self) -> str:
        """yes / no, with the note appended: the suffix of the page's text id."""
        return ("yes" if self.supported else "no") + (f"_{self.note}" if self.note else "")


def verdict(reason: str, results: dict) -> Verdict:
    """Judge ``reason`` from ``results`` (experiment id → its result)."""
    return _VERDICTS[reason](results)


def adaptive_advantage(race) -> tuple[float, str]:
    """(SGD's final excess loss ÷ the best adaptive method's, that method) in one race."""
    final = dict(zip(race.racers, race.final_excess(), strict=True))
    best = min((a for a in ADAPTIVE if a in final), key=final.get)
    return float(final["sgd"] / final[best]), best


def _sparse(results) -> Verdict:
    """Adaptive methods beat SGD clearly at a = 1.5; how much of that is left at a = 0?

    Note ``dense_too`` when they also win by 1.5× or more on dense data: then part of
    the gain is not about sparsity.
    """
    sparse, best = adaptive_advantage(results["sparse_race"])
    dense, dense_best = adaptive_advantage(results["dense_race"])
    note = "dense_too" if sparse > 1.2 and dense >= 1.5 else ""
    return Verdict(sparse > 1.2, {"best": best, "factor": sparse, "dense_factor": dense,
                                  "dense_best": dense_best, "growth": sparse / dense}, note)


def _sparser_adam(results) -> Verdict:
    """At the sparsest level, does Adam end below RMSProp (median over seeds)?"""
    L = results["ladder"]
    med = np.median(L.excess, axis=2)
    adam, rms = L.rungs.index("adam"), L.rungs.index("rmsprop")
    wins = int(np.sum(med[:, adam] < med[:, rms]))
    return Verdict(bool(med[-1, adam] < med[-1, rms]),
                   {"a": float(L.levels[-1]), "adam": float(med[-1, adam]),
                    "rmsprop": float(med[-1, rms]), "wins": wins, "levels": len(L.levels)})


def _worst(m, row: str) -> float:
    return float(m.ratio[m.rows.index(row)].max())


def _safe(results) -> Verdict:
    """Is Adam's worst scenario closer to the best than every other optimizer's worst?"""
    m = results["matrix"]
    worst = {r: _worst(m, r) for r in m.rows}
    rival = min((r for r in m.rows if r != "adam"), key=worst.get)
    return Verdict(worst["adam"] <= worst[rival],
                   {"adam_worst": worst["adam"], "rival": rival, "rival_worst": worst[rival]})


def _noisy(results) -> Verdict:
    """On noisy gradients, do momentum and Adam both end below plain SGD?"""
    m = results["matrix"]
    col = m.ratio[:, m.columns.index("noisy")]
    r = {name: float(col[m.rows.index(name)]) for name in ("sgd", "momentum", "adam")}
    return Verdict(r["momentum"] < r["sgd"] and r["adam"] < r["sgd"], r)


def _tune(results) -> Verdict:
    """Tuned SGD + momentum: within 2× of the best in at least half the scenarios?"""
    m = results["matrix"]
    close = m.ratio[m.rows.index("momentum")] <= 2.0
    return Verdict(2 * int(close.sum()) >= len(close),
                   {"close": int(close.sum()), "total": len(close),
                    "worst": _worst(m, "momentum")})


_VERDICTS = {"sparse": _sparse, "sparser_adam": _sparser_adam, "safe": _safe,
             "noisy": _noisy, "tune": _tune, "first_choice": _safe}
