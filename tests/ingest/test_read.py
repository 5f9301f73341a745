"""Reading: encodings, HTML, and clear errors for inputs that are not Chinese articles."""

from __future__ import annotations

import hashlib
import time
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


# Weird input: each gives a clear error or a result, quickly (the bound is generous for a loaded machine).
FAST = 3.0


def _timed_read(tmp_path: Path, name: str, data: bytes):
    start = time.perf_counter()
    try:
        return read_article(_write(tmp_path, name, data))
    finally:
        assert time.perf_counter() - start < FAST, f"{name} took too long"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("\u3000\u00a0 \r\n\t\u3000\n".encode(), "empty"),
        ("，。！？……——“”《》【】、；：".encode() * 500, "no Chinese"),
        (b"x" * 5_000_000 + TEXT.encode("utf-8"), "too long"),  # a 5 MB line of Latin text
        (("挂职干部推动两地合作" * 170_000).encode("utf-8"), "too long"),  # a 5 MB single line
        (b"<html><body>" + b"<div><span>" * 300_000 + b"</body></html>", "too many HTML tags"),
    ],
)
def test_weird_inputs_fail_fast_and_clearly(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        _timed_read(tmp_path, "weird.txt", data)


def test_deeply_nested_html_is_read(tmp_path: Path) -> None:
    html = "<html><body>" + "<div><span>" * 10_000 + f"<p>{TEXT}</p>" + "</span></div>" * 10_000
    assert _timed_read(tmp_path, "nested.html", html.encode("utf-8")).text == TEXT


def test_unclosed_furniture_container_does_not_swallow_the_article(tmp_path: Path) -> None:
    html = f'<html><body><div class="nav"><a>首页</a><div class="side"><p>{TEXT}</p></body></html>'
    assert TEXT in _timed_read(tmp_path, "broken.html", html.encode("utf-8")).text


def test_huge_tags_are_cut_before_parsing(tmp_path: Path) -> None:
    image = '<img src="data:image/png;base64,' + "A" * 4_000_000 + '">'
    flood = "<div " + 'a="x" ' * 500_000 + ">"
    html = f"<html><body>{image}{flood}<p>{TEXT}</p></div></body></html>"
    assert _timed_read(tmp_path, "big.html", html.encode("utf-8")).text == TEXT


def test_mixed_encodings_are_decoded_line_by_line(tmp_path: Path) -> None:
    data = b"\n".join(
        [TEXT.encode("utf-8"), TRADITIONAL.encode("big5"), "第三段：项目落地。".encode("gbk"), TEXT.encode()]
    )
    raw = _timed_read(tmp_path, "mixed.txt", data)
    assert raw.text.splitlines() == [TEXT, TRADITIONAL, "第三段：项目落地。", TEXT]
    assert raw.encoding.startswith("utf-8+")


def test_utf8_with_a_glued_gbk_fragment(tmp_path: Path) -> None:
    data = (TEXT + "\n").encode() * 5 + "两地干部".encode("gbk") + TEXT.encode("utf-8")
    assert _timed_read(tmp_path, "glued.txt", data).text.splitlines()[-1] == "两地干部" + TEXT
