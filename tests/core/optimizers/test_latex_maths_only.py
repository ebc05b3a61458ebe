"""The update equations the pages show (read from the rules' docstrings) hold maths
only, so they read the same on an English and a Chinese page: no words in ``\\text{…}``
(conditions are written as inequalities, ``x \\in \\mathbb{R}^n``, or as the rule's own
keyword in ``\\texttt{…}``, e.g. ``\\texttt{amsgrad}`` and ``\\lnot\\,\\texttt{amsgrad}``),
and every such keyword is one the rule takes or one of its documented option values."""

from __future__ import annotations

import inspect
import re

import pytest

from core.optimizers import RULES, latex
from core.optimizers.keras import KERAS_RULES, keras_latex

TEXT = re.compile(r"\\text(?:rm|bf|it|sf)?\{([^}]*)\}")
CODE = re.compile(r"\\texttt\{([^}]*)\}")
CASES = [("torch", n, RULES[n], latex) for n in RULES] + [
    ("keras", n, KERAS_RULES[n], keras_latex) for n in KERAS_RULES]


@pytest.mark.parametrize("family,name,rule,read", CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_equation_has_no_words_and_names_only_the_rules_keywords(family, name, rule, read):
    tex = read(name)
    words = [inner for inner in TEXT.findall(tex) if re.search(r"[A-Za-z]", inner)]
    assert not words, f"{family} {name}: words in \\text{{}}: {words}"
    keywords = set(inspect.signature(rule).parameters)
    doc = inspect.getdoc(rule)
    for code in CODE.findall(tex):
        word = code.replace(r"\_", "_")
        assert word in keywords or f'"{word}"' in doc, (
            f"{family} {name}: \\texttt{{{word}}} is neither a keyword of the rule nor an "
            f"option value its docstring names")
    assert tex.count("{") == tex.count("}"), f"{family} {name}: unbalanced braces"
    assert tex.count(r"\begin{") == tex.count(r"\end{"), f"{family} {name}: unclosed env"
