"""Ranking lists and placements: "2020全国县域经济百强" then lines "第5位 浙江慈溪市", or prose
"慈溪市排名第5位", "位列第二十三".

Input: the document and its place mentions. Output: ranking lists (name, year, publisher) and
placements (list, rank, place). A list written as lines is a header line followed by placement
lines; a list named in prose is a quoted title (“…” or 《…》) near 榜/排名/百强, and its
placements are the "PLACE 排名第N位" clauses that follow it.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import os
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from kg.lexicon.numerals import parse_int
from kg.model import Document, Placement, PlaceMention, RankingList, Span, fact_order

_NUM = r"(?:\d+|[一二三四五六七八九十百零〇两]+)"
_LINE = re.compile(rf"^\s*(?:[-*+•·]\s*)?(?:第\s*(?P<n1>{_NUM})\s*(?:位|名)|\(?(?P<n2>\d+)\s*[.、)](?:\s*第\s*(?P<n6>{_NUM})\s*(?:位|名))?|"
                   r"No\.?\s*(?P<n3>\d+)|(?P<n4>\d{1,3}|[一二三四五六七八九十]{1,3}(?=\s{2,}|\t))(?=\s{2,}|\t|\s[\u4e00-\u9fff])|\|\s*(?:并列\s*)?(?:第\s*)?(?P<n5>\d{1,3})\s*(?:位|名)?\s*(?:\(?并列\)?)?\s*\|)"
                   r"\s*[:]?\s*(?P<rest>.+?)\s*$")
# "腾冲市  第11位": the place, then its rank
# "一、兰州市": a rank in Chinese numerals before 、, the line nothing but the place (a section's
# heading, "二、经济运行", is no placement)
_LINE_CN = re.compile(r"^\s*(?P<n8>[一二三四五六七八九十]{1,3})、\s*(?P<rest>[\u4e00-\u9fff]{2,14})\s*[;,。]?\s*$")
_LINE_PLACE_FIRST = re.compile(rf"^\s*(?:[-*+•·]\s*|[(（][一二三四五六七八九十]{{1,3}}[)）]\s*)?(?P<rest>[\u4e00-\u9fff]{{2,12}}?)\s*第\s*(?P<n7>{_NUM})\s*(?:位|名)\s*$")
_PROSE = re.compile(rf"(?:以(?=第{_NUM}(?:位|名)(?:的成绩)?(?:首次|再次|成功|继续)?(?:入围|入选|上榜|跻身))|排名|位列|名列|位居|(?:前移|上升|跃升|提升|攀升|下降|后移|回落)至|跃居|升至|降至|"
                    rf"(?:(?<!分)|(?<=\d分)|(?<=得分))居|排在|(?<![分安])排|(?<![分位名])列|"
                    # ("……分别居第二、三位,古交市第四,高平市第五": the verb said once for the run)
                    rf"(?<=[市县区旗])(?=第[一二三四五六七八九十]{{1,3}}[,;。]))"
                    rf"(?:全国|全省|全区|全市|全州|榜单)?(?:县\(市[、,]区\)|县\(市\)|县市区|县区|区县|县市)?"
                    rf"第(?P<n>{_NUM})(?:位|名|(?=[,。;、)]|\.(?!\d)|$))")
_RUN_ITEM = re.compile(r"[市县区旗]第[一二三四五六七八九十]{1,3}[,;]")
_VERB_LIST_RANK = re.compile(rf"(?:同时|还|也|则|又|再次|首次|继续|均)?(?:位列|排名|名列|位居|排在|居|列)[“\"《](?P<name>[^”\"》\n]{{4,40}})[”\"》]"
                             rf"(?:榜单|排行榜|排名)?中?的?(?:全国|全省|全区|全市)?第(?P<n>{_NUM})(?:位|名)")
_RANK_NOTE = re.compile(rf"[(]\s*(?:全国|全省|全市|榜单)?第(?P<n>{_NUM})(?:位|名)\s*[)]")
# "1. 都江堰市,第33位", "1. 龙口市　第11位": the rank after the place, at the line's end
_RANK_AFTER = re.compile(rf"(?:[,，]\s*|\s)(?:全国|全省|全区|全市)?第\s*(?P<n>{_NUM})\s*(?:位|名)\s*[;。.,]?\s*$")
# A quotation that is a sentence ("考核结果既是……鞭策。") is what someone said, not a list's name.
_SAID = re.compile(r"[,。;!?]|\.$")
# (a name holds no line break or sentence end: with half-width quotes, '"排头兵".' then
# '"2020……百强县"' must not pair the closing quote of one with the opening of the next)
_QUOTED = re.compile(r"[“\"《](?P<name>[^”\"》\n。!?;]{4,40}?)[”\"》]")
# A year and the kind of evaluation written before a quoted list name, run on to it
_QUOTE_LEAD = re.compile(r"(?<!\d)(?P<lead>(?:19|20)\d\d年度?(?:[\u4e00-\u9fff]|\([\u4e00-\u9fff、]{1,8}\)){2,24})[“\"]$")
# "实施“百千万工程”考核结果": the quote names a programme, the evaluation of it is the list
_QUOTE_TAIL = re.compile(r"[”\"](?P<tail>考核|评价|考评|评比|测评|监测评价|综合评价)(?=结果|中|,|:|排名)")
_LISTY = re.compile(r"(?<!上)榜|百强|百佳|十佳|营商环境|进步(?:最快|较快|明显)|\d+强|[十百千]强|排行|排名|强县|强市|强区|名单|指数|竞争力|评价|评选|"
                    r"测评|考核|考评|(?:先进|示范|进步|标兵)(?:县|市|区|旗)")
_RESULT_AFTER = re.compile(r"(?:榜单|排行榜|排名|名单|评价结果|评选结果|测评结果|考核结果|结果|评估结果"
                           r"|(?:评价|评选|考核|考评|测评)中)")  # (在“县域经济发展进步奖”评价中)
_IN_ORDER = re.compile(rf"(?:前[\d一二两三四五六七八九十]+(?:名|位)?(?:的)?|第(?P<from>{_NUM})(?:位|名)?"
                       rf"(?:至|到)第?{_NUM}(?:位|名)(?:的)?(?:分别)?"
                       # (“十强县(市、区)”按得分高低依次为: in the order of the scores)
                       r"|(?<=[”\"])按[\u4e00-\u9fff]{1,6}(?:高低|多少|排序|顺序)"
                       # (公布了2013年度……十强县,依次为; ……十强县市名单,依次为: right after the list's name)
                       r"|(?<=[县市区强榜单],)(?=依次)"
                       # (全省县域经济实力十强县(市)依次为: right after it, no comma)
                       r"|(?<=[强佳][县市区])(?=(?:\([市区、]{1,5}\))?依次)"
                       # (在……十佳县(市)中,排名依次为; 2022年度全市9个旗区综合排名依次为)
                       r"|(?<=排名)(?=依次))"
                       # (前五位的县(市、区)依次是: the kind of the places ranked)
                       r"(?:县(?:\([市区、]{1,5}\))?|\([市区、]{1,5}\)|县市区|县市|区县|市县|地区)?"
                       r"(?:依次为|依次是|分别为|分别是|为|是)[::]?")
_TOP_N = re.compile(r"(?:分列|包揽|依次位列|依次位居|依次列|依次排在|依次排名|(?:分别)?位列|(?:分别)?位居|分别列|分别居)"
                    r"(?:全国|全省|全市|全区|全州)?"
                   r"前(?P<n>[两二三四五六七八九十\d]{1,2})(?:位|名)?")
# A class of counties an evaluation ranks apart: "二类县市区", "一类县(市)" (see _by_class)
_CLASS_WORD = r"[一二三四五六七八九十]类(?:县[(（]市(?:、区)?[)）]|县市区|县区|县市|区县|市县|县)"
# (each rank ends in 位/名 or a separator follows: "第41位和第56位,三县均……" has three,
# "第3、第8和第11位" three)
_SPLIT_RANKS = re.compile(rf"(?:分列|分别位列|分别位居|分别排在|分别排名|分别居|分别列|分别以|分别排|分别处于|"
                          rf"依次位列|依次位居|依次排在|依次排名|依次列|依次居|(?<=[\u4e00-\u9fff])位列(?=[一二三四五六七八九十]类)|"
                          rf"分别(?:升至|上升至|提升至|跃升至|跃居|攀升至|名列|居于))(?:全国|全省|全区|全市|全州)?"
                          rf"(?:该?榜单|该榜)?"  # ("神木市、府谷县分列榜单第一、第二位")
                          # ("宜都市、夷陵区位列一类县市区第4位和第7位": the class, see _by_class)
                          rf"(?:{_CLASS_WORD})?"
                          # ("分别位列“2023年度全国综合竞争力百强县(市)”第87位、第95位")
                          rf"(?:[“\"](?P<list>[^”\"\n]{{4,40}})[”\"])?"
                          rf"(?P<ranks>第?{_NUM}(?:位|名)?(?:[、,和及]第?{_NUM}(?:位|名|(?=[、,和及。;)\s]|\.(?!\d)|$)))+|"
                          rf"第{_NUM}(?:至|到)第?{_NUM}(?:位|名)?)")
_PERIOD = r"(?:前三季度|上半年|一季度|第一季度|前两季度|1-9月|1-6月)"
_UNQUOTED = re.compile(r"(?:^[ \t]*|在|入选|进入|跻身|入围|发布[了的]?|公布[了的]?|推出[了的]?|通报了?|[,:]|开展的|组织的|"
                       # ("举行2022年度全区县(区)经济发展综合监测结果新闻发布会": the results released)
                       r"(?:举行|召开)了?(?=[^,。;]{4,40}?结果(?:新闻)?发布会))"
                       r"(?:今年)?(?:自治区|全省|全区|全市|省|市|县)?"  # (在自治区2022年度……考核中)
                       # ("在2011年发布的第十一届……百强县(市)评价中": when, then the list's name)
                       r"(?:(?:19|20)\d\d年(?:发布|公布|推出)的)?"
                       # (北京市2022年度营商环境评价: a province-level unit may come first)
                       rf"(?P<name>(?:(?![在的全])[\u4e00-\u9fff]{{2,5}}(?:省|自治区)|[北天上重][京津海庆]市)?"
                       rf"(?:(?:19|20)\d\d年?度?|{_PERIOD}|第[一二三四五六七八九十\d]{{1,3}}届)"
                       r"(?:[\u4e00-\u9fff()\d]|\([\u4e00-\u9fff、]{1,8}\)){2,30}?"  # 县(市、区)
                       r"(?:百强县市|百强县|百强区|百强市|[十百千]强县市?|[十百千]强[市区]|百强榜|百强|[十百千]强|\d+强|"
                       r"排行榜|榜单|考核|考评|测评|评价|评估|监测评价|监测(?!评价)|排名)(?:\([^()]{1,6}\))?)(?:名单)?"
                       # ("……综合考核评价结果": the evaluation's whole name; "……考核位居全省前六的")
                       r"(?=[,。;:中上里 和]|评选|(?<!考核)(?<!考评)评价|榜单|名单|排名|结果|揭晓|发布|出炉|公布|位居|位列|如下|"
                       r"前[\d一二两三四五六七八九十]+[名位强]?(?:为|是|依次|的))", re.M)
# "全省县域经济实力十强县(市)依次为", "在同时公布的县域经济发展十佳县(市)中,排名依次为": a list
# named without quotes or year right before its places in order
_ORDERED_NAME = re.compile(r"(?:^|[,:;。在的])(?P<name>(?:全(?:国|省|市|区))?(?:(?!的)[\u4e00-\u9fff]){2,16}?"
                           r"(?:[十百千]强|十佳|百佳)(?:县市|县区|市区|县|市|区)?(?:\([市区、]{1,5}\))?)"
                           r"(?:中,排名|,)?依次(?:为|是)", re.M)
# "在2018年度全省县域经济增长快速县评比中": a contest named before 评比/评选, with its year
_CONTEST = re.compile(r"在(?P<name>(?:19|20)\d\d年度?[\u4e00-\u9fff()]{2,30}?)(?:评比|评选|评审|竞赛)(?:活动)?中")
# "蓬莱区在全省营商环境评价中居全省第3": a list named without its year, its year from the text
# ("在各区PM2.5浓度改善幅度排名中": the units of one city, and a pollutant's name)
_UNQUOTED_SCOPE = re.compile(r"在(?P<name>(?:全(?:国|省|市|区)|各(?:区|县|市|旗|县区|县市|区县)|"
                             r"[\u4e00-\u9fff]{2,7}?(?:省|自治区))"
                             r"(?:[\u4e00-\u9fff]|[A-Z]+\d*(?:\.\d+)?){2,20}?"
                             r"(?:评价|考核|考评|测评|排名|排行榜|榜单|百强县|百强))中")
_EARLIER_RANK = re.compile(rf"(?:较|由|比|从)(?P<y>(?:19|20)\d\d)年(?:度)?的?(?:全国|全省)?"
                           rf"第(?P<n>{_NUM})(?:位|名)")
_PAREN_RANK = re.compile(rf"\((?:全国|全省)?第(?P<n>{_NUM})(?:位|名)\)")
_RANK_TO = re.compile(rf"(?:提升|上升|前移|下降|后移)[\d一二三四五六七八九十]+(?:位|个位次)?至第(?P<n>{_NUM})(?:位|名)")
_TOP = re.compile(r"(?:连续[\d一二三四五六七八九十]+年)?(?:位居|位列|排名|名列|居|稳居|蝉联|(?:继续)?保持)(?:榜首|首位|第一位?|第一名)")
_PUBLISHER = re.compile(r"(?:《(?P<p1>[^》]{2,20})》|(?P<p2>[\u4e00-\u9fff]{2,20}?(?:研究院|研究所|研究中心|"
                        r"科学院|社会科学院|顾问|杂志社|报社|日报|智库|委员会|协会|大学|中心|局|部|课题组|研究会|"
                        r"联合会|网|杂志)))"
                        r"[\u4e00-\u9fff]{0,4}?(?:发布|公布|推出)")


@dataclass
class RankingsResult:
    lists: list[RankingList]
    placements: list[Placement]


def _part_of_named(text: str, name: str, at: int) -> str:
    """"2024年度云南省县域营商环境评价玉溪市各县(市、区)排名情况" over a table, after the text
    named "2024年度云南省县域营商环境评价": that list, of which the table is one city's part."""
    before = text[:at]
    for cut in range(len(name) - 2, 5, -1):
        head = name[:cut]
        if re.fullmatch(r"[\u4e00-\u9fff()、]{0,16}(?:排名|排序|名次|情况)", name[cut:]) \
                and head in before and re.search(r"[评价考核榜测]|百强|强县", head):
            return head
    return name


