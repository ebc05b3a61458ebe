"""The decision guide: rules of thumb in, a recommendation with measured reasons out.

The rules are the usual advice (S. Ruder's overview): sparse data → an adaptive
method; Adam as a safe first choice; SGD with momentum as the other main choice when
there is time to tune. One rule replaces a common myth: momentum does NOT average
mini-batch noise away (at the same steady step η/(1 − μ) heavy ball settles on the same
noise floor as SGD); noise is tamed by a smaller or decaying step or a larger batch, so
that rule favours no optimizer. Each rule names the live experiment of the Choosing
page that tests it, and a *verdict* function reads that experiment's result and says
whether it backs the rule — with the numbers, so the page can say so either way. The
verdicts read the records of :mod:`core.findings`, whose thresholds the page's stories
use too.

Nothing here is text: rules and verdicts carry keys and numbers; the page's text
catalogue words them.
"""

from __future__ import annotations

from typing import NamedTuple

from core.experiments.beyond_parts import PARTS
from core.findings import beyond
from core.findings.ladder import ladder_findings
from core.findings.matrix import fixed_rate, noise_findings
from core.findings.sparse import ADAPTIVE, control_findings
from core.findings.thresholds import ALIKE, WIN

QUESTIONS: tuple[str, ...] = ("sparse", "safe", "noisy", "tune",
                              "memory", "matrices", "horizon", "decay")
# Tie order. AdamW comes before Adam: with weight decay asked for, a tie goes to it.
CANDIDATES: tuple[str, ...] = ("adamw", "adam", "momentum", "adagrad", "rmsprop", "sgd",
                               "adafactor", "muon", "schedule_free_adamw", "lion")
ADAPTIVE = ADAPTIVE
VIEWS: tuple[str, ...] = ("sparse", "ladder", "guide", "matrix", "beyond")

# The page's URL parameters, by setting. The page builds its controls with these keys,
# so a link made here always means what the page reads.
KEYS: dict[str, str] = {
    "view": "view", "a": "a", "batch": "batch", "lr_mode": "lrmode", "lr": "lr",
    "seed": "seed", "step": "step", "b2": "b2", "matrix_seed": "mseed", "part": "part",
}


class Experiment(NamedTuple):
    """A view of the page with its settings (semantic names, see :data:`KEYS`)."""

    view: str
    settings: dict


