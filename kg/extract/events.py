"""Events (meetings, forums, inspection tours) and who took part in them, in which role.

Input: the document, its person mentions, unnamed holders, place mentions and date mentions.
Output: events with date, type, organizer, theme, format and venues; participations with a role
from the controlled vocabulary; speeches with their titles (《》).

An event is a meeting noun phrase that the text says was held (召开, 举办, 举行, 出席 … 会议), or
an inspection tour ("X到Y调研"). A role belongs to the person the role word follows in the
clause; names in one enumeration (A、B、C等出席) share it; one role per person per event, the
strongest by precedence (the chair who also speaks presided).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from kg.lexicon.roles import NEGATING_PREFIXES, ROLE_WORDS
from kg.model import (
    ROLE_PRECEDENCE,
    Document,
    Event,
    Participation,
    PersonMention,
    PlaceMention,
    PlaceRef,
    Span,
    Speech,
    UnnamedHolder,
    fact_order,
)
from kg.resolve.dates import TO_DAY, DateMention

_NOUNS = ("常委会会议", "常务会议", "全体会议", "工作会议", "视频会议", "电视电话会议", "联席会议",
          "专题会议", "座谈会", "推进会", "现场会", "调度会", "工作会", "报告会", "研讨会", "动员会",
          "部署会", "交流会", "务虚会", "观摩会", "汇报会", "协调会", "恳谈会", "表彰会", "总结会",
          "培训班", "读书班", "宣讲会", "推介会", "洽谈会", "发布会", "全会", "大会", "会议", "讲坛",
          "论坛", "峰会", "博览会", "启动仪式", "签约仪式", "开幕式", "分析会", "观摩会", "督办会",
          "通报会", "集体学习", "专题学习会", "专题学习", "学习会", "联席会", "见面会", "启动会", "招商会", "誓师会",
          "座谈", "常务会", "办公会", "务虚会", "专题会", "新闻发布会", "现场推进会", "工作推进会",
          "协商会", "反馈会", "评议会", "点评会", "议政会", "听证会", "征求意见会", "授牌仪式",
          "揭牌仪式", "挂牌仪式", "颁奖仪式", "开工仪式", "竣工仪式", "授旗仪式", "命名仪式",
          "擂台赛", "比武会", "赛马会", "拉练", "视频会", "电视电话会", "视频调度会", "大讲堂", "讲堂")
_FORUM = ("讲坛", "论坛", "报告会", "研讨会", "宣讲会", "峰会", "读书班", "培训班", "集体学习",
          "专题学习", "专题学习会", "学习会", "擂台赛", "比武会", "大讲堂", "讲堂")
_TRIGGERS = ("主持召开", "组织召开", "召开", "举办", "举行", "出席", "参加", "列席", "收听收看",
             "开幕", "闭幕", "启动", "主持", "开讲")
# "委员们将列席市人大会议", "会议决定召开区委全会": a meeting still to come
# A meeting still to come: "委员们将列席市人大会议", "同意本月中旬召开市委全会" (what comes
# before its name; searched in the twelve characters before it)
_TO_COME = re.compile(r"(?:(?:将(?:要)?|决定|拟|拟于|定于|筹备|准备|计划)(?:" + "|".join(_TRIGGERS) + ")"
                      r"|同意(?:于)?[^,。;]{0,6}(?:召开|举行))$")
_NOUN_RE = re.compile("|".join(sorted(_NOUNS + ("开幕会", "闭幕会"), key=len, reverse=True)))
# A sitting of a congress or CPPCC session ("主持开幕会"): an event of its own, on its own day,
# named after the session it belongs to.
_SITTING = re.compile(r"(?:开幕|闭幕)(?:大会|会)|第[一二三四五六七八九十\d]{1,3}次全体会议")
_SESSION = re.compile(r"(?:代表大会|委员会|人大|政协)[^,。;]*?第?[一二三四五六七八九十\d]+次(?:全体)?会议")
_BOUNDARY = re.compile(r"[,。;:!?、\"《》\s—…·]|\.(?!\d)|[(](?!扩大|[市区县][、)])|(?<!扩大)(?<![市区县])[)]|(?<!党)的|召开|举办|举行|出席|参加|列席|主持|收听收看|组织召开"
                       r"|在|于|了|和|与|及|并|以|为主题|期间|上午|下午|晚上|当天|会上|根据|按照|依照")
_PREFIX = re.compile(r"^(?:今年|去年|本年度|年度|新年|本次|此次|这次|首次|首届|新一轮|一年一度的?|"
                     r"经(?=(?:\d{4}年)?\d{1,2}月\d{1,2}日)|"  # (经2018年1月12日市政府常务会议研究)
                     r"\d{4}年度?|[一二三四五六七八九十\d]*月[一二三四五六七八九十\d]+日|"
                     r"第[一二三四五六七八九十百\d]+(?:期|次|届|场|讲))+")
_SUFFIX = re.compile(r"(?:第[一二三四五六七八九十百\d]+(?:期|次|届|场|讲)|新年第[一二三四五六七八九十]+讲)$")
_ORGAN_MEETING = re.compile(r"(?P<organ>(?:省|市|县|区|州|自治区)(?:委|政府|人大|人大常委会|政协)?(?:常委会|常务会|"
                            r"党组|全体|理论学习中心组)?)(?:昨天|今天|日前|近日)?(?:上午|下午)?"
                            r"(?:召开|举行)(?:了)?(?:第?[一二三四五六七八九十百\d]+(?:届|次))*(?:扩大)?$")
_ORGAN_STUDY = re.compile(r"(?P<organ>[\u4e00-\u9fff]{2,14}?(?:中心组|党组|常委会|班子))"
                          r"(?:举行|召开|开展|进行)(?:了)?[^,。]{0,12}?$")
_ORGAN_BEFORE = re.compile(r"(?P<organ>(?:省|市|县|区|州|自治区)(?:委|政府|人大常委会|人大|政协)(?:常委会|党组)?)"
                           r"(?:近日|日前|昨天|今天)?(?:上午|下午)?(?:召开|举行)(?:了)?$")
_FORMAT = re.compile(r"(电视电话会议|视频会议|视频连线|网络视频|线上线下结合|网络直播)(?:的)?(?:形式|方式)")
_THEME = re.compile(r"以[“\"]?(?P<t>[^,。;“”\"]{2,30}?)[”\"]?为主题")
_VENUE = re.compile(r"(?:主会场|分会场)")
_VENUE_STOP = set("在设于等到和及与的、,。;:在了并为")
_ORGANS = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?)(省委|省政府|市委|市政府|县委|县政府|区委|区政府|州委|"
                     r"州政府|省人大常委会|市人大常委会|省政协|市政协|省纪委|市纪委)")
_TOUR = re.compile(r"(?P<verb>调研|视察|考察|督导|检查指导|督查|暗访)")
# Verbs that make a tour only where the leader is said to have gone to a place first
# ("深入围场县,走访慰问受灾群众,检查灾后恢复重建工作"): alone they are too common.
_VISIT = re.compile(r"(?P<verb>走访慰问|检查)")
_SPEECH_TITLE = re.compile(r"(?:题为|以)《(?P<t>[^》]{2,60})》(?:为题)?的?(?:发言|讲话|报告|交流发言|主旨演讲|"
                           r"辅导报告|专题报告|演讲)?")


@dataclass
class EventsResult:
    events: list[Event]
    participations: list[Participation]
    speeches: list[Speech]


@dataclass
class _EventMention:
    span: Span
    name: str
    noun: str
    held: bool  # the text says it was held (a trigger verb), not merely referred to


_ORDINAL_ONLY = re.compile(r"第[一二三四五六七八九十百\d]{1,4}次(?:全体)?(?:会议|常委会议|常委会会议|常务会议)")
_BODY_MET = re.compile(r"(?:^|(?<=[,。;\n日]))(?P<organ>[\u4e00-\u9fff]{2,24}?(?:人大常委会|常委会|人民政府|"
                       r"政府|政协|委员会|党组))(?:昨天|今天|日前|近日)?(?:上午|下午)?(?:召开|举行)(?:了)?$")
_AFTER_NOUN = re.compile(r"第[一二三四五六七八九十百\d]{1,4}次(?:全体)?会议")
_ORDINAL_INSIDE = re.compile(r"第?[一二三四五六七八九十百\d]+(?:届|次)")


def _clean_name(raw: str) -> str:
    """The meeting's name as the article writes it, without the dates and words around it
    (ordinals stay: 开封市十六届人大常委会第二十七次会议 is that meeting's name; mentions are
    grouped by the name without them, see _core)."""
    name = re.sub(r"^【[^】]{1,12}】", "", raw)  # a column tag: "【聚焦两会】"
    for _ in range(3):
        name = _PREFIX.sub("", name)
    name = _SUFFIX.sub("", name)
    return name.strip("的")


# "全省县(市、区)委书记工作会议": the bracketed kinds of unit belong to the name; masked (same
# length) where boundaries are looked for.
_UNIT_KINDS = re.compile(r"\((?:[县市区旗]、?){1,4}\)")


def _event_mentions(text: str, title_end: int) -> list[_EventMention]:
    out: list[_EventMention] = []
    masked = _UNIT_KINDS.sub(lambda k: "县" * len(k.group()), text)
    # (a short name in ASCII quotes inside a meeting's name, as half-width text writes “”:
    # 全省营商环境优化升级"一号改革工程"推进会)
    masked = re.sub(r'"([^"\n,。;:]{1,16})"(?=[\u4e00-\u9fff])', lambda q: "“" + q.group(1) + "”", masked)
    # (a document's title inside a meeting's name: 全省学习贯彻《海南自由贸易港建设总体方案》视频会议)
    masked = re.sub(r"《[^》\n《]{2,24}》(?=[\u4e00-\u9fff])(?!的)", lambda q: "书" * len(q.group()), masked)
    for m in _NOUN_RE.finditer(text):
        end = m.end()
        # Walk back to the nearest boundary: the name is what lies between it and the noun.
        start = m.start()
        lo = max(0, start - 30)
        window = text[lo:start]
        cut = 0
        bounds = list(_BOUNDARY.finditer(masked[lo:start]))
        if bounds:
            cut = bounds[-1].end()
            if len(bounds) > 1 and bounds[-1].group() in ("和", "与", "及") and \
                    bounds[-2].group() in ("召开", "举行", "举办"):
                cut = bounds[-2].end()  # "召开旅游发展和生态保护座谈会": 和 inside the name
        raw = window[cut:] + m.group()
        tail = _AFTER_NOUN.match(text, end)
        if tail:  # 人民代表大会第三次会议: the session, not just the congress
            end = tail.end()
            raw += tail.group()
        name = _clean_name(raw.strip()).replace("“", "").replace("”", "").replace('"', "")
        if _SITTING.fullmatch(raw.strip()):
            name = raw.strip()  # "会议举行第一次全体会议": a sitting, named after its session
        elif _ORDINAL_ONLY.fullmatch(raw.strip()):
            # "县第十七届人大常委会召开第二十九次会议": the body that met, then the sitting
            om = _BODY_MET.search(text, max(0, lo + cut - 30), lo + cut)
            if om:
                name = om.group("organ") + raw.strip()
        if m.group() in ("集体学习", "专题学习", "专题学习会") and len(name) <= 5:
            om = _ORGAN_STUDY.search(text, max(0, start - 40), start)
            if om:
                name = om.group("organ") + m.group()
        if name in ("常委会议", "常委会会议", "全体会议", "常务会议", "党组会议", "主任会议",
                    "扩大会议", "全会") or (m.group() == "会议" and name == "会议"):
            # "市委常委会召开会议", "市政协召开十二届二十一次常委会议": the body that met
            # names the meeting.
            om = _ORGAN_MEETING.search(text, max(0, start - 24), start) or \
                _ORGAN_BEFORE.search(text[max(0, lo + cut - 24):lo + cut])
            if om and om.group("organ"):
                ordinal = re.search(r"第[\d一二三四五六七八九十百]{1,4}次", raw)
                if name == "会议" and ordinal:  # "县委常委会召开2019年第21次会议"
                    name = ordinal.group() + name
                name = om.group("organ") + name
                name = name.replace("常委会会议会议", "常委会会议").replace("会议会议", "会议")
        if re.match(r"(?:一次|一场|一个|这次|那次)", name) and m.start() - (end - len(name)) <= 6:
            continue  # "召开的一次重要会议": a description of a meeting, not its name
        # "一场全省县域经济工作会议在武汉召开": the meeting, counted, is named after the count
        name = re.sub(r"^(?:一场|一次|这场|那场)(?=[\u4e00-\u9fff]{5})", "", name)
        if re.fullmatch(r"(?:经过|通过|经|由|在本次|本次|这次|此次)(?:大会|会议)", name):
            continue  # "经过大会选举": the session already named, not another meeting
        if re.match(r"这是|那是|这也是|是", name):
            continue  # "这是新疆首次把林果业现场会开到……": said of the meeting, not its name
        if name.startswith(("他", "她", "其", "向")) or "向" in name[:-len(m.group())]:
            continue  # "他代表市委向大会的召开表示祝贺": an address to the meeting, not its name
        if re.fullmatch(r"(?:简短|简单|小型)的?座谈(?:会)?", name) and _TOUR.search(text[title_end:m.start()]):
            continue  # "在随后召开的简短座谈中": a short talk on the tour, part of it
        if name.startswith(("主会场", "分会场", "各分会场", "当地分会场")):
            continue  # "出席主会场会议": a venue of the meeting reported, not another meeting
        bare = name in _NOUNS and not _SITTING.fullmatch(name)
        lead = text[max(0, m.start() - 5):m.start()]
        # "主持召开座谈会" on a tour is a meeting of its own; a plain "召开座谈会,听取汇报" is
        # how the tour gathered its hosts, part of the tour
        convened = name in ("座谈会", "汇报会") and (
            re.search(r"主持召开(?:了)?$", lead) or re.search(r"召开(?:了)?$", lead)
            # (a group's inspection told in a report: "执法检查组深入……,召开座谈会听取基层意见")
            and (not _TOUR.search(text[title_end:m.start()])
                 and not re.search(r"(?:检查|调研|督导|督查|视察|考察|巡视|巡察)组[^。\n]{0,60}$",
                                   text[max(0, m.start() - 60):m.start()])
                 # ("调研组在陵水召开座谈会。万国平主持座谈会并讲话", "视察团召开座谈会,……。\n
                 # 省政协副主席高明轩主持座谈会。", "座谈会由曾广志主持": chaired, a meeting of
                 # its own)
                 or re.search(r"(?:^|[。\n])(?:[\u4e00-\u9fff·、]{2,20}主持(?:了)?" + name + "(?![的时])|"
                              + name + r"由[\u4e00-\u9fff·、]{2,20}主持)", text[end:end + 800])))
        if re.match(r"(?:同意|决定|建议)?(?:将|拟(?=提请))?(?:提请|提交|报请)|下一?[次届期]", name) or \
                text[max(0, lo + cut - 4):lo + cut].endswith(("提请", "提交", "报请", "并报")):
            continue  # "提请县十七届人大四次会议选举": a meeting still to come
        if (len(name) < 3 or (bare and len(name) < 5)) and not convened:
            # A bare noun ("会议", "讲坛") refers back to an event; not a new one (but "随后,
            # 主持召开座谈会" on a tour holds one).
            continue
        after = text[end:end + 3]
        if text.startswith(("召开时间", "召开日期", "开幕时间"), end):
            continue  # "审议通过了县人大四次会议召开时间的决定": a meeting still to come
        if re.match(r"(?:时|期间)的?(?:重要)?讲话|(?:时|期间)(?:作出|发表)的", text[end:end + 12]):
            continue  # "学习贯彻……主持召开……座谈会时的重要讲话精神": a speech recalled, no meeting reported
        if text.startswith(("永久举办地", "举办地", "会址", "所在地", "举办城市"), end):
            continue  # "依托世界互联网大会永久举办地的优势": a place, not a meeting held
        if re.fullmatch(r"(?:重要|重大|关键)的?(?:会议|大会)|盛会", name):
            continue  # "……召开的重要会议": said of a meeting named elsewhere
        if name.startswith(("各类", "各种", "各级", "多场", "多次", "系列", "一系列")) or \
                re.match(r"(?:[\d一二两三四五六七八九十百]+|数|十余|多)(?:余)?[次场个]", text[end:end + 4]):
            continue  # "先后召开各类座谈会十余次": meetings counted, not one reported
        if after.startswith(("形式", "方式", "的形式", "的方式", "精神", "议精神", "部署", "要求",
                             "情况", "决定", "作出", "上的",
                             "提出", "审议", "通过的", "中心", "室", "厅", "馆", "大厦", "楼", "议室", "议厅", "堂",
                             "纪要", "文件")):
            continue
        if re.match(r"(?:相|等)?结合的?(?:方式|形式)", after + text[end + 3:end + 8]):
            continue  # "以现场观摩和电视电话会议相结合的方式举行": how the meeting was held
        before = text[max(0, lo + cut - 6):lo + cut]
        if _TO_COME.search(text, max(0, lo + cut - 12), lo + cut):
            continue  # a meeting to come, not one reported
        if re.match(r"上(?:提出|作出|部署|强调|的讲话|的重要讲话)", text[end:end + 6]):
            continue  # "贯彻万书记在市委常委会会议上提出的要求": what was said there
        if text.startswith(("是在", "是一次", "是我", "是全"), end):
            continue  # "市委全会是在……召开的一次重要会议": said of a meeting, not reported
        # (县(市)委书记“擂台赛”在肥西县召开: read on past the quote)
        end_q = end + 1 if text[end:end + 1] in ("”", "\"") else end
        said_at = before.endswith("在") and text[end:end + 1] in ("上", "中") or \
            bool(re.search(r"(?:召开|举行|举办)的$", text[max(0, lo + cut - 6):lo + cut]))
        held = start < title_end or said_at or any(before.endswith((t, t + "了")) for t in _TRIGGERS) \
            or text[end_q:end_q + 6].startswith(("在", "于", "召开", "举行", "举办", "开幕", "闭幕",
                                                 "表决", "审议", "听取", "选举", "通过")) \
            or bool(re.match(r"[,。]?(?:(?:\d{1,2}月)?\d{1,2}日)?(?:昨日|昨天|今天|今日|日前|近日)?"
                             r"(?:上午|下午|晚上)?(?:在|于)?"
                             r"[\u4e00-\u9fff]{0,14}?(?:召开|举行|举办|开幕)", text[end_q:end_q + 24])) \
            or bool(re.match(r"由[^,。;]{2,20}?主持", text[end:end + 24])) \
            or (text.startswith(("研究", "审议", "讨论"), end) and bool(  # "经2018年1月12日市政府
                re.search(r"经(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日$",  # 第36次常务会议研究": dated
                          text[max(0, end - len(name) - 14):end - len(name)])))  # so, it was held
        if not held:
            continue
        out.append(_EventMention(Span(end - len(name), end), name, m.group(), held))
    return out


def _event_type(noun: str) -> str:
    if noun in _FORUM:
        return "forum"
    return "meeting"


def _sentence_index(doc: Document, pos: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= pos < s.end:
            return i
    return len(doc.sentences) - 1


def _date_for(span: Span, sentence: Span, dates: list[DateMention], paragraph: Span,
              body_start: int) -> DateMention | None:
    return _dated(span, sentence, dates, paragraph, body_start)[0]


def _dated(span: Span, sentence: Span, dates: list[DateMention], paragraph: Span,
           body_start: int, text: str = "") -> tuple[DateMention | None, int]:
    """The date said for an event: in its sentence (the closest before it), else the paragraph's
    first, else the article's first dated lead; with how directly it was said (3 sentence,
    2 paragraph, 1 lead, 0 none). The first day of a stretch ("9月22日至23日,……调研……,并主持
    召开座谈会") says it as a paragraph would: the day said where the meeting is told wins."""
    dates = [d for d in dates if d.precision == "day"] or dates  # 2022年 is not an event's day
    in_sent = [d for d in dates if sentence.start <= d.span.start < sentence.end
               # (not "近期" of what the meeting planned: "研究部署近期重点工作")
               and not (d.date is None and d.span.start > span.end
                        and re.match(r"的|重点|工作|任务|目标", text[d.span.end:d.span.end + 2]))]
    before = [d for d in in_sent if d.span.start <= span.start]
    if before:
        said = text[before[-1].span.start:before[-1].span.end + 4]
        stretch = re.search(rf"(?:至|到|—|-|~)(?:(?:\d{{1,2}}月)?\d{{1,2}}日|{TO_DAY}|(?:周|星期)[一二三四五六日天])",
                            said)
        return before[-1], 2 if stretch else 3
    if in_sent:
        return in_sent[0], 3
    in_par = [d for d in dates if paragraph.start <= d.span.start < paragraph.end
              and d.span.start < span.start]
    if in_par:
        return in_par[0], 2
    lead = [d for d in dates if d.span.start >= body_start and d.precision == "day"]
    # "第二天,A来到唐河县……。\n调研结束时,A主持召开座谈会": the story moved on a day and
    # no paragraph since has said another
    moved = [d for d in dates if body_start <= d.span.start < span.start and d.date
             and text[d.span.start:d.span.end] in ("第二天", "次日", "翌日")]
    if moved and lead and lead[0].date and moved[-1].date > lead[0].date and not any(
            moved[-1].span.end <= d.span.start < span.start for d in dates):
        return moved[-1], 1
    return (lead[0], 1) if lead else (None, 0)


def _core(name: str) -> str:
    """A meeting's name without its ordinal: "第三十八次常务会议" is the "常务会议" said before."""
    return _ORDINAL_INSIDE.sub("", name)


def _paragraph(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return Span(start, len(text) if end < 0 else end)


@functools.lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """The role words, longest first, each with its pattern compiled once (made per segment,
    they were a tenth of the extraction's time)."""
    return tuple((w, re.compile(re.escape(w))) for w in sorted(ROLE_WORDS, key=len, reverse=True))


def _role_hits(text: str, seg: Span) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    chunk = text[seg.start:seg.end]
    for w, pattern in _role_patterns():
        if w not in chunk:  # most words are not in a segment; finditer would find nothing
            continue
        for m in pattern.finditer(chunk):
            s, e = seg.start + m.start(), seg.start + m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            pre = text[max(0, s - 4):s]
            if any(pre.endswith(p) or pre.endswith(p + "了") for p in NEGATING_PREFIXES):
                taken.append((s, e))
                continue
            if ROLE_WORDS[w] == "remarks" and text[e:e + 1] in ("会", "人") \
                    and text[e + 1:e + 2] not in ("议", "上"):
                taken.append((s, e))
                continue  # 报告会, 汇报会, 发言人: a meeting or a spokesperson, not a role
            if ROLE_WORDS[w] == "speech" and text.startswith("精神", e):
                taken.append((s, e))
                continue  # "传达了……有关讲话精神": a speech passed on, not given
            if ROLE_WORDS[w] == "attended" and text.startswith(("工作", "革命"), e):
                taken.append((s, e))
                continue  # "1993年7月参加工作": a career in a résumé, not attendance
            if ROLE_WORDS[w] == "led" and (pre.endswith(("参加", "陪同", "随同", "一同", "一起", "了",
                                                         "此次", "这次", "本次"))
                                           or text.startswith(("要求", "指示", "精神", "为契机", "成果",
                                                               "组"), e)):
                taken.append((s, e))
                continue  # 参加调研, 陪同调研, 通报了督查发现的问题, 落实调研要求, 落实此次调研
                # 提出的要求, 以此次视察为契机: they did not lead the tour
            taken.append((s, e))
            hits.append((s, ROLE_WORDS[w]))
    hits.sort()
    return hits


# On an inspection tour the leader's remarks (强调, 指出) are part of leading it.
TOUR_PRECEDENCE = {r: i for i, r in enumerate(("led", "presided", "speech", "accompanied",
                                                "remarks", "attended"))}


def _precedence(event_type: str) -> dict[str, int]:
    return TOUR_PRECEDENCE if event_type == "inspection" else ROLE_PRECEDENCE


def _best(roles: list[str], event_type: str = "meeting") -> str | None:
    if not roles:
        return None
    if "accompanied" in roles and "led" in roles:
        roles = [r for r in roles if r != "led"]  # 陪同调研: the companions did not lead
    order = _precedence(event_type)
    return min(roles, key=lambda r: order[r])


@dataclass
class _Actor:
    span: Span
    person: str | None
    title: str | None = None
    place: PlaceRef | None = None


# What an on-site meeting's sitting after its visits is called when it has no name of its own
_SITE_SITTINGS = ("座谈会", "总结大会", "总结会", "点评会", "讲评会")
_SITE_MEETING = re.compile(r"现场会|现场推进会|观摩会|推进会|观摩推进会|拉练")


def extract_events(doc: Document, persons: list[PersonMention], holders: list[UnnamedHolder],
                   places: list[PlaceMention], dates: list[DateMention],
                   titles_of: dict[str, str], home: dict[str, PlaceRef]) -> EventsResult:
    text = doc.text
    body_start = doc.body_start
    title_end = body_start
    mentions = _event_mentions(text, title_end)
    mentions = _name_sittings(mentions, title_end)

    # Group mentions into events by name: the headline's longer name wins when it contains the
    # body's ("全省X工作会议" over "X工作会议").
    events: list[Event] = []
    anchors: list[tuple[int, int]] = []  # (position, event index) for assigning participations
    by_name: dict[str, int] = {}
    head = [m for m in mentions if m.span.start < title_end]
    body = [m for m in mentions if m.span.start >= title_end]
    strength: dict[int, int] = {}  # how directly each event's date was said (see _date_for)
    sitting_of: int | None = None  # the on-site meeting a bare 座谈会 is a sitting of
    for m in body + head:
        if m.name in _SITE_SITTINGS and m.span.start >= title_end:
            if sitting_of is None and anchors and \
                    _SITE_MEETING.search(events[anchors[-1][1]].name) and \
                    _paragraph(text, m.span.start).start <= anchors[-1][0] and \
                    re.search(r"(?:随后|并|之后|然后|接着|后)(?:在[^,。;]{2,20})?召开了?$",
                              text[max(0, m.span.start - 30):m.span.start]):
                # "湛江市推进……现场会在廉江市召开。与会人员实地观摩了……,随后召开座谈会。":
                # the on-site meeting's sitting, where its speeches are given
                sitting_of = anchors[-1][1]
            if sitting_of is not None:
                anchors.append((m.span.start, sitting_of))
                continue
        core = _core(m.name)
        key = next((k for k in by_name if _core(k) in core or core in _core(k)), None)
        opening = re.fullmatch(r"(?P<n>论坛|大会|会议|峰会|博览会|年会)(?:开幕式|闭幕式|开幕会|闭幕会)|"
                               r"[主分](?P<sub>论坛)", m.name)
        if key is None and opening:
            # "遵义市委书记A主持论坛开幕式": the opening of the forum the article reports
            # ("本次论坛设主论坛和三个分论坛": the forum's sessions)
            key = next((k for k in reversed(by_name)
                        if k.endswith(opening.group("n") or opening.group("sub"))), None)
        later_sitting = False
        if key is None and m.noun in ("擂台赛", "比武会", "拉练"):
            # "……观摩暨县委书记“擂台赛”" then, the next day, "观摩点评暨“擂台赛”": one contest,
            # dated by its first day
            key = next((k for k in by_name if k.endswith(m.noun)), None)
            later_sitting = key is not None
        if key is not None:
            idx = by_name[key]
            if len(m.name) > len(events[idx].name) and \
                    ("暨" not in m.name or "暨" in events[idx].name):  # X暨Y: two meetings
                # the headline's longer name ("全省X工作会议"); in the body, the full name
                # said where the meeting is reported ("市政府第三十八次常务会议")
                events[idx] = _replace_name(events[idx], m.name)
                by_name[m.name] = idx
            if m.span.start >= title_end:
                anchors.append((m.span.start, idx))
                # "连日来……主持召开常务会议 …… 昨天下午,主持召开常务会议": the date said
                # with the meeting beats one borrowed from the lead
                sent = doc.sentence_of(m.span)
                d, how = _dated(m.span, sent, dates, _paragraph(text, m.span.start), body_start,
                                text)
                if d is not None and d.date and how > strength.get(idx, 0) and not later_sitting:
                    events[idx] = dataclasses.replace(events[idx], date=d.date,
                                                      date_basis=d.basis)
                    strength[idx] = how
            continue
        if m.span.start < title_end and body:
            continue  # a headline-only phrase that the body never says was held
        sent = doc.sentence_of(m.span)
        d, how = _dated(m.span, sent, dates, _paragraph(text, m.span.start), body_start, text)
        idx = len(events)
        strength[idx] = how if d is not None and d.date else 0
        events.append(Event(key=f"e{idx + 1}", name=m.name, type=_event_type(m.noun),
                            date=d.date if d else None,
                            date_basis=d.basis if d and d.date else "unknown",
                            span=m.span, evidence=sent))
        by_name[m.name] = idx
        anchors.append((m.span.start, idx))

    # Inspection tours: "X到Y调研", led by a named person.
    tour_events, told_again = _tours(doc, persons, places, dates, body_start, len(events), home)
    if not tour_events:
        # (only before any meeting is told: the speakers of a forum told after such a visit
        # would otherwise be read as the visit's)
        tour_events = [(ev, pos) for ev, pos in _tour_by_companions(
            doc, persons, places, dates, body_start, len(events))
            if not any(e.span.start < ev.span.start for e in events)]
    meetings = [e for e in events if e.date is not None]
    for k, (ev, pos) in enumerate(tour_events):
        before = re.match(r"\s*(?:(?:据了解|据悉|另悉|据介绍|另据了解),)?(?:会前|会议前|推进会前|大会前|论坛前|讲坛前|擂台赛前|座谈会前)"
                          r"(?P<d>一天|两天|1天|2天)?",
                          text[ev.evidence.start:ev.evidence.end]) or re.search(
            # "据悉,座谈会召开前一天,单立平到青州市调研"
            r"^[^。]{0,8}?(?:会议|会|论坛|讲坛)(?:召开|举行|开幕)前(?P<d>一天|两天|1天|2天)",
            text[ev.evidence.start:ev.evidence.end])
        if before and len(meetings) == 1 and not any(
                ev.evidence.start <= d.span.start < ev.evidence.end for d in dates if d.date):
            # "会前一天,诸葛晓峰一行先后来到……调研": the day before the meeting
            back = {"一天": 1, "1天": 1, "两天": 2, "2天": 2}.get(before.group("d") or "", 0)
            tour_events[k] = (dataclasses.replace(
                ev, date=meetings[0].date - dt.timedelta(days=back),
                date_basis=meetings[0].date_basis), pos)
    for ev, pos in tour_events:
        anchors.append((pos, len(events)))
        events.append(ev)
    anchors.extend(told_again)
    anchors.extend(_said_again(text, events, body_start))
    # (会上 after a meeting told only as a time is back at the meeting before it)
    anchors.extend(_back_at_meeting(text, events, [a for a in anchors
                                                   if not _ASIDE.match(text, a[0])], body_start))
    anchors.extend(_after_an_aside(text, anchors))
    anchors.sort()

    events = [_details(doc, ev, places, home) for ev in events]

    actors = [_Actor(p.span, p.name) for p in persons] + \
             [_Actor(h.span, None, h.title, h.place) for h in holders]
    actors.sort(key=lambda a: a.span.start)
    roles: dict[tuple[int, str | None, str | None, str | None], tuple[str, Participation]] = {}
    role_alt = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
    i = 0
    while i < len(actors):
        a = actors[i]
        if a.span.start < body_start:
            i += 1
            continue
        sent = doc.sentence_of(a.span)
        # An enumeration (A、B、C等; A,市长B) shares the role word after its last member or the
        # "出席会议的还有" before its first.
        group = [a]
        j = i + 1
        while j < len(actors) and actors[j].span.start < sent.end and \
                _enumeration_gap(text, group[-1].span.end, actors[j].span.start, places):
            group.append(actors[j])
            j += 1
        nxt = actors[j].span.start if j < len(actors) and actors[j].span.start < sent.end \
            else sent.end
        i = j
        ev_idx = _event_for(a.span.start, anchors, doc)
        if ev_idx is None:
            continue
        name = a.person
        if events[ev_idx].type == "inspection" and len(group) == 1 and name and \
                not events[ev_idx].name.startswith(name):
            # "吉家豪要求……" after another leader's tour told in between: the leader speaks on
            # the tour he led, not on that one
            own = [k for k, e in enumerate(events) if e.type == "inspection"
                   and e.name.startswith(name) and e.span.start < a.span.start]
            if own:
                ev_idx = own[-1]
        hits = _role_hits(text, Span(group[-1].span.end, nxt))
        if events[ev_idx].type == "inspection":
            # "镇党委书记A介绍,……" on a tour: the host showing the way, no remarks to a meeting
            hits = [(p, r) for p, r in hits if not text.startswith(("介绍,", "介绍:"), p)]
        found = [r for _, r in hits]
        told = events[ev_idx]
        if not found and told.type == "inspection" and told.evidence == sent and \
                0 <= told.span.start - group[-1].span.end <= 12 and \
                _WENT.match(text, group[-1].span.end):
            found = ["led"]  # "X带队来到红寺堡区,……" for a tour its companions tell (陪同调研)
        if not found and nxt < sent.end:
            # "林芝市委书记A,市委副书记、市长B,援藏工作队领队、副市长C,米林市委书记D分别陪同":
            # a list too long to read as one, its role said once at its clause's end
            semicolon = text.find(";", nxt, sent.end)
            clause_end = semicolon if semicolon >= 0 else sent.end
            rest = _role_hits(text, Span(nxt, clause_end))
            if rest:
                # (the role's own clause: "……先后作表态发言,结合本地实际汇报了……": the role
                # word closes it; not "落实白部长的讲话精神,……")
                comma = text.find(",", rest[0][0], clause_end)
                if comma >= 0 and re.fullmatch(r"(?:表态|交流|书面)?发言|讲话|致辞|汇报",
                                               text[rest[0][0]:comma]):
                    clause_end = comma
                    rest = [h for h in rest if h[0] < clause_end]
            if rest and len({r for _, r in rest}) == 1 and clause_end - rest[0][0] <= 12 and \
                    text.count(",", group[-1].span.end, rest[0][0]) <= 6 and \
                    not re.search(r"[;:]", text[group[-1].span.end:rest[0][0]]):
                found = [rest[0][1]]
        escorted = _ESCORTED.match(text, group[-1].span.end, sent.end)
        if escorted:
            # "A、B在市委书记C陪同下,来到……调研": A and B did what follows; C and whoever
            # else is named before 陪同下 accompanied them
            found = [r for _, r in _role_hits(text, Span(escorted.end(), sent.end))
                     if r != "accompanied"]
        if not found and _speaker_label(text, group[0].span.start, group[-1].span.end):
            found = ["remarks"]  # "## 交流发言摘登" / "神木市委书记 贾文杰:……": a speaker's words
        if not found:
            listed = _listed_role(text, group[0].span.start)
            if listed:
                found = [listed]  # "以下单位作交流发言:" over "1. 丽水市委书记A——……
        if not found and len(group) == 1 and _told_speaker(text, events[ev_idx], a) and not (
                a.person and any(k[0] == ev_idx and k[1] == a.person for k in roles)):
            # "6位党委书记作交流发言" above "江阴市委书记曾立宏说,……" (but not one told to
            # have attended, who speaks to the reporter after)
            found = ["remarks"]
        if re.search(r"听取了?[^,。;]{0,30}$", text[sent.start:a.span.start]) and re.match(
                r"(?:同志)?(?:关于[^,。;]{0,60}?)?的?(?:情况)?(?:说明|汇报|工作报告|报告|通报)",
                text[group[-1].span.end:nxt]):
            found = ["remarks"]  # 会议听取了组织部部长X关于……的说明: X gave it
        # the clause before the first member; "陪同调研的有:A,B" reaches across the colon
        clause_start = max(text.rfind(c, sent.start, a.span.start) for c in ",;") + 1
        pre = text[max(clause_start, sent.start):a.span.start]
        m = re.search(rf"(?P<w>{role_alt})[^,。]*?的(?:[省市县区州]?领导(?:同志)?)?(?:还有|有|是|为)", pre)
        if m:
            found.append(ROLE_WORDS[m.group("w")])
        elif re.search(r"(?:陪同|随同)(?:调研|考察|视察)?的[^,。;]{0,16}$", pre):
            found.append("accompanied")  # "陪同调研的兰陵县委书记A介绍": A went along
        also: list[tuple[int, str]] = []  # (event, role) the members have besides
        if events[ev_idx].type == "inspection" and "presided" in found:
            # "A在定西市督导……,并主持召开督导工作座谈会": A chaired the meeting named after
            # (and led the tour)
            later = [(p, idx) for p, idx in anchors if a.span.end <= p < nxt
                     and events[idx].type != "inspection"]
            if later:
                if "led" in found and events[ev_idx].span.start < later[0][0]:
                    also.append((ev_idx, "led"))  # (the tour told first, then the meeting)
                ev_idx = later[0][1]
        ev = events[ev_idx]
        para = _paragraph(text, a.span.start)
        after = re.match(r"\s*会后,?", text[para.start:para.end])
        if ev.type != "inspection" and after and not para.start <= ev.span.start < para.end \
                and any(0 <= x.span.start - para.start - after.end() <= 2 for x in actors):
            # "会后,A就贯彻落实会议精神提出要求。他强调": A's own meeting, after this one
            continue
        if ev.type != "inspection":
            # "通报了防汛督查情况", "作了调研报告": at a meeting these are what was reported on
            found = [r for r in found if r != "led"]
        role = _best(found, ev.type)
        if role is None:
            continue
        if ev.type == "inspection" and role == "led" and "attended" in found:
            role = "attended"  # 分别参加在本县的调研活动: they joined the tour
        if ev.type == "inspection" and role == "remarks" and "accompanied" in found:
            role = "accompanied"  # 陪同 …… 介绍了项目情况: the host who shows the way
        if role == "accompanied" and ev.type != "inspection":
            # "A在常德市调研……,并主持召开座谈会。B、C陪同调研": they went along on the tour
            # told just before, not to the meeting named last
            # (as far back as the text goes when the sentence names the tour: "……陪同考察" at
            # the foot of a long report, after the tour's meeting)
            reach = len(text) if re.search(r"陪同(?:调研|考察|视察)", text[sent.start:sent.end]) \
                else 600
            tours = [(p, idx) for p, idx in anchors if p < a.span.start and
                     a.span.start - p < reach and events[idx].type == "inspection"]
            if tours:
                ev_idx = max(tours)[1]
            elif _accompanied_elsewhere(text, events[ev_idx], a.span.start) and not re.search(
                    r"(?:与会|参会)(?:人员|代表|同志)|会议代表",
                    text[_paragraph(text, a.span.start).start:a.span.start]):
                continue  # (but "与会人员……实地观摩……。A陪同观摩": the meeting's own visits)
        for at, given in [(ev_idx, role), *also]:
            _note_roles(roles, events[at], at, given, group, nxt,
                        text=text, sent=sent, titles_of=titles_of)
    participations = _one_principal_speech(sorted((p for _, p in roles.values()),
                                                  key=fact_order))
    used = {p.event_key for p in participations}
    # An event nobody is said to have taken part in is a passing mention ("在……论坛上发布").
    # (``anchors`` index the list as it was: speeches look their event up there.)
    all_events, events = events, [e for e in events if e.key in used]

    speeches: list[Speech] = []
    for m in _SPEECH_TITLE.finditer(text):
        sent = doc.sentence_of(Span(m.start(), m.end()))
        speaker = next((p for p in reversed(persons)
                        if sent.start <= p.span.start < m.start()), None)
        ev_idx = _event_for(m.start(), anchors, doc)
        if speaker and ev_idx is not None and all_events[ev_idx].key in used:
            speeches.append(Speech(all_events[ev_idx].key, speaker.name, m.group("t"),
                                   Span(m.start("t"), m.end("t")), sent))
    return EventsResult(events, participations, sorted(set(speeches), key=fact_order))


_LEVEL_RANK = {"省": 0, "自治区": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "区": 2, "旗": 2}


def _name_sittings(mentions: list[_EventMention], title_end: int) -> list[_EventMention]:
    """Sittings named after their session ("开幕会" -> "政协第十四届佛山市委员会第四次会议开幕会"),
    before mentions are grouped by name; a bare "闭幕会" with no session named is left out (the
    meeting it closes is the event). Where the session itself is said to open or close, it is
    that sitting: "大会于2月6日开幕" reports the opening sitting (the sitting after it, or the
    last one before)."""
    sessions = [m for m in mentions if _SESSION.search(m.name)]
    sittings: list[tuple[int, str, str]] = []  # (position, full name, session's name)
    named = []
    of = {id(m): _session_of(m.span, sessions, title_end).name
          for m in mentions if sessions and _SITTING.fullmatch(m.name)}
    told = Counter(of.values())
    for m in mentions:
        if id(m) in of:
            session = of[id(m)]
            # "会议举行第二次全体会议" as the one sitting told is the session itself; told
            # with its other sittings (开幕会, 闭幕会) it is one of them
            whole = m.name.startswith("第") and told[session] == 1
            m = dataclasses.replace(m, name=session if whole else session + m.name)
            if not whole:
                sittings.append((m.span.start, m.name, session))
        if sessions or not _SITTING.fullmatch(m.name):
            named.append(m)
    out = []
    for m in named:
        own = [(pos, name) for pos, name, session in sittings if session == m.name]
        if own:
            after = [x for x in own if x[0] > m.span.start]
            m = dataclasses.replace(m, name=(after[0] if after else own[-1])[1])
        out.append(m)
    return out


def _session_of(span: Span, sessions: list[_EventMention], title_end: int) -> _EventMention:
    """The session a sitting ("开幕会") belongs to: the one the body names last before it (an
    article on both the congress and the CPPCC names each before its sittings), else the
    headline's, else the body's first."""
    before = [m for m in sessions if title_end <= m.span.start < span.start]
    if before:
        return before[-1]
    head = [m for m in sessions if m.span.start < title_end]
    return (head or sessions)[0]


def _rank_of(title: str | None) -> tuple[int, int]:
    """How senior a post is, for telling the principal speech from a second one: the level
    (province, city, county), then the office (书记 before 长 before the rest)."""
    if not title:
        return (9, 9)
    m = re.search(r"自治区|[省市州盟县区旗]", title)
    level = _LEVEL_RANK.get(m.group(), 5) if m else 5
    office = 0 if title.endswith("书记") and "副" not in title else \
        1 if title.endswith("长") and "副" not in title else 2
    return (level, office)


def _one_principal_speech(parts: list[Participation]) -> list[Participation]:
    """An event has one principal speech (the leading official's); when several people are
    said to speak (讲话) and one of them clearly outranks the others, the others' words are
    remarks."""
    by_event: dict[str, list[Participation]] = {}
    for p in parts:
        if p.role == "speech":
            by_event.setdefault(p.event_key, []).append(p)
    demote: set[int] = set()
    for speakers in by_event.values():
        if len(speakers) < 2 or any(not p.title for p in speakers):
            continue  # a speaker whose post is not known (时任……): no clear leader
        ranks = sorted(_rank_of(p.title) for p in speakers)
        if ranks[0] < ranks[1]:  # a clear leader
            demote.update(id(p) for p in speakers if _rank_of(p.title) != ranks[0])
    return [dataclasses.replace(p, role="remarks") if id(p) in demote else p for p in parts]


def _with_venue(p: Participation, venue: str) -> Participation:
    return Participation(p.event_key, p.role, p.person, p.title, p.place, p.span, p.evidence, venue)


def _replace_name(ev: Event, name: str) -> Event:
    return Event(ev.key, name, ev.type, ev.date, ev.date_basis, ev.span, ev.evidence,
                 ev.organizer, ev.theme, ev.format, ev.location, ev.venues)


_BARE_OFFICE = re.compile(r"(?<=[、,和及与])(?:常务)?副?(?:主席|主任|书记|秘书长|部长|厅长|局长|院长|检察长)"
                          r"(?=$)")
_GENERIC_LABEL = re.compile(r"(?:省|市|县|区|州)?(?:委)?(?:领导同志|领导|负责同志)|"
                            # 市人大常委会、市人民政府、市政协其他领导同志: the organs' others
                            r"(?:(?:省|市|县|区|州)?(?:委|人大常委会|人大|人民政府|政府|政协)[、和]?)+"
                            r"(?:其他|其余)?(?:领导同志|领导|负责同志)|"
                            r"(?:省|市|县|区|州)?直?(?:有关|相关)(?:部门|单位)?(?:主要)?(?:负责同志|负责人)")


# "在市委书记B陪同下": who escorted the leader; right after the leaders' names (等, 一行)
_ESCORT = re.compile(r"在[^。;!?]{2,80}?(?:的)?(?:陪同|陪伴)下")
_ESCORTED = re.compile(r"(?:等)?(?:同志)?(?:一行)?" + _ESCORT.pattern)


def _enumeration_gap(text: str, start: int, end: int, places: list[PlaceMention]) -> bool:
    """Between two names of one enumeration: 、 , 和 及 以及 与, optionally with the next person's
    place and title (A、市长B; A,江苏苏州市吴江区委书记B) or a generic label (A,市领导B)."""
    if start >= end:
        return True
    if end - start > 40 or re.match(r"(?:等|同志|一行)*在", text[start:end]):
        return False  # (A一行在B陪同下: B accompanies A, they are no list)
    if re.fullmatch(r"[县市区旗]?(?:党)?委[、,和及与]", text[start:end]):
        return True  # 南康区委、章贡区委 (赣县县委,宁都县委)主要负责同志: holders by their organ
    gap = text[start:end]
    labels = list(gap)
    for pm in places:
        for k in range(max(pm.span.start, start), min(pm.span.end, end)):
            labels[k - start] = "P"
    for ts, te in _title_spans(gap):
        for k in range(ts, te):
            labels[k] = "T"
    for m in _GENERIC_LABEL.finditer(gap):
        for k in range(m.start(), m.end()):
            labels[k] = "T"
    for m in _BARE_OFFICE.finditer(gap):  # "政协主席A、副主席B": the organ said once
        if all(labels[k] not in "PT" for k in range(m.start(), m.end())):
            for k in range(m.start(), m.end()):
                labels[k] = "T"
    lead = re.match(r"(?:党)?委(?:书记|主要负责同志)", gap)
    if lead and start > 0 and any(pm.span.end == start for pm in places):
        for k in range(lead.end()):  # 正定县、武安市委书记,以及南宫市市长: the post of the last
            labels[k] = "T"
    # (a space after a half-width comma, "祁生源, 市政协主席鲍文清", is layout)
    marked = "".join(lab for lab, ch in zip(labels, gap, strict=True) if ch not in " \t\u3000")
    marked = re.sub(r"P+", "P", re.sub(r"T+", "T", marked)).replace("以及", "及")
    if lead and re.fullmatch(r"T[、,]?[及和与]?P?", marked):
        return True
    if re.fullmatch(r"(?:党)?委[、,和及与]P", marked):
        return True  # 杭州市临安区委、丽水市龙泉市委主要负责同志: the next with its parent city
    if re.fullmatch(r"(?:(?:党)?委)?主要(?:负责(?:同志|人)|T)[、,和及与]P?", marked):
        return True  # 道里区委、松北区委主要负责同志和尚志市委书记: holders, listed on
    # a trailing P: the next member's parent city (济南市章丘区、青岛市胶州市……主要负责同志)
    # (or a place and its own post after 的: "宜阳县、洛宁县的县委书记", read as both)
    # (a town before the next post: "A、米粮泉回族乡乡长B")
    return bool(re.fullmatch(r"[、,和及与]*(?:(?:[\u4e00-\u9fff]{0,4}?|[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木))"
                             r"P?T[、,]?)*P?", marked)) or \
        gap == "的"


@functools.lru_cache(maxsize=4096)
def _title_spans(gap: str) -> tuple[tuple[int, int], ...]:
    """Where titles are in the text between two names: the same few gaps ("、", ",市委常委、")
    recur in every article, and reading titles is the dearer part of telling a list."""
    from kg.lexicon.titles import find_titles

    return tuple((t.start, t.end) for t in find_titles(gap))


# "昨天的全会上", "在常委会会议上": a meeting named before, said again by its kind alone
_BACK = re.compile(r"(?:^|(?<=[,。;\n的在]))(?P<noun>全会|全体会议|常委会会议|常委会|常务会议|大会|座谈会)"
                   r"(?=上|中|期间)", re.M)
_KIND = {"全会": ("全会", "全体会议"), "全体会议": ("全会", "全体会议"),
         "常委会会议": ("常委会",), "常委会": ("常委会",), "常务会议": ("常务会议",),
         "大会": ("大会",), "座谈会": ("座谈会",)}


def _said_again(text: str, events: list[Event], body_start: int) -> list[tuple[int, int]]:
    """Anchors where a meeting is said again by its kind: the one meeting of that kind named
    in the article (two of a kind leave it to the nearest name, as before)."""
    out = []
    for m in _BACK.finditer(text, body_start):
        kinds = _KIND[m.group("noun")]
        same = [i for i, ev in enumerate(events)
                if ev.type != "inspection" and any(k in ev.name for k in kinds)]
        if len(same) == 1:
            out.append((m.start(), same[0]))
    return out


def _back_at_meeting(text: str, events: list[Event], anchors: list[tuple[int, int]],
                     body_start: int) -> list[tuple[int, int]]:
    """"会前,X一行来到……调研。\n会上(推进会上),副省长A通报了……": the paragraph that says
    会上 is back at the meeting told last, not on the tour told in between."""
    out = []
    for m in re.finditer(r"^[ \t\u3000]*(?:会上|会议上|会议期间|大会上|"
                         r"(?:推进会|现场会|座谈会|论坛|工作会|交流会|研讨会|报告会)上)",
                         text[body_start:], re.M):
        pos = body_start + m.end()
        told = [(p, i) for p, i in anchors if p < pos and events[i].type != "inspection"]
        if told:
            out.append((pos, max(told)[1]))
    return out


# A meeting told as the time something else happened after: "前天,全国X电视电话会议召开后,A、B
# 在新疆分会场收听收看" (then the article goes on with its own meeting)
_ASIDE = re.compile(r"[^,。;!?\n]{0,40}?(?:召开|举行|结束)后[,,]")


def _after_an_aside(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """After the paragraph of a meeting told only as a time ("全国X会议召开后,……收听收看"), the
    text is back at the meeting told before it: its speeches and remarks are not the aside's."""
    out = []
    ordered = sorted(anchors)
    for k, (p, idx) in enumerate(ordered):
        if not _ASIDE.match(text, p):
            continue
        back = next((i for q, i in reversed(ordered[:k]) if i != idx), None)
        if back is None:
            continue
        end = text.find("\n", p)
        if end >= 0:
            out.append((end, back))
    return out


def _speaker_label(text: str, start: int, end: int) -> bool:
    """A paragraph that opens with a speaker's title and name and a colon, under a heading that
    says what follows are speeches ("交流发言摘登", "代表发言"): the speaker's remarks."""
    line_start = text.rfind("\n", 0, start) + 1
    if re.search(r"[。,;:!?]", text[line_start:start]) or not re.match(r"\s*[:：]", text[end:end + 3]):
        return False
    for _, line in _lines_above(text, line_start, 40):  # up to the nearest heading
        line = line.strip(" \t\u3000#*")
        if line and len(line) <= 20 and not re.search(r"[。,;!?]", line):
            return bool(re.search(r"发言(?:摘登|摘编|摘要|选登|摘录)?$", line))
    return False


_ANNOUNCED = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})(?:位|名)[^。;]{0,40}?(?:作|进行)?(?:交流|表态)"
                        r"发言|(?:先后|依次|轮流)(?:作)?(?:交流|表态)?发言")
