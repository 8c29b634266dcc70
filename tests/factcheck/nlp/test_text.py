"""Folding keeps offsets: one character in, one out, whatever the spelling."""

from factcheck.nlp.text import fold, fold_key, sentences, whole_word_uses


def test_fold_maps_letter_variants_one_for_one():
    text = "پيام\u200cرسان ك\u00adتاب"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "پیام\u200cرسان ک\u200cتاب"


def test_fold_reads_arabic_presentation_forms_as_letters():
    # Text copied out of PDFs: ﺯﻣﺎﻧﻲ ﻓﻜﺮ = زمانی فکر, in contextual glyph forms.
    text = "ﺯﻣﺎﻧﻲ ﻓﻜﺮ ﻣﻲ‌ﻛﺮﺩﻡ"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "زمانی فکر می‌کردم"
    assert fold_key("ﻛﺘﺎﺏ") == fold_key("كتاب")


def test_sentence_ends_at_a_full_stop_without_the_space_after_it():
    text = "قراردادش را تمدید نخواهد کرد.بدین ترتیب او جدا می‌شود. قیمت 1.5 میلیون است."
    found = [text[s:e] for s, e in sentences(text)]
    assert found == [
        "قراردادش را تمدید نخواهد کرد.",
        "بدین ترتیب او جدا می‌شود.",
        "قیمت 1.5 میلیون است.",
    ]


def test_sentence_ends_at_a_full_stop_written_after_its_space():
    text = "پرونده به دادگاه رفت .وی تصریح کرد که 1 .5 درصد افزایش یافت."
    found = [text[s:e] for s, e in sentences(text)]
    assert found == ["پرونده به دادگاه رفت .", "وی تصریح کرد که 1 .5 درصد افزایش یافت."]


def test_whole_word_uses_matches_what_a_word_boundary_pattern_finds():
    import re

    text = "حسن پسندیده گفت، پسندیده\u200cها را پسندیده‌تر دید؛ پسندیدهی"
    for key in ("پسندیده", "حسن پسندیده", "گفت", "دید"):
        expected = len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", text))
        assert whole_word_uses(text, key) == expected
    # after حسن, and before each ZWNJ (پسندیده‌ها، پسندیده‌تر); not inside پسندیدهی
    assert whole_word_uses(text, "پسندیده") == 3
