"""Tests for core.calculus.formula: the safe reader of typed functions and its symbolic derivative.

1. 200 random well-formed expressions: f' from sympy agrees with central differences
   wherever the derivative exists (one-sided limits agree).
2. Hostile text: each is refused with an ExprError code the page can translate, quickly,
   and nothing runs (no file appears). The same list goes through the page in
   tests/test_page_differentiation.py.
3. The module never hands text to eval / exec / compile / sympify / parse_expr.
"""

import ast
import os
import re
import time
from pathlib import Path

import numpy as np
import pytest

from core.calculus import domain, formula
from core.calculus.formula import MAX_DEPTH, MAX_LENGTH, ExprError, parse, to_sympy
from core.calculus.slopes import central_slope, one_sided_limits

ROOT = Path(__file__).resolve().parents[3]

# ---------------------------------------------------------------- hostile text
# (text, expected error code); shared with the AppTest page test.
HOSTILE: list[tuple[str, str]] = [
    ("__import__('os').system('touch pwned')", "construct"),
    ("__import__(\"os\")", "unknown_function"),
    ("os.system('touch pwned')", "construct"),
    ("x.__class__", "construct"),
    ("x.real", "construct"),
    ("().__class__.__bases__[0].__subclasses__()", "construct"),
    ("lambda: 1", "construct"),
    ("(lambda x: x)(2)", "construct"),
    ("[x for x in range(10)]", "construct"),
    ("{x for x in (1, 2)}", "construct"),
    ("sum(i for i in range(9))", "unknown_function"),
    ("{1: x}", "construct"),
    ("x[0]", "construct"),
    ("open('pwned', 'w')", "unknown_function"),
    ("eval('1')", "unknown_function"),
    ("exec('import os')", "unknown_function"),
    ("import os", "syntax"),
    ("x; import os", "syntax"),
    ("(y := 3)", "construct"),
    ("f'{x}'", "construct"),
    ("'x' * 9", "construct"),
    ("b'x'", "construct"),
    ("x if x > 0 else -x", "construct"),
    ("x < 1", "construct"),
    ("x and 1", "construct"),
    ("True", "construct"),
    ("None", "construct"),
    ("1j * x", "construct"),
    ("x @ x", "operator"),
    ("x // 2", "operator"),
    ("x % 3", "operator"),
    ("x << 2", "operator"),
    ("9**9**9", "exponent"),
    ("x**1e9", "exponent"),
    ("x**-1e9", "exponent"),
    ("(x**5)**5", "exponent"),
    ("2**(10**3)", "exponent"),
    ("999999**20", "too_big"),
    ("exp(exp(100))", "too_big"),
    ("1e400 * x", "number"),
    ("x" * 10_000, "too_long"),
    ("+" * 199 + "x", "too_deep"),
    ("(" * 500 + "x" + ")" * 500, "too_long"),
    ("(" * 40 + "x" + ")" * 40, "too_deep"),
    ("sin(" * 35 + "x" + ")" * 35, "too_deep"),
    ("1/0", "division_by_zero"),
    ("x/(x - x)", "division_by_zero"),
    ("0**-1", "division_by_zero"),
    ("log(0)", "log_domain"),
    ("log(-1)", "log_domain"),
    ("sqrt(-4)", "sqrt_domain"),
    ("(-8)**(1/3)", "root_domain"),
    ("exp(1000)", "too_big"),
    ("tan(pi/2)", "undefined"),
    ("exp(x", "unclosed"),
    ("sin(exp(x)", "unclosed"),
    ("((x", "unclosed_many"),
    ("x + 1)", "unmatched"),
    ("x**", "incomplete"),
    ("", "empty"),
    ("   ", "empty"),
    ("х**2", "bad_char"),           # Cyrillic х
    ("x²", "bad_char"),
    ("sin(x)\u200b", "bad_char"),   # zero-width space
    ("x\u2212 1", "bad_char"),      # minus sign
    ("ｘ + 1", "bad_char"),          # full-width x
    ("x\n+1", "bad_char"),
    ("2x", "syntax"),
    ("x +", "incomplete"),
    ("sin x", "syntax"),
    ("y + 1", "unknown_name"),
    ("foo(x)", "unknown_function"),
    ("sin(x, 2)", "arguments"),
    ("sin()", "arguments"),
    ("sin(x=1)", "arguments"),
    ("sin(*x)", "arguments"),
]