_SAYS = re.compile(r"(?:同志)?(?:则|也|还)?(?:在发言中|发言时)?(?:说|表示|坦言|介绍|谈到|直言|认为|感慨)")
# Meetings held for those present to speak in turn: a forum of county secretaries, a contest
# of pledges, an exchange
_IN_TURN = re.compile(r"论坛|擂台|讲坛|交流会|恳谈会|研讨会")


def _told_speaker(text: str, ev: Event, a: _Actor) -> bool:
    """At a forum whose report says how many spoke ("6位党委书记……作交流发言"), an official
    who opens a later paragraph saying something (说, 坦言, 介绍) is one of those speakers."""
    if ev.type == "inspection" or not _SAYS.match(text, a.span.end):
        return False
    para = _paragraph(text, a.span.start)
    opens = max(text.rfind(c, 0, a.span.start) for c in "。!?\n") + 1
    lead = re.match(r"[\s\u3000]*(?:[\u4e00-\u9fff]{1,4},)?", text[opens:a.span.start])  # (会场上,)
    if para.start <= ev.span.start or re.search(r"[,;:”]", text[opens + lead.end():a.span.start]):
        return False  # (a sentence's first clause, in a paragraph after the meeting's)
    told = _paragraph(text, ev.span.start)
    return bool(_ANNOUNCED.search(text, told.start, told.end) or _IN_TURN.search(ev.name))


