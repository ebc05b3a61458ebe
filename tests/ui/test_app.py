"""The app opens, and the layering rules hold: core/ imports only NumPy and the stdlib, a
lesson package imports no other lesson, and no module but a text catalogue is long."""

import ast
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from core.optimizers import OPTIMIZER_NAMES, latex

ROOT = Path(__file__).resolve().parents[2]


def test_home_page_runs_and_shows_every_rule():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    shown = "\n".join(el.value for el in at.get("latex"))
    for name in OPTIMIZER_NAMES:
        assert latex(name) in shown, f"{name}'s equation is not on the home page"


def test_core_imports_only_numpy_and_the_standard_library():
    allowed = {"numpy", "core", "__future__"} | set(sys.stdlib_module_names)
    for path in (ROOT / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                # The one exception: the safe expression reader builds sympy trees.
                extra = {"sympy"} if path.name in ("formula.py", "domain.py") else set()
                assert name.split(".")[0] in allowed | extra, \
                    f"{path.relative_to(ROOT)} imports {name}"


LESSONS = sorted(p.name for p in (ROOT / "ui").iterdir()
                 if (p / "__init__.py").exists() and p.name != "text")


def _imported(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            out += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return out


def test_a_lesson_package_imports_no_other_lesson():
    assert set(LESSONS) == {"differentiation", "gradient_descent", "optimizer_race", "choosing"}
    for lesson in LESSONS:
        others = {f"ui.{o}" for o in LESSONS if o != lesson}
        for path in (ROOT / "ui" / lesson).rglob("*.py"):
            for name in _imported(path):
                assert not any(name == o or name.startswith(o + ".") for o in others), \
                    f"{path.relative_to(ROOT)} imports {name}"
    for path in [*(ROOT / "core").rglob("*.py"), *(ROOT / "ui").glob("*.py")]:
        lessons = {f"ui.{o}" for o in LESSONS}
        for name in _imported(path):
            assert not any(name == o or name.startswith(o + ".") for o in lessons), \
                f"{path.relative_to(ROOT)} (shared code) imports the lesson {name}"


def test_no_module_but_a_text_catalogue_is_long():
    for folder in ("core", "ui", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            if "text" in path.relative_to(ROOT).parts:
                continue
            lines = len(path.read_text().splitlines())
            assert lines <= 300, f"{path.relative_to(ROOT)} has {lines} lines"
