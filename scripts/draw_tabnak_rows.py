"""Draw the blind Tabnak sets (check20 to check23) from a file written long after the others.

Usage: python scripts/draw_tabnak_rows.py PATH/TO/10.csv OUT.jsonl [ROUND]

``10.csv`` of the repository ``amindrn/ir`` (commit e77f6f0, no licence file; Tabnak's own
footer, kept in one of its rows, allows reuse with the source named) holds 180 rows of
tabnak.ir news from June 2022, ``NUMBER,URL,TEXT,TITLE``, TEXT's paragraphs set apart by blank
lines. None of it is in the shared corpus (Fars and Varzesh3, 2003-2021). The file, as stored,
is cut into pages of 16,000 characters; a row starts where a line opens with its number and
``,https://www.tabnak.ir``. Round r takes from each page the eligible rows ranked 2r+1 and
2r+2 among those that start in it (eligible: article text, not the site's footer alone, a
speech verb, at most MAX_CHARS, by the rules of ``draw_evaluation_sets.py``): round 0 is
check20, round 1 check21, round 2 check22, round 3 check23. An article is the title, then the paragraphs, one
a line. A row drawn whose text repeats an article of an earlier set (REPEATS) is left out,
not replaced: its errors had been read, so it is no longer unseen.

The annotators copied the rows from a viewer that does not show ZWNJ: the sets' texts lack
the ZWNJs the file holds (which the engine must cope with anyway), so this script finds the
same rows but not byte-identical texts (a row whose one speech verb needs its ZWNJ to be read,
``می‌گوید``, would be eligible here and not in the copy).
"""

import csv
import io
import re
import sys
from pathlib import Path

from draw_evaluation_sets import MAX_CHARS, SPEECH_VERB, fold, write_records

PAGE = 16_000
PER_PAGE = 2
ROW_START = re.compile(r"(?m)^\d+,https://www\.tabnak\.ir/")
FOOTER = "تمام حقوق مادی و معنوی این سایت متعلق به تابناک"
URL_ID = re.compile(r"https?://www\.tabnak\.ir/fa/news/(\d+)")
# Drawn in round 2, the same report (98% of its text) as check20's tabnak-1124379.
REPEATS = {"tabnak-1124412": "tabnak-1124379"}


def article(row: list[str]) -> dict:
    number, url, body, title = row
    lines = [line.strip() for line in body.split("\n")]
    return {
        "id": f"tabnak-{URL_ID.match(url).group(1)}",
        "source": "Tabnak (tabnak.ir)",
        "url": url,
        "title": title.strip(),
        "published": None,
        "text": "\n".join([title.strip(), *(line for line in lines if line)]),
    }


def eligible(row: list[str]) -> bool:
    body, text = row[2].strip(), article(row)["text"]
    return (
        bool(body)
        and not body.startswith(FOOTER)
        and len(text) <= MAX_CHARS
        and bool(SPEECH_VERB.search(fold(text)))
    )


def rows_by_page(stored: str) -> dict[int, list[list[str]]]:
    starts = [m.start() for m in ROW_START.finditer(stored)]
    pages: dict[int, list[list[str]]] = {}
    for start, end in zip(starts, [*starts[1:], len(stored)], strict=True):
        (row,) = csv.reader(io.StringIO(stored[start:end].rstrip()))
        pages.setdefault(start // PAGE, []).append(row)
    return pages


def draw(stored: str, round_: int = 0) -> list[dict]:
    taken = []
    for _, rows in sorted(rows_by_page(stored).items()):
        ranked = [row for row in rows if eligible(row)]
        drawn = [article(row) for row in ranked[PER_PAGE * round_ : PER_PAGE * (round_ + 1)]]
        taken += [record for record in drawn if record["id"] not in REPEATS]
    return taken


def main(source: str, out: str, round_: int = 0) -> None:
    records = draw(Path(source).read_text(encoding="utf-8"), round_)
    write_records(records, out)
    print(f"{len(records)} articles drawn")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