@pytest.mark.parametrize(("text", "code"), HOSTILE, ids=[f"h{i}" for i in range(len(HOSTILE))])
def test_hostile_text_is_refused_fast_and_runs_nothing(text, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parse("x")  # warm sympy up so the timing below measures the check itself
    t0 = time.perf_counter()
    with pytest.raises(ExprError) as caught:
        parse(text)
    elapsed = time.perf_counter() - t0
    assert caught.value.code == code, f"{text[:60]!r}: {caught.value.code} {caught.value.params}"
    assert elapsed < 0.1, f"{text[:60]!r} took {1e3 * elapsed:.1f} ms"
    assert not os.listdir(tmp_path), f"{text[:60]!r} left files: {os.listdir(tmp_path)}"


def test_there_are_at_least_40_hostile_inputs():
    assert len(HOSTILE) >= 40, len(HOSTILE)


def test_limits_are_the_documented_ones():
    to_sympy("x" + "+x" * ((MAX_LENGTH - 1) // 2))  # the longest allowed text works
    with pytest.raises(ExprError, match="too_long"):
        to_sympy("x" + "+x" * ((MAX_LENGTH + 1) // 2))
    to_sympy("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH)
    to_sympy("x**20 + x**-20 + 2**x")


def test_module_never_executes_text():
    banned = {"eval", "exec", "compile", "sympify", "parse_expr", "S", "__import__"}
    paths = [ROOT / "core" / "calculus" / "formula.py", ROOT / "core" / "calculus" / "domain.py",
             ROOT / "pages" / "1_Differentiation.py",
             *sorted(p for p in (ROOT / "ui").rglob("*.py")
                     if "differentiation" in p.relative_to(ROOT / "ui").as_posix())]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                assert name not in banned, f"{path.name} calls {name}"
    assert not hasattr(formula, "sympify") and not hasattr(domain, "sympify")


# ------------------------------------------------------- well-formed expressions


def test_known_derivatives():
    cases = {
        "x**3 - 2*x + sin(x)": lambda x: 3 * x**2 - 2 + np.cos(x),
        "x^2": lambda x: 2 * x,
        "exp(2*x)": lambda x: 2 * np.exp(2 * x),
        "log(x)": lambda x: 1 / x,
        "sqrt(x)": lambda x: 0.5 / np.sqrt(x),
        "tanh(x)": lambda x: 1 - np.tanh(x) ** 2,
        "sigmoid(x)": lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2,
        "abs(x)": np.sign,
        "relu(x)": lambda x: (x > 0).astype(float),
        "7": lambda x: 0 * x,
        "pi*x + e": lambda x: np.pi + 0 * x,
        "-x": lambda x: -1 + 0 * x,
    }
    xs = np.array([0.3, 1.0, 2.5])
    for text, expected in cases.items():
        p = parse(text)
        assert p.df(xs) == pytest.approx(expected(xs), rel=1e-12), text
        assert p.f(xs).shape == xs.shape and p.df(xs).shape == xs.shape, text


def test_undefined_values_are_nan_not_errors():
    p = parse("log(x) + sqrt(x)")
    out = p.f(np.array([-1.0, 0.0, 1.0]))
    assert np.isnan(out[0]) and out[2] == pytest.approx(1.0)
    assert "\\log" in p.latex and "\\frac" in p.derivative_latex


def _random_expression(rng: np.random.Generator, depth: int) -> str:
    """A random smooth-ish f(x) from the whitelist; singular spots are skipped by the test."""
    if depth == 0 or rng.random() < 0.2:
        return str(rng.choice(["x", "x", "2", "3", "0.5", "pi", "1.5*x"]))
    a = _random_expression(rng, depth - 1)
    kind = rng.integers(12)
    if kind < 4:
        b = _random_expression(rng, depth - 1)
        return f"({a} {rng.choice(['+', '-', '*'])} {b})"
    templates = [
        "{a}/(2 + cos({b}))", "({a})**{k}", "sin({a})", "cos({a})", "tanh({a})",
        "exp(sin({a}))", "log(1 + ({a})**2)", "sqrt(2 + sin({a}))", "abs({a})",
        "atan({a})", "sigmoid({a})", "-({a})", "x**{k} - {a}", "exp(-({a})**2)",
    ]
    template = templates[rng.integers(len(templates))]
    return template.format(a=a, b=_random_expression(rng, depth - 1), k=rng.integers(0, 5))


def _random_expressions(n: int, seed: int = 20240601) -> list[str]:
    rng = np.random.default_rng(seed)
    out: list[str] = []
    while len(out) < n:
        text = _random_expression(rng, int(rng.integers(2, 6)))
        varies = re.search(r"\bx\b(?!\*\*0)", text) is not None and len(text) >= 12
        if varies and len(text) <= MAX_LENGTH and text not in out:
            out.append(text)
    return out


RANDOM = _random_expressions(200)
POINTS = np.linspace(-1.9, 1.9, 7) + 0.0123


@pytest.mark.parametrize("text", RANDOM, ids=[f"r{i}" for i in range(len(RANDOM))])
def test_random_expression_derivative_matches_central_differences(text):
    p = parse(text)
    checked = 0
    for x0 in POINTS:
        if one_sided_limits(p.f, float(x0)).kind != "smooth":
            continue  # no derivative here (a kink of abs): nothing to compare
        h = 1e-4 * (1 + abs(x0))
        c1, c2 = central_slope(p.f, x0, h), central_slope(p.f, x0, h / 2)
        numeric = float((4 * c2 - c1) / 3)  # Richardson: error ~ h^4
        exact = float(p.df(np.array([x0]))[0])
        scale = 1 + abs(exact) + abs(float(p.f(np.array([x0]))[0]))
        assert abs(numeric - exact) <= 1e-6 * scale, \
            f"{text} at x = {x0:.4f}: sympy {exact!r}, numeric {numeric!r}"
        checked += 1
    assert checked >= 4, f"{text}: only {checked} of {len(POINTS)} points were smooth"


# ------------------------------------------------------------ messages for the reader


@pytest.mark.parametrize(("text", "code", "position"), [
    ("exp(x", "unclosed", 4), ("  exp(x", "unclosed", 6), ("x + 1)", "unmatched", 6),
    ("sin x", "syntax", 5), ("2x", "syntax", 1), ("x^^2", "syntax", 3),
    ("  x^^2", "syntax", 5), ("x^2 2", "syntax", 5), ("x²", "bad_char", 2),
])
def test_positions_count_characters_of_the_typed_text_from_1(text, code, position):
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert caught.value.code == code, (text, caught.value.code, caught.value.params)
    got = caught.value.params["position"]
    assert got == position, f"{text!r}: position {got}, the typed text has {text[got - 1]!r} there"


def test_missing_brackets_are_counted():
    with pytest.raises(ExprError) as caught:
        parse("sin(exp((x")
    assert caught.value.code == "unclosed_many"
    assert caught.value.params == {"position": 9, "missing": 3}, caught.value.params


# ------------------------------------------------------- where a valid f has no value


GRID = np.linspace(-3, 3, 201)


@pytest.mark.parametrize(("text", "kind", "lo", "hi"), [
    ("1/x", "division_by_zero", 0.0, 0.0),
    ("sin(x)/x", "division_by_zero", 0.0, 0.0),
    ("x**-20", "division_by_zero", 0.0, 0.0),
    ("log(x)", "log_domain", -3.0, 0.0),
    ("log(abs(x))", "log_domain", 0.0, 0.0),
    ("sqrt(x)", "sqrt_domain", -3.0, -0.03),
    ("x**0.5", "sqrt_domain", -3.0, -0.03),
    ("x**(1/3)", "root_domain", -3.0, -0.03),
    ("exp(exp(exp(x)))", "overflow", 1.89, 3.0),
])
def test_gaps_name_the_reason_and_the_stretch(text, kind, lo, hi):
    p = parse(text)
    found = domain.gaps(p.expr, GRID)
    undefined = ~np.isfinite(p.f(GRID))
    assert [g.kind for g in found] == [kind], found
    assert found[0].lo == pytest.approx(lo, abs=1e-9) and found[0].hi == pytest.approx(hi, abs=1e-9)
    assert found[0].count == int(undefined.sum()), (found, int(undefined.sum()))


def test_overflow_starts_where_exp_exceeds_the_largest_double():
    found = domain.gaps(parse("exp(exp(exp(x)))").expr, GRID)
    start = np.log(np.log(np.log(np.finfo(float).max)))     # exp(exp(exp(x))) = 1.8e308
    assert found[0].lo >= start > found[0].lo - 0.03, (found[0].lo, start)


def test_two_reasons_in_one_formula_are_both_named():
    found = domain.gaps(parse("sqrt(x) * log(x)").expr, GRID)
    assert [(g.kind, g.count) for g in found] == [("sqrt_domain", 100), ("log_domain", 1)], found


@pytest.mark.parametrize("text", ["x**2", "tan(x)**20", "exp(-1/x**2)", "sigmoid(40*x)",
                                  "cosh(100*x)"])
def test_no_gap_where_f_has_a_value_everywhere_on_the_grid(text):
    p = parse(text)
    assert np.isfinite(p.f(GRID)).all()
    assert domain.gaps(p.expr, GRID) == []