def _year(name: str) -> int | None:
    m = re.search(r"(19[5-9]\d|20\d\d)", name)
    return int(m.group(1)) if m else None


_TRAILING_NOTE = re.compile(r"\((?:[^()]*(?:上榜|入围|入选|部分|摘录|节选|名单|县市|城市|不分先后|排序|前[\d一二两三四五六七八九十百]+"
                            r"[名位]?|摘编)[^()]*|按[^()]{1,10})\)$|(?:结果)?前[\d一二两三四五六七八九十]+[名位]$|"
                            # (赛迪顾问): who published it, said in the heading
                            r"\((?:发布单位|发布机构|来源)?[:：]?[^()]{2,30}(?:顾问|研究院|研究所|课题组|研究中心|杂志社|统计局|研究会)"
                            r"(?:发布|公布|编制|推出)?\)$|"
                            # 河南入围名单, ·浙江入围前十, 徐州上榜县(市): which of the province's
                            # places entered (a place's name, not 县市区 that ends the list's)
                            r"(?:·|(?<=[)\u4e00-\u9fff]))(?![榜单强县市区])[\u4e00-\u9fff]{2,3}(?:入围|上榜|入选)"
                            r"(?:名单|情况|县\(市\)|县市区|县市|县|城市|前[\d一二三四五六七八九十]+[名位强]?)$")
_NOTED_PUBLISHER = re.compile(r"\((?:(?:发布单位|发布机构|来源)[:：]?)?(?P<org>[^()]{2,30}?)(?:发布|公布|编制|推出)?"
                               r"(?:[,、;]\s*(?:节选|部分|摘录|摘编|有删节))?\)$")
# 延伸阅读|, 相关链接: a label of the page, before the list's name in a heading
_LEADING_LABEL = re.compile(r"^(?:(?:延伸阅读|相关阅读|相关链接|链接|附表?|背景|榜单[一二三四五六七八九十\d]{1,3})\s*[|｜:]\s*"
                            # a section's number: "一、十强县", "(二)十强区", "3. 进步县"
                            r"|[一二三四五六七八九十]{1,3}、\s*|\([一二三四五六七八九十]{1,3}\)\s*|\d{1,2}[.、]\s*)")


def _norm_list(name: str) -> str:
    """The list's own name: quotes removed, and an editor's note such as "(湖南上榜县市)"."""
    name = _LEADING_LABEL.sub("", name.strip().strip("“”\"《》").strip())
    scope = re.search(r"\(([\u4e00-\u9fff]{2,8})\)$", name)
    if scope and _is_province(scope.group(1)):
        name = name[:scope.start()]  # "……百强县市(内蒙古)": the article's part of the list
    while True:  # "……百强榜山东入围情况(部分)": the notes one after the other
        # ("**X**(Y公布,节选)": Markdown's bold marks left before the note)
        shorter = _TRAILING_NOTE.sub("", name).strip().strip("*_").strip()
        if shorter == name:
            break
        name = shorter
    name = re.sub(r"(?<=名单)如下$", "", name)  # "县域经济发展进步县名单如下:" is the list's title
    # "2018年度全省14个市州经济发展综合考核": how many take part is no part of the name
    name = re.sub(r"(?<=全省|全市|全区|全国|全州)[\d一二三四五六七八九十]{1,3}个(?=[\u4e00-\u9fff])", "", name)
    # 《X评价报告》, "X评价结果(前十名)": the report or the results publish the list; the
    # list is the evaluation itself
    name = re.sub(r"(?<=评价|排名|测评|考核|考评|评估|监测)(?:报告|结果)$", "", name)
    # 《2022中国县域经济百强研究》: the study publishes the list "2022中国县域经济百强"
    return re.sub(r"(?:(?<=强)|(?<=榜)|(?<=强[区县市]))(?:研究报告|研究|报告)$", "", name)


_GENERIC_HEAD = re.compile(r"(?:评价|考核|测评|考评|排名|名单|榜单|排行榜?)(?:结果|情况)?")


def _names_no_list(heading: str) -> bool:
    """A heading that names no list: "## 一、评价结果", "排名情况"."""
    return bool(_GENERIC_HEAD.fullmatch(_norm_list(_header_text(heading).strip("*#- "))))


_UNQUOTED_RESULTS = re.compile(r"(?P<n>(?:19|20)\d\d年度?[\u4e00-\u9fff]{2,24}?(?:评价|考核|测评|考评))结果")
_PERSONNEL_LIST = re.compile(r"(?:干部|人选|任职|任前|公示|人员|代表|委员|候选人|任免)(?:名单|名册|一览表?)|任前公示")
# A list whose members are counties or districts ("2024年全国百强区", "……百强县市")
_OF_COUNTIES = re.compile(r"(?:县|区|县市|县\(市\)|县市区|区县|旗)$|县域")


@functools.lru_cache(maxsize=256)
def _is_province(name: str) -> bool:
    from kg.lexicon.divisions import divisions

    return divisions().province(name) is not None


def _specific(text: str, name: str) -> str:
    """"2022年度全省X评价" is the same list as "2022年度河北省X评价" written elsewhere in the
    article: the name that says which province (or city) is the one a reader can look up."""
    m = re.search(r"全(省|市|区|州)", name)
    if not m:
        return name
    head, tail = name[:m.start()], name[m.end():]
    if len(tail) < 2:
        return name
    pattern = re.escape(head) + r"(?P<p>[\u4e00-\u9fff]{1,7}?" + m.group(1) + ")" + re.escape(tail)
    found = [f.group() for f in re.finditer(pattern, text)
             if not re.search(r"全|在|的|中|和|与", f.group("p"))]  # a place's name, not a clause
    return found[0] if found else name


_ORG = re.compile(r"《(?P<p1>[^》]{2,20})》|(?P<p2>"
                  # (the Party committee and the government that evaluate: 海南省委、省政府)
                  r"[\u4e00-\u9fff]{1,10}?[省市州县区盟旗]委、[省市州县区盟旗]?(?:人民)?政府|"
                  r"[\u4e00-\u9fff\d]{2,24}?(?:研究院|研究所|研究中心|"
                  r"科学院|社会科学院|顾问|杂志社|报社|日报|智库|委员会|协会|大学|中心|局|部|课题组|"
                  r"研究会|学会|联合会|联盟|网|杂志|集团|公司|信息社|通讯社|新华社|办公厅|办公室|政府|厅|日报|晚报|时报|周报|"
                  r"领导小组办公室|领导小组|(?:改革|发改|经信|工信|商务|国资|卫健|住建|科|教)委(?!员)|"
                  r"(?:考核|考评|督查|绩效|营商)办(?!公)|"  # (市委考核办)
                  r"经济报|导报|报社))")
# A heading that opens with its publisher: "陕西省统计局2024年度全省县域经济综合实力十强县"
_PUBLISHER_PREFIX = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,20}?(?:统计局|研究院|研究所|研究中心|课题组|"
                               r"社会科学院|科学院|研究会|智库|顾问))(?=(?:19|20)\d\d)")
_PUBLISH_VERB = re.compile(r"发布|公布|推出|刊发|刊登|揭晓|评选|评定|评出了?|编制|出炉|印发|开展(?=的)|通报(?:了|的)?(?=《)|"
                           r"(?:进行|开展)了?(?:综合)?(?:评价|评估)")


def _clean_org(org: str) -> str:
    # ("发布这份榜单的是X": the organization after the verb that names it)
    org = re.sub(r"^(?:发布|公布|编制|推出)(?:这份|该|此|上述)?(?:榜单|名单|排名|排行榜)?的(?:是|为)", "", org)
    return re.sub(r"^(?:另据|据|根据|在由|在|由|此外|另外|同时|而|日前|近日|近期|此前|另一份|以及|和|与|及|"
                  r"[一二三四五六七八九十两\d]+年前|去年|今年|前年|当年)+", "", org)


_SIZE = re.compile(r"(?P<n>\d{1,4}|[十百千]|五十|二十|三十)(?:强|佳)")


def _list_size(name: str) -> int | None:
    """How many places a list of the best N holds (百强 100, 50强, 十佳), or None."""
    m = _SIZE.search(name)
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else {"十": 10, "百": 100, "千": 1000, "五十": 50, "二十": 20,
                                       "三十": 30}[n]


def _publisher(text: str, name: str, near: int) -> str | None:
    """The organization said to have published the list: the nearest organization before a
    publishing verb in the sentence that names the list ("赛迪顾问发布", "《人民日报》刊发的",
    "中国信息通信研究院在……论坛上发布了")."""
    for m in re.finditer(re.escape(name), text):
        # (half-width text ends a sentence with ". ")
        sent_start = max(max(text.rfind(c, 0, m.start()) for c in "。\n!?") + 1,
                         text.rfind(". ", 0, m.start()) + 2)
        before = text[sent_start:m.start()]
        verbs = list(_PUBLISH_VERB.finditer(before))
        if not verbs:
            # "记者从河南省统计局获悉,2018年度……评价结果日前公布": the source told of it
            told = re.search(r"(?:从|据)(?P<org>[\u4e00-\u9fff]{2,24}?)(?:获悉|了解到|消息)", before)
            sent_end = min([i for i in (text.find("。", m.end()), text.find("\n", m.end()))
                            if i >= 0] or [len(text)])
            if told and _ORG.fullmatch(told.group("org")) and \
                    _PUBLISH_VERB.search(text, m.end(), sent_end):
                return told.group("org")
            notice = re.search(r"(?:宣读|通报|传达|印发)了?(?P<org>[\u4e00-\u9fff]{2,30})《关于$", before)
            if notice and _ORG.fullmatch(notice.group("org")):
                # "宣读了安徽省发展和改革委员会《关于2019年度……考核结果的通报》": the body
                # whose notice gives the results
                return _clean_org(notice.group("org"))
            said = re.fullmatch(r"\s*(?:附[:：]?\s*)?(?P<org>[\u4e00-\u9fff]{2,30})[“\"《]", before)
            if said and _ORG.fullmatch(said.group("org")):
                # a heading that names the publisher before the quoted list: "附:中国中小城市
                # 发展指数研究课题组“2021年度全国营商环境百佳示范县市”安徽入选名单"
                return _clean_org(said.group("org"))
            if re.fullmatch(r"\s*(?:在|根据|据)[“\"《]?", before):
                # "中郡县域经济研究所发布了新一届……评价结果。在“2016年度……百强县(市)”榜单中":
                # the list of the release the sentence before reports
                prev_start = max(text.rfind(c, 0, sent_start - 1) for c in "。\n!?") + 1
                prev = text[prev_start:sent_start]
                # (the last verb, not 发布会: "发布会同时通报了X牵头开展的……评价结果")
                verb = next((v for v in reversed(list(_PUBLISH_VERB.finditer(prev)))
                             if not prev.startswith("会", v.end())), None)
                # (only a release the sentence names by no list of its own: "新一届……评价结果";
                # "安徽省统计局牵头开展的……评价结果": the one that led it)
                org = _org_in(re.sub(r"(?:牵头|负责|组织)$", "", prev[:verb.start()])) if verb and re.search(
                    r"新一届|结果", prev[verb.end():]) and not re.search(r"[《“\"]", prev) else None
                if org:
                    return org
            continue
        after_verb = before[verbs[-1].end():]
        other = next((o for o in reversed(list(re.finditer(r"[《“\"](?P<n>[^》”\"]{4,40})[》”\"]",
                                                            after_verb)))
                      if _LISTY.search(o.group("n")) and not o.group("n").endswith(_REPORT_END)
                      and _norm_list(o.group("n")) != _norm_list(name)), None)
        if other and re.search(r"[,;:]", after_verb[other.end():]):
            continue  # "X发布的《A》中,……;诸城市还入选“B”": X published A, not B (but
            # "X发布《A》和《B》两份榜单": both)
        head = before[:verbs[-1].start()]
        if verbs[-1].group().startswith("通报") and not any(
                o.end() == len(head) for o in _ORG.finditer(head)):
            continue  # "省发展和改革委员会主任海建平通报了《……》结果": who told it, not its maker
        ana = re.search(r"(?:该|这家|这一|此|上述|同一)(?P<kind>研究院|研究所|研究中心|机构|单位|杂志社|报社|"
                        r"课题组|研究会|智库|中心|局)[^,。]{0,6}$", head)
        if ana:  # "该研究院同期发布的《……》": the organization named before
            found = list(_ORG.finditer(text, 0, sent_start + len(head)))
            earlier = [k for k, o in enumerate(found)
                       if o.group("p2") and (ana.group("kind") in ("机构", "单位")
                                             or o.group("p2").endswith(ana.group("kind")))
                       # (not "在该研究中心去年发布的……", itself a reference back)
                       and not re.search(r"该|这家|这一|上述|同一", o.group("p2"))]
            if earlier:
                k = earlier[-1]
                start = found[k].start()
                while k > 0 and found[k - 1].end() == start and found[k - 1].group("p2"):
                    k -= 1  # 赛迪顾问|县域经济研究中心 is one organization
                    start = found[k].start()
                return _clean_org(_LEAD_VERB.split(text[start:found[earlier[-1]].end()])[-1])
        # "由湖南省统计局会同省直有关部门评定的": the one that led, not those it worked with
        head = re.sub(r"(?<=[\u4e00-\u9fff])(?:会同|联合|协同)[^,。;]{2,20}$", "", head)
        if not any(_ORG.finditer(head)):
            continue
        return _org_in(head)
    return None


