"""Mentions in free text: the spans of persons, titles, places and organizations.

``kg mentions`` exposes what the extractors see, for measuring them on annotated corpora
(CLUENER2020, People's Daily NER). A title span is the office word alone (书记, 副市长, 局长) and
the organ before it is an organization span (市委, 城市规划局), as NER corpora label them; place
spans are administrative divisions; person spans are full names (not "王书记" references).
"""

from __future__ import annotations

import re

from kg.ingest.normalize import normalize, sentences
from kg.lexicon.names import free_names, given_name_chars, name_after_title
from kg.lexicon.titles import find_titles
from kg.model import Document
from kg.pipeline import run

PIPELINE = ("reference_date", "places", "officials")
# Office words on their own (副局长, 总理, 委员): titles even when the organ is not written.
_BARE_TITLE = re.compile(r"(?:常务)?副?(?:委员长|总理|书记|局长|处长|部长|主任委员|主任|主席|省长|市长|"
                         r"县长|区长|厅长|院长|会长|校长|检察长|秘书长|常委|委员)")


def find_mentions(text: str) -> list[dict[str, object]]:
    norm, _ = normalize(text)
    if len(norm) != len(text):  # \r\n folded: offsets would move; measure on the raw line
        norm = text
    doc = Document(id="-", text=norm, raw_text=text, sentences=sentences(norm))
    facts = run(doc, PIPELINE)
    spans: set[tuple[str, int, int]] = set()
    for p in facts.persons:
        if norm[p.span.start:p.span.end] == p.name:
            spans.add(("person", p.span.start, p.span.end))
    for m in facts.places:
        spans.add(("place", m.span.start, m.span.end))
    taken = [(s, e) for _, s, e in spans]
    for start, name in free_names(norm):
        end = start + len(name)
        if not any(s < end and start < e for s, e in taken):
            spans.add(("person", start, end))
    place_ends = frozenset(m.span.end for m in facts.places)
    for t in find_titles(norm, place_ends,
                         frozenset((m.span.start, m.span.end) for m in facts.places)):
        o_start, o_end = t.office
        spans.add(("title", o_start, o_end))
        if o_start > t.start:
            spans.add(("organization", t.start, o_start))
    covered = [(s, e) for k, s, e in spans if k in ("title", "organization")]
    for m in _BARE_TITLE.finditer(norm):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
            spans.add(("title", m.start(), m.end()))
    # A name right after an office word the extractors do not read as a post of the graph
    # (足协副主席谢某, 执法大队大队长方某): a person all the same.
    people = [(s, e) for k, s, e in spans if k in ("person", "place")]
    given = given_name_chars()
    for _, _, end in [x for x in spans if x[0] == "title"]:
        if any(s < end + 4 and end < e for s, e in people):
            continue
        name = name_after_title(norm, end)
        if name and 2 <= len(name) <= 4 and all(c in given for c in name[-1:]):
            spans.add(("person", end, end + len(name)))
    return [{"type": k, "start": s, "end": e, "text": text[s:e]}
            for k, s, e in sorted(spans, key=lambda x: (x[1], x[2], x[0]))]
