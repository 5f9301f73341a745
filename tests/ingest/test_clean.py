"""Cleaning: chrome removal, metadata, Traditional → Simplified with offsets, sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.convert import is_traditional, simplify
from ingest.document import RawArticle
from ingest.read import read_article
from ingest.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _raw(text: str, hints: dict[str, str] | None = None) -> RawArticle:
    return RawArticle(path="dir/t.txt", article_id="x", text=text, encoding="utf-8", hints=hints or {})


PAGE = """| 加入桌面 | 手机版 | 无图版
会员中心
会员中心
当前位置: 首页 » 新闻 » 正文
两市干部交流结硕果
放大字体  缩小字体 发布日期:2020-03-05  浏览次数:12
  去年九月，甲市派出十名干部到乙市挂职锻炼，参与招商引资、园区建设等工作，成效明显。
  “这一年收获很大。”挂职干部李明说，他将继续推动两地合作，做好联络员。
某某日报记者 王小红
[ 搜索 ]  [ 告诉好友 ]  [ 打印本文 ]
相关阅读
丙市召开大会，部署全年重点工作任务并提出了明确要求。
沪ICP备12345678号
"""


def test_chrome_is_dropped_and_body_kept() -> None:
    page = clean(_raw(PAGE))
    assert page.text.splitlines() == [
        "两市干部交流结硕果",
        "去年九月，甲市派出十名干部到乙市挂职锻炼，参与招商引资、园区建设等工作，成效明显。",
        "“这一年收获很大。”挂职干部李明说，他将继续推动两地合作，做好联络员。",
    ]


def test_metadata_of_a_portal_page() -> None:
    page = clean(_raw(PAGE))
    assert page.title == "两市干部交流结硕果"
    assert page.published == "2020-03-05"
    assert page.source == "某某日报"
    assert page.authors == ["王小红"]


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("2015-11-17 19:30", "2015-11-17"),
        ("2016年01月04日10:42 综合", "2016-01-04"),
        ("发布时间：2019年7月", "2019-07"),
        ("发布日期:2018/9/3", "2018-09-03"),
        ("2018年09月30日 10:20 来源：某某网", "2018-09-30"),
    ],
)
def test_dates_are_normalised(line: str, published: str) -> None:
    page = clean(
        _raw(f"标题在这里写着\n{line}\n正文第一段，两地签署了合作协议，共同推进产业发展和人才交流。")
    )
    assert page.published == published
    assert line not in page.text


def test_bylines_and_narrators() -> None:
    text = (
        "干部讲述挂职故事\n"
        "讲述人:某市某区管委会 张三\n"
        "我在外地挂职学习三个月，收获很大，学到了很多好经验好做法。\n"
        "(本报记者 李 四 整理)\n"
        "责任编辑:赵五六 AB123\n"
        "猜你喜欢的其他文章，这里的内容都不属于正文部分。\n"
    )
    page = clean(_raw(text))
    assert page.authors == ["李四", "赵五六"]
    assert "讲述人:某市某区管委会 张三" in page.text  # a narrator is a person of the story
    assert "李 四" not in page.text and "赵五六" not in page.text and "猜你喜欢" not in page.text


def test_a_short_paragraph_about_a_reporter_is_body_not_a_byline() -> None:
    text = (
        "园区迎来新项目\n"
        "2021-06-18 来源：某某日报\n"
        "公司总经理贝志远告诉记者，企业已经完成选址。\n"
        "记者了解到，项目年内开工。\n"
        "本报记者 王小红\n"
    )
    page = clean(_raw(text))
    assert "贝志远告诉记者" in page.text and "记者了解到" in page.text
    assert page.authors == ["王小红"] and "王小红" not in page.text


def test_source_line_and_account_byline() -> None:
    page = clean(
        _raw(
            "某某公号文章的标题很长\n“某某知事”微信公号\n来源:某某新闻\n正文第一段，介绍了挂职干部的工作，成绩突出。"
        )
    )
    assert page.source == "某某新闻"
    assert page.authors == ["某某知事"]


def test_one_line_portal_byline() -> None:
    page = clean(
        _raw(
            "标题在这里写着\n来源：某某网 作者：钱多多 编辑：孙少少\n正文第一段，两地签署了合作协议，共同推进产业发展。"
        )
    )
    assert (page.source, page.authors) == ("某某网", ["钱多多", "孙少少"])


def test_html_title_hint_wins() -> None:
    page = clean(
        _raw(
            "导航栏的文字\n干部挂职见闻\n正文，介绍了挂职干部的工作，成绩突出。",
            {"title": "干部挂职见闻_某某网"},
        )
    )
    assert page.title == "干部挂职见闻"


def test_traditional_is_converted_with_offsets() -> None:
    original = "北京日報客戶端 | 記者 韓梅\n瀋陽市與北京市簽署合作協議，推動產業項目落地。"
    page = clean(_raw(original))
    assert page.text == "沈阳市与北京市签署合作协议，推动产业项目落地。"
    assert page.authors == ["韩梅"] and page.source == "北京日报客户端"
    assert len(page.offsets) == len(page.text)
    start = page.text.index("签署")
    assert page.original_text(start, start + 4) == "簽署合作"


def test_simplified_text_is_not_touched() -> None:
    # t2s is not the identity on Simplified text (沈 can become 沉): only Traditional text is converted.
    text = "沈报记者在沈阳采访，来沈挂职干部介绍了工作。"
    assert not is_traditional(text)
    assert simplify(text) == (text, None)


def test_offsets_survive_chrome_removal() -> None:
    page = clean(_raw(PAGE))
    for sentence in page.sentences:
        assert page.original_text(sentence.start, sentence.end) == sentence.text


def test_broken_paragraphs_are_joined() -> None:
    first = "学习期间，我们跑了很多企业，进行了深入的交流。在理念、机制、招商方式方法等方面都学到了很多，给我印象最深的是园区的"
    text = f"{first}\n\n干部都很务实，不搞虚套子，服务企业是首要任务。"
    page = clean(_raw(text))
    assert "园区的干部都很务实" in page.text


def test_sentences_respect_quotes() -> None:
    text = "“我每天都很忙。工作计划排得满满的。”他说。“在哪里挂职，就在哪里绽放。”“好。”\n第二行；第三句！"
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "“我每天都很忙。工作计划排得满满的。”他说。",
        "“在哪里挂职，就在哪里绽放。”",
        "“好。”",
        "第二行；",
        "第三句！",
    ]
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_metadata_matches_gold(seed: Path) -> None:
    gold = json.loads((ROOT / "tests" / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    page = clean(read_article(seed))
    assert (page.title, page.published, page.source, page.authors) == (
        gold["title"],
        gold["published"],
        gold["source"],
        gold["authors"],
    )


def test_seed_chrome_is_gone() -> None:
    texts = {seed.stem: clean(read_article(seed)).text for seed in SEEDS}
    joined = "\n".join(texts.values())
    for chrome in (
        "加入桌面",
        "当前位置",
        "放大字体",
        "相关阅读",
        "ICP备",
        "扫码",
        "点击排行",
        "原标题",
        "供图",
    ):
        assert chrome not in joined
    assert "为什么日本只向韩国道歉" not in joined  # a 相关阅读 sidebar item
    assert texts["003_c85ea5def8d6c595"].startswith("紧扣“高质量” 当好“取经人”\n——我省干部")
    assert "给我印象最深的是昆山园区的干部都很务实" in texts["003_c85ea5def8d6c595"]


def test_html_page_end_to_end(tmp_path: Path) -> None:
    html = """<html><head><title>甲市干部到乙市挂职 - 某某新闻网</title>
    <meta property="article:published_time" content="2019-04-02T08:00:00+08:00"></head><body>
    <div id="top-nav"><a>首页</a> | <a>要闻</a> | <a>地方</a></div>
    <div class="main"><h1>甲市干部到乙市挂职</h1>
    <div class="info">2019-04-02 08:00 来源：某某日报</div>
    <p>　　甲市选派二十名干部到乙市挂职，重点参与产业合作、园区共建等工作。</p>
    <p>　　挂职干部王某某说：“我们要当好桥梁纽带。”</p>
    <p>（记者 周某 通讯员 吴某某）</p></div>
    <div class="related"><h3>相关新闻</h3><ul><li>丙市召开会议部署工作，要求各部门落实责任。</li></ul></div>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    page = clean(read_article(path))
    assert page.title == "甲市干部到乙市挂职"
    assert page.published == "2019-04-02"
    assert page.source == "某某日报"
    assert page.authors == ["周某", "吴某某"]
    assert page.text.splitlines() == [
        "甲市干部到乙市挂职",
        "甲市选派二十名干部到乙市挂职，重点参与产业合作、园区共建等工作。",
        "挂职干部王某某说：“我们要当好桥梁纽带。”",
    ]


