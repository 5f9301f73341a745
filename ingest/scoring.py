"""Scoring an extraction against a gold annotation, exactly as `extraction-format.md` describes.

Reading of the rules, where the format leaves room:

- Names are normalised on both sides: Traditional → Simplified (only when the name holds
  Traditional-only characters, since t2s is not the identity on Simplified text), white space and
  quote marks (“”‘’"'「」『』《》) removed, full-width ASCII folded to half-width.
- Entities: an output entity's `name` matches a gold entity of the same type when it equals the gold
  name or one of the gold aliases (strict); in the lenient score also when one contains the other and
  the shorter is ≥ 2 characters and ≥ 60 % of the longer's length. Each gold entity is matched at most
  once, and each output entity too: the number of matches is a maximum bipartite matching.
- Relations use the same entity rule for their arguments. The names a gold argument may be written
  as are the gold argument itself plus the name and aliases of every gold entity (of any type) that
  the argument names: so a host 沈阳市 also matches 沈阳 when the gold cities list 沈阳 as an alias
  of 沈阳市. Only gold aliases count, never the output's own aliases.
- `seconded_to`: person exact (equal after normalisation, gold person aliases allowed) in both
  scores, host by the entity rule (strict or lenient). `brokered`: person exact, project by the entity
  rule. `signed`: each agreement gives the unordered pairs of its parties; pairs match when both
  parties match in either order. `paired`: unordered (a, b) region pairs, same rule.
- Relations are sets: duplicates (same normalised key) are counted once on either side.
- Entity F1 and relation F1 are micro-averages (summed counts) over person/city/organisation/project
  and over seconded_to/brokered/signed; `paired` is scored but outside the relation average.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ingest.convert import has_traditional, to_simplified
from ingest.models import Extraction

ENTITY_TYPES = ("people", "cities", "organisations", "projects")
RELATION_TYPES = ("seconded_to", "brokered", "signed")
ALL_TYPES = (*ENTITY_TYPES, *RELATION_TYPES, "paired")
MODES = ("strict", "lenient")

_STRIP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉]+")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise(name: str | None) -> str:
    """A name as compared: Simplified, no white space or quote marks, half-width ASCII."""
    if not name:
        return ""
    if has_traditional(name):
        name = to_simplified(name)[0]
    return _STRIP.sub("", name.translate(_FOLD))


def lenient_equal(a: str, b: str) -> bool:
    """Equal, or one contains the other and the shorter is ≥ 2 chars and ≥ 60 % of the longer."""
    if a == b:
        return bool(a)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and len(short) >= 0.6 * len(long_) and short in long_


def _strict_equal(a: str, b: str) -> bool:
    return bool(a) and a == b


@dataclass
class Counts:
    """True positives and the sizes of the predicted and gold sets."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """tp / pred (1.0 when nothing was predicted and nothing was expected)."""
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """tp / gold (1.0 when the gold is empty)."""
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, rounded for display."""
        return {
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Scores:
    """Counts per type, per mode (strict, lenient)."""

    counts: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {mode: {t: Counts() for t in ALL_TYPES} for mode in MODES}
    )

    def get(self, mode: str, kind: str) -> Counts:
        """Counts of one type, or of the `entity` / `relation` micro-average."""
        if kind == "entity":
            return sum((self.counts[mode][t] for t in ENTITY_TYPES), Counts())
        if kind == "relation":
            return sum((self.counts[mode][t] for t in RELATION_TYPES), Counts())
        return self.counts[mode][kind]

    def __add__(self, other: Scores) -> Scores:
        total = Scores()
        for mode in MODES:
            for t in ALL_TYPES:
                total.counts[mode][t] = self.counts[mode][t] + other.counts[mode][t]
        return total

    def as_dict(self) -> dict[str, dict[str, dict[str, float | int]]]:
        """Nested {mode: {type: counts}}, with `entity` and `relation` micro-averages."""
        kinds = (*ENTITY_TYPES, "entity", *RELATION_TYPES, "relation", "paired")
        return {mode: {k: self.get(mode, k).as_dict() for k in kinds} for mode in MODES}


