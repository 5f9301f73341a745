"""China's administrative divisions (province → prefecture → county), loaded once from `cpca`'s data.

The CSV (`cpca/resources/adcodes.csv`, 12-digit codes) is read directly, without importing `cpca`
(which pulls in pandas). Each division gets its level, its parent (from the code) and the short forms
it is written as (沈阳 for 沈阳市, 广西 for 广西壮族自治区), plus the county forms of districts that were
counties or county-level cities until recently (延庆县 → 延庆区), which older articles still use. Changes
made after the table's vintage (海门市 → 海门区, 莱城区 → 济南市莱芜区) come from `division_changes.tsv`.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"

# Placeholder rows of the code table that are not divisions.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}
_MUNICIPALITY_PREFIXES = {"11", "12", "31", "50"}


@dataclass
class Division:
    """One administrative division: full name, level, code, parent code and short forms."""

    code: str
    name: str
    level: str  # province, city, county, district (towns are not in the code table)
    parent_code: str | None
    short: list[str] = field(default_factory=list)
    historical: bool = False  # a former county name of what is now a district
    # Unambiguous abbreviations that keep the level word: 延边州, 澜沧县 for autonomous prefectures,
    # counties and banners.
    abbreviated: list[str] = field(default_factory=list)


@dataclass
class Gazetteer:
    """All divisions, indexed by code, full name and surface form."""

    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]
    ethnic_groups: list[str]
    _chains: dict[tuple[str, str], tuple[Division, ...]] = field(default_factory=dict, init=False, repr=False)

    def parent(self, division: Division) -> Division | None:
        """The enclosing division, or None for a province."""
        return self.by_code.get(division.parent_code) if division.parent_code else None

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Enclosing divisions from the nearest up to the province (walked once per division: the
        recognizers ask for the same chains again and again)."""
        key = (division.code, division.name)
        chain = self._chains.get(key)
        if chain is None:
            walk: list[Division] = []
            current = self.parent(division)
            while current is not None:
                walk.append(current)
                current = self.parent(current)
            chain = self._chains[key] = tuple(walk)
        return chain

    def encloses(self, outer: str, inner: str) -> bool:
        """Whether a division named `inner` lies inside one named `outer` (沈阳市 in 辽宁省), for any
        of the divisions that bear those names."""
        return any(a.name == outer for d in self.by_name.get(inner, ()) for a in self.ancestors(d))

    def province(self, division: Division) -> Division:
        """The province a division belongs to (itself for a province)."""
        chain = self.ancestors(division)
        return chain[-1] if chain else division


def _cpca_csv() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cpca package (administrative division codes) is not installed")
    return Path(spec.origin).parent / "resources" / "adcodes.csv"


def _ethnic_groups() -> list[str]:
    """Names of China's ethnic groups (汉族, 壮族 …), longest first, to shorten autonomous names."""
    spec = importlib.util.find_spec("cpca")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "resources" / "56_nations.csv"
    names = [line.strip().split(",")[0] for line in path.read_text(encoding="utf-8").splitlines()]
    groups = {n for n in names if n.endswith("族")}
    # Multi-group names (回族彝族 …) are joins of these; strip them repeatedly.
    return sorted(groups | {n[:-1] for n in groups if len(n) > 2}, key=len, reverse=True)


