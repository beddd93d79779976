"""Unnamed holders the article names after all.

"长沙县、浏阳市、宁乡市等5个县(市)党委主要负责同志作交流发言" gives unnamed 书记 of each
place; when the article goes on "宁乡市委书记向前进介绍……", that secretary is the one who spoke.
An unnamed participant whose post the article gives to exactly one named person becomes that
person (or is dropped when that person already takes part in the same event).
"""

from __future__ import annotations

import dataclasses
import re

from kg.model import Participation, Position

# A post said as held now, in a look back ("现任乐都区委书记的欧阳立民"): its holder then may
# have been someone else.
_NOW = re.compile(r"现任|如今|现为|目前|已是|现在")


def name_the_holders(participations: list[Participation], positions: list[Position],
                     text: str) -> list[Participation]:
    holders: dict[tuple[str, str, str], set[str]] = {}
    for p in positions:
        if p.person and p.place is not None and \
                not _NOW.search(text, max(0, p.span.start - 12), p.span.start):
            holders.setdefault((p.title, p.place.code, p.place.name), set()).add(p.person)
    taking_part = {(p.event_key, p.person) for p in participations if p.person}
    out: list[Participation] = []
    for p in participations:
        if p.person is None and p.title and p.place is not None:
            named = holders.get((p.title, p.place.code, p.place.name), set())
            if len(named) == 1:
                person = next(iter(named))
                if (p.event_key, person) in taking_part:
                    continue
                taking_part.add((p.event_key, person))
                out.append(dataclasses.replace(p, person=person))
                continue
        out.append(p)
    return out