# Verbs an organization's name runs back into: "宽甸县入选辽宁省农业农村厅公布的", "会议通报赛迪顾问
# ……最新发布的"
_LEAD_VERB = re.compile(r"入选|列入|纳入|获评|荣获|跻身|位列|位居|进入|通报了?|传达了?|(?:这一|该)?榜单由")


def _org_in(head: str) -> str | None:
    """The organization written last in ``head`` (the words before a publishing verb)."""
    orgs = [o for o in _ORG.finditer(head)]
    if not orgs:
        return None
    # (《2022年中国县域高质量发展报告》 is what was published, not who published it)
    orgs = [o for o in orgs if not (o.group("p1") and re.search(
        r"(?:报告|白皮书|蓝皮书|名单|榜单|通知|意见|方案|公报|研究|研究成果)$", o.group("p1")))] or orgs
    o = orgs[-1]
    if o.group("p1"):
        # 《小康》杂志社: the house that publishes the magazine, one name without the title marks
        # (《县域经济观察》杂志 is the magazine itself: 县域经济观察)
        kind = re.match(r"杂志社|报社|编辑部|课题组|编委会", head[o.end():])
        if kind and kind.group() in ("课题组", "编委会"):
            # "《中国县域经济发展报告》课题组": the group named after its report, marks and all
            return f"《{o.group('p1')}》{kind.group()}"
        return o.group("p1") + (kind.group() if kind else "")
    start = o.start()
    for prev in reversed(orgs[:-1]):  # 中国社会科学院|财经战略研究院 is one organization
        if prev.end() == start and prev.group("p2"):
            start = prev.start()
    end = o.end() + 1 if head[o.end():o.end() + 1] == "社" else o.end()  # 新华日报社
    org = _clean_org(head[start:end])
    # "X联合Y发布": the first organization is the publisher
    # (not the 会同 of "发布会同时……": a meeting's 会, then 同时)
    org = re.split(r"联合(?!会)|会同(?!时)|携手", org)[0]
    org = _clean_org(_LEAD_VERB.split(org)[-1])
    if re.search(r"[在了]", org[:-2]) and not org.endswith(("报", "社")):
        org = _clean_org(re.split(r"[在了]", org)[-1])  # (会议公布了|由省统计局)
    if org.startswith(("该", "这家", "此", "上述", "同一")):
        return None  # "该杂志社同期发布的": the one named before (see _with_series_publisher)
    return org or None


def extract_rankings(doc: Document, places: list[PlaceMention],
                     home: dict | None = None, year: int | None = None) -> RankingsResult:
    """The ranking lists the article names and the places it ranks in them. ``home`` (level
    word -> the article's home division, kg.resolve.context) spells out a publisher the text
    names by its level alone (省统计局 in a Hefei paper is 安徽省统计局). ``year``: the year the
    text is written in (kg.resolve.dates.reference), which 今年 and 去年 count from; the
    publication's year when not given (a 2016 report reposted in 2024 is 2016's)."""
    res = _extract_rankings(doc, places, year)
    if not home:
        return res
    lists = [dataclasses.replace(rl, publisher=_spelled_out(rl.publisher, home))
             if rl.publisher else rl for rl in res.lists]
    return RankingsResult(lists, res.placements)


def _year_told_before(text: str, end: int, start: int = 0) -> int | None:
    """The year written last in ``text[start:end]`` ("2016年的夏天", "2013年"), for 当年, 那年
    and 同年 said after it."""
    told = re.findall(r"((?:19|20)\d\d)年", text[max(0, start):end])
    return int(told[-1]) if told else None


def _spelled_out(org: str, home: dict) -> str:
    """"省统计局" -> "安徽省统计局" (the home province's), "市统计局" -> "运城市统计局"."""
    for word in ("自治区", "省", "市"):
        if org.startswith(word) and len(org) > len(word) + 1 and word in home:
            place = home[word]
            if place.name.endswith(word):
                return place.name + org[len(word):]
    return org


