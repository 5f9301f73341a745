"""Relation `brokered`: the text credits a person with bringing an undertaking about.

Triggers come from `broker_triggers.jsonl`: verbs (促成, 撮合, 推动, 操盘 …) whose subject is the broker,
and frames (在某某的推动下) that name the broker inside. The subject is the nearest person before the
verb in the sentence (with anyone joined to them by 与/和/及), a pronoun (他/她 → the person in focus,
他们二人 → the last two named), or, in a clause with no subject of its own, the person in focus of the
same paragraph. The undertakings are the project mentions in the verb's scope (or, after 引进某公司,
in a next clause where it invests in building one); 这次合作 points back to the undertakings of the
sentences before, 促成了甲与乙的合作 forward to the agreement they sign next.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ingest.document import Mention, Page, Sentence
from ingest.matcher import Matcher
from ingest.models import Brokered
from ingest.recognize.project_names import grammar
from ingest.relate.common import Focus, narrators, new_paragraph, provenance, sentences_of, within
from ingest.rules_data import load_jsonl
from ingest.spans import MentionIndex

_CLAUSE_END = re.compile(r"[，,；;。！？\n]")
_LIST_OPEN = re.compile(r"[：:]")
_PAIR = re.compile(r"他们二人|他们两人|她们二人|她们两人|二人|两人")
_PRONOUN = re.compile(r"(?:他|她)(?!们)|他们|她们")
_SINGULAR = re.compile(r"(?:他|她)(?!们)")
_ANAPHOR = re.compile(r"(?:这次|此次|这项|这一|该|这个|上述)[^，,。；;]{0,8}(?:合作|项目|工作)")
_PARTNERS = re.compile(r"(?:甲|[\u4e00-\u9fff]{2,12})与[\u4e00-\u9fff]{2,12}的[^，,。；;]{0,6}合作")
_SUBJECTLESS = re.compile(
    r"^(?:[0-9]{1,4}年|[0-9]{1,2}月|[0-9]{1,2}日|以来|期间|目前|今年|去年|同时|此外|并|还|也|又|更|都|均|已经|已|"
    r"积极|主动|成功|先后|多次|大力|共同|一起|全力|亲自|专程|随后|不仅|而且|直接|分管|负责|努力|不负众望|，|,|\s)*$"
)
_INVESTS = re.compile(
    r"(?:由(?:该|这家|其)?(?:公司|企业|集团)?|该(?:公司|企业|集团))?(?:并|还|将|已|计划|拟|共)?"
    r"(?:(?:总)?投资[^，,。；;]{0,16}?(?:建设|新建|兴建|打造|建)|(?:建设|新建|兴建|打造)(?=[^，,。；;]{2}))"
)
# 是他促成的: the verb closes a cleft sentence whose object came before it.
_CLEFT = re.compile(r"的(?:[，,。；;！？]|$)")
# 促成这一项目落地的，是某某: the verb's object, then 的…是 and the broker after it.
_CLEFT_SUBJECT = re.compile(r"[^，,。；;！？]{0,24}?的[，,]?\s*(?:正|就|恰恰|便|则|都)?是")
_SETTLED = re.compile(r"的(?:落户|落地|入驻|引进|投产|签约|到来)")
_BUILT = re.compile(r"(?:成立|组建|设立|建立|发起成立)了?")
# 双方将共建某中心: what a frame's sentence says is still to come was not brought about yet
_FUTURE = re.compile(r"(?:双方|两地|两市|三方|各方)?(?:还|也)?(?:将|拟|有望)")
# 某工程，由某某协调推动落地: 由 marks the broker; the undertaking is the clause before
_AGENT = re.compile(r"(?:其中|此外|该项目)?由")
_CAUSE = re.compile(r"[，,](?:终于|最终|从而|才)?(?:使得|使|让|促使)")
# 引进项目8个，其中包括甲项目: the clause after names what was counted.
_INCLUDING = re.compile(r"[，,](?:其中(?:包括)?|包括|分别是|如)")


@cache
def _rules() -> tuple[list[dict], list[tuple[dict, re.Pattern[str]]], tuple[str, ...]]:
    rows = load_jsonl("broker_triggers.jsonl")
    verbs = sorted((r for r in rows if r["kind"] == "verb"), key=lambda r: -len(r["word"]))
    frames = [(r, re.compile(r["regex"])) for r in rows if r["kind"] in ("frame", "credit")]
    not_after = tuple(r["word"] for r in rows if r["kind"] == "not_after")
    return verbs, frames, not_after


@cache
def _cues() -> Matcher[int]:
    """The frames' cue words, each to the positions of the frames it lets run: one automaton pass a
    sentence decides which frame regexes are worth trying."""
    return Matcher((cue, i) for i, (rule, _) in enumerate(_rules()[1]) for cue in rule["cues"])


@cache
def _verb_pattern() -> tuple[re.Pattern[str], dict[str, dict]]:
    """One alternation of all trigger verbs, longest first (积极推进 before 推进)."""
    verbs = _rules()[0]
    return re.compile("|".join(re.escape(r["word"]) for r in verbs)), {r["word"]: r for r in verbs}


def _clause(text: str, at: int) -> tuple[int, int]:
    """[start, end) of the clause of `text` around position `at`."""
    bounds = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    end = _CLAUSE_END.search(text, at)
    return (bounds[-1] if bounds else 0), (end.start() if end else len(text))


def _scope(text: str, at: int, kind: str, trigger_end: int | None = None) -> tuple[int, int]:
    """The part of the sentence whose undertakings a trigger at `at` is credited with."""
    start, end = _clause(text, at)
    if trigger_end is not None and end < len(text) and not text[trigger_end:end].strip(" 了下"):
        # 他穿针引线，甲项目顺利完工: a verb that ends its clause credits the clause after it
        end = _clause(text, end + 1)[1]
    if kind == "after":
        start = at
        colon = _LIST_OPEN.search(text, at, end + 1)
        if colon:
            end = len(text)  # 推进了…的合作：甲项目；乙项目；…
        elif _CAUSE.match(text, end) or _INCLUDING.match(text, end):
            end = _clause(text, end + 1)[1]  # 他积极争取，使甲项目落户: the effect is the next clause
    return start, end


class _Broker:
    """Reads one page: walks its sentences in order, keeping the focus and the recent projects."""

    def __init__(self, page: Page, mentions: list[Mention]) -> None:
        self.page = page
        everything = MentionIndex(mentions)
        self.people = everything.by_type("person")
        self.projects = everything.by_type("project")
        self.bodies = everything.by_type("organisation")
        self.sentences = sentences_of(page)
        self.focus = Focus()
        self.paragraph_start = 0
        self.facts: dict[tuple[str, str], Brokered] = {}
        self.narrators = narrators(page, {m.name for m in self.people})
        # Frame cues, found in one pass over the page (a pass per sentence costs a call each).
        self.cue_hits = [(m.start, m.end, m.payloads) for m in _cues().find_all(page.text)]
        self.cue_starts = [start for start, _, _ in self.cue_hits]

    def _cued(self, sentence: Sentence) -> set[int]:
        """Indexes of the frames whose cue words lie inside `sentence`."""
        cued: set[int] = set()
        for i in range(bisect_left(self.cue_starts, sentence.start), len(self.cue_hits)):
            start, end, payloads = self.cue_hits[i]
            if start >= sentence.end:
                break
            if end <= sentence.end:
                cued.update(payloads)
        return cued

    def run(self) -> list[Brokered]:
        _, frames, not_after = _rules()
        previous: Sentence | None = None
        for index, sentence in enumerate(self.sentences):
            if new_paragraph(self.page, previous, sentence):
                self.paragraph_start = index
            previous = sentence
            text = sentence.text
            framed: list[tuple[int, int]] = []
            cued = self._cued(sentence)
            for i, (rule, pattern) in enumerate(frames):
                if i not in cued:
                    continue
                for match in pattern.finditer(text):
                    framed.append(match.span())
                    who = self._named(sentence, match.start(), match.end(), index)
                    credit = rule["kind"] == "credit"
                    objects = self._before(index, sentence, match.start()) if credit else []
                    # A frame credits what follows it; a credit, what came before it, unless it opens
                    # its sentence (得益于某某的奔走，某中心建成启用: the undertaking follows).
                    if not objects and (
                        not credit or not text[_clause(text, match.start())[0] : match.start()].strip()
                    ):
                        objects = self._objects(
                            index, sentence, match.end(), self._until_future(text, match.end())
                        )
                    self._add(who, objects, sentence, rule["rule"])
            verb_re, by_word = _verb_pattern()
            for match in verb_re.finditer(text):
                rule = by_word[match.group(0)]
                at = match.start()
                if text.startswith(not_after, match.end()) or any(s <= at < e for s, e in framed):
                    continue
                start, end = _scope(text, at, rule["scope"], match.end())
                if rule.get("needs") and not re.search(rule["needs"], text[match.end() : end]):
                    continue
                cleft = _CLEFT_SUBJECT.match(text, match.end())
                if cleft:
                    objects = self._objects(index, sentence, match.end(), cleft.end())
                    self._add(self._after_shi(sentence, cleft.end(), index), objects, sentence, rule["rule"])
                    continue
                if _CLEFT.match(text, match.end()):
                    objects = self._cleft_objects(index, sentence, at)  # 甲的落户，正是他促成的
                else:
                    objects = self._objects(index, sentence, start, end)
                    clause_start = _clause(text, at)[0] if not objects else 0
                    if clause_start and _AGENT.match(text, clause_start):
                        objects = self._before(index, sentence, clause_start)
                    elif not objects and "把" in text[clause_start:at]:
                        # 他把甲项目引进到乙地: the object stands between 把 and the verb
                        ba = text.rfind("把", clause_start, at)
                        objects = within(self.projects, sentence.start + ba + 1, sentence.start + at)
                self._add(self._subject(sentence, at, index), objects, sentence, rule["rule"])
            for mention in within(self.people, sentence.start, sentence.end):
                self.focus.see(mention.name, index)
        return list(self.facts.values())

    def _named(self, sentence: Sentence, start: int, end: int, index: int) -> list[str]:
        """People named (or pointed to by a pronoun) in sentence positions [start, end)."""
        names = [m.name for m in within(self.people, sentence.start + start, sentence.start + end)]
        span = sentence.text[start:end]
        if not names and _PAIR.search(span):
            return self.focus.last_two(index)
        if not names and _PRONOUN.search(span):
            last = self.focus.last(index)
            return [last] if last else []
        return names

    def _after_shi(self, sentence: Sentence, at: int, index: int) -> list[str]:
        """The broker named after 是 in a cleft (…的，是挂职干部某某 / 是他 / 是我), up to the clause end."""
        _, end = _clause(sentence.text, at)
        names = [m.name for m in within(self.people, sentence.start + at, sentence.start + end)]
        if names:
            return list(dict.fromkeys(names))
        span = sentence.text[at:end]
        if span.startswith("我") and not span.startswith("我们"):
            own = [n for n in self.narrators if n[0] <= sentence.start + at]
            return [own[-1][1]] if own else []
        return self._named(sentence, at, end, index)

    def _subject(self, sentence: Sentence, at: int, index: int) -> list[str]:
        """Who did what the verb at `at` says: persons before it, a pronoun, or the focus."""
        text = sentence.text
        before = within(self.people, sentence.start, sentence.start + at)
        pair = _PAIR.search(text, 0, at)
        if pair:
            return self.focus.last_two(index)
        pronoun = None
        for found in _SINGULAR.finditer(text, 0, at):
            pronoun = found
        me = text.rfind("我", 0, at)
        if (
            me >= 0
            and not text.startswith("我们", me)
            and (not before or before[-1].end <= sentence.start + me)
        ):
            own = [n for n in self.narrators if n[0] <= sentence.start + me]
            return [own[-1][1]] if own else []
        if before:
            last = before[-1]
            if pronoun and sentence.start + pronoun.start() > last.end:
                name = self.focus.last(index)
                return [name] if name else []
            joined = [
                m.name
                for m in before
                if re.fullmatch(r"[与和及、同]", self.page.text[m.end : last.start][-1:] or "")
            ]
            names = [last.name]
            if pronoun and re.search(r"^[与和及]", text[pronoun.end() : pronoun.end() + 1]):
                lead = self.focus.last(index, 8)
                if lead and lead != last.name:
                    names.insert(0, lead)
            return list(dict.fromkeys([*joined, *names]))
        if pronoun:
            name = self.focus.last(index)
            return [name] if name else []
        clause_start, _ = _clause(text, at)
        sentence_head = text[:at]
        if (
            _SUBJECTLESS.match(text[clause_start:at])
            and _SUBJECTLESS.match(
                re.sub(r"[^，,]*?(?:以来|期间|之后|之前|时)[，,]", "", sentence_head.split("，")[0] + "，")
            )
            and self.focus.people
            and self.focus.people[-1][1] >= self.paragraph_start
        ):
            return [self.focus.people[-1][0]]
        return []

    def _objects(self, index: int, sentence: Sentence, start: int, end: int) -> list[Mention]:
        """Undertakings credited: projects in the scope, else what 这次合作 or 甲与乙的合作 points to."""
        stop = sentence.start + end if end < len(sentence.text) else self._list_end(index, start, end)
        found = within(self.projects, sentence.start + start, stop)
        if found:
            # 《某项目投资协议》: the credit goes to the agreement, not to the project its title names
            return [
                m
                for m in found
                if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)
            ]
        scope = sentence.text[start:end]
        if sentence.text[end : end + 1] in ("，", ",") and _INVESTS.match(sentence.text, end + 1):
            # 牵线引进某公司，投资2800万元建设X项目: the company brought in builds the undertaking
            _, next_end = _clause(sentence.text, end + 1)
            invested = within(self.projects, sentence.start + end + 1, sentence.start + next_end)
            if invested:
                return invested
        built = _BUILT.search(scope)
        if built:
            bodies = within(self.bodies, sentence.start + start + built.end(), sentence.start + end)
            if bodies and bodies[0].start == sentence.start + start + built.end():
                return bodies[:1]
        if _PARTNERS.search(scope) and index + 1 < len(self.sentences):
            following = self.sentences[index + 1]
            signed = [
                m
                for m in within(self.projects, following.start, following.end)
                if m.attrs.get("kind") == "agreement"
            ]
            if signed and re.search(r"签署|签订|签约", following.text):
                return signed[:1]
        if _ANAPHOR.search(scope):
            for back in range(index - 1, max(-1, index - 4), -1):
                earlier = self.sentences[back]
                named = [
                    m
                    for m in within(self.projects, earlier.start, earlier.end)
                    if m.attrs.get("kind") != "event"
                ]
                if named:
                    return named
        return []

    def _cleft_objects(self, index: int, sentence: Sentence, at: int) -> list[Mention]:
        """某项目的落地，是他促成的: the undertakings of the clause before; for 某公司的落户, the project
        the company builds, from the next few sentences that name it."""
        clause_start, _ = _clause(sentence.text, at)
        shi = sentence.text.rfind("是", clause_start, at)
        if shi > clause_start:  # 这份备忘录也是他一手促成的: the object is the subject before 是
            subject = self._before(index, sentence, shi, clause_start)
            if subject:
                return subject
        if clause_start == 0:
            return []
        start, end = _clause(sentence.text, clause_start - 1)
        found = within(self.projects, sentence.start + start, sentence.start + end)
        if found:
            return found
        settled = _SETTLED.search(sentence.text, start, end)
        bodies = within(
            self.bodies, sentence.start + start, sentence.start + (settled.start() if settled else 0)
        )
        if not settled or not bodies:
            return []
        company = bodies[-1].name
        for later in self.sentences[index + 1 : index + 4]:
            if any(m.name == company for m in within(self.bodies, later.start, later.end)):
                return within(self.projects, later.start, later.end)
        return []

    def _until_future(self, text: str, at: int) -> int:
        """End of a frame's scope from `at`: the sentence, short of a clause that says 将/拟."""
        for clause_end in _CLAUSE_END.finditer(text, at):
            if _FUTURE.match(text, clause_end.end()):
                return clause_end.start()
        return len(text)

    def _before(self, index: int, sentence: Sentence, at: int, start: int | None = None) -> list[Mention]:
        """Undertakings a credit at `at` looks back to (某项目的落户，得益于某某…): those of the clause
        before it (or from `start`), else the one a bare head or 该/这份 there points to."""
        if start is None:
            start = _clause(sentence.text, max(0, _clause(sentence.text, at)[0] - 1))[0]
        found = within(self.projects, sentence.start + start, sentence.start + at)
        if found:
            return found
        return self._referent(index, sentence, start, at)

    def _referent(self, index: int, sentence: Sentence, start: int, at: int) -> list[Mention]:
        """The undertaking a bare head (协议的签署, 推介会的举办) or 该项目 in the sentence's [start, at)
        points back to: the latest project of this or the five sentences before whose name ends in that
        head."""
        heads = [m.surface for m in grammar()["matcher"].find_all(sentence.text[start:at])]
        if not heads:
            return []
        earlier = [self.sentences[i] for i in range(index - 1, max(-1, index - 6), -1)]
        for back in [sentence, *earlier]:
            stop = sentence.start + start if back is sentence else back.end
            named = [
                m for m in within(self.projects, back.start, stop) if any(m.name.endswith(h) for h in heads)
            ]
            if named:
                return named[-1:]
        return []

    def _list_end(self, index: int, start: int, end: int) -> int:
        """End of a list opened by ：that the splitter cut at ；: run on to the sentence ending in 。."""
        sentence = self.sentences[index]
        if not _LIST_OPEN.search(sentence.text, start, end):
            return sentence.end
        stop = sentence.end
        while index + 1 < len(self.sentences) and self.page.text[stop - 1] in "；;":
            index += 1
            stop = self.sentences[index].end
        return stop

    def _add(self, people: list[str], objects: list[Mention], sentence: Sentence, rule: str) -> None:
        for person in people:
            for project in objects:
                key = (person, project.name)
                if key not in self.facts:
                    self.facts[key] = Brokered(
                        person=person,
                        project=project.name,
                        **provenance(self.page, sentence, rule),  # type: ignore[arg-type]
                    )


def relate_brokered(page: Page, mentions: list[Mention]) -> list[Brokered]:
    """`brokered` facts of the page, each with its evidence sentence and rule."""
    return _Broker(page, mentions).run()