def _lines_above(text: str, line_start: int, limit: int) -> Iterator[tuple[int, str]]:
    """The lines above the one starting at ``line_start``, nearest first, as (start, line),
    at most ``limit`` of them."""
    i = line_start - 1
    for _ in range(limit):
        if i <= 0:
            return
        prev_start = text.rfind("\n", 0, i) + 1
        yield prev_start, text[prev_start:i]
        i = prev_start - 1


# a table row up to the cell a speaker opens: the first, or the second after a short one
_ROW = re.compile(r"[ \t]*\|[ \t]*(?:(?P<cell>[^|\n]{1,10}?)[ \t]*\|[ \t]*(?:[^|\n]*?[ \t])?)?")
_ITEM = re.compile(r"\s*(?:\d{1,2}[.、)．]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[-*•·])\s*")


def _listed_role(text: str, start: int) -> str | None:
    """The role said over a list whose item opens with this speaker ("以下单位作交流发言:"
    above "1. 丽水市委书记A——介绍……"): the items are who did it."""
    line_start = text.rfind("\n", 0, start) + 1
    row = _ROW.match(text, line_start, start)
    if row and row.group("cell"):
        # "| 交流发言 | 区市场监督管理局局长 上官悦 | ……": the row's first cell says the role
        hits = {r for _, r in _role_hits(text, Span(row.start("cell"), row.end("cell")))}
        return hits.pop() if len(hits) == 1 else None
    item = row or _ITEM.match(text, line_start, start)
    if item is None or re.search(r"[。,;:!?]", text[item.end():start]):
        return None
    for prev_start, line in _lines_above(text, line_start, 30):  # up to the list's opening
        if not line.strip() or _ITEM.match(line) or line.lstrip().startswith("|"):
            continue  # (a table's rows: "| 发言人 | 职务 | 主题 |" over "| 崔立 | ……")
        if not line.rstrip().endswith(":"):
            return None
        clause = prev_start + max(line.rfind(c) for c in ",。;") + 1  # (the colon's clause)
        hits = [r for _, r in _role_hits(text, Span(clause, prev_start + len(line)))]
        return hits[-1] if hits and len(set(hits)) == 1 else None
    return None


