"""Sentence splitting of the cleaned page: on 。！？； and line breaks, respecting quotes.

Terminal punctuation inside a quotation does not end the sentence. A quotation that ends with its
own 。 (…。”) closes the sentence only when another quotation or a line break follows; otherwise the
sentence goes on (“…。”王普清说。 is one sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.document import Sentence

_END = re.compile(r"[。！？!?；;]+[”’」』\"]*|\n")
_QUOTE = re.compile(r"“[^“”\n]{0,500}”|「[^「」\n]{0,500}」")
_WS = " \t\r\f\v\u00a0\u3000\n"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, with `start`/`end` indexing `text`; blank ones dropped."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    quote_starts = [start for start, _ in quotes]
    cuts: list[int] = []
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n":
            i = bisect_right(quote_starts, match.start()) - 1
            if i >= 0 and quotes[i][1] > end:
                continue  # inside a quotation
            if i >= 0 and quotes[i][1] == end and end < len(text) and text[end] not in "“「\n":
                continue  # the quotation is part of a sentence that goes on after it
        cuts.append(end)
    if not cuts or cuts[-1] != len(text):
        cuts.append(len(text))
    sentences: list[Sentence] = []
    start = 0
    for end in cuts:
        chunk = text[start:end]
        stripped = chunk.strip(_WS)
        if stripped:
            s = start + len(chunk) - len(chunk.lstrip(_WS))
            sentences.append(Sentence(s, s + len(stripped), stripped))
        start = end
    return sentences