def _extract_rankings(doc: Document, places: list[PlaceMention],
                      this_year: int | None = None) -> RankingsResult:
    text = doc.text
    if this_year is None and doc.published is not None:
        this_year = doc.published.year
    lists: list[RankingList] = []
    placements: list[Placement] = []
    by_name: dict[str, RankingList] = {}

    def get_list(name: str, span: Span) -> RankingList:
        lead = _QUOTE_LEAD.search(text, max(0, span.start - 32), span.start)
        tail = _QUOTE_TAIL.match(text, span.end)
        released_in = None
        if lead and re.search(r"发布|公布|推出|评选|的", lead.group("lead")):
            # "研究所2013年发布的“第十三届……”": when it was published, not part of the name
            released_in = _year(lead.group("lead"))
            lead = None
        if lead and _year(name) is None:
            # 2018年度全省县域经济发展“十强县(市、区)”: the words before the quote are the name's
            name = lead.group("lead") + name + (tail.group("tail") if tail else "")
        # "……百强县市潍坊入围名单(中国中小城市发展指数研究课题组发布)": who published it, in
        # the heading's note
        noted = _NOTED_PUBLISHER.search(name.strip())
        normal = _norm_list(name)
        if text[span.start - 1:span.start] in ("《", "“", '"') and not normal.endswith("结果") \
                and _TRAILING_NOTE.sub("", name.strip()).endswith(normal + "结果"):
            # 《2021年度全省县域经济发展综合评价结果》: a title the text quotes whole keeps its
            # 结果 (as annotators copy it), where "X考核结果显示" in prose names the evaluation
            normal += "结果"
        name = _specific(text, normal)
        prefix = _PUBLISHER_PREFIX.match(name)
        own_publisher = noted.group("org") if noted and _ORG.fullmatch(noted.group("org")) \
            else None
        if prefix:  # "陕西省统计局2024年度全省……十强县": the publisher, then the list
            own_publisher, name = prefix.group("org"), name[prefix.end():]
        name = _part_of_named(text, name, span.start)
        short = re.fullmatch(r"((?:19|20)\d\d年度?)(考核|考评|评价|测评|排名)", name)
        if short:
            # "延吉市在2021年度考核中排名第2位": the year's evaluation named in full before
            full = {n for n in re.findall(rf"{short.group(1)}[\u4e00-\u9fff()、]{{2,30}}?{short.group(2)}"
                                          r"(?=中|结果|排名|,|。)", text[:span.start])
                    if not re.search(r"[在的,。]", n)}
            if len(full) == 1:
                name = full.pop()
        if name in by_name:
            return by_name[name]
        year = _year(name)
        if year is None and re.match(_PERIOD, name) and this_year is not None:
            year = this_year  # "今年前三季度全市县域经济考核": this year's
        if year is None and released_in is not None:
            year = released_in
        released = re.search(r"((?:19|20)\d\d)年(?:发布|公布|推出)的$", text[max(0, span.start - 12):span.start])
        if year is None and released:  # "2011年发布的第十一届……": the year it was released
            year = int(released.group(1))
        if year is None and re.match(r"第[\d一二三四五六七八九十]+[届期]", name) and \
                this_year is not None:
            year = this_year  # "第十七届……百强县" released this year: this year's
            said = text[doc.sentence_of(span).start:span.start]
            told = re.findall(r"((?:19|20)\d\d)年", said)
            if told:  # "2016年8月,X发布“第十六届……”": the year the sentence tells
                year = int(told[-1])
            elif re.search(r"那年|当年|同年", said):
                # "2016年的夏天……。那年8月,X发布“第十六届……”": the year told just before
                year = _year_told_before(text, span.start - len(said),
                                         span.start - len(said) - 300) or year
        as_written = name  # (as the text writes it, where who published it is told)
        if year is None:
            # "据……发布的《中国县域经济发展报告(2023)》,……进入“全国县域经济综合竞争力百强县
            # (市)”": the year of the report the list is in (the list's own name has none)
            report = re.findall(r"《([^》]*?\((?:19|20)\d\d\)[^》]*)》",
                                text[doc.sentence_of(span).start:span.start])
            year = _year(report[-1]) if report else None
        if year is None:
            said = text[doc.sentence_of(span).start:span.start]
            written = re.match(r"((?:19|20)\d\d)年(?:度)?,", said)
            if written:  # "2024年,英德市在广东省县域……评价中居全省第三"
                year = int(written.group(1))
            elif this_year is not None and "去年" in said:
                year = this_year - 1  # "去年,蓬莱区在全省营商环境评价中居全省第3"
            elif this_year is not None and "今年" in said:
                year = this_year
            elif re.search(r"当年|那年|同年", said):
                # "根据当年公布的结果": the year the story told last, before the sentence
                year = _year_told_before(text, span.start - len(said))
            if year is not None and not re.match(r"第[\d一二三四五六七八九十]+[批届期]", name):
                # the year is part of the list's name: 2023's evaluation is not 2024's (a list
                # with its ordinal, 第三批, is told apart by it)
                name = f"{year}年{name}"
                if name in by_name:
                    return by_name[name]
        if year is None:
            # "公布2018年度全省县域经济发展评价结果,全省县域经济实力十强县(市)依次为": the year
            # of the evaluation the sentence says the list is part of
            evaluated = re.findall(r"((?:19|20)\d\d)年度", text[doc.sentence_of(span).start:span.start])
            if not evaluated:
                # "……公布了2017年度全省县域经济发展综合评价结果。在“十强县(市)”中,……": the
                # evaluation the sentence before names, in the same paragraph
                sent = doc.sentence_of(span)
                before = text[max(text.rfind("\n", 0, sent.start) + 1,
                                  doc.sentence_of(Span(max(sent.start - 2, 0),
                                                       max(sent.start - 1, 0))).start):sent.start]
                evaluated = re.findall(r"((?:19|20)\d\d)年度[^。\n]{0,30}?(?:评价|考核|考评|测评|评估|评选)"
                                       r"结果。$", before)
            year = int(evaluated[-1]) if evaluated else None
            if year is None and lists and re.search(r"同时|同期|一并",
                                                    text[doc.sentence_of(span).start:span.start]):
                year = lists[-1].year  # "在同时公布的……十佳县(市)中": the same release's
            if year is None and name.startswith("各"):
                # "2022年度各区空气质量排名……。在各区PM2.5浓度改善幅度排名中": the units of one
                # city ranked again, in the year of the ranking of them told before
                year = next((o.year for o in reversed(lists) if o.span.start < span.start
                             and o.year is not None and "各" in o.name), None)
        rl = RankingList(key=f"r{len(lists) + 1}", name=name, year=year,
                         publisher=own_publisher or _publisher(text, as_written, span.start), span=span,
                         evidence=doc.sentence_of(span))
        lists.append(rl)
        by_name[name] = rl
        return rl

    def place_in(span: Span) -> PlaceMention | None:
        inside = [p for p in places if span.start <= p.span.start and p.span.end <= span.end]
        # "江苏海门市": the most specific division wins.
        order = {"county": 0, "prefecture": 1, "province": 2}
        inside.sort(key=lambda p: (order.get(p.place.level, 3), -p.span.start))
        return inside[0] if inside else None

    def add(rl: RankingList, rank: int, pm: PlaceMention, span: Span) -> None:
        if any(p.list_key == rl.key and p.place == pm.place for p in placements):
            return
        if pm.place.level == "province" and _OF_COUNTIES.search(rl.name):
            return  # "江苏、浙江分别有10个区上榜,位列第二、第三": a tally, not a member
        size = _list_size(rl.name)
        if size is not None and rank is not None and rank > size and re.search(
                r"无缘|未能?(?:进入|入围|上榜|跻身)|落选|之外|榜外", text[span.start:span.end + 30]):
            return  # "排在第103位,以微弱差距无缘百强": outside the list of the hundred, it says
        placements.append(Placement(rl.key, rank, pm.place, span, doc.sentence_of(span)))

    quoted = [(m.start("name"), m.group("name")) for m in _QUOTED.finditer(text)
              if (_LISTY.search(m.group("name")) or _RESULT_AFTER.match(text, m.end()))
              and not _SAID.search(m.group("name"))
              # 《关于表彰……先进县的决定》: a document about the list, not the list
              and not re.search(r"^关于|(?:决定|通知|通报|意见|办法|方案)$", m.group("name"))]
    # Lists named without quotes: "在2020年全国综合实力百强县评选中".
    quoted += [(m.start("name"), m.group("name")) for m in _UNQUOTED.finditer(text)
               if not any(q <= m.start("name") < q + len(n) + 2 for q, n in quoted)]
    # (only when the sentence says which year's: a headline's "在全省X考核中位居第一" is the
    # list the body names with its year)
    quoted += [(m.start("name"), m.group("name")) for m in _UNQUOTED_SCOPE.finditer(text)
               if not any(q <= m.start("name") < q + len(n) + 2 for q, n in quoted)
               and (re.search(r"去年|今年|^(?:19|20)\d\d年(?:度)?,",
                              text[doc.sentence_of(Span(m.start(), m.end())).start:m.start()])
                    # ("在各区PM2.5浓度改善幅度排名中" in the body, after the year's list)
                    or m.group("name").startswith("各") and "\n" in text[:m.start()])]
    quoted += [(m.start("name"), m.group("name")) for m in _CONTEST.finditer(text)
               if not any(q <= m.start("name") < q + len(n) + 2 for q, n in quoted)]
    quoted += [(m.start("name"), m.group("name")) for m in _ORDERED_NAME.finditer(text)
               if not any(q <= m.start("name") < q + len(n) + 2 for q, n in quoted)
               # ("评价结果显示,综合实力前十强依次为": the top of the evaluation named before)
               and not re.search(r"前[十百]强", m.group("name"))]
    quoted.sort()

    counts: dict[str, int] = {}
    for p in places:
        counts[p.place.code] = counts.get(p.place.code, 0) + 1
    home_place = max(places, key=lambda p: (counts[p.place.code], -p.span.start)) \
        if places else None

    def quoted_list(q: tuple[int, str]) -> RankingList:
        """The list named at ``q`` (its position and name)."""
        return get_list(q[1], Span(q[0], q[0] + len(q[1])))

    def recent_quoted(pos: int) -> tuple[int, str] | None:
        """The list named in quotes most recently before ``pos`` (within a few paragraphs), or
        the one its paragraph calls back by a part of its name ("县市榜单中" after 《……百强县市》
        and 《……百强区》 were named together)."""
        before = [q for q in quoted if pos - 800 < q[0] < pos]
        if not before:
            return None
        para_start = text.rfind("\n", 0, pos) + 1
        back = [m for m in _LIST_BACKREF.finditer(text, para_start, pos)
                if m.start() >= before[-1][0] + len(before[-1][1])]
        if back:
            key = back[-1].group("key")
            named = [q for q in before if key in q[1]]
            if named and len({n for _, n in named}) == 1:
                return named[-1]
        return before[-1]

    # 1. Lists written as lines: "第21位 江苏海门市", "- 第1名 昆山市", "1. 江苏昆山市", or a
    #    table row "7  义乌市  金华市". The list is the title line above the block, or the list
    #    the text last named in quotes.
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    recent: list[tuple[int, str]] = []  # the last non-placement lines, newest last
    current: RankingList | None = None
    for start, raw in lines:
        line = raw.strip()
        if not line:
            continue
        m = _LINE.match(raw) or _LINE_PLACE_FIRST.match(raw) or _LINE_CN.match(raw)
        pm = None
        if m:
            rest_span = Span(start + m.start("rest"), start + m.end("rest"))
            pm = place_in(rest_span)
            if pm is not None and m.re is _LINE_CN and pm.span != rest_span:
                pm = None
        if m and pm is not None:
            if current is None:
                # (a Markdown table's head and rule under a paragraph under the heading)
                header = next(((hs, hl) for hs, hl in reversed(recent[-5:])
                               if _is_header(hl)), None)
                q = recent_quoted(start)
                # (a title naming a kind of list of its own, "县域经济发展进步县名单如下:"; not a
                # part of the list named above, "江苏入围县(市)名单")
                own = header is not None and re.search(_MEMBER_END, header[1])
                heading = header  # (where the paragraphs about the list are)
                if header is not None and q is not None and (
                        not re.search(r"\d{4}", header[1]) and not own or q[0] > header[0]):
                    # "综合竞争力前十位省份": the list is the one named above; and a list named
                    # after the title line ("同期发布的《X》中,……上榜:") is the nearer one
                    header = None
                if header is not None:
                    hs, hl = header
                    hl = _header_text(hl)
                    off = lines_text_offset(text, hs, hl)
                    name = hl.strip("*#- ")
                    if _names_no_list(hl):
                        # "## 一、评价结果" under "2023年度各区营商环境评价结果揭晓": the
                        # evaluation the article named before, unquoted
                        named = list(_UNQUOTED_RESULTS.finditer(text, 0, hs))
                        if named:
                            name = named[-1].group("n")
                    year = re.match(r"(?:19|20)\d\d年度?", _norm_list(q[1])) if q else None
                    name = _LEADING_LABEL.sub("", name)
                    evaluation = re.fullmatch(r"(?P<e>(?:19|20)\d\d年度?[\u4e00-\u9fff]{4,30}?)"
                                              r"(?:监测|评价|考核|测评|考评|监测评价|综合评价)(?:结果)?",
                                              _norm_list(q[1])) if q else None
                    if not re.search(r"\d{4}", _norm_list(name)) and evaluation and \
                            re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:县|区|市|旗)(?:\([^()]*\))?",
                                         _norm_list(name)):
                        # "发布2023年度全省县域经济社会发展监测结果" above "## 一、十强县": the
                        # evaluation's class of county, "2023年度全省县域经济社会发展十强县"
                        name = evaluation.group("e") + name
                    elif not re.search(r"\d{4}", name) and year:
                        # "县域经济发展进步县名单如下:" after "发布了2024年度……排名和……进步县名单":
                        # a list of its own, of the year of the list named with it
                        name = year.group() + name
                    current = get_list(name, Span(off, off + len(hl)))
                else:
                    if q is None:
                        continue
                    current = quoted_list(q)
                    group = next((g for gs, gl in reversed(recent[-5:]) if gs > q[0]
                                  and (g := re.match(r"#*\s*(?P<g>[\u4e00-\u9fff]{1,6}组)\s*[:：]",
                                                     gl.strip()))), None)
                    if group:  # "## 川区组:……" above the table: the evaluation's group
                        base = current
                        current = get_list(f"{base.name}({group.group('g')})",
                                           Span(q[0], q[0] + len(q[1])))
                        if current.publisher is None and base.publisher:
                            k = lists.index(current)
                            current = lists[k] = by_name[current.name] = dataclasses.replace(
                                current, publisher=base.publisher)
                if heading is not None and current.publisher is None and _names_no_list(heading[1]):
                    # a list named above "## 一、评价结果": who conducted it is told under the
                    # heading
                    hl = _header_text(heading[1])
                    off = lines_text_offset(text, heading[0], hl)
                    under = _conducted_by(text, dataclasses.replace(current, span=Span(off, off + len(hl))))
                    if under:
                        k = lists.index(current)
                        current = lists[k] = by_name[current.name] = dataclasses.replace(
                            current, publisher=under)
            # ("1. 第3位 深圳南山区": an item's number, then its rank)
            g = m.groupdict()
            n = g.get("n1") or g.get("n6") or g.get("n2") or g.get("n3") or g.get("n4") or \
                g.get("n5") or g.get("n7") or g.get("n8")
            said_after = _RANK_AFTER.search(raw)
            if said_after and g.get("n2") and not g.get("n6"):
                n = said_after.group("n")  # "1. 都江堰市,第33位": an item's number, its rank after
            note = _RANK_NOTE.search(raw)
            if note:  # "1.江苏省南京市江宁区(全国第五位)": the rank is in the note
                n = note.group("n")
            try:
                rank = parse_int(n)
            except ValueError:
                continue
            add(current, rank, pm, Span(start + m.start(), start + m.end()))
        else:
            current = None
            recent.append((start, line))

    # 1b. A table of places by list: "县(市)  2024中国县域经济百强  2024年度全国综合实力百强县市",
    #     then "长沙县  5  4": each column after the places' is a list, each cell a rank.
    k = 0
    while k < len(lines):
        start, raw = lines[k]
        k += 1
        if not _YEARISH.search(raw) or not any(sep in raw for sep in ("\t", "|", "  ", "\u3000")):
            continue  # (most lines: no table head of lists, and splitting them costs)
        head = [c for c in _TABLE_CELL.split(raw.strip().strip("|")) if c.strip()]
        if len(head) < 2 or not _PLACE_HEAD.fullmatch(head[0].strip()) or not all(
                _LISTY.search(c) and re.search(r"(?:19|20)\d\d", c) for c in head[1:]):
            continue
        cols = [get_list(c.strip(), Span(start + raw.find(c.strip()),
                                         start + raw.find(c.strip()) + len(c.strip())))
                for c in head[1:]]
        while k < len(lines):
            rstart, row_raw = lines[k]
            if not row_raw.strip() or set(row_raw.strip()) <= set("-:| "):
                k += 1
                continue
            cells = [c for c in _TABLE_CELL.split(row_raw.strip().strip("|")) if c.strip()]
            at = rstart + row_raw.find(cells[0].strip()) if cells else -1
            pm = place_in(Span(at, at + len(cells[0].strip()))) if cells else None
            if pm is None or len(cells) != len(head):
                break
            for rl, cell in zip(cols, cells[1:], strict=True):
                if re.fullmatch(r"\d{1,3}", cell.strip()):
                    add(rl, int(cell.strip()), pm, Span(at, rstart + len(row_raw.rstrip())))
            k += 1

    # 2a. "仙桃市、宜都市分列第二、第四位": several places, several ranks, in order.
    for m in _SPLIT_RANKS.finditer(text):
        q = (m.start("list"), m.group("list")) if m.group("list") else recent_quoted(m.start())
        joined = re.match(r"(?:入选|入围|跻身|进入)[“\"《](?P<n>[^”\"》\n]{4,40})[”\"》]", text[m.end():])
        if joined and _LISTY.search(joined.group("n")):
            # "长葛市、禹州市还分别以第41位、第87位入选“2023全国县域营商环境百强”": the list
            # named after the ranks
            q = (m.end() + joined.start("n"), joined.group("n"))
        sent = doc.sentence_of(Span(m.start(), m.end()))
        ranks = re.findall(rf"第?({_NUM})(?:位|名)?", m.group("ranks"))
        span = re.fullmatch(rf"第({_NUM})(?:位|名)?(?:至|到|—|-)第?({_NUM})(?:位|名)?", m.group("ranks"))
        if span:  # "分列第二至第五位": one rank each, in order
            try:
                a, b = parse_int(span.group(1)), parse_int(span.group(2))
            except ValueError:
                continue
            ranks = [str(n) for n in range(a, b + 1)] if 0 < b - a < 30 else []
        several = None if m.group("list") or joined else \
            _lists_before(text, sent.start, m.start(), len(ranks))
        subject = _subject_before(text, places, sent.start, m.start()) if several else None
        if several and subject is not None:
            # "在……发布的《A》《B》和《C》中,溧阳市分别位列第12、35、47位": one place, a rank
            # in each list (a year written once, before the first name, is every list's)
            first_year = _year(several[0][1])
            for (at, name), n in zip(several, ranks, strict=True):
                rl = quoted_list((at, name))
                if rl.year is None and first_year is not None:
                    lists[lists.index(rl)] = by_name[rl.name] = rl = replace(rl, year=first_year)
                try:
                    add(rl, parse_int(n), subject, Span(subject.span.start, m.end()))
                except ValueError:
                    continue
            continue
        listed = _listed_places(text, places, sent, m.start(), len(ranks))
        if listed is None or q is None:
            continue
        rl = quoted_list(q)
        for pm, n in zip(listed, ranks, strict=True):
            try:
                add(rl, parse_int(n), pm, Span(pm.span.start, m.end()))
            except ValueError:
                continue

    # 2c. "前十名依次为:北京、深圳、上海……": ranks in the order written.
    for m in _IN_ORDER.finditer(text):
        q = recent_quoted(m.start())
        if q is None:
            continue
        first = parse_int(m.group("from")) if m.group("from") else 1
        start_at = m.end()
        if not text[start_at:start_at + 40].split("\n", 1)[0].strip():
            # "排名前五的依次为:" ending its line: the items are the next line
            nl = text.find("\n", start_at)
            while nl >= 0 and nl + 1 < len(text) and text[nl + 1] in "\n \t":
                nl += 1
            start_at = nl + 1 if nl >= 0 else start_at
        line_end = min([i for i in (text.find("。", start_at), text.find("\n", start_at))
                        if i >= 0] or [len(text)])
        listed = sorted((p for p in places if start_at <= p.span.start < line_end),
                        key=lambda p: p.span.start)
        listed = [p for k, p in enumerate(listed)  # 深圳市南山区: one item, the district
                  if not (k + 1 < len(listed) and listed[k + 1].span.start == p.span.end)]
        # one mention per item of the list: the items are separated by 、 (or 和)
        items, last_end = [], m.end()
        gaps = r"[、,;和及\s]*(?:\((?:[一二三四五六七八九十]+|\d+)\)\s*)?"  # (一)晋江市;(二)石狮市
        for p in listed:
            gap = text[last_end:p.span.start]
            if not items and last_end < start_at:
                gap = text[start_at:p.span.start]
            for parent in places:  # "江苏昆山市、江苏江阴市": the province before each item
                if p.span.start - len(gap) <= parent.span.start and parent.span.end == p.span.start:
                    gap = gap[:len(gap) - (parent.span.end - parent.span.start)]
            if re.fullmatch(gaps, gap) or (items and p.span.start > 0 and
                                                    any(q.span.end == p.span.start
                                                        for q in places)
                                                    and re.fullmatch(r"[、,和及\s]*[\u4e00-\u9fff]{0,9}", gap)):
                items.append(p)
                last_end = p.span.end
            elif items:
                break
        top = re.match(r"前([\d一二两三四五六七八九十]+)", m.group())
        if top and not m.group("from"):
            # "前五位的县(市、区)依次是A、B、C、D、E;F、G获评……": no more than five
            try:
                items = items[:parse_int(top.group(1))]
            except ValueError:
                pass
        if len(items) < 2:
            continue
        rl = quoted_list(q)
        for k, pm in enumerate(items):
            add(rl, first + k, pm, Span(pm.span.start, pm.span.end))

    # 2d. "排名依次为:第一名长沙县,第二名浏阳市……": a rank written right before its place.
    starts = {p.span.start: p for p in places}
    for m in re.finditer(rf"第(?P<n>{_NUM})名:?[ \t]*", text):
        pm = starts.get(m.end())
        q = recent_quoted(m.start())
        if pm is None or q is None or \
                re.fullmatch(r"[ \t\u3000\-*+•·]*", text[text.rfind("\n", 0, m.start()) + 1:m.start()]) or \
                re.search(r"(?:排名|位列|名列|位居|居|列|排在|排)$", text[max(0, m.start() - 3):m.start()]):
            continue  # line-initial ranks were read above; "X排名第三名" ranks X
        try:
            rank = parse_int(m.group("n"))
        except ValueError:
            continue
        add(quoted_list(q), rank, pm, Span(m.start(), pm.span.end))

    # 2e. "晋江市位列第4位,南安市第22位": the verb left out after the first.
    ends = {p.span.end: p for p in places}
    for m in re.finditer(rf"第(?P<n>{_NUM})(?:位|名)(?=[,;。、]|$)", text):
        pm = ends.get(m.start())
        q = recent_quoted(m.start())
        if pm is None or q is None:
            continue
        try:
            rank = parse_int(m.group("n"))
        except ValueError:
            continue
        add(quoted_list(q), rank, pm, Span(pm.span.start, m.end()))

    # 2g. "仁怀市位列“2021年度全国综合实力百强县市”第41位": the verb, the list, then the rank.
    for m in _VERB_LIST_RANK.finditer(text):
        pm = ends.get(m.start())
        q = next((q for q in quoted if q[0] == m.start("name")), None)
        if pm is None or q is None:
            continue
        try:
            rank = parse_int(m.group("n"))
        except ValueError:
            continue
        add(quoted_list(q), rank, pm, Span(pm.span.start, m.end()))

    # 2f. "福清市跃升至第15位,较2022年的第21位上升6位": the rank in the same list of an earlier
    #     year (the series' list of that year, named as this year's with the year changed).
    for m in _EARLIER_RANK.finditer(text):
        q = recent_quoted(m.start())
        if q is None or not re.search(r"(?:19|20)\d\d", q[1]):
            continue
        clause_start = max(text.rfind(c, 0, m.start()) for c in ",;。\n") + 1
        cands = [p for p in places if clause_start <= p.span.start < m.start()]
        if not cands and text[clause_start - 1:clause_start] == ",":
            # "福清市跃升至第15位,较2022年的第21位": the subject of the clause before
            prev = max(text.rfind(c, 0, clause_start - 1) for c in ",;。\n") + 1
            cands = [p for p in places if prev <= p.span.start < clause_start]
        if not cands:
            continue
        try:
            rank = parse_int(m.group("n"))
        except ValueError:
            continue
        name = re.sub(r"(?:19|20)\d\d", m.group("y"), _norm_list(q[1]), count=1)
        add(get_list(name, Span(m.start(), m.end())), rank, cands[0],
            Span(cands[0].span.start, m.end()))

    # 2b. "南康区、章贡区、赣县区分列前三位": ranks 1..N in the order written.
    for m in _TOP_N.finditer(text):
        q = recent_quoted(m.start())
        if q is None:
            continue
        sent = doc.sentence_of(Span(m.start(), m.end()))
        # the places listed right before the verb ("迁安市、武安市、三河市位列前三",
        # "华亭县,崆峒区,泾川县分别位列全市前三名")
        listed = _enumeration(text, places, sent.start, m.start())
        try:
            n = parse_int(m.group("n"))
        except ValueError:
            continue
        if len(listed) != n:
            continue
        rl = quoted_list(q)
        for rank, pm in enumerate(listed, 1):
            add(rl, rank, pm, Span(pm.span.start, m.end()))

    # 2. Prose: "PLACE 排名第N位" / "位居榜首" clauses after a list named in quotes, up to the
    #    next list name.
    for sent in doc.sentences:
        s_text = text[sent.start:sent.end]
        hits = [(m, None) for m in _PROSE.finditer(s_text)
                # (a run's last place ends on the full stop, "……,C第三。", but "增速居许昌市
                # 第一。" alone ranks something in 许昌市: no run before it)
                if not (m.group().startswith("第") and s_text.startswith("。", m.end())
                        and not _RUN_ITEM.search(s_text, 0, m.start()))] + \
               [(m, 1) for m in _TOP.finditer(s_text)] + \
               [(m, None) for m in _PAREN_RANK.finditer(s_text)] + \
               [(m, None) for m in _RANK_TO.finditer(s_text)]
        for pm_match, fixed in sorted(hits, key=lambda h: h[0].start()):
            abs_start = sent.start + pm_match.start()
            q = recent_quoted(abs_start)
            if q is None:
                continue
            name_end = q[0] + len(q[1])
            clause_start = max(s_text.rfind(c, 0, pm_match.start()) for c in ",;、。") \
                + sent.start
            cands = [p for p in places if max(clause_start, name_end) <= p.span.start < abs_start]
            if not cands and clause_start > sent.start:  # "昌吉市挺进前50强,位列第46"
                prev_start = max(s_text.rfind(c, 0, clause_start - sent.start - 1)
                                 for c in ",;、。") + sent.start
                cands = [p for p in places
                         if max(prev_start, name_end) <= p.span.start < clause_start]
            if not cands and clause_start > sent.start:
                # "诸城市还入选“2020年度……百强县”,排名第41位": the place that entered the list
                # named in the clause before
                prev_start = max(s_text.rfind(c, 0, clause_start - sent.start - 1)
                                 for c in ",;、。") + sent.start
                if prev_start <= q[0] < clause_start:
                    cands = [p for p in places if prev_start <= p.span.start and p.span.end <= q[0]
                             and _ENTERED.fullmatch(text, p.span.end, q[0])]
            if not cands and clause_start <= q[0]:
                # "蓬莱区在全省营商环境评价中居全省第3": the place before the list it ranks in
                # (铜山区在X课题组发布的“……百强区”中位列第46位: with who published it)
                cands = [p for p in places if clause_start <= p.span.start and p.span.end <= q[0]
                         and _PLACE_IN.fullmatch(text, p.span.end, q[0])]
            if not cands and clause_start > sent.start and \
                    re.fullmatch(r"[,;、]?\s*(?:则|也|还|均|再次|继续|同时)?在[“\"《]?",
                                 text[clause_start:q[0]]):
                # "神木市表现同样抢眼,在“X”中位列第38位,较上年前移4位,在“Y”中位列第44位": the
                # sentence's subject, carried over its clauses
                prior = [p for p in places if sent.start <= p.span.start < clause_start]
                if prior and not re.search(r"[;。]", text[prior[-1].span.end:clause_start]):
                    cands = [prior[-1]]
            if not cands:
                own = re.search(r"(?:我|本)(市|县|区)", s_text)
                if own and home_place is not None and home_place.place.name.endswith(own.group(1)):
                    cands = [home_place]  # "我市……居第24位"
                else:
                    continue
            pm = max(cands, key=lambda p: p.span.start)
            try:
                rank = fixed or parse_int(pm_match.group("n"))
            except ValueError:
                continue
            rl = quoted_list(q)
            tied = [pm]
            if text[abs_start - 1:abs_start] == "并":  # "新郑市、长葛市并列第41名": a tie
                tied = next((run for n in (4, 3, 2)
                             if (run := _listed_places(text, places, sent, abs_start, n))), tied)
                if text[tied[0].span.start - 1:tied[0].span.start] in ("与", "同", "和"):
                    tied = [pm]  # "入围数量与烟台市,潍坊市并列第一": tied with them in a count
            for pm in tied:
                add(rl, rank, pm, Span(tied[0].span.start, sent.start + pm_match.end()))
    # 2b. Ranks told inline, one after another: "具体位次为:第1位互助土族自治县,第2位格尔木市,……"
    #     (three or more in a sentence, each place right after its rank), in the list named last
    for sent in doc.sentences:
        run = []
        for m in _INLINE_RANK.finditer(text, sent.start, sent.end):
            pm = next((p for p in places if p.span.start == m.end()), None)
            if pm is not None:
                run.append((m, pm))
        if len(run) < 3 or "\n" in text[run[0][0].start():run[-1][1].span.end]:
            continue  # (lines of a list are read as lines, above)
        q = recent_quoted(run[0][0].start())
        if q is None:
            continue
        rl = quoted_list(q)
        for m, pm in run:
            try:
                rank = parse_int(m.group("n"))
            except ValueError:
                continue
            add(rl, rank, pm, Span(m.start(), pm.span.end))
    # 3. Lists without ranks: places named together as members ("西吉县、海原县获评2018年度
    #    全区县域经济发展进步奖", "在X先进县名单中,A、B一同入选", or one place a line under
    #    "评出了X进步县10个,名单如下:").
    for name_at, name, members, span in _memberships(text, places, lines):
        rl = get_list(name, Span(name_at, name_at + len(name)))
        for pm in members:
            add(rl, None, pm, span if span is not None else pm.span)
    # (a notice's table of the officials it names is no ranking: "拟任职干部名单")
    personnel = {rl.key for rl in lists if _PERSONNEL_LIST.search(rl.name)}
    placements = [p for p in _without_restatements(lists, placements, text)
                  if p.list_key not in personnel]
    lists, placements = _by_class(lists, placements, text)
    lists = [_named_in_note(rl, placements, text) for rl in lists]
    used = {p.list_key for p in placements}
    unranked = {p.list_key for p in placements if p.rank is None}
    lists = [_with_series_publisher(rl, lists, text, quoted, rl.key in unranked)
             for rl in lists if rl.key in used]
    # once more, for lists whose kin (the same release's other lists under their own
    # headings) found their publisher only in the first pass
    lists = [_with_series_publisher(rl, lists, text, quoted, rl.key in unranked) for rl in lists]
    lists = [_told_with_placements(rl, placements, text) for rl in lists]
    return RankingsResult(sorted(lists, key=fact_order), sorted(placements, key=fact_order))