EXPERIMENTS: dict[str, Experiment] = {
    "sparse_race": Experiment("sparse", {"a": 1.5, "batch": 32, "seed": 0, "lr_mode": "tuned"}),
    "ladder": Experiment("ladder", {"b2": 0.99}),
    "matrix": Experiment("matrix", {"matrix_seed": 0}),
    "noise_floor": Experiment("matrix", {"matrix_seed": 0}),
    **{f"beyond_{p}": Experiment("beyond", {"part": p}) for p in PARTS},
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
    Rule("noisy", "noisy", (), 0, "noise_floor"),
    Rule("tune", "tune", ("momentum",), 2, "matrix"),
    Rule(None, "first_choice", ("adam",), 1, "matrix"),
    # Beyond the article: a rule whose reason is memory or a schedule is backed when AdamW
    # does not beat it by a win; Muon's (speed) when it is at least as good as AdamW.
    Rule("memory", "memory_adafactor", ("adafactor",), 4, "beyond_adafactor"),
    Rule("memory", "memory_lion", ("lion",), 2, "beyond_lion"),
    Rule("matrices", "matrices", ("muon",), 4, "beyond_muon"),
    Rule("horizon", "horizon", ("schedule_free_adamw",), 4, "beyond_schedule_free"),
    Rule("decay", "decay", ("adamw",), 3, "beyond_adamw"),
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
    not back it still shows, with its verdict, but adds no points. The first-choice
    rule fires when no other fired rule favours any optimizer.
    """
    unknown = sorted(set(answers) - set(QUESTIONS))
    if unknown:
        raise ValueError(f"unknown question(s) {', '.join(unknown)}; "
                         f"ask {', '.join(QUESTIONS)}")
    yes = {q for q, v in answers.items() if v}
    fired = tuple(r for r in RULES if r.question in yes)
    if not any(r.favours for r in fired):
        fired += tuple(r for r in RULES if r.question is None)
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
    return tuple(dict.fromkeys(r.experiment for r in advice.reasons))


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


def _sparse(results) -> Verdict:
    """Adaptive methods beat SGD by WIN× or more at a = 1.5 (median over data seeds)?
    The note says where the gain comes from, by the dense control with the same
    per-feature curvature (:func:`core.findings.control_findings`)."""
    f = control_findings(results["sparse_race"])
    return Verdict(f.outcome == "adaptive_wins",
                   {"best": f.sparse_best, "factor": f.sparse, "dense_factor": f.dense,
                    "dense_best": f.dense_best, "gain": f.gain,
                    "seeds": f.per_seed.shape[1]}, f.source)


def _sparser_adam(results) -> Verdict:
    """The trend claim: from dense to sparse, does the RMSProp ÷ Adam ratio rise by more
    than TREND? The note says whether Adam is also ahead at the sparsest level."""
    f = ladder_findings(results["ladder"])
    return Verdict(f.direction == "up",
                   {"a": f.a, "adam": f.adam, "rmsprop": f.rmsprop, "wins": f.wins,
                    "levels": f.levels, "trend": f.shown_trend},
                   ("ahead" if f.ahead else "behind") if f.direction == "up" else f.direction)


def _safe(results) -> Verdict:
    """Safe default = good without tuning: run at ONE rate on every scenario (the best
    single rate, :func:`core.findings.fixed_rate`), is Adam's worst ratio the smallest?"""
    m = results["matrix"]
    fr = fixed_rate(m)
    worst = fr.rough_worst
    rival = min((r for r in m.rows if r != "adam"), key=worst.get)
    return Verdict(worst["adam"] <= worst[rival],
                   {"adam_worst": worst["adam"], "adam_lr": fr.rough_lr["adam"],
                    "rival": rival, "rival_worst": worst[rival],
                    "rival_lr": fr.rough_lr[rival],
                    "adam_default": fr.default_worst["adam"],
                    "default_lr": fr.default_lr["adam"]})


def _noisy(results) -> Verdict:
    """Momentum at the same steady step reaches SGD's noise floor (within WIN×), and a
    smaller step lowers it by WIN× or more: then noise calls for a smaller step, not
    momentum (:func:`core.findings.noise_findings`)."""
    nf = results["noise_floor"]
    f = noise_findings(nf)
    return Verdict(f.same_floor and f.smaller_helps,
                   {"same": f.same, "raw": f.raw, "small": f.small, "eta": nf.eta,
                    "mu": nf.mu, "eff": nf.eta / (1 - nf.mu), "seeds": len(nf.seeds),
                    "win": WIN})


def _tune(results) -> Verdict:
    """Tuned SGD + momentum: within ALIKE× of the best in at least half the scenarios?"""
    m = results["matrix"]
    ratio = m.ratio[m.rows.index("momentum")]
    close = ratio <= ALIKE
    return Verdict(2 * int(close.sum()) >= len(close),
                   {"close": int(close.sum()), "total": len(close),
                    "worst": float(ratio.max())})


def _beyond(judge, experiment: str):
    """A verdict of :mod:`core.findings.beyond` on the part record of ``experiment``."""
    return lambda results: Verdict(*judge(results[experiment]))


_VERDICTS = {"sparse": _sparse, "sparser_adam": _sparser_adam, "safe": _safe,
             "noisy": _noisy, "tune": _tune, "first_choice": _safe,
             "memory_adafactor": _beyond(beyond.verdict_adafactor, "beyond_adafactor"),
             "memory_lion": _beyond(beyond.verdict_lion, "beyond_lion"),
             "matrices": _beyond(beyond.verdict_muon, "beyond_muon"),
             "horizon": _beyond(beyond.verdict_schedule_free, "beyond_schedule_free"),
             "decay": _beyond(beyond.verdict_decay, "beyond_adamw")}
