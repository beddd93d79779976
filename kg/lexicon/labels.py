"""Pinyin and English labels for people, places, posts, organizations and events.

Every node of the graph has its Chinese label and, beside it, a pinyin label
(``@zh-Latn-pinyin``, tone-free syllables) and an English label (``@en``), so a reader without
Chinese can use the graph and a tool that picks labels by language finds one. Why each rule:

* **People** are romanized as the mainland does it: surname first, capitalized, the given name
  joined ("Shan Xiaoming", "Ouyang Jianguo"). A dictionary reads 单 as dān and 曾 as céng; as
  surnames they are Shan and Zeng, so surnames come from a shipped table of surname readings
  (``data/surname_readings.tsv``) before pypinyin; the surname is split off with the same
  surname list the extractors use (compound surnames 欧阳, 司马 ...). The English label of a
  person is the same romanization.
* **Places**: the pinyin label is the full name with its unit word ("Haimen Shi"); the English
  label drops the generic unit word ("Haimen", "Nantong", "Jiangsu") unless the stem alone
  named another division in the last year this one was in force (吉林省 and 吉林市: "Jilin
  Province", "Jilin City"; 南通县 was gone when 南通市 last appears, so 南通市 is "Nantong") or the stem is a single character (沛县: "Pei County"). Towns keep their unit word.
* **Posts** are composed from the title grammar's parts (level + organ + office, or a
  department + its head), each part from a shipped glossary (``data/glossary_en.tsv``), so one
  table covers every title the extractors produce: 市委书记 -> "Secretary of the Municipal Party
  Committee", with the place: "Secretary of the Haimen Municipal Party Committee"; 市长 ->
  "Mayor of Nantong".
* **Events**: the kind of meeting from the end of its name (座谈会 Symposium, 常务会议 Executive
  Meeting ...), composed with its organ where the name is just organ + kind ("Executive Meeting
  of the County People's Government"), otherwise the kind and the pinyin of the name; the date
  follows ("Lecture Forum: Quansheng Xianwei Shuji Gongzuo Jiangtan, 2018-02-22"). A name with no
  known kind is given in pinyin.
* Anything else (ranking lists, speeches, organizations the glossary does not cover) has the
  pinyin as its English label: an honest transliteration rather than an invented translation.

Pinyin of free text has no word segmentation of its own (jieba was ruled out, see README): a
small vocabulary (glossary words, department and division names) groups syllables into words;
other characters are written one syllable each.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from kg.lexicon.names import minority_syllables, surnames

# Level words of titles and organs, longest first.
_LEVELS = ("自治区", "自治州", "自治县", "自治旗", "街道", "省", "市", "县", "区", "州", "盟", "旗",
           "镇", "乡", "地")
# Unit words at the end of division names, longest first (the English label drops them).
_PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区",
                   "街道", "省", "市", "县", "区", "旗", "盟", "镇", "乡")
_SUFFIX_KIND = {"市": "县级市", "区": "市辖区"}  # a unit word whose kind name differs


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, dict[str, str]]:
    """Section -> Chinese -> English, from ``data/glossary_en.tsv``."""
    text = (resources.files("kg.lexicon") / "data" / "glossary_en.tsv").read_text("utf-8")
    out: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, zh, en = line.split("\t")
        out.setdefault(section, {})[zh] = en
    return out


@functools.lru_cache(maxsize=1)
def surname_readings() -> tuple[dict[str, str], frozenset[str]]:
    """(surname -> romanization, compound surnames read as such only in four-character names)."""
    text = (resources.files("kg.lexicon") / "data" / "surname_readings.tsv").read_text("utf-8")
    readings: dict[str, str] = {}
    rare: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        readings[parts[0]] = parts[1]
        if len(parts) > 2 and parts[2] == "rare":
            rare.add(parts[0])
    return readings, frozenset(rare)


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], int]:
    """Words that group syllables in pinyin of free text: the glossary's words, level words,
    organs and level + organ (县委, 市政府), and division short names."""
    from kg.lexicon.divisions import divisions

    g = glossary()
    words = {zh for sec in ("word", "level", "organ", "prefix", "head") for zh in g[sec]
             if len(zh) > 1}
    words |= {lv + org for lv in _LEVELS for org in ("委", "政府", "政协", "人大", "纪委", "监委")}
    for d in divisions().all:
        if len(d.short) > 1:
            words.add(d.short)
    words = {w for w in words if all(_cjk(c) for c in w)}
    return frozenset(words), max(map(len, words))


@functools.lru_cache(maxsize=16384)
def _char_pinyin(ch: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(ch, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars]))


def _pinyin(text: str) -> list[str]:
    """pypinyin's reading of ``text``. A given name or a place's stem is one or two characters:
    unless the two make a phrase of pypinyin's dictionary (长青 chang qing), they read as each
    alone, from a cache (segmenting was most of a build's labelling time); identical to
    ``lazy_pinyin`` on every pair of name characters (200,000 pairs checked)."""
    if len(text) == 1 or (len(text) == 2 and text not in PHRASES_DICT):
        return [s for ch in text for s in _char_pinyin(ch)]
    return lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars])


def _syllables(text: str) -> list[str]:
    """Tone-free syllables of CJK text; ü is written yu after l and n (lyu, nyu, lyue), as in
    passports, so that labels stay ASCII."""
    out = []
    for s in _pinyin(text):
        s = re.sub(r"^([ln])v", r"\1yu", s).replace("v", "u")
        out.append(s)
    return [s for s in out if s]


def _join(sylls: list[str]) -> str:
    """Syllables of one word joined; an apostrophe before a, o, e inside a word (Xi'an)."""
    out = ""
    for s in sylls:
        if out and s[:1] in ("a", "o", "e"):
            out += "'"
        out += s
    return out


def romanize(word: str) -> str:
    """One word in pinyin, capitalized: 海门 -> Haimen, 西安 -> Xi'an."""
    return _join(_syllables(word)).capitalize()


def _place_override(stem: str) -> str | None:
    return glossary().get("romanization", {}).get(stem)


@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def text_pinyin(text: str) -> str:
    """Free text in pinyin, words capitalized: 全省县委书记工作讲坛 -> Quansheng Xianwei Shuji
    Gongzuo Jiangtan. ASCII letters, digits and punctuation are kept; other characters are
    dropped. Never raises."""
    text = unicodedata.normalize("NFKC", text).replace("、", ", ").replace("·", " ")
    vocab, longest = _vocabulary()
    words: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if _cjk(text[i]):
            j = i
            while j < n and _cjk(text[j]):
                j += 1
            run = text[i:j]
            # one syllable per character, read with the whole run as context (长三角 chang)
            sylls = lazy_pinyin(run, style=Style.NORMAL, errors=lambda cs: ["" for _ in cs])
            if len(sylls) != len(run):
                sylls = [(_syllables(c) or [""])[0] for c in run]
            sylls = [re.sub(r"^([ln])v", r"\1yu", s).replace("v", "u") for s in sylls]
            k0 = 0
            while k0 < len(run):
                for k in range(min(longest, len(run) - k0), 0, -1):
                    if k == 1 or run[k0:k0 + k] in vocab:
                        break
                w = run[k0:k0 + k]
                words.append(_place_override(w) or _join([s for s in sylls[k0:k0 + k] if s])
                             .capitalize())
                k0 += k
            i = j
        else:
            j = i
            while j < n and not _cjk(text[j]):
                j += 1
            chunk = "".join(c if c.isascii() and c.isprintable() else " " for c in text[i:j])
            words.append("\x00" + chunk)  # attaches to its neighbours as written
            i = j
    out = ""
    for w in words:
        if w.startswith("\x00"):
            out += w[1:]
        elif w:
            out += (" " if out and not out.endswith((" ", "(", "-")) else "") + w
    return re.sub(r"\s+", " ", out).strip()


# -- people ------------------------------------------------------------------------------------
def split_name(name: str) -> tuple[str, str]:
    """(surname, given name); the surname is empty for names without one (丹增旺堆)."""
    single, compound = surnames()
    readings, rare = surname_readings()
    two = name[:2]
    if len(name) > 2 and (two in compound or (len(two) == 2 and two in readings)) \
            and (two not in rare or len(name) >= 4):
        return two, name[2:]
    if name[:1] in single or (name[:1] in readings and len(name) > 1):
        return name[:1], name[1:]
    return "", name


@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def person_pinyin(name: str) -> str:
    """A person's name in pinyin: 单晓明 -> Shan Xiaoming, 欧阳建国 -> Ouyang Jianguo,
    丹增旺堆 -> Danzeng Wangdui, 艾尔肯·吐尼亚孜 -> Aierken Tuniyazi.

    The result is ASCII letters, apostrophes and single spaces (possibly empty); never raises."""
    parts = [p for p in re.split(r"[·•・.\s]+", name) if p]
    if len(parts) > 1:  # a transcribed name: each part is one word, none is a surname
        return " ".join(filter(None, (romanize("".join(c for c in p if _cjk(c)))
                                      for p in parts)))
    name = "".join(c for c in name if _cjk(c))
    if not name:
        return ""
    sur, given = split_name(name)
    if sur:
        readings, _ = surname_readings()
        head = readings.get(sur) or romanize(sur)
        return f"{head} {romanize(given)}".strip()
    syl = minority_syllables()
    pieces, i = [], 0
    while i < len(name):
        step = next((k for k in (4, 3, 2) if name[i:i + k] in syl), 0)
        if not step:
            return romanize(name)
        pieces.append(name[i:i + step])
        i += step
    return " ".join(romanize(p) for p in pieces)


# -- places ------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _shorts_in_force() -> dict[str, list[tuple[str, int, int]]]:
    from kg.lexicon.divisions import divisions

    out: dict[str, list[tuple[str, int, int]]] = {}
    for d in divisions().all:
        out.setdefault(d.short, []).append((d.name, d.first_year, d.last_year))
    return out


def _suffix(name: str) -> str:
    return next((s for s in _PLACE_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")


@functools.lru_cache(maxsize=8192)
def place_labels(code: str | None, name: str) -> tuple[str, str]:
    """(pinyin, English) of a division: 海门市 -> ("Haimen Shi", "Haimen"); 吉林市 -> ("Jilin
    Shi", "Jilin City"); 沛县 -> ("Pei Xian", "Pei County"); a town 三星镇 -> ("Sanxing Zhen",
    "Sanxing Town"). A function of the code and name only, so every article gives the node the
    same labels."""
    from kg.lexicon.divisions import divisions

    g = glossary()
    row = next((d for d in (divisions().versions(code) if code else []) if d.name == name), None)
    suffix = _suffix(name)
    if row is not None and row.short != name and name.startswith(row.short):
        stem, rest, kind = row.short, name[len(row.short):], row.kind
    else:
        stem, rest = name[:len(name) - len(suffix)], suffix
        kind = row.kind if row is not None else _SUFFIX_KIND.get(suffix, suffix)
    roman_stem = _place_override(stem) or romanize(stem)
    pinyin = f"{roman_stem} {text_pinyin(rest)}".strip() if rest else roman_stem
    english = g["exonym"].get(stem) or roman_stem
    kind_en = g["place_kind"].get(kind, "")
    needs_kind = row is None or len(stem) == 1
    if row is not None and not needs_kind:  # another division of that stem at the time?
        year = row.last_year
        needs_kind = any(other != name and f <= year <= last
                         for other, f, last in _shorts_in_force().get(row.short, []))
    if needs_kind and kind_en and stem not in g["exonym"]:
        english = f"{english} {kind_en}"
    return pinyin, english


# -- titles, posts, organizations --------------------------------------------------------------
_LV = "|".join(_LEVELS)
_HEAD = re.compile(rf"^(?P<pre>常务副|副|代)?(?P<head>(?:{_LV})长|自治区主席)$")
# (常务副主席 without its level word is the region's: no other organ has an executive one)
_REGION_HEAD = re.compile(r"^(?:自治区(?P<pre>常务副|副)?|(?P<exe>常务副))主席$")
_ORGAN = re.compile(rf"^(?P<lv>{_LV})?(?P<org>党工委|党委|委常委会|常委会|委|人民政府|政府|"
                    r"人大常委会|人大|政协|纪委|监委)$")
_ORGAN_OFFICE = re.compile(rf"^(?P<lv>{_LV})?(?P<org>党工委|党委|委|人民政府|政府|人大常委会|人大|政协|"
                           r"纪委|监委)(?P<office>常务副书记|副书记|书记|常委|副秘书长|秘书长|"
                           r"常务副主任|副主任|主任|常务副主席|副主席|主席|委员)$")
_DEPT = re.compile(r"^(?P<dept>.+?)(?P<dep>常务副|副|代理|代)?(?P<head>部长|书记|主任委员|主任|厅长|局长|院长|"
                   r"检察长|校长|主席|处长|署长|总统计师|总经济师|总工程师|总会计师|总规划师|"
                   r"(?<=委员会)委员|(?<=法院)审判员)$")
_DEPUTY = {"副": "Deputy ", "常务副": "Executive Deputy ", "代理": "Acting ", "代": "Acting ", "": ""}


def _fill(template: str, place_en: str, level: str = "", organ: str = "") -> str:
    """Put the place into a glossary template; a place whose English already ends with the
    level word ("Pei County") does not repeat it ("Pei County Party Committee")."""
    if place_en and level and place_en.split()[-1] == level.split()[0]:
        level = level.partition(" ")[2]
    out = (template.replace("{P}", f"{place_en} " if place_en else "")
           .replace("{L}", level).replace("{O}", organ)
           .replace("{OF}", f" of {place_en}" if place_en else ""))
    return re.sub(r"\s+", " ", out).strip()


@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def organ_en(organ: str, place_en: str = "") -> str | None:
    """English of an organ (市委, 县政府, 省人大常委会, 宣传部), or None if not in the glossary."""
    g = glossary()
    m = _ORGAN.match(organ)
    if m:
        level = g["level"].get(m.group("lv") or "", "")
        return _fill(g["organ"][m.group("org")], place_en, level)
    if organ in g["dept"]:
        return _fill("{P}" + g["dept"][organ], place_en)
    return None


@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def title_en(title: str, place_en: str = "") -> str:
    """English of a normalized title, with the place where it has one: 市委书记 -> "Secretary
    of the Municipal Party Committee"; with "Nantong": "Secretary of the Nantong Municipal Party
    Committee"; 市长 -> "Mayor of Nantong"; 宣传部副部长 -> "Deputy Head of the Publicity
    Department". A title the grammar does not know is given in pinyin."""
    g = glossary()
    if title in g["national"]:
        return g["national"][title]
    m = _HEAD.match(title)
    if m:
        pre = g["prefix"].get(m.group("pre") or "", "")
        return _fill(f"{pre} {g['head'][m.group('head')]}", place_en)
    m = _REGION_HEAD.match(title)
    if m:
        pre = g["prefix"].get(m.group("pre") or m.group("exe") or "", "")
        return _fill(f"{pre} Chairman{{OF}}", place_en)
    m = _ORGAN_OFFICE.match(title)
    if m:
        office, org = m.group("office"), m.group("org")
        organ = organ_en((m.group("lv") or "") + org, place_en) or ""
        table = g["npc"] if org == "人大常委会" and office in g["npc"] else g["office"]
        return _fill(table[office], "", organ=organ)
    if title in ("秘书长", "副秘书长"):
        return _fill(("Deputy " if title[0] == "副" else "") + "Secretary-General{OF}", place_en)
    m = _DEPT.match(title)
    if m:
        dept, head = m.group("dept"), g["dept_head"][m.group("head")]
        if dept.endswith("党组") and g["dept"].get(dept[:-2]):
            # 统计局党组书记: the secretary of the bureau's leading Party members' group
            return _fill(f"{_DEPUTY[m.group('dep') or '']}{head} of the Leading Party Members' "
                         f"Group of the {{P}}{g['dept'][dept[:-2]]}", place_en)
        dept_en = g["dept"].get(dept)
        if dept_en is None:
            unit = next((u for u in sorted(g["unit"], key=len, reverse=True)
                         if dept.endswith(u) and len(dept) > len(u)), None)
            if unit is None:
                return _fill(text_pinyin(title) + "{OF}", place_en)
            dept_en = f"{text_pinyin(dept[:-len(unit)])} {g['unit'][unit]}"
        return _fill(f"{_DEPUTY[m.group('dep') or '']}{head} of the {{P}}{dept_en}", place_en)
    return _fill(text_pinyin(title) + "{OF}", place_en)


@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def org_en(organ: str, place_en: str = "") -> str:
    """English of an organization: the organ glossary, parts joined by "and" (省委、省政府),
    else the pinyin."""
    parts = [p for p in re.split(r"[、,，和]", organ) if p]
    names = [organ_en(p, place_en) for p in parts]
    if parts and all(names):
        return " and ".join(n for n in names if n)
    return text_pinyin(organ)


# -- events ------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=65536)  # names and titles repeat across articles
def event_en(name: str, date: str = "") -> str:
    """English label of an event from its name and ISO date (see the module docstring)."""
    g = glossary()["meeting"]
    kind = next((k for k in sorted(g, key=len, reverse=True) if name.endswith(k)), None)
    if kind is None:
        core = text_pinyin(name)
    else:
        prefix = name[:-len(kind)]
        organ = organ_en(prefix) if prefix else None
        if not prefix:
            core = g[kind]
        elif organ:
            core = f"{g[kind]} of the {organ}"
        else:
            core = f"{g[kind]}: {text_pinyin(name)}"
    return f"{core}, {date}" if date else core
