"""A synthetic corpus of extractions for load benchmarks: templates over the gazetteer and lexicons.

People are invented from the surname list and given-name characters, organisations from a region
and a body lexicon, projects from a region, an industry and a kind. Deterministic for a seed.

    python bench/synthetic.py --articles 10000 --out /tmp/synthetic   # one JSON file per article
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from graph.divisions import divisions
from ingest.models import Extraction

GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁东晓文辉斌鹏飞雪琳凯浩宇欣然嘉子睿"
BODIES = [
    "发改委",
    "科技局",
    "商务局",
    "工信局",
    "交通局",
    "教育局",
    "卫健委",
    "文旅局",
    "农业农村局",
    "投资促进局",
    "财政局",
    "人社局",
    "生态环境局",
    "住建局",
    "金融办",
    "对口合作办公室",
    "高新区管委会",
    "经开区管委会",
    "自然资源局",
    "市场监管局",
]
TITLES = [
    "副主任",
    "副局长",
    "副县长",
    "副区长",
    "副市长",
    "副书记",
    "主任助理",
    "局长助理",
    "副处长",
    "副主任委员",
]
MODES = ("挂职", "挂任", "跟班学习", "挂职锻炼")
INDUSTRIES = [
    "新能源",
    "智能制造",
    "生物医药",
    "电子信息",
    "现代物流",
    "冷链",
    "文化旅游",
    "大数据",
    "新材料",
    "现代农业",
    "跨境电商",
    "康养",
]
PROJECT_KINDS = (
    ("产业园", "project"),
    ("示范基地", "project"),
    ("服务平台", "platform"),
    ("合作机制", "mechanism"),
    ("推介会", "event"),
    ("发展规划", "plan"),
)
AGREEMENTS = ("战略合作协议", "合作框架协议", "全面合作协议", "对口合作协议")


def _regions() -> list[tuple[str, str, str]]:
    """(full name, short form, level) of provinces and prefectures."""
    table = divisions()
    return sorted(
        (d.name, (table.short.get(d.code) or [d.name])[0], d.level)
        for d in table.by_code.values()
        if d.level in ("province", "city")
    )


def _person(rng: random.Random, surnames: list[str]) -> str:
    return rng.choice(surnames) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _surnames() -> list[str]:
    path = Path(__file__).resolve().parents[1] / "ingest" / "rules" / "surnames.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line and not line.startswith("#")]


def generate(count: int, seed: int = 7) -> Iterator[Extraction]:
    """`count` extractions, each pairing a home region with a host region."""
    rng, regions, surnames = random.Random(seed), _regions(), _surnames()
    for n in range(count):
        home, host = rng.sample(regions, 2)
        cities = [
            {"name": home[0], "level": home[2], "aliases": [home[1]]},
            {"name": host[0], "level": host[2], "aliases": [host[1]]},
        ]
        home_orgs = [home[0] + b for b in rng.sample(BODIES, 2)]
        host_orgs = [host[0] + b for b in rng.sample(BODIES, 3)]
        projects = []
        for _ in range(rng.randint(1, 3)):
            suffix, kind = rng.choice(PROJECT_KINDS)
            projects.append({"name": f"{host[1]}{rng.choice(INDUSTRIES)}{suffix}", "kind": kind})
        agreement = rng.choice(AGREEMENTS)
        projects.append({"name": agreement, "kind": "agreement"})
        people = [_person(rng, surnames) for _ in range(rng.randint(1, 3))]
        seconded, brokered = [], []
        for person in people:
            home_org, host_org = rng.choice(home_orgs), rng.choice(host_orgs)
            title, mode = rng.choice(TITLES), rng.choice(MODES)
            evidence = f"{home_org}{title}{person}{mode}{host_org}{title}。"
            seconded.append(
                {
                    "person": person,
                    "host": host_org,
                    "title": title,
                    "home": home_org,
                    "home_title": title,
                    "start": f"20{rng.randint(15, 23)}-0{rng.randint(1, 9)}",
                    "mode": mode,
                    "evidence": evidence,
                    "rule": "synthetic:seconded",
                }
            )
            project = rng.choice(projects)["name"]
            brokered.append(
                {
                    "person": person,
                    "project": project,
                    "rule": "synthetic:brokered",
                    "evidence": f"在{person}的推动下,{project}顺利落地。",
                }
            )
        parties = [rng.choice(home_orgs), rng.choice(host_orgs)]
        signed = [
            {
                "parties": parties,
                "agreement": agreement,
                "rule": "synthetic:signed",
                "evidence": f"{parties[0]}与{parties[1]}签署{agreement}。",
            }
        ]
        program = f"{home[1]}{host[1]}对口合作"
        paired = [
            {
                "a": home[0],
                "b": host[0],
                "program": program,
                "rule": "synthetic:paired",
                "evidence": f"{program}以来,两地交流不断深化。",
            }
        ]
        yield Extraction.model_validate(
            {
                "article": f"synthetic_{n:06d}.txt",
                "article_id": f"{seed:04d}{n:060d}",
                "title": f"{program}成果丰硕",
                "published": f"20{rng.randint(15, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "source": "合成日报",
                "people": [{"name": p} for p in people],
                "cities": cities,
                "organisations": [{"name": o} for o in home_orgs + host_orgs],
                "projects": projects,
                "seconded_to": seconded,
                "brokered": brokered,
                "signed": signed,
                "paired": paired,
                "extractor": "synthetic-1",
            }
        )


def main() -> None:
    """Write the corpus as extraction JSON files (`duikou ingest --from-json DIR` loads them)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for x in generate(args.articles, args.seed):
        (args.out / x.article.replace(".txt", ".json")).write_text(x.to_json(), encoding="utf-8")
    print(f"{args.articles} extractions → {args.out}")


if __name__ == "__main__":
    main()
