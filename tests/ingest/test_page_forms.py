"""Metadata and chrome forms of real Chinese news pages, on short pages written for these tests.

Each page gives the metadata it should yield and the exact body that must survive: chrome (share bars,
pagers, print bars, footers) is dropped, and no article sentence is lost with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ingest import meta
from ingest.chrome import Line
from ingest.clean import clean
from ingest.document import RawArticle

P1 = "去年九月，甲市派出二十名干部到乙市挂职锻炼，参与招商引资、园区建设等工作，成效明显。"
P2 = "据介绍，两地将在产业协作、园区共建、人才培养等方面继续深化合作。"


@dataclass
class Form:
    text: str
    body: list[str]
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()


FORMS = {
    "channel_source_and_dateline_credit": Form(
        "人民网 >> 四川频道 >> 本网原创\n"
        "两地互派干部挂职交流启动\n"
        "2019年03月12日 08:15　来源：人民网-四川频道\n"
        "分享到：\n"
        "　　人民网成都3月12日电 （记者 王明明）11日，甲市与乙市举行干部互派挂职交流启动仪式。\n"
        f"　　{P2}\n"
        "（责编：李红红、赵刚强）\n",
        ["11日，甲市与乙市举行干部互派挂职交流启动仪式。", P2],
        "两地互派干部挂职交流启动",
        "2019-03-12",
        "人民网-四川频道",
        ("王明明", "李红红", "赵刚强"),
    ),
    "government_portal_bar_and_footer": Form(
        "首页 > 新闻动态 > 工作动态\n"
        "甲县与乙区签署对口协作协议\n"
        "时间：2020/6/1　来源：甲县人民政府网　作者：王某某 记者 李某某\n"
        "【字号 大 中 小】【打印本页】【关闭窗口】\n"
        f"　　{P1}\n"
        f"　　{P2}\n"
        "扫一扫在手机打开当前页\n"
        "上一篇：甲县召开第二季度经济运行分析会\n"
        "下一篇：甲县开展安全生产大检查\n"
        "主办单位：甲县人民政府办公室　承办单位：甲县大数据中心\n"
        "Copyright © 2020 甲县人民政府 版权所有\n"
        "京ICP备12345678号-1　京公网安备 11010502000001号\n",
        [P1, P2],
        "甲县与乙区签署对口协作协议",
        "2020-06-01",
        "甲县人民政府网",
        ("王某某", "李某某"),
    ),
    "half_width_colon_photo_credit_end_mark": Form(
        "甲市选派干部赴乙市跟班学习\n"
        "发布时间: 2021-7-8  浏览次数: 326\n"
        "文/图 记者 张某某\n"
        f"　　{P1}\n"
        "　　（完）\n"
        "编辑：刘某 审核：陈某某\n"
        "分享到：微信 微博 QQ空间\n",
        [P1],
        "甲市选派干部赴乙市跟班学习",
        "2021-07-08",
        None,
        ("张某某", "刘某", "陈某某"),
    ),
    "pipe_separated_source_and_author": Form(
        "援建干部助力产业发展\n2021年07月08日 10:20\n来源: 某某日报 | 作者: 马某某\n"
        f"{P1}\n责任编辑：周某某\n",
        [P1],
        "援建干部助力产业发展",
        "2021-07-08",
        "某某日报",
        ("马某某", "周某某"),
    ),
    "bracketed_editor_after_related_reading": Form(
        f"两地干部交流结硕果\n发布时间：2022-05-17 16:42:08　　来源：某某日报　　浏览次数：1286\n{P1}\n"
        "相关阅读\n· 某县召开招商引资推进会\n【责任编辑：李晓某】\n关于我们 | 网站地图 | 联系我们\n",
        [P1],
        "两地干部交流结硕果",
        "2022-05-17",
        "某某日报",
        ("李晓某",),
    ),
    "bracketed_source_and_square_bracket_editor": Form(
        f"两地签署合作协议\n【来源：某某新闻网】 2018-09-30\n{P1}\n[责任编辑:孙某某]\n",
        [P1],
        "两地签署合作协议",
        "2018-09-30",
        "某某新闻网",
        ("孙某某",),
    ),
    "news_agency_lead_in_body": Form(
        f"两地共建产业园区\n新华社北京3月5日电（记者 张某 李某某）{P1}\n{P2}\n",
        [P1, P2],
        "两地共建产业园区",
        None,
        None,
        ("张某", "李某某"),
    ),
    "local_paper_lead": Form(
        f"甲市干部到乙市挂职\n　　本报讯（记者 张三丰 通讯员 李四海）{P1}\n{P2}\n",
        [P1, P2],
        "甲市干部到乙市挂职",
        None,
        None,
        ("张三丰", "李四海"),
    ),
    "information_source_full_width_digits": Form(
        f"两地干部交流座谈会召开\n信息来源：某某市政府办　发布日期：２０２０年５月６日\n{P1}\n",
        [P1],
        "两地干部交流座谈会召开",
        "2020-05-06",
        "某某市政府办",
    ),
    "chinese_numeral_date": Form(
        f"关于选派干部挂职锻炼的通知\n发文日期：二〇二一年七月十八日\n{P1}\n",
        [P1],
        "关于选派干部挂职锻炼的通知",
        "2021-07-18",
    ),
    "body_mentions_chrome_words": Form(
        "企业产品走出大山\n2021-03-02\n"
        "　　据介绍，该企业拥有多项自主知识产权，包装上印有“版权所有，未经授权不得复制”字样，"
        "扫描二维码即可查询溯源信息。\n"
        "　　谈到分享经验时，他说，挂职期间最大的收获是学会了换位思考，上一篇文章里也提到过。\n"
        "　　该网站已取得ICP备案，网页底部标注了Copyright字样，运营至今未出现问题。\n",
        [
            "据介绍，该企业拥有多项自主知识产权，包装上印有“版权所有，未经授权不得复制”字样，"
            "扫描二维码即可查询溯源信息。",
            "谈到分享经验时，他说，挂职期间最大的收获是学会了换位思考，上一篇文章里也提到过。",
            "该网站已取得ICP备案，网页底部标注了Copyright字样，运营至今未出现问题。",
        ],
        "企业产品走出大山",
        "2021-03-02",
    ),
    "long_footer_paragraph": Form(
        f"两地合作再上新台阶\n2017-08-09 来源：某某晚报\n{P1}\n"
        "本网站所刊载信息，不代表本站观点。Copyright © 2005-2017 某某网 版权所有，未经书面授权不得转载，"
        "沪ICP备05012345号。\n",
        [P1],
        "两地合作再上新台阶",
        "2017-08-09",
        "某某晚报",
    ),
    "subheadings_with_chrome_words": Form(
        f"政务服务跨省通办\n2022-01-05\n{P1}\n搭建政务服务客户端\n{P2}\n扫码办事更加便捷\n{P1}\n"
        "扫一扫在手机打开当前页\n",
        [P1, "搭建政务服务客户端", P2, "扫码办事更加便捷", P1],
        "政务服务跨省通办",
        "2022-01-05",
    ),
    "everything_on_one_bar": Form(
        f"两地协作成果丰硕\n2019-03-12 08:15:30 来源：某某网 作者：张某某 责任编辑：王某\n{P1}\n",
        [P1],
        "两地协作成果丰硕",
        "2019-03-12",
        "某某网",
        ("张某某", "王某"),
    ),
    "source_before_date_with_weekday": Form(
        f"两地协作成果丰硕\n来源：某某新闻网 | 日期：2020年5月6日 星期三\n{P1}\n{P2}\n",
        [P1, P2],
        "两地协作成果丰硕",
        "2020-05-06",
        "某某新闻网",
    ),
    "print_edition_source": Form(
        f"两地协作成果丰硕\n本文来源：《某某日报》（2020年05月06日 第04版）\n{P1}\n",
        [P1],
        "两地协作成果丰硕",
        "2020-05-06",
        "某某日报",
    ),
    "photo_and_text_credits_with_slashes": Form(
        f"两地协作成果丰硕\n2020-05-06\n通讯员 王某某 记者 张某某/文 李某某/图\n{P1}\n",
        [P1],
        "两地协作成果丰硕",
        "2020-05-06",
        None,
        ("王某某", "张某某", "李某某"),
    ),
    "source_in_parentheses_after_body": Form(
        f"两地协作成果丰硕\n{P1}\n{P2}\n（来源：某某日报 作者：赵某某）\n",
        [P1, P2],
        "两地协作成果丰硕",
        None,
        "某某日报",
        ("赵某某",),
    ),
    "app_prompts_and_report_lines": Form(
        f"两地协作成果丰硕\n2020-05-06 来源：某某客户端\n打开APP阅读更多精彩内容\n{P1}\n展开全文\n{P2}\n"
        "我要评论\n违法和不良信息举报电话：12377\n",
        [P1, P2],
        "两地协作成果丰硕",
        "2020-05-06",
        "某某客户端",
    ),
    "bulleted_list_inside_the_article": Form(
        f"两地协作成果丰硕\n2020-05-06\n{P1}\n· 新建标准化厂房10万平方米\n· 引进企业12家\n{P2}\n"
        "相关阅读\n· 某县召开招商引资推进会\n· 某市举行项目集中开工仪式\n",
        [P1, "· 新建标准化厂房10万平方米", "· 引进企业12家", P2],
        "两地协作成果丰硕",
        "2020-05-06",
    ),
    "sentence_starting_like_a_footer_marker": Form(
        f"两地协作成果丰硕\n2020-05-06\n{P1}\n相关新闻发布会于5日召开。\n{P2}\n",
        [P1, "相关新闻发布会于5日召开。", P2],
        "两地协作成果丰硕",
        "2020-05-06",
    ),
}


def _page(text: str):
    return clean(RawArticle(path="p.txt", article_id="x", text=text, encoding="utf-8"))


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_metadata_is_read(form: Form) -> None:
    page = _page(form.text)
    assert (page.title, page.published, page.source, tuple(page.authors)) == (
        form.title,
        form.published,
        form.source,
        form.authors,
    )


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_chrome_is_dropped_and_every_body_sentence_kept(form: Form) -> None:
    page = _page(form.text)
    assert page.text.splitlines()[1:] == form.body  # the first line is the headline
    for sentence in page.sentences:
        assert page.original_text(sentence.start, sentence.end) == sentence.text


BIG5_PAGE = """<html><head><meta charset="big5"><title>兩地幹部交流結碩果 - 某某商報網</title></head><body>
<div class="top"><a>首頁</a> | <a>港澳</a> | <a>內地</a> | <a>國際</a> | <a>財經</a></div>
<h1>兩地幹部交流結碩果</h1>
<div class="info">2023-10-12 08:00　來源：某某商報　記者 梁志偉</div>
<p>　　去年九月，甲市派出二十名幹部到乙市掛職鍛煉，參與招商引資、園區建設等工作，成效明顯。</p>
<p>【責任編輯：鄭曉華】</p>
</body></html>"""


def test_traditional_page_metadata_is_simplified(tmp_path) -> None:
    from ingest.read import read_article

    path = tmp_path / "page.html"
    path.write_bytes(BIG5_PAGE.encode("big5"))
    page = clean(read_article(path))
    assert (page.title, page.published, page.source, page.authors) == (
        "两地干部交流结硕果",
        "2023-10-12",
        "某某商报",
        ["梁志伟", "郑晓华"],
    )
    assert page.text.splitlines() == ["两地干部交流结硕果", P1]
    start = page.text.index("挂职")
    assert page.original_text(start, start + 2) == "掛職"  # evidence can still quote the original


def test_traditional_title_hint_on_a_simplified_page() -> None:
    raw = RawArticle(
        path="p.txt",
        article_id="x",
        text=f"两地干部交流结硕果\n{P1}",
        encoding="utf-8",
        hints={"title": "兩地幹部交流結碩果_某某網"},
    )
    assert clean(raw).title == "两地干部交流结硕果"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("文/图 张某某", ["张某某"]),
        ("图/文 记者 张某某", ["张某某"]),
        ("文｜李某某", ["李某某"]),
        ("记者 张某某/文 李某某/图", ["张某某", "李某某"]),
        ("作者：本报记者 王某某", ["王某某"]),
        ("（本报记者 赵 某 整理）", ["赵某"]),
        ("责编：李红红、赵刚强", ["李红红", "赵刚强"]),
        ("编辑：刘某 审核：陈某某 校对：孙某", ["刘某", "陈某某", "孙某"]),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert meta.byline_authors(Line(0, len(line), line)) == names


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("发布时间：2022-05-17 16:42:08　　来源：某某日报　　浏览次数：1286", "2022-05-17"),
        ("发布时间: 2021-7-8", "2021-07-08"),
        ("时间：2020/6/1", "2020-06-01"),
        ("2019年03月12日 08:15　来源：人民网-四川频道", "2019-03-12"),
        ("发布日期：２０２０年５月６日", "2020-05-06"),
        ("成文日期：二〇一九年十二月三十一日", "2019-12-31"),
        ("日期：2020年5月6日 星期三", "2020-05-06"),
        ("2020.05.06", "2020-05-06"),
    ],
)
def test_metadata_dates(text: str, date: str) -> None:
    assert meta.line_date(Line(0, len(text), text), marked_only=False) == date


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    text = "时间：2020年5月6日，两地签署了合作协议。"
    assert meta.line_date(Line(0, len(text), text), marked_only=False) is None
