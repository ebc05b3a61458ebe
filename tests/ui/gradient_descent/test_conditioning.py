"""The conditioning section of the Gradient Descent page in AppTest: it renders in both
languages and in projector mode, every number its text and tables state is what
core.experiments.conditioning computes for that view (recomputed here, not read from the
page's caches), links reopen exactly, and bad link values fall back with a notice."""

import math
from urllib.parse import parse_qs

import jsonschema
import pytest
from altair.vegalite.v6.schema import core as vl_core

from core.experiments import conditioning as cond
from tests.apputil import assert_clean, chart_specs, charts, open_page
from ui.numbers import fmt, precise
from ui.text import CATALOGUE

PAGE = "pages/2_Gradient_Descent.py"
P = "gradient_descent.cond."


def page(query=None):
    return open_page(PAGE, query or {})


def body(at) -> list[str]:
    return [m.value for m in at.markdown]


def t(lang, key, **kw):
    return CATALOGUE[lang][P + key].format(**kw) if kw else CATALOGUE[lang][P + key]


def fine(v):
    return precise(v, 6)


def expected_sentences(lang: str, kappa: float, angle: int) -> list[str]:
    """The section's measured sentences, built from fresh core calls."""
    s = cond.rate_study(kappa)
    lo, hi = cond.eigenvalues(kappa)
    u0, v0 = cond.START
    rho = cond.hb_rate(kappa)
    k0, k1 = s.window
    rows = cond.speedups(sorted(set(cond.SPEEDUP_KAPPAS) | {kappa}))
    shares = [r.ratio / math.sqrt(r.kappa) for r in rows]
    out = [
        t(lang, "a_measured", kappa=fmt(kappa, 4), u0=fmt(u0, 4), v0=fmt(v0, 4),
          lr=fine(2 / (lo + hi)), fu=fine(s.gd_along[0]), pu=fine(1 - s.gd_lr * lo),
          fv=fine(s.gd_along[1]), pv=fine(1 - s.gd_lr * hi), k=s.gd_reached,
          tol=fmt(cond.TOL, 4), measured=fine(s.gd_measured),
          predicted=fine((kappa - 1) / (kappa + 1))),
        t(lang, "b_measured", kappa=fmt(kappa, 4), lr=fine(s.hb_lr), mu=fine(s.hb_mu),
          tol=fmt(cond.TOL, 4), k=s.hb_reached, k_gd=s.gd_reached,
          ratio=fmt(s.gd_reached / s.hb_reached, 3), sqrtk=fmt(math.sqrt(kappa), 3), k0=k0,
          k1=k1, n=k1 - k0, measured=fine(s.hb_measured), rho=fine(rho)),
        t(lang, "b_why", pct=fmt(100 * (s.hb_measured / rho - 1), 2), exact=fine(s.hb_window)),
        t(lang, "b_growth", p=f"{cond.growth_exponent(rows):.2f}", lo=f"{min(shares):.2f}",
          hi=f"{max(shares):.2f}"),
        t(lang, "c_intro", dk=fmt(cond.diagonal_kappa(kappa, angle), 4), angle=angle,
          dk0=fmt(cond.diagonal_kappa(kappa, 0.0), 4)),
    ]
    names = {n: t(lang, f"name.{n}") for n in cond.ELEMENTWISE}

    def reached(r):
        if r.reached >= 0:
            return (t(lang, "c_steps_again", k=r.reached, first=r.first)
                    if 0 <= r.first < r.reached else t(lang, "c_steps", k=r.reached))
        if r.first >= 0:
            return t(lang, "c_never_again", steps=cond.TURN_STEPS, d=fmt(r.final, 2),
                     first=r.first)
        return t(lang, "c_never", steps=cond.TURN_STEPS, d=fmt(r.final, 2))
    for a, b in cond.turned_race(kappa, float(angle)):
        if a.name == "sgd":
            out.append(t(lang, "c_gd", a=reached(a), b=reached(b),
                         diff=fmt(cond.path_gap(a, b), 2)))
        else:
            out.append(t(lang, "c_method", name=names[a.name], a=reached(a), b=reached(b)))
    return out


def test_defaults_show_the_section_in_english():
    at = page()
    assert_clean(at)
    ours = [str(spec) for spec in chart_specs(at)][-2:]     # the page's last section
    assert t("en", "map_axis") in ours[0] and t("en", "map_gd") in ours[0], "paths + distances"
    assert t("en", "rel_axis") in ours[1] and t("en", "turned", angle=45) in ours[1]
    assert len(charts(at)) >= 5, "the page's own three and this section's two"
    assert t("en", "header") == [h.value for h in at.header][-1], "the page's last section"
    assert [s.value for s in at.subheader][-3:] == [t("en", k) for k in ("a", "b", "c")]
    assert at.select_slider(key="cond.kappa").value == 100.0
    assert at.slider(key="cond.angle").value == 45


