"""Traditional → Simplified conversion (OpenCC `t2s`) that keeps a map back to the original text.

`t2s` is almost always one character for one character; when a segment changes length we fall back
to converting that line character by character, so every output character still knows its source.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

# Conversion only runs when at least this share of the Han characters is Traditional-only: t2s is
# not the identity on Simplified text (it reads 沈 as 沉 in some contexts), so Simplified pages stay
# untouched.
TRADITIONAL_SHARE = 0.03
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LINES = re.compile(r"[^\n]*\n?")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional_only() -> re.Pattern[str]:
    """Characters that t2s changes and that never appear as a Simplified form (derived from OpenCC)."""
    chars = [chr(i) for i in range(0x4E00, 0xA000)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = {c for c, s in zip(chars, converted, strict=True) if c != s}
    outputs = {ch for c, s in zip(chars, converted, strict=True) if c != s for ch in s}
    only = "".join(sorted(changed - outputs))
    return re.compile(f"[{only}]")


def is_traditional(text: str, sample: int = 4_000) -> bool:
    """Whether the text (judged on its first `sample` characters) is written in Traditional Chinese."""
    head = text[:sample]
    traditional = len(_traditional_only().findall(head))
    if traditional < 3:
        return False  # the common case, decided without counting the Han text
    han = sum(len(run) for run in _HAN_RUN.findall(head))
    return traditional >= TRADITIONAL_SHARE * han


def has_traditional(text: str) -> bool:
    """Whether the text holds any Traditional-only character (for short strings such as names)."""
    return _traditional_only().search(text) is not None


def to_simplified(text: str) -> tuple[str, list[int] | None]:
    """Convert to Simplified; returns the text and its offset map (None when it is the identity)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted, None
    return _convert_by_line(text)


def _convert_by_line(text: str) -> tuple[str, list[int]]:
    convert = _converter().convert
    parts: list[str] = []
    offsets: list[int] = []
    for match in _LINES.finditer(text):
        line = match.group()
        if not line:
            continue
        base = match.start()
        out = convert(line)
        if len(out) == len(line):
            parts.append(out)
            offsets.extend(range(base, base + len(line)))
            continue
        # Rare: a phrase changed length. Convert this line character by character instead.
        for i, ch in enumerate(line):
            piece = convert(ch)
            parts.append(piece)
            offsets.extend([base + i] * len(piece))
    return "".join(parts), offsets


def simplify(text: str) -> tuple[str, list[int] | None]:
    """Simplified text and offset map, converting only when the text is Traditional."""
    if is_traditional(text):
        return to_simplified(text)
    return text, None
