"""The Optimizer Race lesson's decisions: which answer a stage's race bears out, from the
leaderboard rows (:class:`core.experiments.race.Standing`) of the runs the page shows.
Pure functions (NumPy only, through the race's own :func:`leaderboard`).

A row "arrived" when f(x_k) − f* ≤ tol at some step k (``steps_to_tol ≥ 0``); the
leaderboard ranks arrivals by k, then the rest by final loss, then diverged runs.

    ravine    plain SGD on the turned ravine: "diverge" if it blew up, "fast" if it
              arrived, else "crawl" (stable across the valley, still short along it)
    momentum  momentum beside SGD at the same η: "diverge" if momentum blew up,
              "sooner" if it arrived and ranks above SGD, else "same"
    adaptive  AdaGrad and RMSProp on the turned ravine against the same bowl turned
              onto the axes: "axes" if every racer ranks higher on the aligned bowl than
              on the turned one, else "either" (turning the valley did not cost them)
    adam      Adam's place on the board beside its parents: "first", "middle", "last"
    tuned     the family of the first racer after fair tuning: "adam" (Adam and its
              variants), "classic" (SGD, momentum, Nesterov) or "adaptive" (AdaGrad,
              RMSProp, AdaDelta)
"""

from __future__ import annotations

from core.experiments.race import Standing, leaderboard
from core.experiments.race_stages import Stage, ahead, place, standings
from core.training.run import Trajectory

CLASSIC = ("sgd", "momentum", "nesterov")
ADAPTIVE = ("adagrad", "rmsprop", "adadelta")


def ravine_answer(sgd: Standing) -> str:
    """What plain SGD did in the ravine."""
    if sgd.diverged_at >= 0 and sgd.steps_to_tol < 0:
        return "diverge"
    return "fast" if sgd.steps_to_tol >= 0 else "crawl"


def momentum_answer(momentum: Standing, sgd: Standing) -> str:
    """What momentum did beside SGD at the same step size."""
    if momentum.diverged_at >= 0 and momentum.steps_to_tol < 0:
        return "diverge"
    return "sooner" if momentum.steps_to_tol >= 0 and ahead(momentum, sgd) else "same"


def adaptive_answer(turned: dict[str, Standing], aligned: dict[str, Standing]) -> str:
    """Did per-weight step sizes cope with the turned valley as well as with the same
    valley along the axes? ``turned``/``aligned``: racer → row on each bowl."""
    if set(turned) != set(aligned) or not turned:
        raise ValueError("the turned and aligned races need the same racers")
    return "axes" if all(ahead(aligned[r], turned[r]) for r in turned) else "either"


def adam_answer(rows: list[Standing]) -> str:
    """Where Adam finished among the racers of ``rows``."""
    k = place("adam", rows)
    return "first" if k == 1 else "last" if k == len(rows) else "middle"


def family(racer: str) -> str:
    """"classic", "adaptive" or "adam" (every other rule of the race builds on Adam)."""
    return "classic" if racer in CLASSIC else "adaptive" if racer in ADAPTIVE else "adam"


def tuned_answer(rows: list[Standing]) -> str:
    """The family of the racer first on the board."""
    if not rows:
        raise ValueError("no racer to rank")
    return family(leaderboard(rows)[0].racer)


def stage_answer(stage: Stage, runs: dict[str, Trajectory],
                 aligned: dict[str, Trajectory] | None = None) -> str:
    """The answer a stage's runs (racer → Trajectory, as the race shows them) bear out;
    ``aligned``: for ``adaptive``, the same racers on the bowl at angle 0."""
    rows = standings(stage, runs)
    if stage.key == "ravine":
        return ravine_answer(rows["sgd"])
    if stage.key == "momentum":
        return momentum_answer(rows["momentum"], rows["sgd"])
    if stage.key == "adaptive":
        if aligned is None:
            raise ValueError("the adaptive stage needs the runs on the aligned bowl")
        return adaptive_answer(rows, standings(stage, aligned, angle=0.0))
    if stage.key == "adam":
        return adam_answer(list(rows.values()))
    if stage.key == "tuned":
        return tuned_answer(list(rows.values()))
    raise ValueError(f"no lesson question for stage {stage.key!r}")
