import pytest

from factcheck.nlp.lexicon import COMMON_WORD_COUNT, common_words, speech_verb_forms


def test_common_words_are_hazms_frequent_words():
    from hazm import words_list

    assert common_words() == {word for word, count, _ in words_list() if count > COMMON_WORD_COUNT}
    assert "شهادت" in common_words()
    assert "زارعپور" not in common_words()


@pytest.mark.parametrize(
    "form",
    ["می‌گوید", "می‌افزاید", "می‌فرمایند", "اظهار می‌دارد", "یادآور می‌شود", "مدعی می‌شوند"],
)
def test_the_present_tense_of_each_speech_verb_is_read(form):
    # A vowel-final stem takes ی before the ending (می‌گوید); the و of شو is a consonant.
    assert form in speech_verb_forms()
