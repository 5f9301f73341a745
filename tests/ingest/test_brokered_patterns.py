"""Relation `brokered` on short invented sentences: credits written after the undertaking (得益于某某的
奔走, 是某某穿针引线的结果, 这份协议是他促成的), the passive 由某某推动落地, 经某某多方联络, a company
brought in that then builds (由该公司投资建设), and a frame's scope that stops at what is still to come."""

from __future__ import annotations

from ingest.pipeline import extract_text


def brokered(text: str) -> set[tuple[str, str]]:
    return {(b.person, b.project) for b in extract_text(text).brokered}


def introduced(name: str, text: str) -> str:
    """`text` after a sentence that makes `name` known as a person (the recognizers need a cue)."""
    return f"副县长{name}说，要抓招商。{text}"


def test_credit_after_the_undertaking_with_de_yi_yu() -> None:
    text = "该县今年引进了光伏组件生产基地项目。该项目的落户，得益于招商局局长林晓峰的多次登门拜访。"
    assert brokered(text) == {("林晓峰", "光伏组件生产基地项目")}


def test_credit_with_li_bu_kai_points_back_to_a_named_event() -> None:
    text = (
        "5月8日，苏黔对口协作文旅推介会在贵阳举行。会上签约项目8个。"
        "推介会的成功举办，离不开挂职干部程伟东和同事们的多方奔走。"
    )
    assert brokered(text) == {("程伟东", "苏黔对口协作文旅推介会")}


def test_result_of_someones_threading_the_needle() -> None:
    text = (
        "甲市科技局与乙大学签署《共建技术转移中心合作协议》。"
        "协议的签署，是挂职副局长韩思远多番奔走、穿针引线的结果。"
    )
    assert brokered(introduced("韩思远", text)) == {("韩思远", "共建技术转移中心合作协议")}


def test_cleft_with_the_agreement_as_subject_points_back() -> None:
    text = "今年6月，甲市商务局和乙市商务局签了一份合作备忘录。这份备忘录也是邵明川一手促成的。"
    assert brokered(introduced("邵明川", text)) == {("邵明川", "合作备忘录")}


def test_passive_you_names_the_broker_of_the_clause_before() -> None:
    text = "其中，投资8亿元建设的清水河综合治理工程，由区生态环境局局长潘立军多次协调推动落地。"
    assert brokered(text) == {("潘立军", "清水河综合治理工程")}


def test_jing_with_many_contacts_credits_the_rest_of_the_sentence() -> None:
    text = "经田志刚多方联络，甘肃陇禾农业有限公司与礼县人民政府签订投资协议，建设苹果分拣中心项目。"
    assert brokered(introduced("田志刚", text)) == {("田志刚", "投资协议"), ("田志刚", "苹果分拣中心项目")}


def test_company_brought_in_then_builds_with_you_gai_gongsi() -> None:
    text = "他从上海引进了上海锐拓仪器有限公司，由该公司投资1.5亿元在经开区建设精密仪器产业化项目。"
    assert brokered(introduced("邱文博", text)) == {("邱文博", "精密仪器产业化项目")}


def test_what_both_sides_will_build_is_not_credited_yet() -> None:
    text = "在葛云鹏的牵线下，甲县农业农村局与乙市农业农村局签署战略合作协议，双方将共建“黔货出山”展销中心。"
    assert brokered(text) == {("葛云鹏", "战略合作协议")}


def test_a_verb_ending_its_clause_credits_the_effect_after_shi() -> None:
    text = "他多方争取，使山地果蔬冷链物流园项目落户当地。"
    assert brokered(introduced("贺晨阳", text)) == {("贺晨阳", "山地果蔬冷链物流园项目")}


def test_the_object_of_ba_stands_before_the_verb() -> None:
    text = "他把智慧农业示范基地项目成功引进到了山区。"
    assert brokered(introduced("尹嘉树", text)) == {("尹嘉树", "智慧农业示范基地项目")}


def test_gong_bu_ke_mei_credits_the_clause_before() -> None:
    text = "高原蓝莓种植基地项目顺利投产，挂职干部宁浩川功不可没。"
    assert brokered(introduced("宁浩川", text)) == {("宁浩川", "高原蓝莓种植基地项目")}


def test_credit_that_opens_the_sentence_points_forward() -> None:
    text = introduced("罗景明", "一年多来，得益于罗景明的奔走，丰台—察右后旗远程会诊中心建成启用。")
    assert brokered(text) == {("罗景明", "丰台—察右后旗远程会诊中心")}


def test_a_project_named_before_suiji_kaigong() -> None:
    text = introduced(
        "钱立明",
        "经他牵线搭桥，嘉兴禾丰食品有限公司与沙雅县人民政府签订投资协议，总投资2.3亿元的沙雅红枣精深加工项目随即开工。",
    )
    assert ("钱立明", "沙雅红枣精深加工项目") in brokered(text)


def test_an_interview_answer_speaks_for_its_speaker() -> None:
    text = (
        "标题\n编者按：记者专访了挂职副旗长罗景明。\n记者：听说肉牛全产业链项目也是您引进的？\n"
        "罗景明：对。去年我促成了察右后旗肉牛全产业链项目落地，今年7月开工。\n"
    )
    found = extract_text(text)
    assert {(b.person, b.project) for b in found.brokered} == {("罗景明", "察右后旗肉牛全产业链项目")}
    # the question's short name is the same project, not a second one
    assert [p.name for p in found.projects] == ["察右后旗肉牛全产业链项目"]


def test_a_verb_that_ends_its_clause_credits_the_next_clause() -> None:
    text = introduced("方志远", "方志远穿针引线，东西部协作产业园一期项目顺利完工。")
    assert brokered(text) == {("方志远", "东西部协作产业园一期项目")}


def test_tongguo_someone_qianxian_without_de() -> None:
    text = introduced("方志远", "通过方志远牵线，杭州某某科技有限公司与县政府签订了投资协议。")
    assert brokered(text) == {("方志远", "投资协议")}
    # without a person the frame credits nobody
    assert brokered("通过积极协调，光伏发电项目顺利落地。") == set()


def test_a_counted_object_is_named_in_the_next_clause() -> None:
    text = introduced("方志远", "方志远先后引进项目8个，其中包括总投资2亿元的农产品冷链物流中心项目。")
    assert brokered(text) == {("方志远", "农产品冷链物流中心项目")}


def test_yinlai_and_a_company_brought_in_that_builds() -> None:
    assert brokered(introduced("方志远", "他还引来了投资3亿元的光伏电站项目。")) == {
        ("方志远", "光伏电站项目")
    }
    text = introduced("方志远", "去年，方志远帮助引进浙江某某纺织有限公司，建设纺织产业园。")
    assert brokered(text) == {("方志远", "纺织产业园")}