_YEARISH = re.compile(r"(?:19|20)\d\d")
_INLINE_RANK = re.compile(rf"(?<=[,、;:为是])第(?P<n>{_NUM})(?:位|名)[:]?[ \t]*")
_TABLE_CELL = re.compile(r"\t+|\s*\|\s*| {2,}|\u3000+")
_PLACE_HEAD = re.compile(r"县\s*[(（]?市(?:、区)?[)）]?|县市区?|区县|县区|地区|城市|县|市|区|旗|名称")
_ENTERED = re.compile(r"(?:还|也|则|再次|首次|成功|均)?(?:入选|入围|进入|跻身|上榜|列入|被列入)"
                      r"(?:由?[^,。;“”\"《》]{2,30}?(?:发布|公布|推出|评选)的)?[“\"《]?")
_PLACE_IN = re.compile(r"(?:则|也|还|均|再次|继续)?在(?:[^,。;“”\"《》]{2,30}?(?:发布|公布|推出|评选|开展)的)?[“\"《]?")


# The kinds of list that name members without ranks: 先进县(市), 示范区, 进步奖, 百强县 ...
_MEMBER_END = (r"(?:(?:考核|考评|评价)?(?:优秀|先进)等次|(?:先进|示范|进步显著|进步最快|进步|百强|[十百千]强|\d+强|试点|达标|标兵|优胜|红旗)"
               r"(?:县市区|县市|县|市|区|旗|单位|集体)(?:\([县市区、]{1,5}\))?|进步奖|优胜奖|先进奖)")
_MEMBER_KIND = re.compile(_MEMBER_END)  # (a cheap test before the rest)
_MEMBER_NAME = (r"(?P<name>(?:(?:19|20)\d\d年度?)?(?:[\u4e00-\u9fff\d]|\([\u4e00-\u9fff、]{1,6}\)){2,30}?"
                + _MEMBER_END + r")")
# (the verb first: a pattern that starts with a literal is scanned for fast; the adverbs before
# it, 一同入选, are skipped by hand)
_JOINED = re.compile(r"(?:获评|入选|被评为|荣获|被命名为|被确定为|被授予|获得|跻身|被列为|列入|被列入)了?为?"
                     + _MEMBER_NAME + r"(?:称号|荣誉称号|名单|行列)?(?=[,。;、]|$|\((?:按|排名|排序))")
_ADVERBS = re.compile(r"(?:一同|一起|均|都|同时|共同|分别|先后|则|也)?(?:成功)?$")
# "在2022年度……先进县(市)名单中,A、B……入选", "在该杂志社同期发布的“2025……创新案例”中,A、B入选"
_IN_LIST = re.compile(r"在(?:" + _MEMBER_NAME + r"(?:名单|榜单)|[^,。“\"《]{0,16}?[“\"《]"
                      r"(?P<quoted>[^”\"》]{4,40})[”\"》](?:名单|榜单)?)中,")
# "A、B、C入选辽宁省农业农村厅公布的“2024年全省乡村振兴示范县”名单": the members, the verb,
# who published the list, its quoted name
_JOINED_QUOTED = re.compile(r"(?:入选|列入|被列入|纳入|被纳入|被评为|获评|被命名为|被确定为)(?:了)?(?P<pub>[^,。;“”\"]{2,30}?"
                            r"(?:公布|发布|确定|认定|命名)的)?[“\"](?P<quoted>[^”\"]{4,40})[”\"]"
                            r"(?:名单|榜单|行列)?")
# "评出双峰县、平江县、新化县等5个2017年度全省县域经济发展先进县": the members, then the list
_PICKED = re.compile(r"(?:评出|评选出|确定|命名)了?(?P<members>[^,。;:]{2,120}?)等?"
                     r"(?:\d+|[一二三四五六七八九十]+)个" + _MEMBER_NAME)
_LIST_FOLLOWS = re.compile(r"(?:评出|评选出|确定|命名|公布|认定|入选|获评|被命名为|通报)了?为?"
                           + _MEMBER_NAME + r"(?:\d+|[一二三四五六七八九十]+)?个?,?"
                           r"(?:名单如下|分别是|如下|名单(?=\(|[:]$))(?:\((?:排名|排序)不分先后\))?[:]?$")
# "……还有“2021年度县域经济高质量发展进步县”,共4个(排名不分先后):" over its members' lines
_LIST_COUNTED = re.compile(r"[“\"]" + _MEMBER_NAME + r"[”\"],?共?(?:\d+|[两一二三四五六七八九十]+)个"
                           r"(?:\((?:排名|排序)不分先后\))?[:]$")
_ENUM_GAP = re.compile(r"[、,和及与]")


# A list called back by a part of its name: "县市榜单中,……", "百强区榜单中,……"
_LIST_BACKREF = re.compile(r"(?:^|(?<=[,。;:\s在]))(?P<key>(?:(?![在的])[\u4e00-\u9fff]){2,6})榜单中", re.M)
_ADVERB_GAP = re.compile(r"\s*(?:继续|仍然?|依然|依旧|再次|也|则|均|还)?\s*")


def _enumeration(text: str, places: list[PlaceMention], start: int, end: int
                 ) -> list[PlaceMention]:
    """The places listed one after another (joined by 、 , 和 与 及) that end right at ``end``,
    not reaching before ``start``; a parent written before its member (安庆市潜山市) is not
    an item."""
    inside = sorted((p for p in places if start <= p.span.start and p.span.end <= end),
                    key=lambda p: p.span.start)
    leaves = [p for k, p in enumerate(inside)
              if not (k + 1 < len(inside) and inside[k + 1].span.start == p.span.end)]
    run: list[PlaceMention] = []
    for p in reversed(leaves):
        edge = run[0].span.start if run else end
        gap = text[p.span.end:edge]
        for q in inside:  # the member's parent city before it is part of the item
            if p.span.end <= q.span.start and q.span.end <= edge and q not in leaves:
                gap = gap.replace(text[q.span.start:q.span.end], "", 1)
        # ("肥西县、肥东县、长丰县继续分列前三位": an adverb between the list and its verb)
        if run and not _ENUM_GAP.fullmatch(gap) or not run and not _ADVERB_GAP.fullmatch(gap):
            break
        run.insert(0, p)
    return run


