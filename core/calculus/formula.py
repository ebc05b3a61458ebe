"""Read a typed function f(x) safely and differentiate it symbolically.

The text is never executed. It is read by Python's parser into a syntax tree
(ast.parse only builds the tree; it runs nothing), and every node of that tree must
be on a short whitelist:

    numbers           2, 0.5, 1e-3        (|value| <= MAX_NUMBER, no bool / complex)
    names             x, pi, e
    operators         a + b, a - b, a * b, a / b, a ** b (also a ^ b), -a, +a
    calls             one of FUNCTIONS with exactly one argument

Each allowed node is turned straight into the matching sympy object, so sympy
never sees the user's text (no sympify / parse_expr / eval, which run code). Sizes
are bounded before any work grows: text length, nesting depth (brackets, calls,
powers and signs; a long sum a + b + c + ... counts as flat) and the size of any
constant exponent or constant value. Anything else raises ExprError(code, **params),
which the page turns into a readable message in the reader's language.

The derivative f'(x) = d/dx f(x) comes from sympy.diff; both f and f' are then
compiled with sympy.lambdify(modules="numpy") from the trees built here.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy

MAX_LENGTH = 200
MAX_DEPTH = 30
MAX_EXPONENT = 20
MAX_NUMBER = 1e6
MAX_CONSTANT = 1e12

X = sympy.Symbol("x", real=True)
NAMES = {"x": X, "pi": sympy.pi, "e": sympy.E}
FUNCTIONS: dict[str, Callable] = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan,
    "exp": sympy.exp, "log": sympy.log, "ln": sympy.log, "sqrt": sympy.sqrt,
    "abs": sympy.Abs, "tanh": sympy.tanh, "sinh": sympy.sinh, "cosh": sympy.cosh,
    "atan": sympy.atan, "arctan": sympy.atan,
    "sigmoid": lambda a: 1 / (1 + sympy.exp(-a)),
    "relu": lambda a: sympy.Max(0, a),
}
_OPERATORS = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / _nonzero(b),
}
# A readable name for each kind of syntax that is not allowed (the page translates it).
_CONSTRUCTS = {
    ast.Attribute: "attribute", ast.Lambda: "lambda", ast.Subscript: "subscript",
    ast.ListComp: "comprehension", ast.SetComp: "comprehension",
    ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension",
    ast.Compare: "comparison", ast.BoolOp: "logic", ast.IfExp: "conditional",
    ast.NamedExpr: "assignment", ast.List: "collection", ast.Tuple: "collection",
    ast.Set: "collection", ast.Dict: "collection", ast.JoinedStr: "text",
    ast.Starred: "collection", ast.Await: "other", ast.Yield: "other",
}


class ExprError(ValueError):
    """A typed expression that cannot be used; code names the problem, params fill in details."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}" if params else code)


@dataclass(frozen=True)
class Parsed:
    """A typed function, its symbolic derivative, their LaTeX and NumPy versions."""

    text: str
    expr: sympy.Expr
    derivative: sympy.Expr
    latex: str
    derivative_latex: str
    f: Callable
    df: Callable


# ------------------------------------------------------------------ checks


def _check_text(text: str) -> str:
    """Length, characters and brackets, all checked before the parser sees the text.
    Positions in messages count characters of the typed text from 1."""
    if not isinstance(text, str) or not text.strip():
        raise ExprError("empty")
    if len(text) > MAX_LENGTH:
        raise ExprError("too_long", length=len(text), limit=MAX_LENGTH)
    for position, char in enumerate(text, start=1):
        if not (" " <= char <= "~"):
            raise ExprError("bad_char", char=char, code_point=f"U+{ord(char):04X}",
                            position=position)
    _check_brackets(text)
    return text.replace("^", "**")


def _check_brackets(text: str) -> None:
    """Every ")" closes an earlier "(", every "(" is closed, and nesting stays <= MAX_DEPTH."""
    opened: list[int] = []
    for position, char in enumerate(text, start=1):
        if char == "(":
            opened.append(position)
            if len(opened) > MAX_DEPTH:
                raise ExprError("too_deep", limit=MAX_DEPTH)
        elif char == ")":
            if not opened:
                raise ExprError("unmatched", position=position)
            opened.pop()
    if len(opened) == 1:
        raise ExprError("unclosed", position=opened[0])
    if opened:
        raise ExprError("unclosed_many", position=opened[-1], missing=len(opened))


def _typed_position(text: str, column: int) -> int:
    """The 1-based position in the typed text of column ``column`` (1-based) of the text
    the parser saw: leading spaces stripped and every ^ written as **."""
    seen = len(text) - len(text.lstrip())
    for position, char in enumerate(text[seen:], start=seen + 1):
        column -= 2 if char == "^" else 1
        if column <= 0:
            return position
    return len(text)


def _nonzero(denominator: sympy.Expr) -> sympy.Expr:
    """A denominator that is exactly 0 (also after simplifying, as x - x) is refused."""
    if denominator.is_zero:
        raise ExprError("division_by_zero")
    return denominator


def _check_domain(name: str, argument: sympy.Expr) -> sympy.Expr:
    """log needs a constant argument > 0 and sqrt one >= 0 (x-dependent ones are checked
    point by point when f is drawn, see :func:`gaps`)."""
    if argument.is_number and name in ("log", "ln") and not argument.is_positive:
        if argument.is_zero or argument.is_negative:
            raise ExprError("log_domain", value=_short(argument))
    if argument.is_number and name == "sqrt" and argument.is_negative:
        raise ExprError("sqrt_domain", value=_short(argument))
    return argument


def _short(value: sympy.Expr) -> str:
    return f"{float(value):.4g}"


