"""Extraction time against article length: is recognize + relate linear in the length of a page?

Not a test. Builds one long page from the five cleaned seed bodies joined n times (n = 1, 2, 4, 8, 16 by
default, about 16k characters per copy), runs clean, recognize and relate on it and prints the time per
1k characters and the growth ratio of that figure against n = 1 (≈ 1.0 when linear, ≈ n when quadratic).
Run: `.venv/bin/python bench/long_article_bench.py [--n 1 2 4 8 16] [--chars 1000000]`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.clean import clean  # noqa: E402
from ingest.document import RawArticle  # noqa: E402
from ingest.read import read_article  # noqa: E402
from ingest.recognize import recognize  # noqa: E402
from ingest.relate import relate  # noqa: E402


def _body() -> str:
    """The five seed bodies, cleaned, as one text."""
    return "\n".join(clean(read_article(p)).text for p in sorted((ROOT / "seeds").glob("*.txt")))


def _run(text: str) -> tuple[float, float, int, int]:
    """(clean seconds, recognize + relate seconds, mentions, facts) for one page of `text`."""
    raw = RawArticle("long.txt", hashlib.sha256(text.encode()).hexdigest(), text, "utf-8")
    t0 = time.perf_counter()
    page = clean(raw)
    t1 = time.perf_counter()
    mentions = recognize(page)
    extraction = relate(page, mentions)
    t2 = time.perf_counter()
    facts = len(extraction.seconded_to) + len(extraction.brokered) + len(extraction.signed)
    return t1 - t0, t2 - t1, len(mentions), facts + len(extraction.paired)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[1, 2, 4, 8, 16], help="copies of the seeds")
    parser.add_argument(
        "--chars", type=int, default=0, help="also time one page of about this many characters"
    )
    args = parser.parse_args()
    body = _body()
    _run(body)  # warm-up: rule files, lexicons and OpenCC load lazily
    sizes = [(f"n={n}", "\n".join([body] * n)) for n in args.n]
    if args.chars:
        copies = max(1, round(args.chars / (len(body) + 1)))
        sizes.append((f"{args.chars / 1e6:g}M", "\n".join([body] * copies)))
    print(
        f"{'page':>6} {'chars':>9} {'clean s':>8} {'rec+rel s':>10} {'ms/1k':>8} {'growth':>7} {'mentions':>9}"
    )
    base: float | None = None
    for label, text in sizes:
        cleaning, extracting, mentions, _ = _run(text)
        per_k = extracting / (len(text) / 1000) * 1000
        base = base or per_k
        print(
            f"{label:>6} {len(text):>9,} {cleaning:>8.2f} {extracting:>10.2f} {per_k:>8.2f} "
            f"{per_k / base:>7.2f} {mentions:>9,}"
        )


if __name__ == "__main__":
    main()
