"""Loading the reading-side rule files (`ingest/rules/*.tsv`): `kind<TAB>pattern<TAB>note` rows."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"


@cache
def load_rules(name: str) -> dict[str, tuple[str, ...]]:
    """Patterns of a rule file grouped by kind, in file order; `#` lines are comments."""
    groups: dict[str, list[str]] = defaultdict(list)
    for raw in (RULES_DIR / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, pattern, *_ = raw.split("\t") + [""]
        groups[kind.strip()].append(pattern)
    return {kind: tuple(patterns) for kind, patterns in groups.items()}
