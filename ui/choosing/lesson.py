"""The Choosing an Optimizer page's guided lesson (:func:`ui.lesson.lesson_box`), four
steps in the page's order, each loading one view (the ``view`` control) at its settings:

1. sparse  the sparse race at a = 1.5 (p_j = p_max/(j + 1)^a), batch 32, every racer at
           its tuned rate: SGD's final excess loss L(w_T) − L(ŵ) against AdaGrad's;
2. ladder  Adam against RMSProp at a = 0, 1, 2 with β₂ = 0.99: does the ratio
           RMSProp ÷ Adam of their median excess rise as a grows?
3. matrix  the benchmark matrix (seed 0), ratio = gap ÷ the scenario's best gap: is one
           optimizer tied for best (ratio < 1.001) in every scenario?
4. decay   the AdamW part of the beyond view: per-weight decay rates κ_i, η λ/(√v̂_i + ε)
           for Adam + L2 and η λ for AdamW: which rule's spread (largest ÷ smallest)
           is 1 to within TIE while the other's reaches WIN?

Each reveal reads the same cached calls the view draws from at those settings
(:mod:`ui.choosing.data`); the answer comes from :mod:`core.lessons.choosing`. Nothing
runs until a step's button is pressed (the page's default view adds no work). The page
ends with :func:`home_link`, back to the home page's list of lessons.
"""

from __future__ import annotations

from core.experiments.ladder import LADDER_SEEDS
from core.findings.guide import EXPERIMENTS, KEYS
from core.findings.thresholds import TIE, TREND, WIN
from core.lessons import choosing as decide
from ui import numbers
from ui.choosing import data
from ui.choosing.controls import SHARED_LR, P
from ui.choosing.wording import g3, labels, pct
from ui.lesson import Reveal, Step, lesson_box, said

L = P + "lesson."
_S = EXPERIMENTS["sparse_race"].settings
SPARSE = {KEYS["view"]: "sparse", KEYS["a"]: float(_S["a"]), KEYS["batch"]: str(_S["batch"]),
          KEYS["lr_mode"]: str(_S["lr_mode"]), KEYS["seed"]: int(_S["seed"])}
LADDER = {KEYS["view"]: "ladder", KEYS["b2"]: f"{EXPERIMENTS['ladder'].settings['b2']:g}"}
MATRIX = {KEYS["view"]: "matrix",
          KEYS["matrix_seed"]: int(EXPERIMENTS["matrix"].settings["matrix_seed"])}
DECAY = {KEYS["view"]: "beyond", KEYS["part"]: "adamw"}


def sparse_numbers(s: dict = SPARSE) -> decide.SparseStep:
    """The sparse race at the step's settings, read as SGD against AdaGrad."""
    v = data.sparse_view(s[KEYS["a"]], int(s[KEYS["batch"]]), s[KEYS["seed"]],
                         s[KEYS["lr_mode"]], SHARED_LR)
    return decide.sparse_step(v.race)


def _sparse(F) -> Reveal:
    with F.busy():
        n = sparse_numbers()
    return said(F, "sparse", n.answer, a=g3(SPARSE[KEYS["a"]]), batch=SPARSE[KEYS["batch"]],
                 sgd=numbers.gap_text(F.t, n.sgd), adagrad=numbers.gap_text(F.t, n.adagrad),
                 factor=numbers.ratio(n.factor), sgd_rare=pct(n.sgd_rare),
                 adagrad_rare=pct(n.adagrad_rare), win=g3(WIN))


def ladder_numbers(s: dict = LADDER) -> decide.LadderStep:
    """The ladder at the step's β₂."""
    return decide.ladder_step(data.ladder_result(float(s[KEYS["b2"]])))


def _ladder(F) -> Reveal:
    with F.busy():
        n = ladder_numbers()
    f = n.found
    t = F.texts(L + "ladder.")
    where = t("ahead" if f.ahead else "behind", wins=f.wins, levels=f.levels)
    return said(F, "ladder", n.answer, b2=LADDER[KEYS["b2"]], seeds=len(LADDER_SEEDS),
                 dense_a=g3(n.dense_a), a=g3(f.a), dense_ratio=numbers.ratio(n.dense_ratio),
                 sparse_ratio=numbers.ratio(n.sparse_ratio), trend=numbers.ratio(f.trend),
                 threshold=g3(TREND), where=where)


def matrix_numbers(s: dict = MATRIX) -> decide.MatrixStep:
    """The benchmark matrix at the step's seed."""
    return decide.matrix_step(data.matrix_result(s[KEYS["matrix_seed"]]))


def _matrix(F) -> Reveal:
    with F.busy():
        m = data.matrix_result(MATRIX[KEYS["matrix_seed"]])
        n = matrix_numbers()
    names = labels(F, m.rows)
    t = F.texts(L + "matrix.")
    best = [t("winner", scenario=F.t(P + f"scenario.{c}"),
              names=" = ".join(names[r] for r in tied))
            for c, tied in zip(m.columns, n.winners, strict=True)]
    return said(F, "matrix", n.answer, winners=t("sep").join(best), tie=numbers.precise(TIE, 4),
                 everywhere=" = ".join(names[r] for r in n.everywhere),
                 most=names[n.most], count=n.most_count, total=n.total,
                 steadiest=names[n.steadiest], worst=numbers.ratio(n.steadiest_worst))


def decay_numbers(s: dict = DECAY) -> decide.DecayStep:
    """The AdamW part of the beyond view."""
    return decide.decay_step(data.beyond_part(s[KEYS["part"]]))


def _decay(F) -> Reveal:
    with F.busy():
        n = decay_numbers()
    return said(F, "decay", n.answer, eta_lambda=g3(n.eta_lambda),
                 adamw_lo=g3(n.adamw_lo), adamw_hi=g3(n.adamw_hi),
                 adamw_spread=numbers.precise(n.adamw_spread, 6),
                 lo=g3(n.l2_lo), hi=g3(n.l2_hi), spread=numbers.ratio(n.l2_spread),
                 win=g3(WIN), tie=numbers.precise(TIE, 4))


STEPS = (
    Step("sparse", ("sgd", "adagrad", "close"), SPARSE, _sparse),
    Step("ladder", ("gains", "loses", "flat"), LADDER, _ladder),
    Step("matrix", ("one", "several"), MATRIX, _matrix),
    Step("decay", ("adamw", "l2", "both", "unclear"), DECAY, _decay),
)


def lesson(F) -> Step | None:
    """Draw the lesson box (right under the page's intro); the revealed step or None."""
    return lesson_box(F, STEPS)