def _memberships(text: str, places: list[PlaceMention], lines: list[tuple[int, str]]
                 ) -> list[tuple[int, str, list[PlaceMention], Span | None]]:
    """Lists that name their members without ranks: (where the name is, the name, the members,
    the evidence span or None for each member's own)."""
    out = []
    for m in _JOINED.finditer(text):
        if re.fullmatch(_MEMBER_END, m.group("name")):
            continue  # "获评先进县": which list is not said
        clause = max(text.rfind(c, 0, m.start()) for c in "。;\n") + 1
        verb_at = _ADVERBS.search(text, max(clause, m.start() - 4), m.start()).start()
        members = _enumeration(text, places, clause, verb_at)
        if len(members) >= 2 or (members and re.match(r"(?:19|20)\d\d", m.group("name"))):
            out.append((m.start("name"), m.group("name"), members,
                        Span(members[0].span.start, m.end())))
    for m in _JOINED_QUOTED.finditer(text):
        clause = max(text.rfind(c, 0, m.start()) for c in "。;\n") + 1
        verb_at = _ADVERBS.search(text, max(clause, m.start() - 4), m.start()).start()
        members = _enumeration(text, places, clause, verb_at)
        if len(members) >= 2 or (members and re.match(r"(?:19|20)\d\d", m.group("quoted"))):
            out.append((m.start("quoted"), m.group("quoted"), members,
                        Span(members[0].span.start, m.end())))
    for m in _PICKED.finditer(text):
        members = _enumeration(text, places, m.start("members"),
                               m.end("members") - (1 if m.group("members").endswith("等") else 0))
        if len(members) >= 2:
            out.append((m.start("name"), m.group("name"), members, Span(m.start(), m.end())))
    joined = _JOINED_VERB.search(text) is not None  # (no member joins a list without one)
    for m in _IN_LIST.finditer(text) if joined else ():
        after = _JOINED_VERB.search(text, m.end(), min(len(text), m.end() + 80))
        if after is None:
            continue
        members = _enumeration(text, places, m.end(), after.start())
        key = "name" if m.group("name") else "quoted"
        end = after.end()
        listed = _MEMBERS_AFTER.match(text, after.end())
        if len(members) < 2 and listed:
            # "在……“2022年全国营商环境百佳示范县(市)”名单中,江苏共有11个县(市)入选,包括A、B、
            # C等": the members after the verb
            stop = min((i for i in (text.find(c, listed.end()) for c in "。;\n") if i >= 0),
                       default=len(text))
            etc = text.find("等", listed.end(), stop)
            end = etc if etc >= 0 else stop
            members = _enumeration(text, places, listed.end(), end)
        if len(members) >= 2:
            out.append((m.start(key), m.group(key), members, Span(m.start(), max(end, after.end()))))
    # a quoted list said with how many members, then them ("同时公布的“2023年度……进步县(市)”共4个
    # (排名不分先后),分别是阿坝州马尔康市、九寨沟县和甘孜州泸定县、稻城县")
    for m in _COUNTED.finditer(text):
        end = min((i for i in (text.find("。", m.end()), text.find("\n", m.end()),
                               text.find(".", m.end())) if i >= 0), default=len(text))
        members = _enumeration(text, places, m.end(), end)
        if len(members) >= 2:
            out.append((m.start("name"), m.group("name"), members, Span(m.start(), end)))
    # the list's title and its members on one line ("2018年度全省县域经济发展进步奖(排名不分
    # 先后):郧西县、竹山县、监利县。")
    for start, raw in lines:
        m = _TITLE_THEN_MEMBERS.match(raw.strip())
        if m is None:
            continue
        at = start + raw.find(m.group("members"))
        members = _enumeration(text, places, at, at + len(m.group("members").rstrip("。.")))
        if len(members) >= 2:
            out.append((start + raw.find(m.group("name")), m.group("name"), members,
                        Span(start + raw.find(m.group("name")), at + len(m.group("members")))))
    # one member a line (or several, apart), under a sentence that announces them or under
    # the list's title ("2013年度全省县域经济社会发展十佳示范县(排名不分先后):")
    k = 0
    while k < len(lines):
        start, raw = lines[k]
        head = _LIST_FOLLOWS.search(raw.strip()) or _LIST_COUNTED.search(raw.strip())
        if head is None and _MEMBER_KIND.search(raw) and _is_header(raw):
            title = _norm_list(_APPENDED.sub("", raw.strip().strip("*#- ")).rstrip(":"))
            head = re.fullmatch(_MEMBER_NAME, title)
            if head is not None:
                raw = title if raw.find(title) < 0 else raw
        k += 1
        if head is None:
            continue
        members = []
        while k < len(lines):
            s, line = lines[k]
            item = line.strip().lstrip("-*+•·").strip()
            if not item:
                if members:
                    break
                k += 1
                continue
            at = s + line.find(item)
            # the line's items, apart by spaces, 、 or commas: each a place, the last of its
            # parents (昆明市安宁市)
            parts = [(at + p.start(), at + p.end()) for p in re.finditer(r"[^\s、,]+", item)]
            leaves = []
            for a, b in parts:
                found = [p for p in places if p.span.start >= a and p.span.end <= b]
                leaf = max(found, key=lambda p: p.span.end, default=None)
                if leaf is None or leaf.span.end != b:
                    break
                leaves.append(leaf)
            if len(leaves) != len(parts):
                break
            members.extend(leaves)
            k += 1
        if len(members) >= 2:
            name_at = start + raw.find(head.group("name"))
            out.append((name_at, head.group("name"), members, None))
    return out


_COUNTED = re.compile(r"[“\"](?P<name>[^”\"\n]{4,40})[”\"],?共(?:\d+|[两一二三四五六七八九十]+)个"
                      r"(?:\((?:排名|排序)不分先后\))?,?(?:分别是|分别为|包括|即|为)[:]?")
_TITLE_THEN_MEMBERS = re.compile(_MEMBER_NAME + r"(?:\((?:排名|排序)不分先后\))?[:]"
                                 r"(?P<members>[\u4e00-\u9fff、,和及 ]{4,200}[。.]?)$")
# "……入选,包括A、B、C等": the members named after the verb of joining
_MEMBERS_AFTER = re.compile(r"[,:]?(?:包括|分别是|分别为|即)[:]?")
_JOINED_VERB = re.compile(r"(?:一同|一起|均|都|同时|共同|先后)?(?:入选|上榜|在列|获评)")


_ROW_LINE = re.compile(r"\s*(?:\|\s*)?(?:第\s*\d+\s*[位名]|\d+\s*[.、)]|\d+\s*[\t|])")


def _without_restatements(lists: list[RankingList], placements: list[Placement], text: str
                          ) -> list[Placement]:
    """"孝义市连续三年位居榜首" under a table where it is first: the table's placement said
    again in prose, not a list of its own (a list holding only that one placement, which a
    list of the same year has too)."""
    year = {rl.key: rl.year for rl in lists}
    by_list: dict[str, list[Placement]] = {}
    for p in placements:
        by_list.setdefault(p.list_key, []).append(p)
    def said_in(p: Placement, other: str) -> bool:
        return any(q.rank == p.rank and q.place == p.place for q in by_list[other])

    out = []
    for p in placements:
        alone = len(by_list[p.list_key]) == 1 and not _ROW_LINE.match(
            text, p.evidence.start, p.evidence.end)  # a table's own one-line list stays
        if alone and any(q.list_key != p.list_key and year[q.list_key] == year[p.list_key]
                         and q.rank == p.rank and q.place == p.place
                         and len(by_list[q.list_key]) > 1 for q in placements):
            continue
        # "公布……监测评价结果……神木县位居十强县榜首,府谷县、靖边县分列第二、三位" over the
        # 十强县 list itself: every rank of the prose list is the larger list's, said again
        mine = by_list[p.list_key]
        if p.rank is not None and not any(_ROW_LINE.match(text, q.evidence.start, q.evidence.end)
                                          for q in mine) and any(
                other != p.list_key and year[other] == year[p.list_key]
                and len(by_list[other]) > len(mine) and all(said_in(q, other) for q in mine)
                for other in by_list):
            continue
        out.append(p)
    return out


# "二类县市区中", "一类县(市)前十名", "位列一类县市第2名": the class of counties an evaluation
# ranks separately (a province's counties are often assessed in two or three classes)
_CLASS = re.compile(_CLASS_WORD)
_CLASS_NAMED = re.compile(r"[一二三四五六七八九十]类")
_CHUNK_END = re.compile(r"[。;；!?！？\n]")


def _class_before(text: str, start: int, end: int) -> str | None:
    """The last class of counties named in ``text[start:end]``, in the form the list's name
    takes it (brackets as kg writes them)."""
    found = list(_CLASS.finditer(text, start, end))
    return found[-1].group().replace("（", "(").replace("）", ")") if found else None


def _by_class(lists: list[RankingList], placements: list[Placement], text: str
              ) -> tuple[list[RankingList], list[Placement]]:
    """Placements said of one class of counties ("二类县市区中,当阳市位列第3位") moved to that
    class's own list, named as the evaluation's name and the class: the ranks of one class
    are not ranks among all the counties.

    The class is the last one named in the placement's clause (up to its rank), or, for a
    placement on a line of a list, in the last clause of the line that leads the list in."""
    lists_by_key = {rl.key: rl for rl in lists}
    rows_of: dict[str, list[Placement]] = {}
    for p in placements:
        rows_of.setdefault(p.list_key, []).append(p)

    def clause_start(pos: int) -> int:
        ends = [m.end() for m in _CHUNK_END.finditer(text, max(0, pos - 300), pos)]
        return ends[-1] if ends else max(0, pos - 300)

    def lead_in(p: Placement) -> str | None:
        """The class the line before a list's lines names (its last clause)."""
        line_start = text.rfind("\n", 0, p.span.start) + 1
        mine = rows_of[p.list_key]
        while line_start > 0:
            prev = text.rfind("\n", 0, line_start - 1) + 1
            line = text[prev:line_start - 1]
            if not line.strip() or any(prev <= q.span.start < line_start for q in mine):
                line_start = prev  # another line of the list (or a blank one)
                continue
            last = line.rstrip(" :：\u3000\t")
            cut = max(last.rfind("。"), last.rfind(";"), last.rfind("；"))
            return _class_before(line, cut + 1, len(line))
        return None

    subs: dict[tuple[str, str], RankingList] = {}
    out: list[Placement] = []
    for p in placements:
        rl = lists_by_key.get(p.list_key)
        if rl is None or _CLASS_NAMED.search(rl.name):
            out.append(p)
            continue
        cls = _class_before(text, max(clause_start(p.span.start), rl.span.end
                                      if rl.span.end <= p.span.start else 0), p.span.end)
        if cls is None and _ROW_LINE.match(text, p.evidence.start, p.evidence.end):
            cls = lead_in(p)
        if cls is None:
            out.append(p)
            continue
        # (one class however it is written: "一类县(市、区)前三名", then "分列一类县第四、五位")
        sub = subs.get((rl.key, cls[0]))
        if sub is None:
            sub = replace(rl, key=f"{rl.key}c{len(subs) + 1}", name=rl.name + cls)
            subs[(rl.key, cls[0])] = sub
        out.append(replace(p, list_key=sub.key))
    return lists + list(subs.values()), out


# A heading that says only that places are ranked ("## 各市排名"), and the note under a table
# that names the list ("注:表中排名依据省统计局公布的“2022年广东省地级以上市地区生产总值排名”")
_BARE_RANKING = re.compile(r"(?:各(?:市|县|区|县市区|县区|县市|地市|市州|州市|设区市|旗县|旗区)|全省|全市|全区)?"
                           r"(?:排名|排序|排行|排名情况|排序情况)")
_NOTE_NAMES = re.compile(r"(?:依据|根据|据|来源[:：]?|引自|出自)(?:[^“”《》\n。]{0,12}?(?P<org>[\u4e00-\u9fff]{2,20}?)"
                         r"(?:公布|发布|编制|推出)的)?[“《](?P<name>[^”》\n]{4,40})[”》]")


def _named_in_note(rl: RankingList, placements: list[Placement], text: str) -> RankingList:
    """A list under a bare heading takes the name a note right below its lines gives it."""
    if not _BARE_RANKING.fullmatch(rl.name):
        return rl
    mine = [p for p in placements if p.list_key == rl.key]
    if not mine:
        return rl
    last = max(p.evidence.end for p in mine)
    below = text[last:last + 300].split("\n")
    note = "\n".join([line for line in below if line.strip()][:3])
    m = _NOTE_NAMES.search(note)
    if m is None or not _LISTY.search(m.group("name")):
        return rl
    name = _norm_list(m.group("name"))
    org = m.group("org")
    return replace(rl, name=name, year=_year(name) or rl.year,
                   publisher=org if org and _ORG.fullmatch(org) else rl.publisher)


