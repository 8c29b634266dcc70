import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import draw_tabnak_2023 as draw  # noqa: E402

SAID = "وزیر نیرو گفت: آب کم است.وی افزود: باید صرفه\\u200cجویی کرد."


def line(number: int, body: str, title: str = "عنوان") -> str:
    when = "datetime.datetime(2023, 9, 26, 22, 58)"
    return f"({number}, '{title}', 10, {when}, '{body}', 'https://www.tabnak.ir/{number}')\n"


def test_the_scrapers_glued_paragraphs_are_set_apart_again():
    text = draw.article(line(1, SAID + " «نه.»در ادامه ج.ا.ا و ۹۹.۹ درصد."))["text"]
    assert text.split("\n") == [
        "عنوان",
        "وزیر نیرو گفت: آب کم است.",
        "وی افزود: باید صرفه\u200cجویی کرد. «نه.»",
        "در ادامه ج.ا.ا و ۹۹.۹ درصد.",
    ]


def test_each_page_gives_its_first_eligible_line_not_drawn_before(monkeypatch):
    stored = line(1, "قیمت خودرو امروز ثابت ماند.")  # no speech verb
    stored += line(2, SAID + " " + "متن " * 1300)  # over MAX_CHARS
    stored += line(3, SAID)
    stored += line(4, SAID)
    page = len(stored) + 10
    monkeypatch.setattr(draw, "PAGE", page)
    stored = stored.ljust(page) + "\n" + line(3, SAID) + line(5, SAID)
    assert [len(lines) for lines in draw.lines_by_page(stored).values()] == [4, 2]
    # The second page repeats article 3, which the first page gave: its next line is taken.
    assert [r["id"] for r in draw.draw(stored)] == ["tabnak-3", "tabnak-5"]
    # Round 1 takes each page's next eligible line, leaving out what round 0 drew.
    assert [r["id"] for r in draw.draw(stored, 1)] == ["tabnak-4"]
