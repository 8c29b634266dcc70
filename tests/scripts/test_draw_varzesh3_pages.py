import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import draw_varzesh3_pages as draw  # noqa: E402


def test_the_pages_drawn_are_the_ones_recorded():
    # The offsets handed to the annotators (tests/data/extraction/README.md, check10 to 19).
    pages = draw.drawn_pages("varzesh3-2.json", 3_425_998)
    assert len(pages) == 56
    assert [p * draw.PAGE for p in pages[:4]] == [96_000, 112_000, 144_000, 176_000]
    assert draw.drawn_pages("varzesh3-3.json", 3_579_195)[0] * draw.PAGE == 112_000
    assert len(draw.drawn_pages("varzesh3-5.json", 3_634_004)) == 70
    assert draw.drawn_pages("varzesh3-5.json", 3_634_004)[:2] == [2, 6]
    check12 = draw.drawn_pages("varzesh3-2.json", 3_425_998, 1)
    assert [p * draw.PAGE for p in check12[:3]] == [32_000, 48_000, 288_000]
    assert draw.drawn_pages("varzesh3-3.json", 3_579_195, 1)[-1] * draw.PAGE == 3_520_000
    check13 = draw.drawn_pages("varzesh3-5.json", 3_634_004, 1)
    assert len(check13) == 60
    assert [p * draw.PAGE for p in check13[:3]] == [64_000, 112_000, 176_000]
    check14 = [
        draw.drawn_pages("varzesh3-2.json", 3_425_998, 2),
        draw.drawn_pages("varzesh3-3.json", 3_579_195, 2),
    ]
    assert [len(pages) for pages in check14] == [30, 30]
    assert [p * draw.PAGE for p in check14[0][:3]] == [80_000, 128_000, 240_000]
    assert [p * draw.PAGE for p in check14[1][:3]] == [0, 176_000, 192_000]
    check15 = draw.drawn_pages("varzesh3-5.json", 3_634_004, 2)
    assert len(check15) == 60
    assert [p * draw.PAGE for p in check15[:3]] == [16_000, 48_000, 160_000]
    check16 = [
        draw.drawn_pages("varzesh3-2.json", 3_425_998, 3),
        draw.drawn_pages("varzesh3-3.json", 3_579_195, 3),
    ]
    assert [len(pages) for pages in check16] == [35, 35]
    assert [p * draw.PAGE for p in check16[0][:3]] == [64_000, 160_000, 416_000]
    assert [p * draw.PAGE for p in check16[1][:3]] == [80_000, 224_000, 544_000]
    check17 = [
        draw.drawn_pages("varzesh3-5.json", 3_634_004, 3),
        draw.drawn_pages("varzesh3-2.json", 3_425_998, 4),
        draw.drawn_pages("varzesh3-3.json", 3_579_195, 4),
    ]
    assert [len(pages) for pages in check17] == [38, 20, 20]
    assert [p * draw.PAGE for p in check17[0][:3]] == [0, 80_000, 128_000]
    assert [p * draw.PAGE for p in check17[1][:3]] == [0, 192_000, 336_000]
    assert [p * draw.PAGE for p in check17[2][:3]] == [128_000, 144_000, 336_000]
    check18 = [
        draw.drawn_pages("varzesh3-2.json", 3_425_998, 5),
        draw.drawn_pages("varzesh3-3.json", 3_579_195, 5),
    ]
    assert [len(pages) for pages in check18] == [24, 24]
    assert [p * draw.PAGE for p in check18[0][:3]] == [16_000, 224_000, 256_000]
    assert [p * draw.PAGE for p in check18[1][:3]] == [32_000, 48_000, 64_000]
    check19 = [
        draw.drawn_pages("varzesh3-2.json", 3_425_998, 6),
        draw.drawn_pages("varzesh3-3.json", 3_579_195, 6),
    ]
    assert [len(pages) for pages in check19] == [15, 24]
    assert [p * draw.PAGE for p in check19[0][:3]] == [208_000, 784_000, 1_024_000]
    assert [p * draw.PAGE for p in check19[1][:3]] == [160_000, 320_000, 528_000]
    # No file has a page left undrawn.
    for name, total in (
        ("varzesh3-2.json", 3_425_998),
        ("varzesh3-3.json", 3_579_195),
        ("varzesh3-5.json", 3_634_004),
    ):
        assert sum(drawn for _, drawn in draw.DRAWS[name]) == total // draw.PAGE + 1


def test_a_later_round_takes_only_pages_no_earlier_round_took():
    for name, total in (
        ("varzesh3-2.json", 3_425_998),
        ("varzesh3-3.json", 3_579_195),
        ("varzesh3-5.json", 3_634_004),
    ):
        rounds = [draw.drawn_pages(name, total, r) for r in range(len(draw.DRAWS[name]))]
        assert [len(pages) for pages in rounds] == [drawn for _, drawn in draw.DRAWS[name]]
        taken = [page for pages in rounds for page in pages]
        assert len(taken) == len(set(taken))


def _record(code: int, paragraph: str) -> dict:
    return {"code": code, "title": f"تیتر {code}", "abstract": "", "paragraphs": [paragraph]}


def test_takes_the_first_eligible_record_starting_in_each_drawn_page(monkeypatch):
    records = [
        _record(1, "بازی با نتیجه مساوی تمام شد."),  # no speech verb
        _record(2, "سرمربی تیم گفت: راضی هستیم."),
        _record(3, "او افزود که بازی سختی بود."),  # a second one on the same page
        _record(4, "مدافع تیم گفت: " + "خیلی " * 1200),  # too long
        _record(5, "دروازه‌بان گفت: آماده‌ایم."),  # already in the corpus
    ]
    # Stored as in the repository: ASCII JSON with \\uXXXX escapes.
    stored = "[" + ", ".join(json.dumps(r) for r in records) + "]"
    starts = [stored.index(f'{{"code": {r["code"]},') for r in records]
    page = starts[3]  # records 1 to 3 start on the first page, 4 on the second
    monkeypatch.setattr(draw, "PAGE", page)
    monkeypatch.setattr(draw, "drawn_pages", lambda name, total, round_: [0, 1, starts[4] // page])

    taken = draw.draw(stored, "varzesh3-2.json", {"varzesh3-5"})

    assert [r["id"] for r in taken] == ["varzesh3-2"]
    assert taken[0]["text"] == "تیتر 2\nسرمربی تیم گفت: راضی هستیم."


def test_passes_over_an_article_an_earlier_set_holds(monkeypatch, tmp_path):
    records = [
        _record(7, "سرمربی تیم گفت: راضی هستیم."),  # copied into check10 from another file
        _record(8, "دروازه‌بان گفت: آماده‌ایم."),
    ]
    source = tmp_path / "varzesh3-5.json"
    source.write_text("[" + ", ".join(json.dumps(r) for r in records) + "]", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "fars-1"}) + "\n")
    earlier = tmp_path / "check10.jsonl"
    earlier.write_text(json.dumps({"id": "varzesh3-7"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(draw, "drawn_pages", lambda name, total, round_: [0])
    out = tmp_path / "out.jsonl"

    draw.main(str(source), str(corpus), str(out), 1, (str(earlier),))

    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["varzesh3-8"]
