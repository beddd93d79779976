

def test_a_department_post_after_a_verb_of_appointment() -> None:
    from kg.lexicon.titles import find_titles

    text = "司马静,女,现任市文化局副局长,拟任市文化广电新闻出版局局长。"
    assert [(t.title, t.level) for t in find_titles(text)] == [
        ("文化局副局长", "市"), ("文化广电新闻出版局局长", "市")]
    assert [(t.title, t.level) for t in find_titles("自治区农牧厅厅长高建新")] == [
        ("农牧厅厅长", "自治区")]
