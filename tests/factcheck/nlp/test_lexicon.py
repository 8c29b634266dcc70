from factcheck.nlp.lexicon import COMMON_WORD_COUNT, common_words


def test_common_words_are_hazms_frequent_words():
    from hazm import words_list

    assert common_words() == {word for word, count, _ in words_list() if count > COMMON_WORD_COUNT}
    assert "شهادت" in common_words()
    assert "زارعپور" not in common_words()
