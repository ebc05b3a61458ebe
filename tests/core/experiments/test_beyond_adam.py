"""core.experiments.beyond_*: each measured figure of the "beyond Adam" view, checked
against the rules' real states and an independent computation."""

import numpy as np
import pytest

from core.experiments import beyond_adam as ba
from core.experiments import beyond_parts as bp
from core.experiments import beyond_tuning as bt
from core.optimizers import make
from core.optimizers.groups import mlp_layout
from core.optimizers.muon import NS_COEFFICIENTS, newton_schulz
from core.training.run import run
from core.training.sweep import sweep_lr

H = bt.NET["hidden"]


@pytest.fixture(scope="module")
def adamw():
    return bt.tuned("adamw")


# ------------------------------------------------------------------ memory


@pytest.mark.parametrize("shape", [ba.W1_SHAPE, ba.BIG_SHAPE, (5, 7)])
def test_state_floats_are_the_sizes_of_the_arrays_the_rules_write(shape):
    m, n = shape
    expected = {"adamw": 2 * m * n, "adafactor": m + n, "lion": m * n, "muon": m * n,
                "schedule_free_adamw": 3 * m * n}
    got = ba.memory((shape,)).floats
    assert {k: v[0] for k, v in got.items()} == expected


def test_a_field_counts_only_when_the_update_writes_it():
    assert ba.written_fields("adam") == ("m", "v"), "vmax is never written without amsgrad"
    assert ba.written_fields("adam", (("amsgrad", True),)) == ("m", "v", "vmax")
    assert ba.state_floats("adam", (3, 4), (("amsgrad", True),)) == 36
    state = make("adafactor", matrix=True).init(np.zeros(ba.BIG_SHAPE))
    assert state.R.size + state.C.size == ba.state_floats("adafactor", ba.BIG_SHAPE,
                                                          (("matrix", True),))


# ------------------------------------------------------------------ Lion


def test_every_lion_step_has_size_lr_and_adams_do_not():
    lion, adamw = ba.step_sizes("lion", 0.01), ba.step_sizes("adamw", 0.01)
    assert lion.count == bt.STEPS * (4 * H + 1)
    assert lion.deviation == 0.0 and lion.exact == 1.0, (lion.deviation, lion.exact)
    assert np.all(lion.ratio == 1.0)
    assert adamw.exact == 0.0 and adamw.ratio[95] / adamw.ratio[5] > 10, adamw.ratio[[5, 95]]


def test_lion_step_sizes_equal_a_run_of_the_loop():
    pb = bt.network()
    tr = run(make("lion", lr=0.02), pb, pb.theta0, bt.STEPS)
    r = np.abs(tr.updates).ravel() / 0.02
    got = ba.step_sizes("lion", 0.02)
    assert np.allclose(np.percentile(r, ba.PERCENTILES), got.ratio)


# ------------------------------------------------------------------ Muon


@pytest.fixture(scope="module")
def spectra():
    return ba.spectra(0.05, 0.05)


def test_muons_singular_values_lie_in_the_newton_schulz_band(spectra):
    started = spectra.muon_in >= 0.0015
    assert started.all(), spectra.muon_in.min()
    assert spectra.muon.min() >= 0.68 and spectra.muon.max() <= 1.21, (
        spectra.muon.min(), spectra.muon.max())
    assert spectra.muon.shape == spectra.adamw.shape == (bt.STEPS, 2)


def test_the_read_back_step_is_newton_schulz_of_the_momentum():
    """O_t recovered from u equals newton_schulz(B̃_t) computed from the grouped state."""
    pb = bt.network()
    from core.optimizers.groups import mlp_muon
    opt = mlp_muon(H, muon={"lr": 0.05}, rest_hparams={"lr": 0.05})
    x = pb.theta0.copy()
    state = opt.init(x)
    idx = mlp_layout(H)["W1"][0]
    for _ in range(3):
        g = pb.grad(x)
        u, state = opt.update(g, state, x)
        G = g[idx].reshape(2, H).T
        B_t = G + 0.95 * (state.W1.B - G)
        want = np.linalg.svd(newton_schulz(B_t, NS_COEFFICIENTS), compute_uv=False)
        x = x + u
    got = ba.spectra(0.05, 0.05)
    assert np.allclose(got.muon[2], want, rtol=1e-10)