@pytest.mark.parametrize("query", [{}, {"lang": "zh"}, {"cond.kappa": "1000", "cond.angle": "20"},
                                   {"lang": "zh", "cond.kappa": "2", "cond.angle": "0"}])
def test_every_stated_number_is_the_cores(query):
    lang = query.get("lang", "en")
    kappa = float(query.get("cond.kappa", 100))
    angle = int(query.get("cond.angle", 45))
    at = page(query)
    assert_clean(at)
    shown = body(at)
    for sentence in expected_sentences(lang, kappa, angle):
        assert sentence in shown, f"missing or different:\n{sentence}\n\nshown:\n" + "\n".join(
            m for m in shown if m[:12] == sentence[:12])


def test_default_view_shows_the_lesson():
    """At the defaults: GD contracts by exactly the predicted factor, heavy ball is about
    √κ times faster, and turning the valley slows RMSprop down but not gradient descent."""
    at = page()
    tables = [d.value for d in at.dataframe]
    side = next(f for f in tables if t("en", "col_predicted") in f.columns)
    assert side.iloc[0, 1] == side.iloc[0, 2], side            # GD rate, predicted = measured
    assert side.iloc[1, 1] == side.iloc[1, 2] == str(cond.gd_steps(100.0)), side
    speed = next(f for f in tables if t("en", "col_ratio") in f.columns)
    rows = cond.speedups(cond.SPEEDUP_KAPPAS)
    assert list(speed[t("en", "col_gd")]) == [r.gd_steps for r in rows]
    assert list(speed[t("en", "col_hb")]) == [r.hb_steps for r in rows]
    verdict = t("en", "c_slower", kappa="100", angle=45, names="RMSprop")
    assert any(m.startswith(verdict) for m in body(at)), body(at)[-6:]
    trend = next(f for f in tables if t("en", "col_method_turned", name="Adam") in f.columns)
    turned = {k: cond.turned_race(k, 45.0) for k in cond.TURN_KAPPAS}
    want = [str(p[2][1].reached) if p[2][1].reached >= 0 else "—" for p in turned.values()]
    assert list(trend[t("en", "col_method_turned", name="Adam")]) == want


def test_a_link_reopens_exactly_and_leads_to_the_race():
    query = {"cond.kappa": "300", "cond.angle": "30"}
    at = page(query)
    assert_clean(at)
    assert not [w for w in at.warning if "The link set" in w.value]
    assert at.select_slider(key="cond.kappa").value == 300.0
    assert at.slider(key="cond.angle").value == 30
    for key, value in query.items():
        assert str(at.query_params[key]) == value, (key, at.query_params[key])
    race = [p.proto for p in at.get("page_link") if p.proto.page == "Optimizer_Race"
            and "kappa" in p.proto.query_string][-1]
    link = parse_qs(race.query_string)
    assert link == {"surface": ["bowl"], "opts": ["sgd,momentum,rmsprop,adam"],
                    "kappa": ["300"], "angle": ["30"]}, link


def test_moving_the_controls_writes_the_url():
    at = page()
    at.select_slider(key="cond.kappa").set_value(10.0).run()
    at.slider(key="cond.angle").set_value(60).run()
    assert_clean(at)
    assert at.query_params["cond.kappa"] in ("10", ["10"])
    assert at.query_params["cond.angle"] in ("60", ["60"])
    assert t("en", "c_intro", dk=fmt(cond.diagonal_kappa(10.0, 60), 4), angle=60,
             dk0="1") in body(at)


@pytest.mark.parametrize("query", [{"cond.kappa": "5000"}, {"cond.kappa": "1"},
                                   {"cond.kappa": "banana"}, {"cond.kappa": "nan"},
                                   {"cond.angle": "91"}, {"cond.angle": "-5"},
                                   {"cond.angle": "2.5"}, {"cond.angle": "`x`"}])
def test_bad_link_values_fall_back_with_a_notice(query):
    at = page(query)
    assert_clean(at)
    (key, _), = query.items()
    label = t("en", "kappa" if key == "cond.kappa" else "angle")
    notices = [w.value for w in at.warning if w.value.startswith("The link set")]
    assert any(label in n for n in notices), notices
    assert at.select_slider(key="cond.kappa").value == 100.0
    assert at.slider(key="cond.angle").value == 45


@pytest.mark.parametrize("query", [{"projector": "1"}, {"lang": "zh", "projector": "1"}])
def test_projector_mode_and_valid_charts(query):
    at = page(query)
    assert_clean(at)
    assert t(query.get("lang", "en"), "header") in [h.value for h in at.header]
    schema = vl_core.load_schema()
    for spec in chart_specs(at)[-2:]:
        spec.pop("datasets", None)
        jsonschema.validate(spec, schema)
        assert "vconcat" in spec, "projector mode stacks the paired charts"


def test_catalogue_has_both_languages():
    en = {k for k in CATALOGUE["en"] if k.startswith(P)}
    zh = {k for k in CATALOGUE["zh"] if k.startswith(P)}
    assert en == zh and len(en) > 40
