"""Draw the blind sets check25 and check26 from Asriran news of May 2016, scraped by a third party.

Usage: python scripts/draw_asriran_2016.py PATH/TO/news.csv OUT.jsonl [ROUND]

``Asriran_Crawler/news.csv`` of the repository ``naserinassab/AsriranScraper`` (commit
e84fef3, no licence file) holds asriran.com items of May 2016 (Ordibehesht 1395), news that
Asriran wrote or took from ISNA, IRNA, Fars, Mehr and others, some of them more than once:
``body,title``, each row ending with its title written between tabs (`` \\t\\t<title> \\t``)
and a newline; a body is in double quotes when it holds a quotation mark or a line break.
None of it is in the shared corpus (Fars and Varzesh3) or in the Tabnak sets.

The file, as stored, is cut into pages of 16,000 characters; a row starts at the start of the
file's second line or right after a line that ends a title (a tab, maybe a closing quotation
mark, then the line break); the header line, which the file repeats mid-way, is no row. Round
0 (check25) takes from each even-numbered page the first eligible row that starts in it and
whose article no earlier page gave (eligible: a body, a speech verb, at most MAX_CHARS, by the
rules of ``draw_evaluation_sets.py``); round 1 (check26), drawn once check25 had been scored,
does the same over the odd-numbered pages, leaving out the articles round 0 drew.

The scraper kept the page's line wraps inside some bodies and glued the paragraphs of every
body together (``... اعلام کرد.الجبیر گفت ...``): a line break inside a body is a space, and a
full stop, question or exclamation mark typed straight against the next word is where one
paragraph ended and the next began (``restore_paragraphs`` of ``draw_tabnak_2023.py``). An
article is the title, then the paragraphs, one a line; its id is ``asriran-`` and the first
ten hex digits of the SHA-1 of its title.
"""

import csv
import hashlib
import io
import re
import sys
from pathlib import Path

from draw_evaluation_sets import (
    MAX_CHARS,
    SPEECH_VERB,
    first_unseen_per_page,
    fold,
    write_records,
)
from draw_tabnak_2023 import restore_paragraphs

PAGE = 16_000
HEADER = "body,title\n"
ROW_END = re.compile(r"\t\"?\n")


def parse_row(row: str) -> tuple[str, str]:
    """(body, title) of one stored row; raises ValueError if it is not one row of two fields."""
    rows = list(csv.reader(io.StringIO(row.rstrip("\n"))))
    if len(rows) != 1 or len(rows[0]) != 2:
        raise ValueError(f"{len(rows)} row(s) of {[len(r) for r in rows]} fields, not one of 2")
    body, title = rows[0]
    return body, " ".join(title.split())


def article(row: str) -> dict:
    body, title = parse_row(row)
    key = hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]
    paragraphs = restore_paragraphs(" ".join(body.split("\n")))
    return {
        "id": f"asriran-{key}",
        "source": "Asriran (asriran.com)",
        "url": None,
        "title": title,
        "published": None,
        "text": "\n".join([title, *paragraphs]),
    }


def eligible(row: str) -> bool:
    body, _ = parse_row(row)
    text = article(row)["text"]
    return bool(body.strip()) and len(text) <= MAX_CHARS and bool(SPEECH_VERB.search(fold(text)))


def rows_by_page(stored: str) -> dict[int, list[str]]:
    starts = [len(HEADER)] + [m.end() for m in ROW_END.finditer(stored, len(HEADER))]
    pages: dict[int, list[str]] = {}
    for start, end in zip(starts, starts[1:], strict=False):
        if stored.startswith(HEADER, start):
            start += len(HEADER)  # the header line again, mid-file: no row
        pages.setdefault(start // PAGE, []).append(stored[start:end])
    return pages


def draw(stored: str, round_: int = 0) -> list[dict]:
    seen = {record["id"] for earlier in range(round_) for record in draw(stored, earlier)}
    pages = {page: rows for page, rows in rows_by_page(stored).items() if page % 2 == round_}
    return first_unseen_per_page(pages, article, eligible, seen)


def main(stored_path: str, out_path: str, round_: str = "0") -> None:
    records = draw(Path(stored_path).read_text(encoding="utf-8"), int(round_))
    write_records(records, out_path)
    print(f"{len(records)} articles written to {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