def _level(code: str, name: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "district" if name.endswith("区") and not name.endswith("林区") else "county"


def _parent_code(code: str, rows: dict[str, str]) -> str | None:
    if code[2:] == "0" * 10:
        return None
    candidates = []
    if code[4:] != "0" * 8:
        candidates.append(code[:4] + "0" * 8)
    candidates.append(code[:2] + "0" * 10)
    for parent in candidates:
        if parent in rows and rows[parent] not in _PLACEHOLDERS:
            return parent
    return None


# Suffixes stripped to get a short form, longest first; "自治州"/"自治县"/"自治旗" also lose the
# ethnic group names before them.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "林区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)


def short_forms(name: str, groups: list[str]) -> list[str]:
    """Short forms of a full division name: 沈阳市 → 沈阳, 延边朝鲜族自治州 → 延边 (at least 2 chars)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                changed = True
                while changed:
                    changed = False
                    for group in groups:
                        if stem.endswith(group) and len(stem) - len(group) >= 2:
                            stem = stem[: -len(group)]
                            changed = True
                            break
            return [stem] if len(stem) >= 2 and stem != name else []
    return []


_BANNER = re.compile(r"([\u4e00-\u9fff]{3,4}?)([左右])(?:翼([前中后]))?旗")


def abbreviated_forms(name: str, short: list[str]) -> list[str]:
    """延边朝鲜族自治州 → 延边州, 澜沧拉祜族自治县 → 澜沧县: the short form with the level word kept."""
    banner = _BANNER.fullmatch(name)
    if banner:  # 察哈尔右翼前旗 → 察右前旗, 土默特左旗 → 土左旗: the usual short banner names
        return [banner.group(1)[0] + banner.group(2) + (banner.group(3) or "") + "旗"]
    if not name.endswith(("自治州", "自治县", "自治旗")):
        return []
    return [stem + name[-1] for stem in short if stem + name[-1] != name]


@cache
def load() -> Gazetteer:
    """The gazetteer, built once per process."""
    with _cpca_csv().open(encoding="utf-8") as handle:
        rows = {row["adcode"]: row["name"] for row in csv.DictReader(handle)}
    groups = _ethnic_groups()
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for code, name in sorted(rows.items()):
        if name in _PLACEHOLDERS:
            continue
        level = _level(code, name)
        if (
            level == "province"
            and code[:2] not in _MUNICIPALITY_PREFIXES
            and not name.endswith(("省", "自治区", "特别行政区"))
        ):
            continue
        division = Division(code, name, level, _parent_code(code, rows), short_forms(name, groups))
        division.abbreviated = abbreviated_forms(name, division.short)
        by_code[code] = division
        by_name.setdefault(name, []).append(division)
    _apply_changes(by_code, by_name, groups)
    # Districts made from counties or county-level cities keep being written with the old suffix.
    for division in list(by_code.values()):
        if division.level != "district" or not division.name.endswith("区") or division.name.endswith("新区"):
            continue
        stem = division.name[:-1]
        if len(stem) < 2:
            continue
        for suffix in ("县", "市"):
            old = stem + suffix
            if old in by_name:
                continue
            former = Division("", old, "county", division.parent_code, [], historical=True)
            by_name.setdefault(old, []).append(former)
    return Gazetteer(by_code, by_name, groups)


def _change_rows() -> list[list[str]]:
    rows = []
    for line in (RULES / "division_changes.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _apply_changes(
    by_code: dict[str, Division], by_name: dict[str, list[Division]], groups: list[str]
) -> None:
    """Renames, moves and splits after the code table's vintage: the new name takes the old code."""

    def coded(name: str) -> Division | None:
        return next((d for d in by_name.get(name, []) if d.code), None)

    for new, old, parent_name, moved_to in _change_rows():
        parent = coded(parent_name)
        target = coded(moved_to) if moved_to != "-" else parent
        if parent is None or target is None:
            continue
        if old == "-":
            prefix = target.code[:4] if target.level == "city" else target.code[:2] + "01"
            code = next(c for i in range(90, 100) if (c := f"{prefix}{i:02d}000000") not in by_code)
            level = _level(code, new)
        else:
            former = next((d for d in by_name.get(old, []) if d.code and d.parent_code == parent.code), None)
            if former is None:
                continue
            if new == old:  # moved to another prefecture under the same name
                former.parent_code = target.code
                continue
            former.historical = True  # still how older articles write it
            code, level = former.code, former.level if former.level == "city" else _level(former.code, new)
        division = Division(code, new, level, target.code, short_forms(new, groups))
        division.abbreviated = abbreviated_forms(new, division.short)
        by_code[code] = division
        by_name.setdefault(new, []).append(division)
