"""The app opens, and the layering rule holds: core/ imports only NumPy and the stdlib."""

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
