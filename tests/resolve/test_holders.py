"""Unnamed holders the article names after all (kg.resolve.holders), on invented text."""

from __future__ import annotations

import datetime as dt

from tests.extract.test_officials import facts_of


def test_secretaries_named_after_a_group_of_unnamed_ones_are_the_speakers() -> None:
    f = facts_of("标题\n12月8日,全省县域经济高质量发展论坛在长沙举行。省委副书记周立平出席并讲话。"
                 "长沙县、浏阳市等2个县(市)党委主要负责同志作交流发言。\n"
                 "浏阳市委书记文卓然坦言,浏阳排进前十,离不开烟花产业。", published=dt.datetime(2021, 12, 9))
    got = {(p.person, p.title, p.place.name if p.place else None, p.role) for p in f.participations}
    # (named participants carry their place through their position, not the participation)
    assert any(p[0] == "文卓然" and p[1] == "市委书记" and p[3] == "remarks" for p in got)
    assert (None, "县委书记", "长沙县", "remarks") in got  # (never named: stays unnamed)
    assert (None, "市委书记", "浏阳市", "remarks") not in got


def test_a_post_said_as_held_now_in_a_look_back_names_no_one_then() -> None:
    f = facts_of("标题\n2016年7月19日,全省精准扶贫现场推进会在海东市乐都区召开。乐都区委主要负责同志作交流发言。\n"
                 "“那天我们坐在会场最后一排。”现任乐都区委书记的欧阳立民回忆说。",
                 published=dt.datetime(2023, 7, 19))
    got = {(p.person, p.title, p.place.name if p.place else None) for p in f.participations}
    assert (None, "区委书记", "乐都区") in got
    assert not any(p.person == "欧阳立民" for p in f.participations)
