"""Name normalisation and the deterministic node ids of docs/graph-model.md.

Ids are plain strings built only from normalised names and division codes, so the same entity gets
the same id in every run, whatever the order in which articles are loaded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc

ABBREVIATIONS_FILE = Path(__file__).with_name("abbreviations.tsv")
_QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】]+")
_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=500_000)
def normalise(name: str) -> str:
    """The comparison form of a name: Simplified, full-width folded, no space or quote marks."""
    folded = unicodedata.normalize("NFKC", name)
    return _QUOTES.sub("", _T2S.convert(folded)).lower()


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    full_to_short: dict[str, str] = {}
    for line in ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, full = line.split("\t")
            full_to_short[normalise(full)] = normalise(short)
    # Longest full forms first, so 人民代表大会常务委员会 wins over 人民代表大会.
    alternation = "|".join(re.escape(f) for f in sorted(full_to_short, key=len, reverse=True))
    return re.compile(alternation), full_to_short


def contract(name: str) -> str:
    """Replace every full form of a known abbreviation by its short form (发展和改革委员会 → 发改委)."""
    pattern, full_to_short = _abbreviations()
    return pattern.sub(lambda m: full_to_short[m.group(0)], name)


def normalise_code(code: str) -> str:
    """Division codes in the 12-digit statistical form: 2101 → 210100000000, 110105001 → 110105001000."""
    digits = code.strip()
    return digits.ljust(12, "0") if digits.isdigit() and len(digits) < 12 else digits


def content_hash(data: bytes) -> str:
    """sha256 hex of some bytes: the article id's hash part."""
    return hashlib.sha256(data).hexdigest()


def article_id(sha256: str) -> str:
    """The id of an Article node."""
    return f"article:{sha256}"


def city_id(code: str) -> str:
    """A division known by its code."""
    return f"city:{normalise_code(code)}"


def unresolved_city_id(name: str, parent_key: str | None) -> str:
    """A division without a code: keyed by its parent (code, or name when unknown) and its name."""
    return f"city:{parent_key or '?'}:{normalise(name)}"


def org_key(name: str) -> str:
    """The comparison form of an organisation name (normalised, abbreviations contracted)."""
    return contract(normalise(name))


def org_id(key: str) -> str:
    """An organisation by its key (region prefix already canonicalised by the resolver)."""
    return f"org:{key}"


def project_id(name: str) -> str:
    """A project, platform, event … by its normalised name."""
    return f"project:{contract(normalise(name))}"


def agreement_id(name: str, party_ids: list[str]) -> str:
    """An agreement by its name and its parties (order-free)."""
    return f"agreement:{contract(normalise(name))}|{','.join(sorted(set(party_ids)))}"


def person_id(name: str, context: str) -> str:
    """A person by name and context key (the id of the home post, else of the host, else the article)."""
    return f"person:{normalise(name)}:{context}"
