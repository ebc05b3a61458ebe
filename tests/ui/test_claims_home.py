"""Every behavioural sentence a page shows, checked against the run that produces it.

Each test opens the page (or calls the core function the page calls) at the view the
sentence describes, measures what the sentence claims, and prints the measurement when
it fails. The lessons' own claims follow, one section per page.
"""

import numpy as np

from core.problems.surfaces import get_surface
from tests.apputil import chart_frames, open_page

# ------------------------------------------------------------------ home


def test_home_preview_momentum_reaches_the_deep_well_and_descent_stops_in_the_shallow():
    """home.preview: "Plain gradient descent stops in the first hollow it meets; with
    momentum the ball keeps rolling and reaches the deeper well." """
    at = open_page()
    paths = next(f for f in chart_frames(at) if {"series", "key", "step"} <= set(f.columns))
    wells = get_surface("two_wells")
    deep, shallow = sorted(wells.minima, key=lambda m: m.value)
    for key, want in (("sgd", shallow), ("momentum", deep)):
        run = paths[paths.key == key].sort_values("step")
        end = run[["x", "y"]].to_numpy()[-1]
        dist = {m.value: float(np.hypot(*(end - np.array(m.point)))) for m in wells.minima}
        assert dist[want.value] < 0.05, f"{key} ended at {end}, distances {dist}"
        assert (run.diverged_at == -1).all(), f"{key} diverged"