def _accompanied_elsewhere(text: str, ev: Event, pos: int) -> bool:
    """"次日,副主席X来到同心县,看望搬迁群众。……Y和Z陪同": they went along on a visit that is
    no event of its own, not to the meeting told the day before (a paragraph after it)."""
    if ev.span.start > pos:  # a meeting told only after them
        return text.find("\n", pos, ev.span.start) >= 0
    return text.rfind("\n", ev.span.end, pos) >= 0


def _note_roles(roles: dict, ev: Event, ev_idx: int, role: str, group: list, nxt: int, *,
                text: str, sent: Span, titles_of: dict) -> None:
    """Give each member of ``group`` (the actors before ``nxt``) ``role`` at ``ev``, unless
    they already have a higher one there; a venue said after a member stays with them."""
    order = _precedence(ev.type)
    for k, member in enumerate(group):
        own_end = group[k + 1].span.start if k + 1 < len(group) else nxt
        venue = _venue_near(text, member.span.end, own_end) or \
            _venue_near(text, group[-1].span.end, nxt)
        key = (ev_idx, member.person, member.title if member.person is None else None,
               (member.place.code or member.place.name) if member.person is None and member.place
               else None)
        part = Participation(event_key=ev.key, role=role, person=member.person,
                             title=member.title if member.person is None
                             else titles_of.get(member.person),
                             place=member.place, span=member.span, evidence=sent,
                             venue=venue)
        old = roles.get(key)
        if old is None or order[role] < order[old[0]]:
            if old is not None and old[1].venue and not venue:
                part = _with_venue(part, old[1].venue)
            roles[key] = (role, part)
        elif venue and not old[1].venue:
            roles[key] = (old[0], _with_venue(old[1], venue))


