"""Rule and lexicon data hold general knowledge only: no person or project name from the seed gold files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
RULE_FILES = sorted(
    path
    for pattern in ("ingest/rules/**/*", "graph/**/*.tsv", "graph/**/*.jsonl", "graph/**/*.json")
    for path in ROOT.glob(pattern)
    if path.is_file() and path.suffix in {".tsv", ".txt", ".jsonl", ".json", ".csv", ".yaml", ".yml"}
)
# Generic agreement heads are vocabulary, not names: a trigger list may well hold 战略合作协议.
GENERIC = re.compile(r"^(全面)?(战略)?合作(框架)?协议$")
FIELD_SPLIT = re.compile(r"[\t\n\r,，;；|\"'\[\]{}:：\s]+")


def _seed_names() -> set[str]:
    names: set[str] = set()
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        names.update(person["name"] for person in gold["people"])
        for project in gold["projects"]:
            names.update(n for n in [project["name"], *project["aliases"]] if not GENERIC.match(n))
    return names


SEED_NAMES = _seed_names()


def test_there_is_something_to_check() -> None:
    assert len(GOLD) == 5 and len(SEED_NAMES) > 50
    assert RULE_FILES, "no rule data found under ingest/rules"


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_rule_file_has_no_seed_names(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fields = set(FIELD_SPLIT.split(text))
    # Two-character names collide with ordinary words inside longer entries, so they must not stand
    # as a field of their own; longer names must not appear anywhere.
    found = sorted(n for n in SEED_NAMES if n in fields or (len(n) >= 3 and n in text))
    assert not found, f"{path.relative_to(ROOT)} holds names taken from the seeds: {found}"
