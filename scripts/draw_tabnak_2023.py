"""Draw the blind sets check24 and check27 from Tabnak news of September 2023, scraped by a third party.

Usage: python scripts/draw_tabnak_2023.py PATH/TO/scrapedData.txt OUT.jsonl [ROUND]

``scrapedData.txt`` of the repository ``mo-ha-amini/tabnakScreaping_iust`` (commit 641be74,
no licence file; Tabnak allows reuse with the source named) holds one Python tuple a line,
``(ID, TITLE, VIEWS, datetime.datetime(...), BODY, SHORT_URL)``, for tabnak.ir news of 22 to 26
September 2023, some of them more than once. None of it is in the shared corpus (Fars and
Varzesh3, 2003-2021) or in the Tabnak file of check20 to check23 (June 2022). Unlike that file,
it keeps its ZWNJs (written ``\\u200c``).

The file, as stored, is cut into pages of 16,000 characters. Round 0 (check24) takes from
each page the first eligible line that starts in it and whose article no earlier page gave
(eligible: a body, a speech verb, at most MAX_CHARS, by the rules of
``draw_evaluation_sets.py``); round 1 (check27), drawn once check24 to check26 had been
studied, takes from each page the next such line, leaving out what round 0 drew.

The scraper joined the paragraphs of each body with nothing between them
(``... برنامه‌های میان‌مدت و بلندمدت.باهنر ادامه داد: ...``): a full stop, question or
exclamation mark (and a closing quotation mark) typed straight against a word of two letters
or more is where one paragraph ended and the next began, and the draw puts the line break
back. An article is the title, then the paragraphs, one a line.
"""

import ast
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

PAGE = 16_000
LINE_START = re.compile(r"(?m)^\((\d+), ")
_DATETIME = re.compile(r"datetime\.datetime\(([\d, ]+)\)")
_LETTER = r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u0622]"
PARAGRAPH_JOIN = re.compile(rf"(?<={_LETTER}{_LETTER}[.!?؟])([»\"]?)(?=«?{_LETTER})")


def parse_line(line: str) -> tuple[int, str, str, str]:
    """(id, title, body, short url) of one stored line; raises ValueError if it is no record."""
    record = ast.literal_eval(_DATETIME.sub(r"'\1'", line.strip()))
    if not (isinstance(record, tuple) and len(record) == 6 and isinstance(record[0], int)):
        raise ValueError("not a record of six fields")
    number, title, _views, _when, body, url = record
    return number, title, body, url


def restore_paragraphs(body: str) -> list[str]:
    joined = PARAGRAPH_JOIN.sub(r"\1\n", body)
    return [line.strip() for line in joined.split("\n") if line.strip()]


def article(line: str) -> dict:
    number, title, body, url = parse_line(line)
    title = " ".join(title.split())
    return {
        "id": f"tabnak-{number}",
        "source": "Tabnak (tabnak.ir)",
        "url": url,
        "title": title,
        "published": None,
        "text": "\n".join([title, *restore_paragraphs(body)]),
    }


def eligible(line: str) -> bool:
    _, _, body, _ = parse_line(line)
    text = article(line)["text"]
    return bool(body.strip()) and len(text) <= MAX_CHARS and bool(SPEECH_VERB.search(fold(text)))


def lines_by_page(stored: str) -> dict[int, list[str]]:
    starts = [m.start() for m in LINE_START.finditer(stored)]
    pages: dict[int, list[str]] = {}
    for start, end in zip(starts, [*starts[1:], len(stored)], strict=True):
        pages.setdefault(start // PAGE, []).append(stored[start:end].strip())
    return pages


def draw(stored: str, round_: int = 0) -> list[dict]:
    seen = {record["id"] for earlier in range(round_) for record in draw(stored, earlier)}
    return first_unseen_per_page(lines_by_page(stored), article, eligible, seen)


def main(stored_path: str, out_path: str, round_: str = "0") -> None:
    records = draw(Path(stored_path).read_text(encoding="utf-8"), int(round_))
    write_records(records, out_path)
    print(f"{len(records)} articles written to {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