def _event_for(pos: int, anchors: list[tuple[int, int]], doc: Document) -> int | None:
    """The event a mention at ``pos`` belongs to: one named in the same sentence, else the
    last one named before it, else the first."""
    if not anchors:
        return None
    sent = doc.sentence_of(Span(pos, pos + 1))
    same = [idx for p, idx in anchors if sent.start <= p < sent.end]
    if same:
        return same[0]
    before = [idx for p, idx in anchors if p <= pos]
    if before:
        return before[-1]
    return anchors[0][1]


def _venue_at(text: str, m: re.Match[str]) -> str:
    """南通分会场 in "等在南通分会场参加": the words before the noun, back to a boundary."""
    i = m.start()
    while i > m.start() - 8 and i > 0 and text[i - 1] not in _VENUE_STOP \
            and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    return text[i:m.end()]


def _venue_near(text: str, start: int, end: int) -> str | None:
    m = _VENUE.search(text, start, end)
    return _venue_at(text, m) if m else None


def _details(doc: Document, ev: Event, places: list[PlaceMention],
             home: dict[str, PlaceRef]) -> Event:
    """Organizer, theme, format, venues and location from the event's sentence and article."""
    text = doc.text
    sent = ev.evidence
    s = text[sent.start:sent.end]
    organizer: list[str] = []
    pre = text[sent.start:ev.span.start]
    for m in _ORGANS.finditer(pre):
        organ = m.group(1)
        lv = organ[0]
        place = home.get(lv)
        organizer.append((place.name if place else "") + organ[1:] if place and lv in "省市县区州"
                         else organ)
    theme = None
    tm = _THEME.search(s)
    if tm:
        theme = tm.group("t")
    fm = _FORMAT.search(text)
    fmt = fm.group(1) if fm else None
    venues = tuple(sorted({v for m in _VENUE.finditer(text) if len(v := _venue_at(text, m)) > 3}))
    location = None
    lm = re.search(r"在(?P<p>[\u4e00-\u9fff]{2,10}?)(?:召开|举行|举办|开幕)", s)
    if lm:
        for pm in places:
            if sent.start + lm.start("p") <= pm.span.start < sent.start + lm.end("p"):
                location = pm.place
    return Event(ev.key, ev.name, ev.type, ev.date, ev.date_basis, ev.span, ev.evidence,
                 tuple(dict.fromkeys(organizer)), theme, fmt, location, venues)


