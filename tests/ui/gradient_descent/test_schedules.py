"""The learning-rate schedules section of the Gradient Descent page in AppTest: it renders
in both languages and in projector mode, every number its text and table state is what
core.experiments.schedules_lesson computes for that view (recomputed here, not read from
the page's caches), links reopen exactly, and bad link values fall back with a notice."""

import pytest

from core.experiments import schedules_lesson as sl
from core.experiments.descent import stability_limit
from core.problems.regression import Regression, make_data
from tests.apputil import assert_clean, chart_frames, chart_specs, open_page
from ui.numbers import fmt, gap_text, precise
from ui.text import CATALOGUE, text

PAGE = "pages/2_Gradient_Descent.py"
P = "gradient_descent.sched."
SEEDS = 5
SECTION_CHARTS = 4          # η(t) and the loss curves, for part a and for part b


def t(lang, key, **kw):
    return CATALOGUE[lang][P + key].format(**kw) if kw else CATALOGUE[lang][P + key]


def page(query=None):
    return open_page(PAGE, query or {})


def body(at) -> list[str]:
    return [m.value for m in at.markdown]


def f4(v):
    return fmt(v, 4)


def join(lang, parts):
    return ("" if lang == "zh" else " ").join(parts)


def expected(lang, seed=0, noise=1.0, batch=10, lr=0.3, steps=1000, share=0.95):
    """The section's measured sentences and its table, from fresh core calls."""
    names = {n: t(lang, f"name.{n}") for n in sl.PRESETS}
    gap = lambda v: gap_text(lambda k, **kw: text(lang, k, **kw), v, 4)   # noqa: E731
    w = sl.warmup_steps(steps)
    out = [t(lang, "a_presets", seed=seed, noise=f4(noise), batch=batch, steps=steps, lr=f4(lr),
             s=dict(sl.preset("step_lr", steps).kw)["step_size"],
             gamma=precise(dict(sl.preset("exponential_lr", steps).kw)["gamma"], 6),
             decay="0.001", w=w, rest=steps - w)]
    s = sl.settle(range(seed, seed + SEEDS), noise, batch, lr, steps)
    const = s.floor("constant")
    table = [[names[n], gap(s.floor(n)), f4(s.jitter(n)),
              "—" if n == "constant" else f4(const / s.floor(n))] for n in s.names]
    decays = s.names[1:]
    lower = [n for n in decays if s.floor(n) < const]
    if not any(s.diverged) and noise > 0 and lower != list(decays):
        higher = [n for n in decays if n not in lower]
        said = [t(lang, "a_mixed", lr=f4(lr), const=gap(const),
                  lower=", ".join(names[n] for n in lower) or "—",
                  higher=", ".join(names[n] for n in higher))]
        if all(s.jitter(n) < s.jitter("constant") for n in higher):
            said.append(t(lang, "a_mixed_why"))
        out.append(join(lang, said))
    elif not any(s.diverged) and noise > 0:
        ratios = [const / s.floor(n) for n in decays]
        short = [s.jitter("constant") / s.jitter(n) for n in decays]
        out.append(t(lang, "a_verdict", lr=f4(lr), const=gap(const),
                     names=", ".join(names[n] for n in decays), lo=fmt(min(ratios), 3),
                     hi=fmt(max(ratios), 3), jlo=fmt(min(short), 3), jhi=fmt(max(short), 3)))
    elif s.diverged[0]:
        limit = stability_limit(float(Regression(make_data(seed, noise)).curvatures()[-1]))
        out.append(t(lang, "a_const_diverged", lr=f4(lr), limit=f4(limit)))
    ws = sl.warmup_study(share)
    out.append(t(lang, "b_intro", w0=f4(ws.w0), c0=f4(ws.start_curvature),
                 lim0=f4(ws.start_limit), bottom=f4(ws.bottom), cb=f4(ws.bottom_curvature),
                 limb=f4(ws.bottom_limit)))
    out.append(t(lang, "b_setup", share=f4(share), limb=f4(ws.bottom_limit), peak=f4(ws.peak),
                 times=fmt(ws.peak / ws.start_limit, 3), steps=ws.steps, w=ws.warmup))
    runs = []
    for r in ws.runs:
        where = ("diverged" if r.diverged_at >= 0 else "bottom" if abs(r.end - ws.bottom) < 1e-3
                 else "other" if any(abs(r.end - m.x) < 1e-3 for m in sl.well_minima())
                 else "moving")
        runs.append(t(lang, "b_run", name=names[r.name], r0=f4(r.ratios[0]),
                      outcome=t(lang, f"out.{where}", k=r.diverged_at, w=f4(r.end))))
    out.append(join(lang, runs))
    warm = ws.run("warmup_cosine")
    k = int(warm.ratios[1:].argmax()) + 1
    out.append(t(lang, "b_warm", rmax=f4(warm.ratios[k]), k=k))
    c = sl.line_control(seed, noise, batch, steps)
    said = [t(lang, "c_div", k=k) if k >= 0 else t(lang, "c_ok") for k in c.diverged_at]
    out.append(t(lang, "c_control", limit=f4(c.limit), share=f4(c.share), peak=f4(c.peak),
                 seed=seed, steps=steps, const=said[0], warm=said[1], above=c.above[1]))
    return out, table, ws