# "此次评价由自治区统计局组织开展": who carried out the evaluation a list comes from
_CONDUCTED = re.compile(r"(?:此次|本次|这次|该项?|这一|今年的?)?(?:评价|评选|评比|排名|考核|考评|监测|评估|测评|榜单|"
                        r"(?<!工作)报告)"  # ("报告由吉林省县域经济研究中心编制": the report the list is in)
                        # (“2021年度……综合考核”结果由X发布: the quoted name, then its results)
                        r"[”\"]?(?:工作|活动|结果)?由\**(?P<org>[\u4e00-\u9fff]{2,30}?)\**"
                        r"(?:组织实施|组织开展|牵头组织|牵头|负责|组织|开展|实施|发布|编制)"
                        # "省统计局评价显示,综合排名前五位的……": the results as that body gives them
                        r"|(?:^|[,。;\n])(?P<org2>[\u4e00-\u9fff]{1,20}?(?:统计局|发展和改革委员会|发改委|研究院|研究中心|"
                        r"领导小组办公室))(?:的)?(?:评价|考核|监测|测评|考评)(?:结果)?显示"
                        # "经省统计局综合评价,2017年度……“十强县(市、区)”按得分高低依次为"
                        r"|经(?P<org3>[\u4e00-\u9fff]{1,20}?(?:统计局|发展和改革委员会|发改委|领导小组办公室))"
                        r"(?:综合)?(?:评价|考核|测评|考评|评定|核定)"
                        # "发布这份榜单的是中国中小城市发展指数研究课题组": named after the list
                        r"|(?:发布|公布|编制|推出)(?:这份|该|此|上述)(?:榜单|名单|排名|排行榜)的(?:是|为)"
                        r"(?P<org4>[\u4e00-\u9fff]{2,30}?)(?=[,。;.\n]|$)"
                        # "省统计局依据各市统计数据,对2021年……地区生产总值进行了排序", "X会同有关部门,从……五个
        # 方面,对全区74个县(区)进行了综合评价": who ranked them
                        r"|(?:^|[,。;\n])(?P<org5>(?:(?![由的])[\u4e00-\u9fff]){1,20}?(?:统计局|发展和改革委员会|发改委|"
                        r"研究院|研究中心|领导小组办公室))(?:会同[^,。;]{1,12}?)?(?:依据|根据|按照|,从)?"
                        r"[^。;]{0,50}?,?对[^。;]{2,40}?进行了?(?:排序|排名|综合评价|评价|考核)")


# "在中国中小城市科学发展评价体系研究课题组日前发布的榜单中": the list just named, and who
# released it
_LIST_RELEASED_BY = re.compile(r"在(?P<org>[\u4e00-\u9fff]{2,30}?)(?:日前|近日|最新|此前|刚刚)?(?:发布|公布|推出)的"
                               r"(?:这份|该|此)?(?:榜单|名单|排名|排行榜|结果)中")
# "报告由四川省县域经济发展研究会编制": who made the report a list is taken from
_REPORT_BY = re.compile(r"(?:该|这份|此)?报告由(?P<org>[\u4e00-\u9fff]{2,30}?)(?:组织|牵头)?"
                        r"(?:编制|编写|撰写|研制|完成|发布)")


def _is_heading(line: str) -> bool:
    """A line that heads what follows (Markdown's "#", or a short line that is no sentence)."""
    line = line.strip()
    return line.startswith("#") or (0 < len(line) <= 30 and not re.search(r"[。,;:!?]", line))


def _conducted_by(text: str, rl: RankingList) -> str | None:
    """The organization said, in the list's paragraph or the one before, to have carried out
    the evaluation ("此次评价由市优化营商环境工作领导小组办公室组织实施")."""
    par = own_start = text.rfind("\n", 0, rl.span.start)
    while par > 0 and not text[text.rfind("\n", 0, par) + 1:par].strip():
        par = text.rfind("\n", 0, par)  # (blank lines between paragraphs)
    start = text.rfind("\n", 0, max(par, 0)) + 1
    for _ in range(3):  # (over headings: "## 一、市县营商环境评价:……" is not the paragraph before)
        heading = text[start:max(par, 0)].strip(" \t\u3000#*")
        if start <= 0 or not heading or len(heading) > 40 or "。" in heading:
            break
        par = start - 1
        while par > 0 and not text[text.rfind("\n", 0, par) + 1:par].strip():
            par = text.rfind("\n", 0, par)
        start = text.rfind("\n", 0, max(par, 0)) + 1
    end = text.find("\n", rl.span.end)
    end = len(text) if end < 0 else end
    if _is_heading(text[own_start + 1:end]):
        # a list named by a heading ("## 一、评价结果"): the paragraph under it is its own
        while end < len(text) and text[end] in "\n \t\u3000":
            end += 1
        end = text.find("\n", end) if text.find("\n", end) >= 0 else len(text)
    nxt = end  # the paragraph after, where "X评价显示" may give the results of a list named
    while nxt < len(text) and text[nxt] in "\n \t\u3000":
        nxt += 1
    after = text.find("\n", nxt)
    found = []
    for m in _CONDUCTED.finditer(text, start, after if after >= 0 else len(text)):
        org = m.group("org") or m.group("org2") or m.group("org3") or m.group("org4") or \
            m.group("org5")
        # "由天津市统计局会同市发展改革委开展": the one that led, not those it worked with
        org = re.split(r"会同(?!时)|联合(?!会)|协同", org)[0]
        if m.group("org") and m.start() > end:
            continue  # "由X组织实施" is said with its list, not a paragraph on
        if _ORG.fullmatch(org):
            found.append((m.start(), org))
    # the list's own paragraph first ("……中,准格尔旗列第17位,这一榜单由X发布"), then the one
    # before
    own = [org for at, org in found if own_start < at <= end]
    return (own or [org for _, org in found] or [None])[0]


_RESULTS_OF = re.compile(r"(?:根据|据|按照)(?P<org>[\u4e00-\u9fff]{2,40}?)?(?:公布|发布|通报)的(?:考核|评价|考评)?"
                         r"(?:结果|排名|名单|数据)"
                         # "青海省人民政府办公厅印发的考核通报显示,……格尔木市第1名"
                         r"|(?:^|(?<=[,。;\n\u3000 ]))(?P<org2>[\u4e00-\u9fff]{2,30}?)(?:印发|发布|公布)的"
                         r"(?:这份|该|此)?(?:考核|评价|考评|测评|榜单|排名)(?:通报|结果)?显示")


def _told_with_placements(rl: RankingList, placements: list[Placement], text: str) -> RankingList:
    """A list still without a publisher whose ranks are told "根据X公布的结果,11个设区市2022年度综合
    考核排名依次为": X, said in the sentence that names the list or one of its placements."""
    if rl.publisher:
        return rl
    # (the sentence that names the list, "根据公布的数据,……排名如下:", or those of its ranks)
    told = [(rl.evidence, rl.span.start)] + [(p.evidence, p.span.start) for p in placements
                                             if p.list_key == rl.key]
    for evidence, before in told:
        said = _RESULTS_OF.search(text, evidence.start, evidence.end)
        if not said:
            # "……办公厅印发的考核通报显示,……蝉联榜首。前十名具体为:A第1名,……": the
            # sentence before, in the same paragraph
            para = text.rfind("\n", 0, evidence.start) + 1
            said = next((m for m in _RESULTS_OF.finditer(text, para, evidence.start)
                         if m.group("org2")), None)
        if not said or said.start() >= before:
            continue
        org = said.group("org") or said.group("org2")
        if org and _ORG.fullmatch(org):
            return dataclasses.replace(rl, publisher=_clean_org(org))
        if not org:
            # "根据公布的数据,……排名如下" after "贵州省统计局……举行新闻发布会,公布……": who
            # released them in the sentence before
            sent_start = max(text.rfind(c, 0, said.start()) for c in "。\n") + 1
            for _ in range(3):  # (the last three sentences)
                prev_start = max(text.rfind(c, 0, max(sent_start - 1, 0)) for c in "。\n") + 1
                while prev_start > 1 and not text[prev_start:sent_start].strip():
                    sent_start = prev_start  # (a blank line between paragraphs)
                    prev_start = max(text.rfind(c, 0, sent_start - 1) for c in "。\n") + 1
                prev = text[prev_start:sent_start]
                verb = re.search(r"公布|发布(?!会)", prev)
                if verb:
                    org = _org_in(prev[:verb.start()])
                    if org:
                        return dataclasses.replace(rl, publisher=org)
                    break
                if prev_start <= 0:
                    break
                sent_start = prev_start
    return rl


def _with_series_publisher(rl: RankingList, lists: list[RankingList], text: str,
                           quoted: list[tuple[int, str]], unranked: bool = False) -> RankingList:
    """A list whose own sentence names no publisher takes it from the article: from the same
    series in another year ("2022年全国县域综合竞争力百强县(市)前5名为" after the 2023 list
    was said to be published by 华夏县域经济研究院), or, for a list named by the heading of its
    table, from the report the paragraphs above say was published ("赛迪顾问发布的《2023中国县
    域经济百强研究》" above "2023赛迪县域经济百强(江苏部分)")."""
    if rl.publisher:
        return rl
    series = re.sub(r"(?:19|20)\d\d年?度?", "", rl.name)
    same = [o for o in lists if o is not rl and o.publisher
            and re.sub(r"(?:19|20)\d\d年?度?", "", o.name) == series]
    if not same:
        conducted = _conducted_by(text, rl) or _released_as_such(text, rl, lists)
        if conducted:
            return dataclasses.replace(rl, publisher=conducted)
        par_end = text.find("\n", rl.span.end)
        released = _LIST_RELEASED_BY.search(text, rl.span.end, par_end if par_end >= 0 else len(text))
        if released and _ORG.fullmatch(released.group("org")):
            # "会议通报了……在2017年全国综合实力百强县市中的位次。在X日前发布的榜单中,……": the
            # list the paragraph named, released by X
            return dataclasses.replace(rl, publisher=_clean_org(released.group("org")))
        sent_start = max(text.rfind(c, 0, rl.span.start) for c in "。\n") + 1
        if re.match(r"\s*(?:根据|据|按照)(?:该|上述|此次|这份)?(?:评价|考核|研究|监测)?(?:报告|结果)",
                    text[sent_start:rl.span.start]):
            # "省统计局局长路明远发布了《2023年度……评价报告》。……根据评价报告,2023年度……综合
            # 评价前十位依次为": the report named before, and who published it
            reports = [(pos, name) for pos, name in quoted if pos < sent_start
                       and name.strip("“”\"《》 ").endswith(_REPORT_END)]
            publisher = _publisher(text, reports[-1][1], reports[-1][0]) if reports else None
            said_by = [m.group("org") for m in _REPORT_BY.finditer(
                text, reports[-1][0] if reports else 0, sent_start) if _ORG.fullmatch(m.group("org"))]
            if not publisher and said_by:
                # "《……发展报告》发布会在成都举行。报告由X编制": the report's maker, said after it
                publisher = _clean_org(said_by[-1])
            if publisher:
                return dataclasses.replace(rl, publisher=publisher)
        said = text[max(text.rfind(c, 0, rl.span.start) for c in "。\n") + 1:rl.span.start]
        earlier = [o for o in lists if o.publisher and o.span.start < rl.span.start]
        if earlier and re.search(r"(?:同期|同时|同步|同日|当天|同一天|一并|还|另)(?:发布|公布|推出)", said):
            # "同期发布的《2022中国县域工业百强》": published by whoever published the list before
            return dataclasses.replace(rl, publisher=max(earlier, key=lambda o: o.span.start
                                                         ).publisher)
        line_start = text.rfind("\n", 0, rl.span.start) + 1
        line_end = text.find("\n", rl.span.end)
        heading = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        in_sentence = heading.startswith(("《", "“")) or len(heading) > len(rl.name) + 12
        said_before = next((pos for pos, name in quoted if pos < line_start
                            and _norm_list(name) == rl.name), None)
        if not in_sentence and said_before is not None:
            # a heading's list the text named before, after a release ("同时,仁怀市还入选
            # “2021年度西部百强县市”" above "2021年度西部百强县市(贵州入选县市)")
            publisher = _report_before(text, dataclasses.replace(
                rl, span=Span(said_before, said_before + len(rl.name))))
            if publisher:
                return dataclasses.replace(rl, publisher=publisher)
        kin = {o.publisher for o in lists if o.publisher and o.year == rl.year
               and len(os.path.commonprefix([o.name, rl.name])) >= 8}
        if (unranked or not in_sentence) and len(kin) == 1:
            # "公布2013年度全省县域经济社会发展监测评价结果,评出十强县和十佳示范县" above the
            # lists' own headings: the lists the evaluation picked come from its publisher
            return dataclasses.replace(rl, publisher=kin.pop())
        if in_sentence:
            # "X发布《2021年……研究成果》。仁怀市位列“2021年度……百强县市”第41位": the
            # sentence before released the report the list is from
            publisher = _report_before(text, rl)
            return dataclasses.replace(rl, publisher=publisher) if publisher else rl
        source = _SOURCE_BELOW.search(text, rl.span.end, min(len(text), rl.span.end + 800))
        if source and not any(rl.span.end < x.span.start < source.start() for x in lists) \
                and _ORG.fullmatch(source.group("org")):
            # a table under its heading, then "*数据来源:中郡县域经济研究所*"
            return dataclasses.replace(rl, publisher=source.group("org"))
        reports = [(pos, name) for pos, name in quoted
                   if pos + len(name) <= rl.span.start and rl.span.start - pos < 600
                   and _year(name) == rl.year
                   and name.strip("“”\"《》 ").endswith(_REPORT_END)
                   and not any(pos < x.span.start < rl.span.start for x in lists)
                   # the report of this list ("2023赛迪县域经济百强(江苏部分)" under 《2023中国
                   # 县域经济百强研究》), not the report of another list the paragraph above
                   # ranked places in
                   and _norm_list(name) not in {o.name for o in lists if o is not rl}]
        publisher = _publisher(text, reports[-1][1], reports[-1][0]) if reports else None
        if publisher is None:
            publisher = _release_above(text, rl, line_start)
        if publisher is None:
            # "X发布了2023年度全国县域系列榜单,我市多个旗区上榜。" above the lists' headings
            series = [m for m in _SERIES_RELEASED.finditer(text, max(0, line_start - 600), line_start)
                      if _year(m.group("what")) in (None, rl.year)]
            if series and not any(series[-1].end() <= o.span.start < rl.span.start and o.publisher
                                  for o in lists if o is not rl):
                sent_start = max(text.rfind(c, 0, series[-1].start()) for c in "。\n!?") + 1
                publisher = _org_in(text[sent_start:series[-1].start()])
        if publisher is None:
            # "在X日前发布的榜单中,河北多个县市入围。" above the lists' own headings
            said = _LISTS_RELEASED.search(text, max(0, line_start - 300), line_start)
            if said and not any(said.end() <= o.span.start < rl.span.start and o.publisher
                                for o in lists if o is not rl):
                sent_start = max(text.rfind(c, 0, said.start()) for c in "。\n!?") + 1
                publisher = _org_in(text[sent_start:said.start()])
        if publisher is None:
            # "根据X发布的通报,……各类前列名单如下:" above the lists' own headings
            notice = list(_NOTICE_RELEASED.finditer(text, max(0, line_start - 400), line_start))
            if notice and not any(notice[-1].end() <= o.span.start < rl.span.start and o.publisher
                                  for o in lists if o is not rl):
                publisher = _org_in(notice[-1].group("org"))
        return dataclasses.replace(rl, publisher=publisher) if publisher else rl
    return dataclasses.replace(rl, publisher=same[0].publisher)


