"""Extraction throughput on the seeds repeated to ≥ 5 MB of text, beside jieba.cut on the same text.

Not a test: prints characters per second for our pipeline (read → clean → recognize → relate) and for
its reading half alone (read → clean), jieba's rate, the ratio ours/jieba (goal ≥ 1.0) and the peak
resident memory (goal < 500 MB). Run: `.venv/bin/python bench/extract_bench.py [--mb 5]`.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.clean import clean  # noqa: E402
from ingest.pipeline import extract_raw  # noqa: E402
from ingest.read import read_bytes  # noqa: E402

CHUNK = 50  # articles per alternation


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _workload(megabytes: float) -> list[tuple[str, bytes]]:
    seeds = [(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    work: list[tuple[str, bytes]] = []
    chars = 0
    while chars < megabytes * 1024 * 1024:
        for name, data in seeds:
            work.append((name, data))
            chars += len(data.decode("utf-8"))
    return work


def _rate(label: str, chars: int, seconds: float) -> float:
    rate = chars / seconds
    print(f"{label:<28} {chars / 1e6:6.2f} M chars in {seconds:6.2f} s = {rate / 1e3:8.1f} k chars/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text (default 5)")
    args = parser.parse_args()
    work = _workload(args.mb)
    texts = [read_bytes(data, name).text for name, data in work]
    chars = sum(len(t) for t in texts)
    print(f"{len(work)} articles (seeds repeated), {chars / 1e6:.2f} M characters")

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary loaded before timing
    # Warm up once (rule files, OpenCC, lexicons are loaded lazily) so timing measures throughput.
    for name, data in work[:5]:
        extract_raw(read_bytes(data, name))
    for text in texts[:5]:
        list(jieba.cut(text))

    # The three runs alternate chunk by chunk, so load from other processes hits them alike.
    timings = {"read + clean": 0.0, "full pipeline": 0.0, "jieba.cut": 0.0}
    for at in range(0, len(work), CHUNK):
        chunk = work[at : at + CHUNK]
        start = time.perf_counter()
        for name, data in chunk:
            clean(read_bytes(data, name))
        timings["read + clean"] += time.perf_counter() - start
        start = time.perf_counter()
        for name, data in chunk:
            extract_raw(read_bytes(data, name))
        timings["full pipeline"] += time.perf_counter() - start
        start = time.perf_counter()
        for text in texts[at : at + CHUNK]:
            for _ in jieba.cut(text):
                pass
        timings["jieba.cut"] += time.perf_counter() - start
    reading = _rate("ours, read + clean", chars, timings["read + clean"])
    ours = _rate("ours, full pipeline", chars, timings["full pipeline"])
    theirs = _rate("jieba.cut", chars, timings["jieba.cut"])

    print(
        f"ratio ours/jieba: full pipeline {ours / theirs:.2f}, read + clean {reading / theirs:.2f} (goal ≥ 1.0)"
    )
    print(f"peak RSS: {_maxrss_mb():.0f} MB for the whole run, jieba's dictionary included (goal < 500 MB)")


if __name__ == "__main__":
    main()