def _same_leader(text: str, ev: Event, name: str) -> bool:
    return text[ev.evidence.start:ev.evidence.end].find(name) >= 0


_TOPIC_AFTER = re.compile(r"了?(?P<t>[\u4e00-\u9fff、“”]{2,30}?)(?:工作|情况|等工作)?(?=[,。;]|\.(?!\d)|$)")
_TOPIC_BEFORE = re.compile(r"就(?P<t>[\u4e00-\u9fff、“”]{2,40}?)(?:工作|等工作|开展情况|情况|推进情况|进展情况)?"
                           r"(?:进行|开展|展开)?(?:专题|实地)?$")


def _headline_tour(doc: Document, verb: str, leader: str) -> str | None:
    """The headline's wording of the tour, when it has it ("司马俊深入苏木镇调研重点项目建设和生态
    保护工作"): the article's own summary of what the tour was about."""
    head = doc.text[:doc.body_start]
    if re.search(r"分赴|分头|分别(?:深入|带队|赴)", head):
        return None  # "市领导分赴各地督导……": every leader's tours, not this one's
    for m in re.finditer(verb + r"(?P<t>[^并时,。;\s]{2,24}?)(?:工作)?(?=$|\s|[,。;并])", head):
        if not m.group("t").startswith(("并", "时", "中", "后", "了", "指导", "督导", "组", "团",
                                         "队")) and verb not in m.group("t"):
            break
    else:
        return None
    return f"{m.group('t')}工作{verb}"


