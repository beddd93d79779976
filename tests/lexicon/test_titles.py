

def test_a_department_post_after_a_verb_of_appointment() -> None:
    from kg.lexicon.titles import find_titles

    text = "司马静,女,现任市文化局副局长,拟任市文化广电新闻出版局局长。"
    assert [(t.title, t.level) for t in find_titles(text)] == [
        ("文化局副局长", "市"), ("文化广电新闻出版局局长", "市")]
    assert [(t.title, t.level) for t in find_titles("自治区农牧厅厅长高建新")] == [
        ("农牧厅厅长", "自治区")]


def test_the_words_a_title_pattern_needs_are_in_every_match() -> None:
    """find_titles skips a pattern when the text lacks the words it needs (kg.lexicon.titles
    _NEEDS): each example below matches its pattern, and the skip must not lose it."""
    from kg.lexicon import titles as T

    examples = "。".join([
        "市委副书记", "地区行署副专员", "县纪委书记", "市监委主任", "省政协党组书记、主席",
        "县第十七届人大常委会主任", "鼓楼街道办事处副主任", "镇人大主席", "区政协副主席", "市政府秘书长",
        "市委常委、秘书长",
        "盟委委员、常委、书记", "常务副县长", "自治区人民政府副主席", "自治区党委常委、常务副主席",
        "国务委员", "中央政治局委员", "全国政协副主席"])
    for (kind, pat), needs in zip(T._PATTERNS, T._NEEDS, strict=True):
        found = list(pat.finditer(examples))
        assert found, kind
        for m in found:
            assert not needs or any(w in examples[max(0, m.start() - 12):m.end()] for w in needs), kind
    with_skip = T.find_titles(examples)
    T_needs = T._NEEDS
    try:
        T._NEEDS = tuple(() for _ in T_needs)
        assert T.find_titles(examples) == with_skip
    finally:
        T._NEEDS = T_needs


def test_the_party_group_secretary_of_the_organ_named_before() -> None:
    from kg.lexicon.titles import find_titles

    got = [(t.title, t.lead) for t in find_titles("会泽县人民法院院长、党组书记东方亮出席会议")]
    assert got == [("人民法院院长", False), ("人民法院党组书记", False)]
    assert [t.title for t in find_titles("县统计局局长、党组副书记李明")] == ["统计局局长", "统计局党组副书记"]
    assert [t.title for t in find_titles("县委书记、县长李明")] == ["县委书记", "县长"]


def test_a_department_of_the_autonomous_regions_party_committee() -> None:
    from kg.lexicon.titles import find_titles

    assert [(t.title, t.level) for t in find_titles("自治区党委宣传部副部长叶尔兰")] == [
        ("宣传部副部长", "自治区")]


def test_a_department_head_heard_by_a_meeting_is_not_named_with_the_verb() -> None:
    from kg.lexicon.titles import find_titles

    got = [t.title for t in find_titles("会议听取了市经济和信息化局局长林晓辉的汇报。会议听取市自然资源和规划局局长王海的汇报。")]
    assert got == ["经济和信息化局局长", "自然资源和规划局局长"]


def test_a_past_department_head_is_read_without_the_word_then() -> None:
    from kg.lexicon.titles import find_titles

    # 时任省农业厅厅长: the post is 农业厅厅长, 时任 says only that it was held then
    assert [(t.title, t.organization) for t in find_titles("时任省农业厅厅长高明通报了情况")] == [
        ("农业厅厅长", "农业厅")]


def test_a_bureaus_chief_statistician_and_a_post_after_由() -> None:
    from kg.lexicon.titles import find_titles

    assert [t.title for t in find_titles("省统计局总统计师华德胜介绍")] == ["统计局总统计师"]
    assert [t.title for t in find_titles("发布会由市政府新闻办公室副主任汤若兰主持")] == ["政府新闻办公室副主任"]
