"""Marking statements and claim sentences in an article's text; a sentence's paragraph."""

from factcheck.highlight import marked_segments, paragraph_around

TEXT = "تیتر خبر\nعلی گفت: هوا سرد است. برف می‌بارد.\nپایان"


def test_marked_segments_join_back_to_the_text():
    statement = (TEXT.index("هوا"), TEXT.index("\nپایان"), 7)
    claim = (TEXT.index("برف"), TEXT.index("\nپایان"), 30)
    parts = marked_segments(TEXT, [statement], [claim])
    assert "".join(p.text for p in parts) == TEXT


def test_marked_segments_link_only_the_claim_sentence_and_anchor_once():
    start, end = TEXT.index("هوا"), TEXT.index("\nپایان")
    claim_start = TEXT.index("برف")
    parts = marked_segments(TEXT, [(start, end, 7)], [(claim_start, end, 30)])
    marked = [p for p in parts if p.statement_ids]
    assert [p.text for p in marked] == ["هوا سرد است. ", "برف می‌بارد."]
    assert [p.claim_ids for p in marked] == [(), (30,)]
    assert [p.opens for p in marked] == [(7,), ()]


def test_marked_segments_drop_spans_outside_the_text():
    parts = marked_segments("کوتاه", [(2, 99, 1)], [(-1, 3, 2)])
    assert [(p.text, p.statement_ids, p.claim_ids) for p in parts] == [("کوتاه", (), ())]


def test_overlapping_statements_each_get_an_anchor():
    parts = marked_segments("abcdef", [(0, 4, 1), (2, 6, 2)], [])
    assert [(p.text, p.statement_ids, p.opens) for p in parts] == [
        ("ab", (1,), (1,)),
        ("cd", (1, 2), (2,)),
        ("ef", (2,), ()),
    ]


def test_paragraph_around_a_sentence():
    start = TEXT.index("برف")
    passage = paragraph_around(TEXT, start, start + len("برف می‌بارد."))
    assert passage.before == "علی گفت: هوا سرد است. "
    assert passage.sentence == "برف می‌بارد."
    assert passage.after == ""


def test_paragraph_around_in_a_single_line_text():
    passage = paragraph_around("یک دو سه", 3, 5)
    assert (passage.before, passage.sentence, passage.after) == ("یک ", "دو", " سه")