def _headline_where(doc: Document, verb: str, leader: str) -> str | None:
    """Where the headline says the leader went, when that is all it says of the tour
    ("顾维民在浦东新区、闵行区调研时强调", "欧阳振华在章丘市调研"): such a visit is named by its
    places, as the headline names it, not by the topics the body lists. None when the headline
    names what the tour was about (白立群在河池市调研基层党建工作时强调) or not the tour at all."""
    head = doc.text[:doc.body_start]
    at = head.find(leader)
    if at < 0:
        return None
    m = re.compile(r"(?:同志)?(?:一行)?(?:先后)?(?P<prep>在|到|赴|深入|来到|走进)"
                   r"(?P<where>[^,。;:!?\s在到]{2,20}?(?:[县市区旗],[^,。;:!?\s在到]{2,10}?)*)"
                   r"(?:考察调研|调研考察)?" + verb +
                   r"(?=时|并|$|\s|[,。;:!?—])").match(head, at + len(leader))
    if m is None or re.fullmatch(r"(?:部分|有关|相关|基层)?(?:乡镇|基层|一线|企业|农村|社区|园区|项目|现场|村组|"
                                 r"乡村|农户|重点项目|重点企业)", m.group("where")):
        return None  # "符永强在乡镇调研时强调": no place named
    # (places listed with half-width commas are a list: 在都安县,大化县 -> 在都安县、大化县)
    return ("到" if m.group("prep") in ("到", "赴") else "在") + m.group("where").replace(",", "、")


def _short(name: str) -> str:
    """A division's name without its kind (河池市 -> 河池), to find it in a headline."""
    return re.sub(r"(?:市|县|区|旗|州|盟|地区)$", "", name) if len(name) > 2 else name


def _tour_name(text: str, m: re.Match[str], sent: Span) -> str | None:
    """The tour as the article names it: "调研制造业高质量发展工作" -> 制造业高质量发展工作调研,
    "就城乡建设开展调研" -> 城乡建设工作调研."""
    verb = m.group("verb")
    if verb == "暗访":
        # "暗访城区部分建筑工地、户外广告牌,检查防风防汛措施落实情况": the sites, then what
        # the visit checked, which names it
        checked = re.match(r"[^,。;]{2,40},(?:检查|了解|察看|督查|督导)(?P<t>[\u4e00-\u9fff]{2,24}?)(?=[,。;]|$)",
                           text[m.end():sent.end])
        if checked:
            return f"{checked.group('t')}{verb}"
    after = _TOPIC_AFTER.match(text, m.end(), sent.end)
    if after and not after.group("t").startswith(("时", "并", "中", "期间", "后", "了", "过", "、", "“",
                                                   "”")):
        return f"{after.group('t')}工作{verb}"
    before = _TOPIC_BEFORE.search(text, sent.start, m.start())
    if before:
        return f"{before.group('t')}工作{verb}"
    opened = re.search(r"开展(?P<t>[\u4e00-\u9fff]{2,16}?)(?:工作|专项|专题)?$",
                       text[sent.start:m.start()])
    if opened and not opened.group("t").startswith("情况"):  # "开展安全生产督查"
        return f"{opened.group('t')}工作{verb}"
    return None


_TO = re.compile(r"(?:同志)?(?:一行)?(?:(?:率|带领|率领)[^,。;到赴]{2,16}?)?(?:先后|冒雨|专程|再次|又|随即)?"
                 r"(?P<prep>到|在|赴|深入|前往|来到|走进)")


def _route(text: str, where: list[PlaceMention], start: int, end: int) -> str:
    """Where a tour went, as its headline would say it: "到铜梁县、大足县" (到 for 赴, 深入,
    前往, 来到), "在邵阳", from the places listed right after the verb of going; "" when the
    text does not list them so."""
    m = _TO.match(text, start, end)
    if m is None or not where or where[0].span.start != m.end():
        return ""
    last = where[0]
    for pm in where[1:]:
        if not re.fullmatch(r"[、和及]", text[last.span.end:pm.span.start]) and \
                pm.span.start != last.span.end:
            break
        last = pm
    listed = text[where[0].span.start:last.span.end]
    first = where[0]
    if first.place.level == "prefecture" and len(where) > 1 and where[1].span.start == first.span.end:
        listed = text[first.span.start:first.span.end]  # "深入毕节市威宁县、赫章县": the city
    # 到 (赴, 前往) for a journey there, 在 (深入, 来到, 走进) for a visit in a place
    return ("到" if m.group("prep") in ("到", "赴", "前往") else "在") + listed


