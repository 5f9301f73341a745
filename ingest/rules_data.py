"""Loading the rule files under `ingest/rules/`: TSV rows, JSON lines, and `kind<TAB>pattern<TAB>note` groups.

Each file is read once per process."""

from __future__ import annotations

import json
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


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated rule file, cells stripped; blank lines and `#` comments skipped."""
    rows = []
    for raw in (RULES_DIR / name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append(tuple(cell.strip() for cell in raw.split("\t")))
    return tuple(rows)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """Objects of a JSON-lines rule file; blank lines and `#` comments skipped."""
    lines = (RULES_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("#"))