_RELEASED = re.compile(r"(?:发布|公布|揭晓|印发)了?(?P<what>(?:19|20)\d\d年度?[\u4e00-\u9fff()、]{4,40}?)"
                       r"(?:结果|名单|榜单|排名|排行榜)")


# What a release that carries lists is called: 《2023中国县域经济百强研究》, 《……评价报告》,
# 《2021年中国中小城市高质量发展指数研究成果》
# The source line under a table: "*数据来源:中郡县域经济研究所*", "来源:赛迪顾问"
_SOURCE_BELOW = re.compile(r"(?m)^[ \t>*_“\"(（-]*(?:(?:数据|榜单|资料)?来源[:：]\s*|发布(?:机构|单位|方)[:：]\s*|"
                           r"(?:注[:：]\s*)?(?:百强|上述|以上|该)?(?:榜单|数据|名单|排名)由)"
                           r"(?P<org>[\u4e00-\u9fff《》]{2,30}?)(?:发布|提供|编制)?[ \t*_。.”\")）]*$")
_REPORT_END = ("报告", "研究", "研究成果", "成果", "白皮书", "蓝皮书")


_AS_SUCH = re.compile(r"(?:在[\u4e00-\u9fff]{1,8})?(?:日前|近日|当天|昨天|今天)?(?:正式)?(?:发布|公布|推出)了?"
                      r"(?:上述|该|这一|此|这份)(?:榜单|排名|名单|排行榜|评价结果|结果)")


# ("……发布的榜单中,河北多个县市入围。", "另一份由X发布的榜单显示:" right above a list's heading)
_SERIES_RELEASED = re.compile(r"(?:发布|公布|推出)了?(?P<what>[^。,;“”\"《》\n]{0,24}?)(?:系列|多项|各类|一批)"
                              r"(?:榜单|排行榜|排名)")
_LISTS_RELEASED = re.compile(r"(?:日前|近日|近期)?(?:发布|公布|推出)的(?:多项|各类|系列|两份|几份)?(?:榜单|排名|排行榜)"
                             r"(?:中|上|显示[:：]|[:：])")


_NOTICE_RELEASED = re.compile(r"(?:根据|据|按照)(?P<org>[\u4e00-\u9fff]{2,30}?)(?:发布|印发|公布)的"
                              r"(?:通报|通知|考评结果|考核结果|评价结果|结果)")


def _released_as_such(text: str, rl: RankingList, lists: list[RankingList]) -> str | None:
    """"21世纪经济研究院在成都发布上述榜单": who released the list told of just before
    (the headline's), when no other list is named in between."""
    m = _AS_SUCH.search(text, rl.span.end, min(len(text), rl.span.end + 600))
    if m is None or any(rl.span.end <= o.span.start < m.start() for o in lists if o is not rl):
        return None
    sent_start = max(text.rfind(c, 0, m.start()) for c in "。\n!?") + 1
    return _org_in(text[sent_start:m.start()])


def _report_before(text: str, rl: RankingList) -> str | None:
    """Who released, in the sentence right before the list's (same paragraph), a report of the
    list's year ("中国中小城市发展指数研究课题组发布《2021年中国中小城市高质量发展指数研究成果》")."""
    sent_start = max(text.rfind(c, 0, rl.span.start) for c in "。\n!?") + 1
    for _ in range(2):  # (or the one before that: "……发布《……》。A位列“X”第41位。同时,A还入选“Y”")
        if sent_start <= 0 or text[sent_start - 1] != "。":
            return None
        prev_start = max(text.rfind(c, 0, sent_start - 1) for c in "。\n!?") + 1
        prev = text[prev_start:sent_start]
        m = re.search(r"(?:发布|公布|推出)了?《(?P<what>[^》]{4,40})》", prev)
        if m is not None and _year(m.group("what")) == rl.year and \
                m.group("what").endswith((*_REPORT_END, "榜单")):
            return _org_in(prev[:m.start()])
        if m is not None:
            return None
        sent_start = prev_start
    return None


_WHOLE_SCOPE = re.compile(r"全(?:国|省|市|区|州)")


def _release_above(text: str, rl: RankingList, line_start: int) -> str | None:
    """The publisher of a list under its own heading, from the sentence above that says who
    released that year's results under another wording ("吉林省县域经济发展工作领导小组日前公布了
    2017年度全省县域经济发展综合考评结果" above "2017年度吉林省县域经济发展综合考评")."""
    for m in reversed(list(_RELEASED.finditer(text, max(0, line_start - 600), line_start))):
        what = m.group("what")
        # (or the evaluation whose class of county the heading names: "公布了2018年度全省县域经济
        # 社会发展监测考核结果" above "一、2018年度县域经济社会发展十强县(市、区)")
        common = os.path.commonprefix([_WHOLE_SCOPE.sub("", what), _WHOLE_SCOPE.sub("", rl.name)])
        if _year(what) != rl.year or (SequenceMatcher(None, what, rl.name).ratio() < 0.75
                                      and len(common) < 12):
            continue
        sent_start = max(text.rfind(c, 0, m.start()) for c in "。\n!?") + 1
        return _org_in(text[sent_start:m.start()])
    return None


# "在……发布的2019年A、B和C三份榜单中": several lists named together, unquoted, before 中
_SEVERAL_UNQUOTED = re.compile(r"(?:[两三四五六七八九十]|\d)(?:份|个|项|张)(?:榜单|排行榜|名单)$|(?:等|三大)?(?:榜单|排行榜)$")


_QUOTED_NAME = re.compile(r"[《“\"]([^》”\"\n]{4,40})[》”\"]")


def _lists_before(text: str, sent_start: int, pos: int, n: int) -> list[tuple[int, str]] | None:
    """The ``n`` lists named in the "在……中" just before ``pos`` (a place and 分别位列 after
    it), quoted (《A》《B》和《C》) or joined by 、 和 及; None unless there are exactly ``n``."""
    if n < 2:
        return None
    if re.search(r"在上述(?:[\d两三四五六七八九十]+个|几个|各)?(?:榜单|排行榜|名单|排名)中$", text[sent_start:pos]):
        # "南海区在上述四个榜单中依次位列第4位、第3位……": the last n lists named before
        named: list[tuple[int, str]] = []
        for q in _QUOTED_NAME.finditer(text, 0, sent_start):
            if _LISTY.search(q.group(1)) and q.group(1) not in {name for _a, name in named}:
                named.append((q.start(1), q.group(1)))
        return named[-n:] if len(named) >= n else None
    head = re.search(r"(?:^|[,;\s]|讯)(?P<in>在(?P<body>[^。;]{6,200}?)中),?[^,;。]{1,12}$",
                     text[sent_start:pos])
    if head is None:
        return None
    body, at = head.group("body"), sent_start + head.start("body")
    quoted = [(at + q.start(1), q.group(1)) for q in _QUOTED_NAME.finditer(body)]
    if quoted:
        return quoted if len(quoted) == n and all(_LISTY.search(q) for _a, q in quoted) else None
    body = _SEVERAL_UNQUOTED.sub("", body)
    lead = re.search(r"^.*(?:发布|公布|推出)的", body)
    if lead:
        at, body = at + lead.end(), body[lead.end():]
    parts, pos_in = [], 0
    for piece in re.split(r"([、和及与])", body):
        if piece and piece not in "、和及与":
            parts.append((at + pos_in, piece))
        pos_in += len(piece)
    return parts if len(parts) == n and all(_LISTY.search(q) for _a, q in parts) else None


def _subject_before(text: str, places: list[PlaceMention], sent_start: int, pos: int
                    ) -> PlaceMention | None:
    """The one place a clause ends with before ``pos`` ("……中,溧阳市分别位列"), the most
    specific of adjacent ones (常州溧阳市)."""
    clause = max(max(text.rfind(c, sent_start, pos) for c in ",;。") + 1, sent_start)
    inside = sorted((p for p in places if clause <= p.span.start and p.span.end <= pos),
                    key=lambda p: p.span.start)
    if not inside or not re.fullmatch(r"(?:也|还|则|均)?(?:在上述[^,;。]{1,10}中)?", text[inside[-1].span.end:pos]):
        return None
    ends = {p.span.start for p in inside}
    leaves = [p for p in inside if p.span.end not in ends]
    if any(re.search(r"[、和及与]", text[a.span.end:b.span.start]) for a, b in itertools.pairwise(leaves)):
        return None  # "仙桃市、宜都市分别位列": several places (see _listed_places)
    return leaves[-1]  # (同处佛山的南海区: the one the clause ends with)


def _listed_places(text: str, places: list[PlaceMention], sent: Span, pos: int, n: int
                   ) -> list[PlaceMention] | None:
    """The ``n`` places listed (joined by 、 和 及) right before ``pos`` in its clause, or in
    the clause before ("温岭市、玉环市也跻身前30,分别居第21位和第29位")."""
    end = pos
    ends = {p.span.end for p in places}
    starts = {p.span.start for p in places}
    for _ in range(2):
        clause_start = max(max(text.rfind(c, sent.start, end) for c in ",;。") + 1, sent.start)
        while clause_start - 1 in ends and clause_start in starts and \
                text[clause_start - 1] == ",":
            # "肥城市,新泰市分别位列……" (a comma written for 、): one enumeration
            clause_start = max(max(text.rfind(c, sent.start, clause_start - 1) for c in ",;。")
                               + 1, sent.start)
        in_clause = sorted((p for p in places if clause_start <= p.span.start < end),
                           key=lambda p: p.span.start)
        # keep the most specific of adjacent places (深圳市南山区, 合肥市的肥东县 -> the county)
        leaves = [p for k, p in enumerate(in_clause)
                  if not (k + 1 < len(in_clause) and (
                      in_clause[k + 1].span.start == p.span.end
                      or p.place.level == "prefecture"
                      and text[p.span.end:in_clause[k + 1].span.start] == "的"))]
        run: list[PlaceMention] = []
        for p in leaves:
            # "安庆市潜山市、宣城市广德县": the parent city before a member is not a gap
            gap = text[run[-1].span.end:p.span.start] if run else ""
            for q in in_clause:
                if run and run[-1].span.end <= q.span.start and q.span.end <= p.span.start:
                    # (合肥市的肥东县和滁州市的天长市: the member's city, with or without 的)
                    gap = re.sub(re.escape(text[q.span.start:q.span.end]) + "的?", "", gap,
                                 count=1)
            if run and not re.fullmatch(r"[、,和及与]", gap):
                run = []
            run.append(p)
        if len(run) >= n >= 2:
            return run[-n:]
        end = clause_start - 1
        if end <= sent.start:
            break
    return None


# "附:2016年……百强县(市)辽宁省上榜名单": a list appended to the article, its name after 附:
_APPENDED = re.compile(r"^附(?:件|表|录)?\d*\s*:\s*")


# "2021年度全国综合实力百强县市中,湖北入围情况如下:": the list's name, then what follows
_FOLLOWS_BELOW = re.compile(r"(?:榜单)?中?[,:]?[\u4e00-\u9fff]{0,10}?(?:入围|上榜|入选)(?:情况|名单)?如下:?$")


def _header_text(line: str) -> str:
    """A heading line without its markup, label and colon (and a "……入围情况如下:" tail).
    A topic or publisher before a colon ("营商环境:2023年度……", "赛迪顾问:2024中国县域经济百强")
    goes; a publisher stays written before the list's name, where get_list reads it."""
    line = _LEADING_LABEL.sub("", _APPENDED.sub("", line.strip("*#- "))).rstrip(":")
    # "会议还通报了海东市2022年度……考核结果(前三名):": what was announced, not the telling
    line = re.sub(r"^(?:会议|会上|会议上)?,?(?:还|也|并|同时)?(?:通报|公布|发布|宣布)了?", "", line)
    lead = re.match(r"(?P<lead>[\u4e00-\u9fff]{2,20}):\s*(?=(?:19|20)\d\d|第)", line)
    if lead:
        org = _PUBLISHER_PREFIX.match(lead.group("lead") + "2000")
        line = (lead.group("lead") if org else "") + line[lead.end():]
    return _FOLLOWS_BELOW.sub("", line) if line.endswith("如下") else line


def _is_header(line: str) -> bool:
    """A list's title line: short, not a sentence, named like a list (百强, 50强, 榜), and not
    a table's column heads ("排名  县(市)  所属省区"); it may end with a colon
    ("2013年度全省县域经济社会发展十强县:")."""
    line = _header_text(line)
    line = _TRAILING_NOTE.sub("", line)  # (its note may be long: "(……课题组发布)")
    if re.match(r"^(?:排名|名次|位次|序号)(?:\s|\||$)", line) or re.search(r"\S(?:\s{2,}|\t)\S", line):
        return False
    if line.count("|") >= 2:  # a Markdown table's row: "| 排名 | 县(市) | 所属地市 |"
        return False
    if re.search(r"发布|揭晓|出炉|公布", line) and re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", line):
        return False  # a headline in two parts ("……排名发布 肇东市连续三年居首位"), not a title
    return len(line) <= 40 and not re.search(r"[,。:!?]", line) and bool(_LISTY.search(line))


def lines_text_offset(text: str, line_start: int, line: str) -> int:
    """Offset of the stripped header text inside its line."""
    idx = text.find(line, line_start)
    return idx if idx >= 0 else line_start