# ------------------------------------------------------------------ weight decay


def test_decay_rates_adamw_one_rate_l2_from_the_runs_own_v():
    d = ba.decay_rates(0.05, 1e-2)
    assert np.allclose(d.adamw, 0.05 * 1e-2, rtol=1e-9), (d.adamw.min(), d.adamw.max())
    pb = bt.network()
    tr = run(make("adam", lr=0.05, weight_decay=1e-2), pb, pb.theta0, bt.STEPS,
             record_states=True)
    v_hat = tr.states.v[-1] / (1 - 0.999 ** bt.STEPS)
    assert np.allclose(d.l2, 0.05 * 1e-2 / (np.sqrt(v_hat) + 1e-8), rtol=1e-9)
    assert d.l2.max() / d.l2.min() > 1.5


# ------------------------------------------------------------------ tuned comparisons


@pytest.mark.parametrize("kind", bt.KINDS)
def test_every_tuned_rate_is_stable_and_inside_the_grid(kind, adamw):
    extra = {"adamw_lr": adamw.lr} if kind == "muon" else {}
    tu = bt.tuned(kind, **extra)
    assert tu.best >= 0 and tu.stable[tu.best] and not tu.at_edge, (kind, tu.lr)
    assert tu.curve[-1] == tu.loss and tu.curve[0] == pytest.approx(tu.curve[0])
    assert np.all(np.isfinite(tu.final))


def test_tuned_comparisons_are_deterministic(adamw):
    again = bt.tuned("adamw")
    assert again.best == adamw.best and np.array_equal(again.curve, adamw.curve)
    sf1, sf2 = bt.tuned("schedule_free"), bt.tuned("schedule_free")
    assert sf1.best == sf2.best and np.array_equal(sf1.curve, sf2.curve)


def test_sweep_at_applies_the_same_tuning_rule_as_sweep_lr():
    pb = bt.network(batch_size=bt.BATCH)
    mine = bt.sweep_at(lambda lr: make("adamw", lr=lr), pb)
    ref = sweep_lr("adamw", {}, pb, pb.theta0, bt.STEPS, bt.LR_GRID)
    assert mine.best == ref.best
    assert np.allclose(mine.final[ref.stable], ref.final_loss[ref.stable], rtol=1e-12)


def test_schedule_free_is_judged_at_its_averaged_point():
    pb = bt.network(batch_size=bt.BATCH)
    sf = bt.tuned("schedule_free")
    opt = make("schedule_free_adamw", lr=sf.lr)
    y = pb.theta0.copy()
    state = opt.init(y)
    for k in range(bt.STEPS):
        u, state = opt.update(pb.batch_grad(y, k), state, y)
        y = y + u
    assert float(pb.f(state.x)) == pytest.approx(sf.loss, rel=1e-12)
    assert float(pb.f(y)) != pytest.approx(sf.loss, rel=1e-6), "y is not the reported point"


def test_adafactor_on_the_network_keeps_a_factored_w1():
    opt = bt.adafactor_net(0.01)
    state = opt.init(bt.network().theta0)
    assert state.W1.R.shape == (H, 1) and state.W1.C.shape == (1, 2)
    assert state.b1.v.shape == (H,)


def test_parts_are_built_from_the_sweeps_they_name(adamw):
    lion = bt.tuned("lion")
    part = bp.build("lion", {"adamw": adamw, "lion": lion})
    assert part.lion_steps.lr == lion.lr and part.adamw_steps.lr == adamw.lr
    with pytest.raises(ValueError):
        bp.build("sgd", {})
    with pytest.raises(ValueError):
        bt.tuned("sgd")
