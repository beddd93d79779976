"""Names after a title: where a name ends."""

from __future__ import annotations

from kg.lexicon.names import name_after_title


def test_a_given_name_ending_in_a_follower_word_before_punctuation() -> None:
    # 来 can start what follows a name (来到), but before a comma it ends the name.
    assert name_after_title("时运来,赣州市政协副主席", 0) == "时运来"
    assert name_after_title("王建来。", 0) == "王建来"
    assert name_after_title("李明来到", 0) == "李明"
    assert name_after_title("李明陪同调研", 0) == "李明"


def test_a_name_whose_first_two_characters_are_a_word_and_whose_last_is_和() -> None:
    assert name_after_title("万家和,市委副书记、市长石开明陪同", 0) == "万家和"
    assert name_after_title("万家和群众", 0) is None


def test_a_word_right_after_a_title_and_before_what_a_person_does_is_a_name() -> None:
    assert name_after_title("文明作交流发言", 0) == "文明"
    assert name_after_title("齐心、市长格桑卓嘎出席", 0) == "齐心"
    assert name_after_title("全面主持县政府工作", 0) is None
    assert name_after_title("文明城市创建", 0) is None
    assert name_after_title("沙吾提·买买提答记者问", 0) == "沙吾提·买买提"


def test_依次_after_a_name_is_no_part_of_it() -> None:
    assert name_after_title("甘露依次进行宪法宣誓", 0) == "甘露"


def test_曾任_after_a_name_is_no_part_of_it() -> None:
    assert name_after_title("皇甫清曾任海淀区委副书记", 0) == "皇甫清"


def test_和_before_其他_is_a_conjunction() -> None:
    assert name_after_title("和其他县(市、区)委书记在各地分会场参加会议", 0) is None


def test_a_name_ending_in_为_before_its_verb_and_高质量_is_no_name() -> None:
    assert name_after_title("符大为出席发布会", 0) == "符大为"
    assert name_after_title("李明为大会致辞", 0) == "李明"
    assert name_after_title("高质量发展论坛", 0) is None


def test_and_some_after_a_title_is_no_name() -> None:
    from kg.lexicon.names import name_after_title

    text = "各市市委书记、市长和部分县(市)委书记参加会议。"
    assert name_after_title(text, text.index("和部分")) is None


def test_no_name_of_a_title_after_和_and_names_before_time_words() -> None:
    from kg.lexicon.names import name_after_title

    text = "市人大常委会主任、市政协主席,市委常委和副市长出席会议。"
    assert name_after_title(text, text.index("和副")) is None  # no 和副市长
    assert name_after_title("区委书记上官宏本周工作纪实", 4) == "上官宏"
    assert name_after_title("石海燕如今已是故城县委书记。", 0) == "石海燕"
    assert name_after_title("旗委书记苏日古嘎作交流发言", 4) == "苏日古嘎"  # four characters still


def test_a_name_before_也_and_before_原任() -> None:
    assert name_after_title("江涛也作了表态发言。", 0) == "江涛"
    assert name_after_title("石磊原任三台县发展和改革局副局长。", 0) == "石磊"


def test_no_name_that_begins_with_a_verb_and_a_name_before_以() -> None:
    assert name_after_title("秘书处负责人宣读了任命名单", 6) is None
    assert name_after_title("欧阳岚以“县域产业链”为题作报告", 0) == "欧阳岚"


def test_an_adverb_before_陪同_is_no_name() -> None:
    assert name_after_title("县委书记全程陪同", 4) is None
    assert name_after_title("禹州市委书记文明作交流发言", 6) == "文明"


def test_a_name_ends_before_all_the_way_along() -> None:
    from kg.lexicon.names import name_after_title

    # 司马清一路陪同: 一路 ("all the way") follows the name 司马清
    assert name_after_title("秘书长司马清一路陪同。", 3) == "司马清"
    assert name_after_title("市长王立一道调研。", 2) == "王立"


def test_a_name_the_document_already_gave_wins_after_a_title() -> None:
    text = "如今已担任省商务厅厅长的解春来仍记得很多细节"
    i = text.index("解")
    assert name_after_title(text, i) == "解春"  # alone, 来 reads as a verb
    assert name_after_title(text, i, {"解春来": 1}) == "解春来"
    text = "调研中,高市长向司马建平汇报了全市经济运行情况"
    assert name_after_title(text, text.index("向"), {"司马建平": 1}) is None


def test_a_name_ends_before_把() -> None:
    text = "青州市委书记司马俊把发言重点放在了文旅融合上"
    assert name_after_title(text, text.index("司")) == "司马俊"
    text = "县委书记欧阳立把工作重点放在产业上"
    assert name_after_title(text, text.index("欧")) == "欧阳立"


def test_a_chinese_surname_before_a_mongolian_given_name() -> None:
    # the given name is two name syllables, not one or two characters of a Han given name
    assert name_after_title("镇长吴其其格等代表先后发言", 2) == "吴其其格"
    assert name_after_title("乡长包格日乐图分别作交流发言", 2) == "包格日乐图"
    assert name_after_title("乡长包其其格出席", 2) == "包其其格"
    assert name_after_title("县长王明出席", 2) == "王明"


def test_a_yi_name_of_four_characters_before_a_comma_of_a_list() -> None:
    assert name_after_title("镇长阿苦日哈、下溪镇党委书记向明华分别作交流发言", 2) == "阿苦日哈"
    # (a place after 和 is no name: "县委书记和浉河区、平桥区的区委书记")
    assert name_after_title("县委书记和浉河区、平桥区的区委书记也参加", 4) != "和浉河区"
