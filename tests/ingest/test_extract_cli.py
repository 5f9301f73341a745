"""`duikou extract` and `duikou eval` through the CLI: a batch goes on past bad files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from duikou.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
ARTICLE = "京冀两地互派干部挂职。北京市发改委副主任张三挂任廊坊市副市长，推动两地签署了合作协议。\n"


def _batch(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "bom.txt").write_bytes(ARTICLE.encode("utf-8-sig"))
    (src / "gbk.txt").write_bytes(ARTICLE.encode("gbk"))
    (src / "sub" / "big5.txt").write_bytes("京冀兩地互派幹部掛職。張三掛任廊坊市副市長。".encode("big5"))
    (src / "sub" / "page.html").write_text(
        f"<html><head><script>var a='脚本';</script></head><body><p>{ARTICLE}</p></body></html>",
        encoding="utf-8",
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    (src / "english.txt").write_text("No Chinese here at all.\n", encoding="utf-8")
    (src / "huge.txt").write_bytes(
        ARTICLE.encode("utf-8") * (20 * 1024 * 1024 // len(ARTICLE.encode("utf-8")) + 1)
    )
    (src / "notes.md").write_text("不是文章", encoding="utf-8")  # not an article suffix: ignored
    return src


def test_extract_batch_reports_failures_and_goes_on(tmp_path: Path) -> None:
    src, out = _batch(tmp_path), tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == ["big5.json", "bom.json", "gbk.json", "page.json", "utf8.json"]
    reasons = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "english.txt": "no Chinese text",
        "huge.txt": "too large",
    }
    for name, reason in reasons.items():
        assert any(name in line and reason in line for line in result.output.splitlines()), (
            name,
            result.output,
        )
    assert "5 articles" in result.output and "4 failed" in result.output


def test_extract_output_is_the_interchange_format(tmp_path: Path) -> None:
    src, out = _batch(tmp_path), tmp_path / "out"
    runner.invoke(app, ["extract", str(src / "gbk.txt"), str(src / "sub" / "big5.txt"), "--out", str(out)])
    gbk = json.loads((out / "gbk.json").read_text(encoding="utf-8"))
    big5 = json.loads((out / "big5.json").read_text(encoding="utf-8"))
    assert gbk["article"] == "gbk.txt" and len(gbk["article_id"]) == 64
    assert set(gbk) >= {"people", "cities", "organisations", "projects", "seconded_to", "brokered", "signed"}
    assert big5["path"].endswith("big5.txt")


def test_extract_all_good_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 articles" in result.output and "0 failed" in result.output


def test_extract_nothing_found(tmp_path: Path) -> None:
    (tmp_path / "empty_dir").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "empty_dir"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no article files" in result.output


def test_eval_gold_against_itself_is_perfect() -> None:
    gold = ROOT / "tests" / "gold"
    result = runner.invoke(app, ["eval", str(gold), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["scores"]
    for mode in ("strict", "lenient"):
        assert scores[mode]["entity"]["f1"] == 1.0 and scores[mode]["relation"]["f1"] == 1.0
    assert scores["strict"]["entity"]["gold"] == 294


def test_eval_table_and_missing_predictions(tmp_path: Path) -> None:
    gold = ROOT / "tests" / "gold"
    pred = tmp_path / "pred"
    pred.mkdir()
    first = sorted(gold.glob("*.json"))[0]
    (pred / first.name).write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(pred)])
    assert result.exit_code == 0, result.output
    assert "lenient F1" in result.output and "relation" in result.output
    assert "no prediction for" in result.output
    data = json.loads(runner.invoke(app, ["eval", str(gold), str(pred), "--json"]).output)
    assert data["scores"]["strict"]["entity"]["precision"] == 1.0
    assert 0 < data["scores"]["strict"]["entity"]["recall"] < 1
    assert len(data["missing"]) == 4


def test_extract_weird_files_fail_clearly_or_give_a_result(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "spaces.txt").write_text("\u3000 \n\t\u00a0\n", encoding="utf-8")
    (src / "punct.txt").write_text("，。！？……——“”《》" * 100, encoding="utf-8")
    (src / "flood.html").write_text(
        "<html><body>" + "<div><b>" * 200_000 + "挂职</body></html>", encoding="utf-8"
    )
    (src / "mixed.txt").write_bytes(
        ARTICLE.encode("utf-8") + "兩地簽署協議。\n".encode("big5") + ARTICLE.encode()
    )
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.glob("*.json")) == ["mixed.json"]
    reasons = {"spaces.txt": "empty file", "punct.txt": "no Chinese text", "flood.html": "too many HTML tags"}
    for name, reason in reasons.items():
        assert any(name in line and reason in line for line in result.output.splitlines()), (name, reason)
    mixed = json.loads((out / "mixed.json").read_text(encoding="utf-8"))
    assert {c["name"] for c in mixed["cities"]} >= {"廊坊市"}