def _max_matching(n_pred: int, n_gold: int, edge: Callable[[int, int], bool]) -> int:
    """Size of a maximum matching between predictions and gold items (each used at most once)."""
    adjacency = [[g for g in range(n_gold) if edge(p, g)] for p in range(n_pred)]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in adjacency[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    return sum(augment(p, set()) for p in range(n_pred))


class _GoldNames:
    """The names a gold argument may be written as (itself plus the aliases of the entity it names)."""

    def __init__(self, gold: Extraction) -> None:
        self.index: dict[str, set[str]] = {}
        for kind in ENTITY_TYPES:
            for entity in getattr(gold, kind):
                names = {normalise(n) for n in [entity.name, *entity.aliases]} - {""}
                for n in names:
                    self.index.setdefault(n, set()).update(names)

    def of(self, name: str | None) -> set[str]:
        key = normalise(name)
        return self.index.get(key, set()) | {key}


def _entity_counts(gold: list[set[str]], pred: list[str], equal: Callable[[str, str], bool]) -> Counts:
    tp = _max_matching(len(pred), len(gold), lambda p, g: any(equal(pred[p], n) for n in gold[g]))
    return Counts(tp, len(pred), len(gold))


def score(gold: Extraction, pred: Extraction) -> Scores:
    """Strict and lenient counts of one article's prediction against its gold annotation."""
    scores = Scores()
    names = _GoldNames(gold)
    for mode, equal in (("strict", _strict_equal), ("lenient", lenient_equal)):
        counts = scores.counts[mode]
        for kind in ENTITY_TYPES:
            gold_sets = [{normalise(n) for n in [e.name, *e.aliases]} - {""} for e in getattr(gold, kind)]
            pred_names = [normalise(e.name) for e in getattr(pred, kind)]
            counts[kind] = _entity_counts(gold_sets, pred_names, equal)

        def arg(gold_name: str, pred_name: str, eq: Callable[[str, str], bool] = equal) -> bool:
            p = normalise(pred_name)
            return any(eq(p, n) for n in names.of(gold_name))

        def person(gold_name: str, pred_name: str) -> bool:
            return arg(gold_name, pred_name, _strict_equal)

        def pair(g: tuple[str, str], p: tuple[str, str]) -> bool:
            return (arg(g[0], p[0]) and arg(g[1], p[1])) or (arg(g[0], p[1]) and arg(g[1], p[0]))

        counts["seconded_to"] = _relation_counts(
            _keys((r.person, r.host) for r in gold.seconded_to),
            _keys((r.person, r.host) for r in pred.seconded_to),
            lambda g, p: person(g[0], p[0]) and arg(g[1], p[1]),
        )
        counts["brokered"] = _relation_counts(
            _keys((r.person, r.project) for r in gold.brokered),
            _keys((r.person, r.project) for r in pred.brokered),
            lambda g, p: person(g[0], p[0]) and arg(g[1], p[1]),
        )
        counts["signed"] = _relation_counts(_signed_pairs(gold), _signed_pairs(pred), pair)
        counts["paired"] = _relation_counts(
            _pairs((r.a, r.b) for r in gold.paired), _pairs((r.a, r.b) for r in pred.paired), pair
        )
    return scores


def _keys(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for a, b in items:
        seen.setdefault((normalise(a), normalise(b)), (a, b))
    return list(seen.values())


def _pairs(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[frozenset[str], tuple[str, str]] = {}
    for a, b in items:
        key = frozenset((normalise(a), normalise(b)))
        if len(key) == 2:
            seen.setdefault(key, (a, b))
    return list(seen.values())


def _signed_pairs(extraction: Extraction) -> list[tuple[str, str]]:
    return _pairs(pair for r in extraction.signed for pair in combinations(r.parties, 2))


def _relation_counts(
    gold: list[tuple[str, str]],
    pred: list[tuple[str, str]],
    match: Callable[[tuple[str, str], tuple[str, str]], bool],
) -> Counts:
    tp = _max_matching(len(pred), len(gold), lambda p, g: match(gold[g], pred[p]))
    return Counts(tp, len(pred), len(gold))


@dataclass
class DirScores:
    """Scores summed over a directory of gold files, per article, and gold files without a prediction."""

    total: Scores
    articles: dict[str, Scores]
    missing: list[str]


def load(path: Path) -> Extraction:
    """An extraction or gold file."""
    return Extraction.model_validate_json(path.read_text(encoding="utf-8"))


def score_dirs(gold_dir: Path, pred_dir: Path) -> DirScores:
    """Score every `<stem>.json` of `gold_dir` against `pred_dir/<stem>.json` (missing = empty output)."""
    total, articles, missing = Scores(), {}, []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = load(gold_path)
        pred_path = Path(pred_dir) / gold_path.name
        if pred_path.exists():
            pred = load(pred_path)
        else:
            missing.append(gold_path.name)
            pred = Extraction(article=gold.article)
        articles[gold_path.stem] = score(gold, pred)
        total = total + articles[gold_path.stem]
    return DirScores(total, articles, missing)
