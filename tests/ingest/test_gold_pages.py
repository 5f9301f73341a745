"""The evaluation sets hold the page forms they claim (encodings, Traditional text, HTML with chrome), so
their scores keep measuring those forms; and chrome-only places never become cities."""

from __future__ import annotations

import pytest
from gold_sets import ROOT, articles_in

from ingest.pipeline import extract_file

TESTS = ROOT / "tests"


def test_extra_has_a_big5_html_page() -> None:
    big5 = next(a for a in articles_in(TESTS / "articles_extra") if a.suffix == ".html")
    raw = big5.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "粵桂協作" in raw.decode("big5")


def test_extra_chrome_only_places_are_not_extracted() -> None:
    """Sidebar, menu and footer places of the noisy pages never become cities."""
    names = {c.name for a in articles_in(TESTS / "articles_extra") for c in extract_file(a).cities}
    assert not names & {"思茅区", "景东县", "台湾省", "香港特别行政区", "珠海市", "毕节市", "河池市"}


def test_heldout_has_a_gbk_page_and_a_traditional_html_page() -> None:
    gbk = TESTS / "articles_heldout" / "h06_jingmeng_gbk.txt"
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    assert "京蒙对口帮扶" in gbk.read_bytes().decode("gbk")
    html = (TESTS / "articles_heldout" / "h05_sushaan_trad.html").read_text(encoding="utf-8")
    assert "蘇陝協作" in html and "相關新聞" in html


def test_heldout2_has_a_big5_page_an_html_page_with_chrome_and_secondment_stories() -> None:
    folder = TESTS / "articles_heldout2"
    big5 = folder / "x05_yuegangao_big5.txt"
    with pytest.raises(UnicodeDecodeError):
        big5.read_bytes().decode("utf-8")
    text = big5.read_bytes().decode("big5")
    assert "粵港澳青年創新創業合作備忘錄" in text and "合作意向" in text
    html = (folder / "x06_liaosu_anshan.html").read_text(encoding="utf-8")
    assert "<html" in html and "相关阅读" in html and "版权所有" in html and "ICP备" in html
    for plain in articles_in(folder):
        if plain.suffix == ".txt" and plain != big5:
            body = plain.read_bytes().decode("utf-8")
            assert any(word in body for word in ("挂职", "挂任", "跟班学习")), plain.name


def test_dev4_and_dev5_each_have_a_traditional_page() -> None:
    dev4 = (TESTS / "articles_dev4" / "d07_hengqin_trad.txt").read_text(encoding="utf-8")
    assert "簽署" in dev4 and "签署" not in dev4
    dev5 = (TESTS / "articles_dev5" / "d05_csj_trad.txt").read_text(encoding="utf-8")
    assert "長三角" in dev5 and "幹部" in dev5
