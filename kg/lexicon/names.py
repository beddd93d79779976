"""Person names: surnames and the words that can follow a name.

Chinese names have no capitals and no spaces, so the end of a name is found from what follows
it: a particle, a verb of the genre (主持, 强调, 出席 ...), or punctuation. The surname list is
general knowledge; nothing here names a person.
"""

from __future__ import annotations

import functools
import re
from importlib import resources


@functools.lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames)."""
    text = (resources.files("kg.lexicon") / "data" / "surnames.txt").read_text("utf-8")
    single, compound = set(), set()
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        (compound if len(s) > 1 else single).add(s)
    return frozenset(single), frozenset(compound)


# Words that may directly follow a person's name in this genre.
FOLLOWERS = tuple(sorted(set("""
在 主持 强调 指出 讲话 出席 参加 表示 说 等 同志 一行 带队 率 率队 到 赴 深入 前往 来 陪同 调研
视察 考察 检查 督导 作 做 介绍 汇报 发言 代表 宣读 传达 通报 对 向 与 和 及 为 会见 是 的 也 还
首先 最后 分别 一同 就 要求 提出 希望 充分 肯定 听取 看望 慰问 察看 召开 讲 感谢 致辞 通过 审议
共同 同 被 接受 任 兼 当选 走访 详细 认真 先后 并 于 参观 实地 专程 今天 昨天 日前 近日 此前 随后
主讲 上台 登台 围绕 结合 从 以 带领 领学 领读 作出 批示 签发 部署 看 点评 总结 回答 答 谈 提到
现场 来到 前来 再次 亲切 一起 一路 一道 同时 当天 所 表态 还有 列席 收听 收看 分析 解读 逐一 听 发表 全程
现任 现为 已是 已任 已经 成为 所作 接续 接着 继续 作表态发言 作交流发言 作典型发言 作报告 作工作报告 作讲话 作重要讲话 作发言 作汇报 作说明 作辅导
作动员讲话 作总结讲话 作动员部署 作专题辅导 作专题报告 作点评 作部署 作总结
拟任 拟提名 拟推荐 拟任命 拟进一步使用 拟按程序
答记者问 答问 回答记者提问 依次 曾任 曾担任 历任 相继 第一个
本周 本月 上周 前天 今日 昨日 上午 下午 今年 去年 如今 目前 正在 原任 原为 原是
称 因 先生 女士 应邀 受邀 受 发布 宣布 部署 安排 布置 指导 督促 勉励 寄语 回顾 领衔 牵头 关于 对于 围绕 针对 就此 日前 近期 此次 则 却 都 对此 透露 认为 坦言 强调说 指出说
""".split()), key=len, reverse=True))
_PUNCT = set(",、。;:!?()“”‘’《》\"' \n—-…")
# A genre verb is never a name, though it may start with a surname character (强调, 通报).
_FOLLOW_SET = frozenset(FOLLOWERS)

# Common words that begin with a surname character and are followed by a genre verb; they must
# not be read as names (会议强调, 文件指出, 方案提出 ...).
NON_NAMES = frozenset("""
会议 文件 方案 通知 报告 意见 讲话 全会 全市 全省 全县 全区 全程 全面 全力 大会 会上 会前 会后 会中 国家 国务院
政府 党委 市委 省委 县委 区委 区长 市长 县长 省长 书记 常委 主任 主席 部长 副市长 副省长 副县长 代表
各地 各级 各部门 同时 同志 单位 部门 相关 有关 其中 高度 高质量 高质 江苏 海门 万元 元年 文化 文明 安全
和谐 金融 工作 方面 方式 方法 时间 时代 时候 明确 明年 常态 常务 常年 党员 党组 党建 党的 党中央
严格 严肃 严禁 严重 发展 发言 发布 全面 全体 全国 全力 成员 成果 成效 成为 成立 华为 项目 席间
任务 任期 关于 关键 关心 温暖 温度 管理 管控 万众 万家 于是 于此 曾经 解决 解放 解读 单独 海外
海关 海洋 江河 高新 高校 高速 高端 高层 文旅 文件精神 钱款 毛泽东 习近平 林业 农业 商务 宁夏 齐心
周年 周边 周末 余名 余人 余家 段时间 向前 向上 路线 包括 包含 连续 连同 计划 计算 应急 应当 应该
班子 班级 班组 于今 时任 时值 时隔 干部 干事 干警 干群 任命 任免 任职 任用 被任命
妥善 妥当 妥协 妥帖 寸土 寸步 税收 税务 税费 税率 税源 税款 税制
任上 同台 同步 同期 党组织 党支部 党总支 党工委 谈到 谈及 谈起 谈谈
区政府 区人大 区政协 区党委 区纪委
""".split())
# Words of function that open like a name (代为, 向他): never a name, even right after a title
# and before what only a person does (由该镇镇长代为作表态发言)
_NEVER_NAMES = frozenset("代为 由时 代行 向他 向她 向其".split())
NON_NAMES = NON_NAMES | _NEVER_NAMES


def _strong_follow(text: str, i: int) -> bool:
    if i >= len(text):
        return True
    if text[i] in _PUNCT:
        return True
    return text.startswith(FOLLOWERS, i)


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_ORGAN_TAIL = ("政府", "法院", "检察院", "代表大会", "银行", "医院")


_SPOKE_AFTER = ("作表态发言", "作交流发言", "作典型发言", "作发言", "作报告", "作汇报", "主持", "出席", "讲话",
                "说,", "说:", "表示", "介绍", "强调", "指出")


# The last two characters of a title, which no four-character name ends with
_TITLE_ENDS = frozenset(("市长", "县长", "区长", "省长", "镇长", "乡长", "书记", "主任", "局长", "部长", "厅长",
                         "委员", "主席", "常委", "旗长", "州长"))


def _runs_into_a_head(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` ends in the level word of a head's title that goes on
    (代行市|长职务: 市长, not the name 代行市)."""
    return text[end - 1:end] in ("市", "县", "区", "省", "州") and text[end:end + 1] == "长"


