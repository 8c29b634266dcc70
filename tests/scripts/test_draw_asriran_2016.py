import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import draw_asriran_2016 as draw  # noqa: E402

SAID = "وزیر نیرو گفت: آب کم است.وی افزود: باید صرفه جویی کرد."


def row(body: str, title: str = "عنوان") -> str:
    if '"' in body or "\n" in body:
        body = '"' + body.replace('"', '""') + '"'
    return f"{body}, \t\t{title} \t\n"


def test_line_wraps_are_spaces_and_glued_paragraphs_are_set_apart():
    record = draw.article(row('وزیر نیرو گفت: آب\nکم است.وی افزود: "باید" صرفه جویی کرد.'))
    assert record["text"].split("\n") == [
        "عنوان",
        "وزیر نیرو گفت: آب کم است.",
        'وی افزود: "باید" صرفه جویی کرد.',
    ]
    assert record["id"].startswith("asriran-") and len(record["id"]) == len("asriran-") + 10


def test_each_even_page_gives_its_first_eligible_row_not_drawn_before(monkeypatch):
    stored = draw.HEADER
    stored += row("", "عکس روز")  # no body
    stored += row("قیمت خودرو امروز ثابت ماند.", "خودرو")  # no speech verb
    stored += row(SAID + " " + "متن " * 1300, "بلند")  # over MAX_CHARS
    stored += row(SAID, "آب") + draw.HEADER  # the header again, as mid-file: no row
    page = len(stored)  # the next row opens page 1
    monkeypatch.setattr(draw, "PAGE", page)
    stored += row(SAID, "برق")  # page 1: odd, not drawn from
    filler = 2 * page - len(stored) - len(row("", "x"))
    stored += row("ن" * filler, "x")  # no speech verb; the next row opens page 2
    stored += row(SAID, "آب") + row(SAID, "گاز")  # page 2 repeats "آب": its next row is taken
    pages = draw.rows_by_page(stored)
    assert [len(rows) for rows in pages.values()] == [4, 2, 2]
    assert [r["title"] for r in draw.draw(stored)] == ["آب", "گاز"]
    # Round 1 reads the odd pages, leaving out what round 0 drew ("آب" again on page 3).
    filler = 3 * page - len(stored) - len(row("", "y"))
    stored += row("ن" * filler, "y") + row(SAID, "آب") + row(SAID, "نفت")
    assert [r["title"] for r in draw.draw(stored)] == ["آب", "گاز"]
    assert [r["title"] for r in draw.draw(stored, 1)] == ["برق", "نفت"]
