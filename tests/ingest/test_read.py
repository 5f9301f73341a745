"""Reading: encodings, HTML, and clear errors for inputs that are not Chinese articles."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.read import MAX_BYTES, MAX_CHARS, ReadError, read_article

TEXT = "京冀两地互派干部挂职。张三挂任廊坊市副市长，推动了项目落地。"
TRADITIONAL = "京冀兩地互派幹部掛職。張三掛任廊坊市副市長，推動了項目落地。"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "data_of"),
    [
        ("utf-8", lambda: TEXT.encode("utf-8")),
        ("utf-8-sig", lambda: TEXT.encode("utf-8-sig")),
        ("gb18030", lambda: TEXT.encode("gbk")),
    ],
)
def test_reads_simplified_in_each_encoding(tmp_path: Path, encoding: str, data_of) -> None:
    data = data_of()
    raw = read_article(_write(tmp_path, "a.txt", data))
    assert raw.text == TEXT
    assert raw.encoding == encoding
    assert raw.article_id == hashlib.sha256(data).hexdigest()


def test_reads_big5(tmp_path: Path) -> None:
    raw = read_article(_write(tmp_path, "big5.txt", TRADITIONAL.encode("big5")))
    assert raw.text == TRADITIONAL
    assert raw.encoding == "big5"


def test_reads_longer_gbk_and_big5_articles(tmp_path: Path) -> None:
    # Longer texts are where the two legacy encodings can both decode; the Han-rich reading must win.
    long_simplified = "\n".join([TEXT] * 40)
    long_traditional = "\n".join([TRADITIONAL] * 40)
    assert read_article(_write(tmp_path, "g.txt", long_simplified.encode("gbk"))).text == long_simplified
    assert read_article(_write(tmp_path, "b.txt", long_traditional.encode("big5"))).text == long_traditional


def test_html_keeps_blocks_and_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>干部挂职见闻_某某网</title>
    <style>.x{color:red}</style><script>var 变量 = "脚本里的中文";</script>
    <meta name="publishdate" content="2020-05-06"></head>
    <body><nav><a>首页</a><a>新闻中心</a></nav>
    <div class="share-bar">分享到微博</div>
    <h1>干部挂职见闻</h1><p>第一段：张三挂任廊坊市副市长。</p><p>第二段&amp;结尾。</p>
    <footer>版权所有 某某网</footer></body></html>"""
    raw = read_article(_write(tmp_path, "page.html", html.encode("utf-8")))
    lines = raw.text.splitlines()
    assert "第一段：张三挂任廊坊市副市长。" in lines
    assert "第二段&结尾。" in lines
    for dropped in ("脚本里的中文", "color", "新闻中心", "分享到微博", "版权所有"):
        assert dropped not in raw.text
    assert raw.hints["h1"] == "干部挂职见闻"
    assert raw.hints["published"] == "2020-05-06"
    assert raw.hints["title"] == "干部挂职见闻_某某网"


def test_html_is_sniffed_without_the_extension(tmp_path: Path) -> None:
    raw = read_article(
        _write(
            tmp_path, "page.txt", "<html><body><p>挂职干部。</p><script>x()</script></body></html>".encode()
        )
    )
    assert raw.text == "挂职干部。"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(128, 256)) * 20, "cannot decode"),
        (b"Only English text here, nothing else.\n", "no Chinese"),
        (b"<html><body><script>alert(1)</script></body></html>", "empty"),
    ],
)
def test_bad_inputs_give_clear_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_article(_write(tmp_path, "bad.txt", data))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot open"):
        read_article(tmp_path / "absent.txt")


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES * 2)  # sparse: 20 MB without writing 20 MB
    with pytest.raises(ReadError, match="too large: 20.0 MB"):
        read_article(path)


def test_too_long_text_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.txt", (TEXT * (MAX_CHARS // len(TEXT) + 1)).encode("utf-8"))
    with pytest.raises(ReadError, match="too long"):
        read_article(path)