_SEGMENT_NAME = re.compile(r"[\u4e00-\u9fff]{1,5}[”\"](?:环节|栏目|专栏|板块|单元)")


def name_candidates(text: str, i: int) -> list[str]:
    """Names that could start at ``i``, each followed by something a name can be followed by."""
    single, compound = surnames()
    out: list[str] = []
    sur_lens = []
    if text[i:i + 2] in compound:
        sur_lens.append(2)
    if text[i:i + 1] in single:
        sur_lens.append(1)
    for sl in sur_lens:
        for gl in (1, 2):
            end = i + sl + gl
            if end > len(text):
                continue
            cand = text[i:end]
            if not all(_cjk(c) for c in cand) or cand in NON_NAMES or cand in _FOLLOW_SET or \
                    (len(cand) == 3 and cand[:2] in NON_NAMES and
                     (text.startswith(FOLLOWERS, i + 2)  # 班子|作报告: a word, then a verb
                      or cand[2] in "要将应会能可也都就还需")  # 干部|要督导: a word, a modal
                     # (but 万家和, and a comma: the name ends in 和, as 曾庆和 does)
                     and not (cand[2] == "和" and end < len(text) and text[end] in _PUNCT)):
                continue
            # (向 and 为 start given names often enough: 郁向东, 陈为民; 从 too when a verb of
            # speaking follows the name: 冉从文作表态发言)
            if any(c in "的了在是和与及等对从被把将说称" for c in cand[sl:-1]) and not (
                    cand[sl:-1] == "从" and text.startswith(_SPOKE_AFTER, end)):
                continue
            last = cand[-1] if len(cand) > sl else ""
            if last in "的了在是等对向为从被把将说称因" and not (
                    last == "为" and (_follow_len(text, end) >= 2 or text[end:end + 1] in _PUNCT)):
                continue  # (but 符大为出席: a name ending in 为 before a verb of its own)
            if last in "和与及" and not (end < len(text) and text[end] in _PUNCT
                                         or text.startswith("在", end)  # 孟祥和在主会场
                                         or _follow_len(text, end) >= 2
                                         and not text.startswith(("和", "与", "及"), end)):
                continue  # 曾庆和, / 田仁和当选 (a name) - but 张三和李四: a conjunction
            if text.startswith(_ORGAN_TAIL, end):
                continue  # 代表区人民|政府: an organ's name, not a person's
            if _runs_into_a_head(text, end):
                continue  # 由代理市长代行市|长职务: a title follows, not a name
            if _strong_follow(text, end):
                out.append(cand)
    if not out and 1 in sur_lens and i + 4 <= len(text) and all(_cjk(c) for c in text[i:i + 4]) \
            and text[i:i + 2] not in NON_NAMES and text[i + 3] not in "委府" \
            and (_follow_len(text, i + 4) >= 2 or text[i + 4:i + 5] in ("、", "，", ",")
                 and text[i + 3] not in "县区市省州旗盟镇乡村") \
            and not any(c in "的了在是和与及等副把被将" for c in text[i + 1:i + 4]) \
            and text[i + 2:i + 4] not in _TITLE_ENDS:  # (市委常委和副市长出席: no 和副市长)
        # "旗委书记苏日古嘎作交流发言", "县长阿卓石者作交流发言", "镇长阿苦日哈、": a Mongolian or
        # Yi name of four characters, when no shorter name is followed by what follows a name
        out.append(text[i:i + 4])
    return out