def test_line_by_line_conversion_keeps_offsets() -> None:
    # The fallback used when a conversion changes length: each output character keeps its source index.
    from ingest.convert import _convert_by_line

    text = "瀋陽市與北京市\n簽署協議"
    converted, offsets = _convert_by_line(text)
    assert converted == "沈阳市与北京市\n签署协议"
    assert offsets == list(range(len(text)))


def test_long_menu_bar_and_colon_bars_are_chrome() -> None:
    text = (
        "首页 | 要闻 | 港澳 | 内地 | 台湾 | 国际 | 财经 | 地产 | 视频\n"
        "字号：大 中 小　　打印本页　　关闭窗口\n"
        "分享到：微信 微博 QQ空间\n"
        "  去年九月，甲市派出十名干部到乙市挂职锻炼，参与招商引资、园区建设等工作，成效明显。\n"
    )
    assert (
        clean(_raw(text)).text
        == "去年九月，甲市派出十名干部到乙市挂职锻炼，参与招商引资、园区建设等工作，成效明显。"
    )


RANKING_ABOVE = """登录 | 注册 | 手机版
首页 > 新闻中心 > 地方动态
点击排行
1. 丁县召开乡村振兴推进会，部署今年重点工作。
2. 戊区举办招商推介会
3. 己市文旅消费持续回暖
庚县干部赴辛市挂职一年见闻
2021-05-06 10:20 来源：某某晚报
  去年三月，庚县选派五名干部到辛市挂职锻炼，参与产业招商、园区建设、社会事业等方面的工作。
  挂职干部周强说，他将继续推动两地合作，促成更多企业落户庚县，带动当地群众就业增收。
责任编辑：陈小明
"""


def test_a_ranking_list_above_the_headline_ends_nothing() -> None:
    page = clean(_raw(RANKING_ABOVE))
    assert page.text.splitlines() == [
        "庚县干部赴辛市挂职一年见闻",
        "去年三月，庚县选派五名干部到辛市挂职锻炼，参与产业招商、园区建设、社会事业等方面的工作。",
        "挂职干部周强说，他将继续推动两地合作，促成更多企业落户庚县，带动当地群众就业增收。",
    ]
    assert page.title == "庚县干部赴辛市挂职一年见闻"
    assert page.authors == ["陈小明"]


def test_a_sidebar_after_a_long_article_still_closes_it() -> None:
    # Items of a 热点新闻 list below the article are shorter than the article: the marker closes it.
    text = RANKING_ABOVE.replace("点击排行\n1.", "热点\n1.").replace(
        "责任编辑：陈小明", "热点新闻\n壬县召开大会，部署全年重点工作任务并提出了明确要求。"
    )
    page = clean(_raw(text))
    assert page.text.splitlines()[-1].startswith("挂职干部周强说")