def _check_constant(value: sympy.Expr) -> sympy.Expr:
    """A sub-expression without x must be a finite real number of moderate size."""
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise ExprError("undefined")
    if not value.is_number:
        return value
    number = complex(value.evalf(15))
    if not (math.isfinite(number.real) and math.isfinite(number.imag)):
        if value.is_finite:                       # exact but beyond double range: exp(1000)
            raise ExprError("too_big", limit=f"{MAX_CONSTANT:.0e}")
        raise ExprError("undefined")
    if abs(number.imag) > 1e-12 * max(1.0, abs(number.real)):
        raise ExprError("not_real")
    if abs(number.real) > MAX_CONSTANT:
        raise ExprError("too_big", limit=f"{MAX_CONSTANT:.0e}")
    return value


def _check_powers(value: sympy.Expr) -> sympy.Expr:
    """Every constant exponent, also ones sympy merged such as (x**5)**5 = x**25, stays small."""
    for power in value.atoms(sympy.Pow):
        exponent = power.exp
        if exponent.is_number and abs(float(exponent)) > MAX_EXPONENT:
            raise ExprError("exponent", limit=MAX_EXPONENT)
    return value


# ----------------------------------------------------------------- building


def _number(node: ast.Constant) -> sympy.Expr:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        kind = {bool: "logic", str: "text"}.get(type(value), "other")
        raise ExprError("construct", kind=kind)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ExprError("number", limit=f"{MAX_NUMBER:.0e}")
    return sympy.Integer(value) if isinstance(value, int) else sympy.Float(value)


def _power(node: ast.BinOp, depth: int) -> sympy.Expr:
    exponent = node.right
    if isinstance(exponent, ast.UnaryOp) and isinstance(exponent.op, (ast.USub, ast.UAdd)):
        exponent = exponent.operand
    if isinstance(exponent, ast.Constant) and isinstance(exponent.value, (int, float)) \
            and not isinstance(exponent.value, bool) and abs(exponent.value) > MAX_EXPONENT:
        raise ExprError("exponent", limit=MAX_EXPONENT)
    power = _build(node.right, depth + 1)
    if power.is_number and abs(float(power)) > MAX_EXPONENT:
        raise ExprError("exponent", limit=MAX_EXPONENT)
    base = _build(node.left, depth + 1)
    if base.is_zero and power.is_number and power.is_negative:
        raise ExprError("division_by_zero")                     # 0 ** -1 = 1 / 0
    if base.is_number and base.is_negative and power.is_number and not power.is_integer:
        raise ExprError("root_domain", value=_short(base))      # (-8) ** (1/3)
    return base ** power


def _call(node: ast.Call, depth: int) -> sympy.Expr:
    if not isinstance(node.func, ast.Name):
        raise ExprError("construct", kind=_CONSTRUCTS.get(type(node.func), "other"))
    name = node.func.id
    if name not in FUNCTIONS:
        raise ExprError("unknown_function", name=name, allowed=", ".join(FUNCTIONS))
    if node.keywords or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
        raise ExprError("arguments", name=name)
    return FUNCTIONS[name](_check_domain(name, _build(node.args[0], depth + 1)))


def _build(node: ast.AST, depth: int = 0) -> sympy.Expr:
    """The sympy expression for one whitelisted syntax node (recursing into its children)."""
    if depth > MAX_DEPTH:
        raise ExprError("too_deep", limit=MAX_DEPTH)
    if isinstance(node, ast.Constant):
        result = _number(node)
    elif isinstance(node, ast.Name):
        if node.id not in NAMES:
            raise ExprError("unknown_name", name=node.id)
        result = NAMES[node.id]
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _build(node.operand, depth + 1)
        result = -operand if isinstance(node.op, ast.USub) else operand
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        result = _power(node, depth)
    elif isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _build(node.left, depth), _build(node.right, depth)  # a long sum is flat
        result = _OPERATORS[type(node.op)](left, right)
    elif isinstance(node, ast.BinOp):
        raise ExprError("operator")
    elif isinstance(node, ast.Call):
        result = _call(node, depth)
    else:
        raise ExprError("construct", kind=_CONSTRUCTS.get(type(node), "other"))
    return _check_powers(_check_constant(result))


def to_sympy(text: str) -> sympy.Expr:
    """The sympy expression for typed text, or ExprError; nothing in the text is executed."""
    source = _check_text(text)
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
        column = getattr(error, "offset", None) or 0
        if column <= 0 or column > len(source.strip()):     # the parser ran out of text
            raise ExprError("incomplete") from None
        raise ExprError("syntax", position=_typed_position(text, column)) from None
    return _build(tree.body)


# -------------------------------------------------------------- evaluating


def numpy_function(expr: sympy.Expr) -> Callable:
    """f(x) -> float64 array of x's shape, NaN where f is undefined (warnings silenced)."""
    compiled = sympy.lambdify(X, expr, modules="numpy")

    def evaluate(x):
        x = np.asarray(x, dtype=np.float64)
        with np.errstate(all="ignore"):
            out = np.asarray(compiled(x))
        if np.iscomplexobj(out):
            out = np.where(np.abs(out.imag) > 0, np.nan, out.real)
        return np.broadcast_to(out.astype(np.float64), x.shape).copy()

    return evaluate


def parse(text: str) -> Parsed:
    """Read f(x) from text, differentiate it, and compile both for NumPy."""
    expr = to_sympy(text)
    derivative = sympy.diff(expr, X)
    return Parsed(text, expr, derivative, sympy.latex(expr), sympy.latex(derivative),
                  numpy_function(expr), numpy_function(derivative))