@functools.lru_cache(maxsize=1)
def minority_syllables() -> frozenset[str]:
    text = (resources.files("kg.lexicon") / "data" / "minority_name_syllables.txt").read_text(
        "utf-8")
    return frozenset(s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#"))


def minority_name(text: str, i: int, alone: bool = False) -> str | None:
    """丹增旺堆, 乌兰图雅: two or three Tibetan or Mongolian name syllables, no surname.

    ``alone``: right after a title, one two-character syllable is a name too (县长次旦陪同,
    厅长旺堆,): elsewhere a single syllable is too weak a sign."""
    syl = minority_syllables()
    pos, parts = i, 0
    while parts < 3:
        step = next((n for n in (4, 3, 2) if text[pos:pos + n] in syl), 0)
        if not step:
            break
        pos, parts = pos + step, parts + 1
    if (parts >= 2 or parts == 1 and (pos - i >= 3 or alone)) and _strong_follow(text, pos):
        return text[i:pos]  # (one syllable of three characters is a name: 巴特尔, 朝鲁门)
    if parts >= 2 and alone:
        return text[i:pos]  # "县长向巴次仁告诉记者": two syllables right after a title, whatever follows
    return None


_PADDED = re.compile(r"([\u4e00-\u9fff])[ \t]{1,3}([\u4e00-\u9fff])")


def padded_name(text: str, i: int) -> str | None:
    """A two-character name padded to the width of three, as papers set names in a list
    ("李  梅", "尹　峰"): the text as written, spaces and all (``clean_name`` takes them out)."""
    m = _PADDED.match(text, i)
    if m is None or m.group(1) not in surnames()[0] or m.group(1) + m.group(2) in NON_NAMES:
        return None
    end = m.end()
    if end < len(text) and text[end] not in "、,。;:)!?\n" and not _strong_follow(text, end):
        return None
    return text[i:end]


def clean_name(name: str) -> str:
    """A name without the spaces that padded it."""
    return re.sub(r"[ \t]", "", name)


def name_after_title(text: str, i: int, known: dict[str, int] | None = None) -> str | None:
    """A name right after a title (strong evidence): when nothing that follows it looks like a
    genre word, still take surname + given name, two characters of given name unless the next
    character cannot be part of a name."""
    if _SEGMENT_NAME.match(text, i):
        return None  # 论坛设“县委书记谈发展”环节: a part of the programme, not a name
    if text[i:i + 1] in ("和", "与", "及") and \
            re.match(r"部分|全体|各|有关|相关|其他|其余|广大|全[省市县区国州盟旗]|居委|村委|社区",
                     text[i + 1:i + 3]):
        # "各市市委书记、市长和部分县(市)委书记": "and some", no name after 市长 (nor in
        # "组织部部长和全省各县委书记")
        return None
    if known:
        here = [k for k, n in known.items() if n > 0 and len(k) >= 2 and text.startswith(k, i)]
        if here:  # "厅长的解春来仍记得": a name the document already gave, whatever follows
            return max(here, key=len)
        if text[i:i + 1] in "向对与和同为给被把将在" and any(
                n > 0 and len(k) >= 3 and text.startswith(k, i + 1) for k, n in known.items()):
            return None  # "高市长向司马建平汇报": a preposition, then a name already given
    ethnic = minority_name(text, i, alone=True)
    if ethnic:
        return ethnic
    dotted = _DOTTED.match(text, i)
    if dotted and "·" in dotted.group():
        # 阿不都许库尔·艾则孜: the dot says it is one transcribed name (not 阿不)
        first = i + dotted.group().index("·") + 2
        for end in range(first, dotted.end() + 1):  # a word after it, not one character
            if end < len(text) and text[end] not in _PUNCT and \
                    2 <= _follow_len(text, end) <= _follow_len(text, end + 1):
                # 阿不都热依木·买买提出席: 提出 overlaps the word after the name (but the
                # longer word wins: 热合曼作交流发言)
                continue
            if end >= len(text) or text[end] in _PUNCT or _follow_len(text, end) >= 2 \
                    or text[end] in "率在到赴说":  # 买买提率视察组: a verb, not the name's end
                return text[i:end]
        for end in range(first, dotted.end() + 1):
            if _strong_follow(text, end):
                return text[i:end]
    name = pick_name(text, i, known) or padded_name(text, i)
    if name:
        return name
    if text[i:i + 2] in NON_NAMES:
        if text[i] in surnames()[0] and _WORD_AS_NAME.match(text, i + 2) and \
                text[i:i + 2] not in ("全程", "全面", "全力") and \
                text[i:i + 2] not in _NEVER_NAMES:  # (全程陪同: how, not who)
            # "禹州市委书记文明作交流发言", "市委书记齐心、市长……出席": right after a title and
            # right before what only a person does, a word is a name (文明, 齐心)
            return text[i:i + 2]
        return None  # "领导班子作报告": a word, not surname + given name
    dotted = _DOTTED.match(text, i)
    if dotted:  # 艾尔肯·吐尼亚孜: a transcribed name, as long as what follows allows
        dot = dotted.group().find("·") if "·" in dotted.group() else 1
        for end in range(i + dot + 2, dotted.end() + 1):
            if _strong_follow(text, end):
                return text[i:end]
    single, compound = surnames()
    sl0 = 2 if text[i:i + 2] in compound else (1 if text[i:i + 1] in single else 0)
    if sl0:
        # 吴其其格, 包格日乐图: a Mongolian given name after a Chinese surname, which no
        # reading of one or two given-name characters ends well
        ethnic = minority_name(text, i + sl0, alone=True)
        if ethnic and len(ethnic) >= 3:
            return text[i:i + sl0] + ethnic
    if re.match(r".{1,2}人民(?:政府|法院|检察院|代表)", text[i:i + 8]):
        return None  # 代表区人民政府: an organ (区 is also a surname)
    # 苏和在…: a given name may hold a character that is usually a conjunction.
    for gl in (1, 2):
        cand = text[i:i + sl0 + gl]
        if sl0 and len(cand) == sl0 + gl and all(_cjk(c) for c in cand) \
                and not any(c in "的了在是等把被" for c in cand[sl0:]) \
                and _strong_follow(text, i + len(cand)) and cand not in NON_NAMES \
                and cand not in _FOLLOW_SET and cand[:2] not in _FOLLOW_SET:  # (no 宣读了)
            return cand
    sl = 2 if text[i:i + 2] in compound else (1 if text[i:i + 1] in single else 0)
    if not sl:
        return None
    for gl in (2, 1):
        cand = text[i:i + sl + gl]
        if len(cand) == sl + gl and all(_cjk(c) for c in cand) and cand not in NON_NAMES \
                and cand not in _FOLLOW_SET and not any(c in _NOT_IN_NAMES for c in cand[sl:]) \
                and not text.startswith(_ORGAN_TAIL, i + len(cand)) \
                and cand[sl] not in "市县区省州镇乡副" \
                and not _runs_into_a_head(text, i + len(cand)) \
                and text[i + sl:i + sl + 2] not in ("其他", "其余", "有关", "相关", "各级", "全体"):
            return cand  # (和市人民检察院, 和副县长, 和其他县委书记: not names)
    return None


_WORD_AS_NAME = re.compile(r"作(?:交流|表态|典型)?发言|出席|主持(?:会议|召开)|陪同|、(?:副)?(?:省|市|县|区|州)(?:长|委)")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
_NOT_IN_NAMES = set("的了在是和与及等对向为从被把将也还都就说称")


def pick_name(text: str, i: int, known: dict[str, int] | None = None) -> str | None:
    """The most plausible name starting at ``i`` (or None).

    Preference: a name already seen elsewhere in the document; then, when both a two- and a
    three-character reading are possible, the shorter one if the next character starts a strong
    follower (李明在会上: 在), else the longer one.
    """
    cands = name_candidates(text, i)
    if not cands:
        return None
    if known:
        seen = [c for c in cands if known.get(c, 0) > 0]
        if seen:
            return max(seen, key=len)
    if len(cands) == 1:
        return cands[0]
    cands.sort(key=len)
    short, long_ = cands[0], cands[-1]
    nxt = text[i + len(short):i + len(short) + 1]
    if long_[-1] in "和与及" and len(long_) == len(short) + 1:
        return long_  # only a candidate when punctuation or a verb follows: 主任曾庆和,
    if nxt in _PUNCT or nxt in ("在", "等", "和", "与", "及", "同", "说", "称", "的", "作", "也", "以"):
        return short
    if text[i + len(long_):i + len(long_) + 1] in _PUNCT and \
            _follow_len(text, i + len(short)) < 2:
        return long_  # 时运来,: the name ends at the comma (来 alone is no verb here)
    # 钟华陪同: a two-character word after the short reading (陪同) beats a one-character
    # one after the long reading (钟华陪|同).
    if _follow_len(text, i + len(short)) > _follow_len(text, i + len(long_)) >= 0:
        return short
    return long_


def _follow_len(text: str, i: int) -> int:
    for f in FOLLOWERS:  # longest first
        if text.startswith(f, i):
            return len(f)
    return 0


NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


@functools.lru_cache(maxsize=1)
def given_name_chars() -> frozenset[str]:
    text = (resources.files("kg.lexicon") / "data" / "given_name_chars.txt").read_text("utf-8")
    return frozenset(c for line in text.splitlines() if not line.startswith("#")
                     for c in line.strip())


_CLAUSE_START = set(",、。;:!?()“”《》\"' \n")


def free_names(text: str) -> list[tuple[int, str]]:
    """Names in free text, without a title nearby: a surname and a given name made of
    characters common in names, at the start of a clause, followed by what can follow a
    name (张明渝向媒体表示). Used by ``kg mentions``; the graph's extractors rely on titles."""
    single, compound = surnames()
    given = given_name_chars()
    out = []
    i = 0
    n = len(text)
    while i < n:
        if i > 0 and text[i - 1] not in _CLAUSE_START:
            i += 1
            continue
        sl = 2 if text[i:i + 2] in compound else (1 if text[i:i + 1] in single else 0)
        found = None
        if sl:
            for gl in (2, 1):
                cand = text[i:i + sl + gl]
                if len(cand) < sl + gl or cand in NON_NAMES:
                    continue
                if any(c in given for c in cand[sl:]) and _strong_follow(text, i + sl + gl):
                    found = cand
                    break
        if found:
            out.append((i, found))
            i += len(found)
        else:
            i += 1
    return out
