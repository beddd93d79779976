"""Administrative divisions mentioned in running text, resolved to the division of the era.

One Aho-Corasick automaton (built once) holds every full name (江苏省, 海门市), short name (江苏,
海门), autonomous-area variant (恩施州, 长阳县) of all years 1980-2024, and the stoplist
``kg/lexicon/data/place_stopwords.txt``. A scan keeps the longest matches first, then:

* a match directly after another place is read as that place's child when it can be one: the
  prefix decides ambiguity (连云港市海州区 -> 320706) and licenses words that are otherwise
  stopped (阳泉市城区, 北京朝阳);
* stoplisted words give nothing (平安海门 -> 海门 only); a two-character full name of a
  one-character stem (和县, 献县) needs a word boundary on its left (示范县 is not 范县);
* a short name is dropped before 路/街 (南京路), before 市/区/县 when that does not make a name
  (大城市, 雄安新区; 县域 and 区县 are fine), and when it reads as a person's given name
  (书记王海门, 李海门同志);
* a county-level short name outside ``home_province`` needs three or more characters and a
  single division nationwide; with no home province it is accepted, except two-character ones
  that begin or end with a function word (和安 in 发展和安全, 新和 in 创新和改革), which are
  accepted only in the home province;
* the division is chosen by: in force in ``year`` (else the nearest era), then a province before
  anything else (河北 is 河北省 even in a 天津 article), then the home province, then the
  province most mentioned in the text, then full before short, then level, then code.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

import ahocorasick

from kg.lexicon.divisions import LEVEL_RANK, Division, Divisions, divisions
from kg.model import PlaceMention, PlaceRef, Span

# One-character stems of county names that are also everyday words (和县, 代县): read as a
# place only where the text allows it (not in 代县长, not outside the article's province).
_WORD_STEMS = set("和代与及在对向")
# Characters that may stand right before a two-character name such as 和县 or 沛县.
_LEFT_OK = set("在赴到至于从自的与及同对向往由为是了即以将把让给或并且、等各来去驻离返抵全原任和年")
# Common surnames (single character) for the given-name check; 和/于/向 etc. are left out
# where they are far more often function words.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# What follows a person's name, and what precedes it (titles, lists of people).
_PERSON_AFTER = ("同志", "书记", "副书记", "主持", "表示", "指出", "强调", "说", "出席", "讲话",
                 "介绍", "认为", "主任", "局长", "县长", "市长", "省长", "区长", "部长", "代表",
                 "先生", "女士", "一行", "陪同", "告诉", "称", "等同志", "等人", "等领导",
                 ",男,", ",女,", "(男", "(女")  # (a notice's subject: 文秀英,女,汉族)
# Titles a name follows directly (县长江永明): a short form right after one is the name
_TITLE_WORDS = ("书记", "主任", "市长", "县长", "省长", "区长", "局长", "部长", "厅长", "镇长", "乡长",
                "主席", "院长", "旗长", "州长")
_PERSON_BEFORE = ("书记", "主任", "市长", "县长", "省长", "区长", "局长", "部长", "同志", "记者",
                  "委员", "主席", "总理", "经理", "董事长", "厅长", "处长", "科长", "镇长", "乡长",
                  "校长", "院长", "常委", "领导", "代表")
# Two-character county short names that start or end with a function word (和安, 新和, 于都)
# straddle word boundaries too often; they are accepted only in the home province.
_GLUE_FIRST = set("和与及在于向将从即都")
_GLUE_LAST = set("和与及")
_STREET = ("路", "街", "大街", "大道", "巷", "胡同")
_DIRECTIONS = "东西南北中"


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def load_stopwords() -> list[str]:
    """The entries of ``place_stopwords.txt`` (comments and blank lines dropped)."""
    text = files("kg.lexicon").joinpath("data/place_stopwords.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return list(dict.fromkeys(out))


@dataclass
class _Key:
    """What one automaton key can mean."""

    cands: list[tuple[Division, str]]  # (division, 'full' | 'short'), all eras
    stop: bool  # in the stoplist
    full: bool  # the full official name of some division
    narrow_full: bool  # a one-character stem + suffix (和县): needs a left boundary
    unique: bool  # denotes one division nationwide (one ident / successor chain)


# years after its end (or before its start) a division's short name no longer means it
_FORGOTTEN = 10


@dataclass
class _Item:
    start: int
    end: int
    key: str
    info: _Key
    cands: list[tuple[Division, str]]
    prefix: _Item | None = None
    pinned: bool = False  # the prefix chain fixed this item's division
    choice: Division | None = None


class PlaceMatcher:
    """The automaton and the rules; build once with :func:`matcher`."""

    def __init__(self, g: Divisions, stopwords: Iterable[str]):
        self.g = g
        self.stopwords = frozenset(stopwords)
        self.keys: dict[str, _Key] = {}
        for name in g.names():
            cands = g.candidates(name)
            full = any(form == "full" for _, form in cands)
            narrow = len(name) == 2 and any(
                form == "full" and d.level == "county" for d, form in cands)
            idents = {g.latest(d).ident for d, _ in cands}
            self.keys[name] = _Key(cands, name in self.stopwords, full, narrow, len(idents) == 1)
        self.automaton = ahocorasick.Automaton()
        for key in list(self.keys) + [w for w in self.stopwords if w not in self.keys]:
            if len(key) >= 2:
                self.automaton.add_word(key, (len(key), key))
        self.automaton.make_automaton()
        self._blocker = _Key([], True, False, False, False)
        self._refs: dict[tuple[int, int], PlaceRef] = {}

    # -- helpers -------------------------------------------------------------------------------
    def ref(self, d: Division, year: int) -> PlaceRef:
        k = (id(d), year)  # divisions live as long as the gazetteer: id() is a cheap key
        r = self._refs.get(k)
        if r is None:
            r = self._refs[k] = self.g.to_ref(d, year)
        return r

    def _consistent(self, parent_cands: Iterable[Division], child: Division) -> Division | None:
        for p in parent_cands:
            if self.g.is_ancestor(p, child):
                return p
        return None

    @staticmethod
    def _person_like(text: str, start: int, end: int) -> bool:
        """``start:end`` reads as the given name of a person: 书记王海门, 李海门同志."""
        if start == 0 or text[start - 1] not in _SURNAMES:
            return False
        if text.startswith(_PERSON_AFTER, end):
            return True
        before = text[max(0, start - 4):start - 1]
        return before.endswith(_PERSON_BEFORE)

    def _word_name(self, text: str, item: _Item) -> bool:
        """``item`` is a stoplisted division's full name made of a word and its kind (平安区)
        standing as a name: not the phrase it also is (创建平安县, 平安区域, 平安县城), and not
        a generic one (老城区 is any city's old town)."""
        s, e = item.start, item.end
        return (e - s >= 3 and text[e - 1] in "区县旗" and bool(item.cands)
                and item.key[:-1] in self.stopwords
                and not any(ch in item.key[:-1] for ch in "城郊矿市")
                and text[e:e + 1] not in ("域", "县", "城", "市", "(", "（")
                # (平安区、平安乡村: a phrase; but 乐都区、平安区、民和县: one of a list)
                and (text[e:e + 1] != "、" or text[s - 1:s] in ("、", ","))
                and not text[max(0, s - 2):s].endswith(("创建", "建设", "打造", "争创", "建成")))

    @staticmethod
    def _street(text: str, end: int) -> bool:
        nxt = text[end:end + 3]
        if nxt[:1] and nxt[:1] in _DIRECTIONS and nxt[1:2] in ("路", "街"):
            return True
        return nxt.startswith(_STREET)

    # -- the scan ------------------------------------------------------------------------------
    def find(self, text: str, year: int | None = None, home_province: str | None = None,
             exclude: Iterable[Span] = ()) -> list[PlaceMention]:
        if not text:
            return []
        g = self.g
        y = g.year(year)
        home = g.province(home_province) if home_province else None
        home_pc = home.code if home else None
        keys, blocker = self.keys, self._blocker

        # 1. Longest matches first; between equally long overlapping ones the better reading
        #    (a name before a stopword, in force, in the home province, higher level), then the
        #    leftmost (湖南县 -> 湖南, 新海门 -> 海门 since 新海区 ended in 1985); non-overlapping.
        #    Matches come ordered by end, so overlapping ones form runs; only runs are sorted.
        prio: dict[str, tuple] = {}
        chosen: list[tuple[int, int, str]] = []
        run: list[tuple[int, int, str]] = []
        run_end = -1
        for end, (n, key) in self.automaton.iter(text):
            if key.endswith("地区") and text.startswith("生产总值", end + 1):
                continue  # "永川地区生产总值": 永川's 地区生产总值, not the old 永川地区
            s = end + 1 - n
            if s >= run_end and run:
                self._resolve_run(text, run, chosen, prio, y, home_pc)
                run = []
            run.append((s, end + 1, key))
            run_end = end + 1
        if run:
            self._resolve_run(text, run, chosen, prio, y, home_pc)

        # 2. Candidates, prefixes and the acceptance rules.
        excluded = [(sp.start, sp.end) for sp in exclude]

        def in_excluded(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in excluded)

        items: list[_Item] = []
        held: list[_Item] = []  # full names that are also words, waiting for their parent
        prev: _Item | None = None
        for s, e, key in chosen:
            info = keys.get(key, blocker)
            if not info.cands:
                prev = None
                continue
            item = _Item(s, e, key, info, info.cands)
            if all(f == "short" and d.distance(y) > _FORGOTTEN for d, f in item.cands):
                prev = None  # "松花江" in 2013: a river; 松花江地区 was gone since 1996
                continue
            if prev is not None and prev.end == s:
                pairs = [(p, c) for c, f in item.cands
                         if (p := self._consistent([d for d, _ in prev.cands], c)) is not None]
                if pairs and all(c.distance(y) > 0 for _, c in pairs) and \
                        any(c.distance(y) == 0 for c, _ in item.cands):
                    # "南充广安" in 2016: 广安县 of 南充地区 was gone since 1993; the two are
                    # today's 南充市 and 广安市, side by side, not parent and child
                    pairs = []
                if pairs:
                    keep = {id(c) for _, c in pairs}
                    item.cands = [(c, f) for c, f in item.cands if id(c) in keep]
                    item.prefix = prev
            accepted = self._accept(text, item, home_pc)
            if not accepted and info.stop and item.prefix is None and self._word_name(text, item):
                held.append(item)
            if accepted and excluded:
                accepted = not in_excluded(s, e)
            if accepted:
                items.append(item)
                prev = item
            else:
                prev = None

        if held and items:
            # "平安区位居全省第三" in an article about 海东市: a division's full name that is
            # also a phrase (平安区, "a safe district") is the division when the text names its
            # parent somewhere, not only right before it
            named = [d for it in items for d, _ in it.cands if d.level != "county"]
            for it in held:
                keep = [(c, f) for c, f in it.cands if self._consistent(named, c) is not None]
                if keep and not in_excluded(it.start, it.end):
                    it.cands = keep
                    items.append(it)
            items.sort(key=lambda it: it.start)

        # 3. Votes: the province of every mention that can only be in one province. Without a
        #    prefix an item's candidates depend on its key alone, so work is shared per key.
        votes: Counter[str] = Counter()
        vote_of: dict[str, str | None] = {}
        for it in items:
            if it.prefix is None and it.key in vote_of:
                v = vote_of[it.key]
            else:
                best = min(d.distance(y) for d, _ in it.cands)
                provs = {d.code[:2] for d, _ in it.cands if d.distance(y) == best}
                v = provs.pop() if len(provs) == 1 else None
                if it.prefix is None:
                    vote_of[it.key] = v
            if v is not None:
                votes[v] += 1
        home2 = home_pc[:2] if home_pc else None
        # A division the text names in full: its renamed twin (same level, same city, the same
        # short name) is not what a short form means, whatever the calendar says (江都 after
        # 江都市委书记 in March 2011 is 江都市, though the gazetteer's 2011 is 江都区's).
        in_full = set()
        for it in items:
            if it.cands and all(f == "full" for _, f in it.cands):
                d = min((d for d, _ in it.cands), key=lambda d: (d.distance(y), d.code))
                in_full.add((d.code, d.name, d.level))

        def twin_named(d: Division, cands: list) -> bool:
            return bool(in_full) and (d.code, d.name, d.level) not in in_full and any(
                (e.code, e.name, e.level) in in_full and e.level == d.level
                and e.code[:4] == d.code[:4] for e, _ in cands)

        def ranker(cands: list):
            return lambda c: rank(c, cands)

        def rank(c: tuple[Division, str], cands: list) -> tuple:
            d, form = c
            pc = d.code[:2]
            return (twin_named(d, cands), d.distance(y), d.level != "province", pc != home2,
                    -votes[pc], form != "full", LEVEL_RANK[d.level], d.code, -d.last_year)

        # 4. Choose, left to right, keeping prefix chains consistent.
        best_of: dict[str, Division] = {}
        for it in items:
            p = it.prefix
            if p is None:
                d = best_of.get(it.key)
                if d is None:
                    d = best_of[it.key] = min(it.cands, key=ranker(it.cands))[0]
                it.choice = d
                continue
            ranked = sorted(it.cands, key=ranker(it.cands))
            if p.choice is not None:
                pc = [d for d, _ in sorted(p.cands, key=lambda c: c[0] is not p.choice)]
                for d, _ in ranked:
                    anc = self._consistent([p.choice] if p.pinned else pc, d)
                    if anc is not None:
                        it.choice = d
                        p.choice = anc
                        p.pinned = it.pinned = True
                        break
            if it.choice is None:
                it.choice = ranked[0][0]

        out = []
        for it in items:
            d = it.choice
            form = "full" if it.key == d.name else "short"
            out.append(PlaceMention(Span(it.start, it.end), self.ref(d, y), form))
        return out

    def _big_short(self, key: str) -> bool:
        """``key`` is the short name of a province or a prefecture (上海, 南京)."""
        info = self.keys.get(key)
        return info is not None and not info.stop and not info.full and any(
            d.level in ("province", "prefecture") for d, _ in info.cands)

    def _resolve_run(self, text: str, run: list[tuple[int, int, str]],
                     chosen: list[tuple[int, int, str]], prio: dict[str, tuple], y: int,
                     home_pc: str | None) -> None:
        """Greedy longest-first choice among one run of overlapping matches."""
        if len(run) == 1:
            chosen.append(run[0])
            return
        for _, _, key in run:
            if key not in prio:
                prio[key] = self._priority(key, y, home_pc)
        # "为盐城县域经济": 县域 is the word, the place is 盐城 (not 盐城县, gone since 1983)
        run = [m for m in run if not (m[2][-1:] in "县区" and text[m[1]:m[1] + 1] in ("域", "级")
                                      and any(q[0] == m[0] and q[1] < m[1] for q in run))]
        # "上海城市运行": Shanghai's city life, not Liaoning's 海城市 that starts inside it
        run = [m for m in run if not (m[2].endswith("城市") and any(
            q[0] == m[0] - 1 and q[1] == m[0] + 1 and self._big_short(q[2]) for q in run))]
        run.sort(key=lambda m: (m[0] - m[1], prio[m[2]], m[0]))
        picked: list[tuple[int, int, str]] = []
        for m in run:
            if all(m[1] <= q[0] or q[1] <= m[0] for q in picked):
                picked.append(m)
        picked.sort()
        chosen.extend(picked)

    def _priority(self, key: str, y: int, home_pc: str | None) -> tuple:
        info = self.keys.get(key)
        if info is None or info.stop:
            return (1, True, True, 3)
        d = min((d for d, _ in info.cands),
                key=lambda d: (d.distance(y), d.province_code != home_pc, LEVEL_RANK[d.level]))
        return (0, d.distance(y) > 0, home_pc is not None and d.province_code != home_pc,
                LEVEL_RANK[d.level])

    def _accept(self, text: str, item: _Item, home_pc: str | None) -> bool:
        info, s, e = item.info, item.start, item.end
        prefixed = item.prefix is not None
        if info.stop:
            if prefixed and info.cands:
                return True
            # "平安区委书记": a division's full name before its own committee or government is
            # the division (in the article's province), whatever the word means elsewhere
            return e - s >= 3 and text[e - 1] in "区县旗" and \
                text.startswith(("委", "政府", "人大", "政协", text[e - 1] + "长"), e) and \
                home_pc is not None and any(d.province_code == home_pc for d, _ in item.cands)
        if info.full:
            if e - s == 2 and text[e:e + 1] in ("级", "直", "域"):
                return False  # 委员和县级部门, 政府和县直单位: 县级/县直 is the word, not 和县
            if e - s == 2 and text[s] in "和与及" and text[e:e + 1] == "(":
                return False  # 各地(州、市)和县(市、区): the kinds of units, not 和县
            if info.narrow_full and not prefixed and s > 0:
                ch = text[s - 1]
                if _cjk(ch) and ch not in _LEFT_OK:
                    return False
            if info.narrow_full and not prefixed and e - s == 2 and text[s] in _WORD_STEMS:
                if text[e:e + 1] == "长" and text[e + 1:e + 2] not in ("江", "城"):
                    return False  # 县委副书记、代县长X, 书记和县长: a title, not 代县 or 和县
                if home_pc is not None and all(d.province_code != home_pc for d, _ in item.cands):
                    return False  # 感谢县委的信任和县人大常委会的支持 in Hunan: not Anhui's 和县
            return True
        # Short forms: not the stem of a longer name that is not ours (大城市, 雄安新区).
        nxt = text[e:e + 2]
        titled = item.key[-1:] in ("县", "区", "旗") and text.startswith(
            tuple(item.key[-1] + w for w in ("长", "委", "政府", "人大", "政协")), e)
        if nxt[:1] == "市" or (nxt[:1] in ("区", "县") and nxt[1:2] not in ("域", "级", "市", "区")
                               and not titled):  # (积石山县|县长: the short form and a title)
            return False
        if self._street(text, e):
            return False
        if not prefixed and self._person_like(text, s, e):
            return False
        if not prefixed and text.endswith(_TITLE_WORDS, 0, s) and _cjk(text[e:e + 1]):
            return False  # 县长江永明: a name after the title, not 江永 (县) with 明 after it
        if not prefixed and item.key[0] == "长" and s > 0 and text[s - 1] in "省市县区州旗盟镇乡":
            return False  # 州长沙马伍各: the title 州长, then a name, not 长沙
        if prefixed:
            return True
        county = all(d.level == "county" for d, _ in item.cands)
        key = item.key
        if county and len(key) == 2 and (key[0] in _GLUE_FIRST or key[1] in _GLUE_LAST):
            # 和安 in 发展和安全, 新和 in 创新和改革: only in the home province.
            item.cands = [(d, f) for d, f in item.cands if d.province_code == home_pc]
            return bool(item.cands)
        if home_pc is None:
            return True
        if county:
            home = [(d, f) for d, f in item.cands if d.province_code == home_pc]
            if home:
                item.cands = home
                return True
            return info.unique and len(item.key) >= 3
        return True


@functools.cache
def matcher() -> PlaceMatcher:
    """The shared matcher (automaton built once per process)."""
    return PlaceMatcher(divisions(), load_stopwords())


def find_places(text: str, year: int | None = None, home_province: str | None = None, *,
                exclude: Iterable[Span] = ()) -> list[PlaceMention]:
    """Administrative divisions mentioned in ``text``: non-overlapping, sorted by start.

    ``year`` is the article's year (None: the latest year of the gazetteer); ``home_province``
    the article's province as a name (江苏, 江苏省) or code (320000). ``exclude`` spans (for
    instance person names already found) never yield a place.
    """
    return matcher().find(text, year, home_province, exclude)


# A table's first cell, a two-character name padded to the width of three ("澄　迈", "陵　水"),
# before the next column.
_PADDED_CELL = re.compile(r"^[ \t]*(?P<a>[\u4e00-\u9fff])[ \t]{1,2}(?P<b>[\u4e00-\u9fff])(?=[ \t]{2,}|\t|$)",
                          re.M)


def padded_cells(text: str, year: int | None = None, home_province: str | None = None
                 ) -> list[PlaceMention]:
    """Places written as a table's padded first cell: newspapers pad two-character names with
    a space to line up with three-character ones. The span covers the padding."""
    out = []
    for m in _PADDED_CELL.finditer(text):
        name = m.group("a") + m.group("b")
        found = find_places(name, year, home_province)
        if len(found) == 1 and found[0].span == Span(0, 2):
            out.append(PlaceMention(Span(m.start("a"), m.end("b")), found[0].place, "short"))
    return out

