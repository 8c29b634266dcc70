import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import draw_tabnak_rows as draw  # noqa: E402

SAID = "به گزارش تابناک، وزیر نیرو گفت: آب کم است."


def row(number: int, body: str, title: str = "عنوان") -> str:
    url = f"https://www.tabnak.ir/fa/news/{1000 + number}/x"
    return f'{number},{url},"{body}",{title}\n'


def test_each_page_gives_its_first_two_eligible_rows_and_a_later_round_the_next(monkeypatch):
    stored = ",url,text,title\n"
    stored += row(0, f"خلاصه\n\n{SAID}")
    stored += row(1, "قیمت خودرو امروز ثابت ماند.")  # no speech verb
    stored += row(2, draw.FOOTER + " می باشد.")  # the site's footer alone
    stored += row(3, SAID + " " + "متن " * 1300)  # over MAX_CHARS
    stored += row(4, SAID)
    stored += row(5, SAID)
    page = len(stored) + 10
    monkeypatch.setattr(draw, "PAGE", page)
    stored = stored.ljust(page) + "\n" + row(6, SAID)
    pages = draw.rows_by_page(stored)
    assert [len(rows) for rows in pages.values()] == [6, 1]
    first = draw.draw(stored)
    assert [r["id"] for r in first] == ["tabnak-1000", "tabnak-1004", "tabnak-1006"]
    assert first[0]["text"] == f"عنوان\nخلاصه\n{SAID}"
    assert [r["id"] for r in draw.draw(stored, 1)] == ["tabnak-1005"]

    # A row that repeats an earlier set's article is left out, and no later row takes its place.
    monkeypatch.setattr(draw, "REPEATS", {"tabnak-1004": "tabnak-0"})
    assert [r["id"] for r in draw.draw(stored)] == ["tabnak-1000", "tabnak-1006"]
