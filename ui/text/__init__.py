"""The text catalogue: every user-facing string, keyed by id, one dict per language.

Each module of this package holds the strings of one page (or of the frame) as two
dicts, ``EN`` and ``ZH``, with the same keys, each key prefixed by the page id
(``"home.title"``). Adding a language means adding one dict to every module.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import MappingProxyType

LANGUAGES = MappingProxyType({"en": "English", "zh": "中文"})
DEFAULT_LANGUAGE = "en"


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for lang in LANGUAGES:
            table = getattr(module, lang.upper())
            clash = set(table) & set(merged[lang])
            if clash:
                raise KeyError(f"text ids defined twice: {sorted(clash)}")
            merged[lang].update(table)
    return {lang: MappingProxyType(table) for lang, table in merged.items()}


CATALOGUE = MappingProxyType(_load())


def text(lang: str, key: str, **fmt) -> str:
    """The string ``key`` in ``lang`` (English if that language lacks it), formatted."""
    table = CATALOGUE.get(lang, CATALOGUE[DEFAULT_LANGUAGE])
    template = table.get(key) or CATALOGUE[DEFAULT_LANGUAGE][key]
    return template.format(**fmt) if fmt else template