def section_table(at, lang):
    frame = next(d.value for d in at.dataframe if t(lang, "col_jitter") in d.value.columns)
    return frame.astype(str).values.tolist()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_section_opens_and_states_the_cores_numbers(lang):
    at = page({"lang": lang})
    assert_clean(at)
    heads = [h.value for h in at.header]
    mine = heads.index(t(lang, "header"))
    assert heads[mine - 1] == CATALOGUE[lang]["gradient_descent.s4"], "right after the chain rule"
    assert heads[mine + 1] == CATALOGUE[lang]["gradient_descent.cond.header"]
    assert heads[mine + 1].startswith("6 · ") and heads[mine].startswith("5 · ")
    sentences, table, ws = expected(lang)
    shown = body(at)
    for sentence in sentences:
        assert sentence in shown, f"missing or different:\n{sentence}\n\nshown:\n" + "\n".join(
            m for m in shown if m[:10] == sentence[:10])
    assert section_table(at, lang) == table
    # the lesson itself, at the defaults
    assert [r.diverged_at >= 0 for r in ws.runs] == [True, True, False]
    assert t(lang, "b_verdict.avoided", w=ws.warmup, ww=f4(ws.at_peak()[0]),
             cw=f4(ws.at_peak()[1]), c0=f4(ws.start_curvature),
             rw=f4(ws.run("warmup_cosine").ratios[ws.warmup])) in shown
    assert t(lang, "c_verdict.delayed") in shown


def test_projector_mode_renders_with_every_chart():
    normal, big = page(), page({"projector": "1", "lang": "zh"})
    assert_clean(big)
    assert len(chart_specs(big)) == len(chart_specs(normal))
    rates = [s for s in chart_specs(big) if s.get("encoding", {}).get("y", {}).get("field") == "lr"]
    assert len(rates) == 2, "one η(t) chart per part"


def test_the_charts_carry_the_schedules_rates():
    at = page()
    frames = [f for f in chart_frames(at) if {"lr", "series"} <= set(f.columns)]
    assert len(frames) == 2
    line, well = frames
    for n in sl.PRESETS:
        rows = line[line.series == t("en", f"name.{n}")]
        want = sl.preset(n, 1000).rates(0.3, 1000)[rows.step.to_numpy()]
        assert rows.lr.to_numpy() == pytest.approx(want, rel=1e-6), n
    drops = line[line.series == t("en", "name.step_lr")].step.to_numpy()
    assert {249, 250, 499, 500, 749, 750} <= set(drops), "the drops are drawn where they are"
    assert set(well.series) == {t("en", f"name.{n}") for n in sl.WARM_NAMES}


def test_a_link_reopens_exactly():
    query = {"sched.lr": "0.1", "sched.steps": "500", "sched.share": "0.5",
             "sched.show": "constant,cosine_annealing_lr", "noise": "2", "batch": "20"}
    at = page(query)
    assert_clean(at)
    assert not [w for w in at.warning if "The link set" in w.value]
    assert at.select_slider(key="sched.lr").value == 0.1
    assert at.slider(key="sched.steps").value == 500
    assert at.slider(key="sched.share").value == 0.5
    assert at.multiselect(key="sched.show").value == ["constant", "cosine_annealing_lr"]
    for key, value in query.items():
        assert str(at.query_params[key]) == value, (key, at.query_params[key])
    sentences, table, _ = expected("en", noise=2.0, batch=20, lr=0.1, steps=500, share=0.5)
    assert sentences[1].startswith("With the fixed η = 0.1 the walk hovers"), sentences[1]
    assert CATALOGUE["en"][P + "a_mixed_why"] in sentences[1], "decayed before arriving"
    for sentence in sentences:
        assert sentence in body(at), sentence
    assert section_table(at, "en") == table


@pytest.mark.parametrize("key, raw", [("sched.lr", "banana"), ("sched.lr", "50"),
                                      ("sched.steps", "99999"), ("sched.steps", "150.5"),
                                      ("sched.share", "nan"), ("sched.show", "cyclic")])
def test_bad_link_values_fall_back_with_a_notice(key, raw):
    at = page({key: raw})
    assert_clean(at)
    notices = [w.value for w in at.warning if w.value.startswith("The link set")]
    assert len(notices) == 1, notices
    sentences, _, _ = expected("en")
    assert sentences[0] in body(at), "the defaults are shown"


def test_without_noise_the_page_says_there_is_no_floor():
    at = page({"noise": "0"})
    assert_clean(at)
    assert t("en", "a_no_noise") in body(at)


def test_a_diverging_fixed_rate_is_reported_not_compared():
    at = page({"sched.lr": "2"})
    assert_clean(at)
    sentences, table, _ = expected("en", lr=2.0)
    assert sentences[1].startswith(t("en", "a_const_diverged", lr="2", limit="x")[:20])
    assert sentences[1] in body(at)
    assert section_table(at, "en")[0][1] == t("en", "diverged_cell")
    assert table[0][0] == t("en", "name.constant")