def _went_first(text: str, v: re.Match[str]) -> bool:
    """"X深入围场县,走访慰问……": a movement to a named place earlier in the same sentence,
    and no other tour verb there (the tour is already told by it)."""
    start = max(text.rfind(c, 0, v.start()) for c in "。!?\n;") + 1
    before = text[start:v.start()]
    return bool(re.search(r"(?:深入|来到|前往|赴)[\u4e00-\u9fff]{2,20}(?:县|市|区|旗|州|镇|乡)[,、]",
                          before)) and not _TOUR.search(before)


def _tours(doc: Document, persons: list[PersonMention], places: list[PlaceMention],
           dates: list[DateMention], body_start: int, offset: int,
           home: dict[str, PlaceRef]) -> tuple[list[tuple[Event, int]], list[tuple[int, int]]]:
    text = doc.text
    out: list[tuple[Event, int]] = []
    extra: list[tuple[int, int]] = []  # more places in the text where a tour is told
    found = sorted([*_TOUR.finditer(text, body_start),
                    *(v for v in _VISIT.finditer(text, body_start) if _went_first(text, v))],
                   key=lambda v: v.start())
    for m in found:
        sent = doc.sentence_of(Span(m.start(), m.end()))
        pre = text[sent.start:m.start()]
        if "陪同" in pre[-6:] or re.search(r"(?:一同|一起|随同)$", pre) or \
                re.search(r"(参加|陪同|此次|这次|本次|专题|实地)$", pre) and \
                not re.search(r"就[^,。]{2,30}(?:进行|开展)?(?:专题|实地)$", pre) and \
                not (re.search(r"(?:专题|实地)$", pre)
                     and re.search(r"(?:深入|来到|前往|走进|到|赴)[\u4e00-\u9fff、]{2,}", pre)):
            continue  # "先后深入A镇、B镇,实地调研……" is the tour itself
        if re.search(r"(?:结合|根据|通过)(?:各自|自己的?|前期|此前的?|这次|此次)?$", pre):
            continue  # "代表们结合各自调研发言": what they found, no tour
        if re.match(r"[^。;,]{0,40}?(?:时|期间)的?(?:重要)?讲话", text[m.end():sent.end]) and \
                re.search(r"学习|贯彻|落实|领会", pre):
            continue  # "学习贯彻……视察江西……时的重要讲话精神": a visit recalled, not reported
        if re.search(r"参加[^,。]{0,10}$", pre) and text.startswith("活动", m.end()):
            continue  # "分别参加在本县的调研活动": joining the tour, not leading another
        if re.search(r"(此次|这次|本次)$", pre) or \
                text.startswith(("为契机", "成果", "中", "组", "团", "队", "的情况", "情况", "时的",
                                 "的有关情况", "要求", "指示", "精神"), m.end()):
            continue  # a reference to the tour, the team (督导组) that makes it, a report on it,
            # or what was asked on it (落实市领导调研要求)
        # ("在市委书记B陪同下,A来到……": not B, who escorts the leader)
        escorts = [e.span() for e in _ESCORT.finditer(text[sent.start:m.start()])]
        leader = next((p for p in persons if sent.start <= p.span.start < m.start() and not any(
            a <= p.span.start - sent.start < b for a, b in escorts)), None)
        if leader is None:
            continue
        # (not the places in the titles of those who escort the leader: "A在绥化市委书记B陪同下,
        # 来到肇东市……调研" went to 肇东市)
        escort = _ESCORT.search(text[leader.span.end:m.start()])
        went_from = leader.span.end + (escort.end() if escort else 0)
        where = [pm for pm in places if went_from <= pm.span.start < m.start()]
        between = text[leader.span.end:m.start()]
        if re.match(r"(?:同志)?(?:在[^,。;]{1,8}?(?:中|时|上))?(?:强调|指出|要求|表示|提出|希望)", between) and \
                re.search(r"要|应|须|需", between):
            continue  # "A强调,……新任职的同志要……开展深入调研": what A asked of others
        if not where and not re.search(r"(?:来到|(?<![做达得收感看听想遇提办直])到|赴|深入|前往)"
                                       r"[\u4e00-\u9fff、]{2,}", between) \
                and not re.match(r"(?:带领|率领|率)[^,。;]{2,24}$", between) \
                and not (m.group("verb") == "暗访" and "、" not in between):  # going, unannounced
            continue  # a tour goes somewhere (到高新区, 深入企业), or takes a group along
        if any(ev.evidence == sent for ev, _ in out):
            continue
        place = where[0].place if where else (home.get(re.search(
            r"(?:我|本)(市|县|区|州|省)", between).group(1)) if re.search(
            r"(?:我|本)(市|县|区|州|省)", between) else None)
        d = _date_for(Span(m.start(), m.end()), sent, dates, _paragraph(text, m.start()),
                      body_start)
        body_name = _tour_name(text, m, sent)
        head_name = _headline_tour(doc, m.group("verb"), leader.name)
        if head_name and body_name and SequenceMatcher(None, head_name, body_name).ratio() < 0.5:
            head_name = None  # the headline speaks of another side of the visit
        topic = head_name or body_name
        verb = m.group("verb")
        route = _route(text, where, leader.span.end, m.start())
        head_where = _headline_where(doc, verb, leader.name)
        if head_where and not head_name:
            topic = None  # named by its places, as its headline names it
            if route and "、" not in route and _short(route[1:]) not in head_where:
                # "在都安县,大化县调研" over a body that goes "到河池市都安县、大化县": the
                # headline names the counties, not the city their list starts with
                route = head_where
            route = route or ("" if place else head_where)
        # Who went, where and what about, as such visits are headlined ("宋立成到宜宾市长宁县、
        # 江安县调研竹产业发展工作"; the topic was built as "<topic>工作<verb>"); where is left
        # out when the text does not say it right with the verb of going.
        # (one place gone to is said with the topic, "到乐昌市调研……工作", as most annotators name
        # such a tour; a list of places is left to the headline's style: with the topic, a
        # long route makes a name no one would write)
        where_said = (route if route and "、" not in route else "") if topic \
            else route or ("在" + place.name if place else "")
        name = f"{leader.name}{where_said}{verb}{topic[:-len(verb)] if topic else ''}"
        if _VISIT.fullmatch(verb):  # "龚建业在围场县走访慰问受灾群众": where, then what was done
            did = re.match(r"[\u4e00-\u9fff]{2,16}", text[m.end():sent.end])
            name = f"{leader.name}{route or ('在' + place.name if place else '')}{verb}" \
                   f"{did.group() if did else ''}"
        day = d.date if d else None
        same = next((k for k, (ev, _) in enumerate(out)
                     if _same_leader(text, ev, leader.name) and (
                         ev.date == day or (ev.date and day and 0 < (day - ev.date).days <= 1))),
                    None)  # the same leader the same or the next day: one (two-day) tour
        if same is not None:
            # The same leader's tour on the same day, told again ("深入基层调研 …… 前天,来到
            # 瑞金市,调研红色旅游工作"): one tour, named by the telling that says what about,
            # and what is said around each telling belongs to it.
            ev, pos = out[same]
            if topic and ev.name.endswith(("在" + m.group("verb"), m.group("verb"))) and \
                    "工作" not in ev.name:
                ev = dataclasses.replace(ev, name=name, location=ev.location or place)
                out[same] = (ev, pos)
            extra.append((leader.span.start, offset + same))
            continue
        out.append((Event(key=f"e{offset + len(out) + 1}", name=name, type="inspection",
                          date=d.date if d else None,
                          date_basis=d.basis if d and d.date else "unknown",
                          span=Span(m.start(), m.end()), evidence=sent, location=place),
                    leader.span.start))
    return out, extra


_WENT = re.compile(r"(?:同志)?(?:一行)?(?:带队|率队)?(?:冒雨|冒着[\u4e00-\u9fff]{1,4}|专程|再次)?"
                   r"(?:来到|深入|前往|赴|到)")


def _tour_by_companions(doc: Document, persons: list[PersonMention], places: list[PlaceMention],
                        dates: list[DateMention], body_start: int, offset: int
                        ) -> list[tuple[Event, int]]:
    """A tour no verb of touring tells, but its companions do: "X带队来到红寺堡区,逐一察看……。
    时任区委书记A、区长B陪同调研." (only in an article where no tour was told otherwise)."""
    text = doc.text
    for m in re.finditer(r"陪同(?P<verb>调研|考察|视察)", text[body_start:]):
        at = body_start + m.start()
        sent = doc.sentence_of(Span(at, at + 1))
        para = _paragraph(text, at)
        prev = doc.sentence_of(Span(max(sent.start - 2, 0), max(sent.start - 1, 0)))
        if prev.start < para.start or prev.start >= sent.start:
            continue
        for leader in (p for p in persons if prev.start <= p.span.start < prev.end):
            went = _WENT.match(text, leader.span.end)
            where = next((pm for pm in places if went and pm.span.start == went.end()), None)
            if where is None:
                continue
            d = _date_for(Span(went.start(), went.end()), prev, dates, para, body_start)
            verb = m.group("verb")
            return [(Event(key=f"e{offset + 1}", name=f"{leader.name}到{where.place.name}{verb}",
                           type="inspection", date=d.date if d else None,
                           date_basis=d.basis if d and d.date else "unknown",
                           span=Span(went.start(), went.end()), evidence=prev,
                           location=where.place), leader.span.start)]
    return []
