"""Draw the blind Varzesh3 sets (check10 to check19) from files the shared corpus never used.

Usage: python scripts/draw_varzesh3_pages.py PATH/TO/varzesh3-N.json CORPUS.jsonl.gz OUT.jsonl [ROUND
       [EARLIER.jsonl ...]]

The shared corpus took its 500 Varzesh3 items from ``varzesh3-1.json`` of the Apache-2.0
repository ``language-ml/course-nlp-ir-1-text-exploring`` (``exploring-datasets/sports/``);
``varzesh3-2.json``, ``varzesh3-3.json`` and ``varzesh3-5.json`` there hold other items of
the same site and years, so none of their articles was read while the engine was written.
The file is cut into pages of 16,000 characters of its text (the JSON as stored, escapes
and all); DRAWS fixes which pages are drawn, and from each drawn page the first record that starts
in it and is eligible (a speech verb, at most MAX_CHARS, not in the corpus, by the same
rules as ``draw_evaluation_sets.py``) is taken. Pages with no eligible record are skipped.
A file drawn more than once draws each later round from the pages no earlier round took, so
the rounds share no article. An article already in an earlier set (EARLIER.jsonl: the same
item copied into two of the files) is passed over like one of the corpus; check13 passed
over one so, on page 161 of ``varzesh3-5.json`` (check10 holds it, from another file), and
check16 one on page 99 of ``varzesh3-2.json`` (check11 holds it); check17 passed over two on
page 172 of ``varzesh3-5.json`` (check10 and check16 hold them), check18 one on page 16 of
``varzesh3-2.json`` and one on page 213 of ``varzesh3-3.json`` (check14 holds both).
An article is the title line, then the abstract, then the paragraphs, joined by ``\\n``.
"""

import gzip
import json
import random
import re
import sys
from pathlib import Path

from draw_evaluation_sets import MAX_CHARS, SPEECH_VERB, fold, write_records

PAGE = 16_000
# File name -> one (seed, pages drawn) per round. Round 0 of the first two files is check10,
# of the third check11 (drawn after check10 was scored and studied); round 1 of the first two
# is check12 (drawn after check11 was scored and studied); round 1 of the third is check13
# (drawn while check12 stayed unread); round 2 of the first two is check14 (drawn when
# check12 and check13 had been scored, before their errors were read); round 2 of the third
# is check15 (drawn when check14 had been scored, before its errors were read); round 3 of
# the first two is check16 (drawn when check15 had been scored, as its errors were read);
# round 3 of the third (its last 38 pages) and round 4 of the first two are check17 (drawn
# when check16 had been scored, as its errors were read); round 5 of the first two is check18
# (drawn when check17 had been scored, as its errors were read); round 6 of the first two is
# check19, every page left in them (drawn when check18 had been scored, as its errors were read).
DRAWS = {
    "varzesh3-2.json": [
        (20261228, 56),
        (20261231, 35),
        (20270103, 30),
        (20270106, 35),
        (20270109, 20),
        (20270111, 24),
        (20270113, 15),
    ],
    "varzesh3-3.json": [
        (20261229, 56),
        (20270101, 35),
        (20270104, 30),
        (20270107, 35),
        (20270110, 20),
        (20270112, 24),
        (20270114, 24),
    ],
    "varzesh3-5.json": [(20261230, 70), (20270102, 60), (20270105, 60), (20270108, 38)],
}
RECORD_START = re.compile(r'\{"code": ')


def drawn_pages(file_name: str, total_chars: int, round_: int = 0) -> list[int]:
    left = list(range(total_chars // PAGE + 1))
    for seed, drawn in DRAWS[file_name][: round_ + 1]:
        pages = sorted(random.Random(seed).sample(left, drawn))
        left = [page for page in left if page not in pages]
    return pages


def article(raw: dict) -> dict:
    parts = [raw.get("title") or "", raw.get("abstract") or "", *(raw.get("paragraphs") or [])]
    return {
        "id": f"varzesh3-{raw['code']}",
        "source": "Varzesh3 (varzesh3.com)",
        "url": raw.get("link") or f"https://www.varzesh3.com/news/{raw['code']}",
        "title": raw.get("title") or "",
        "published": None,
        "text": "\n".join(part for part in parts if part.strip()),
    }


def draw(stored: str, file_name: str, known_ids: set[str], round_: int = 0) -> list[dict]:
    decoder = json.JSONDecoder()
    starts = [m.start() for m in RECORD_START.finditer(stored)]
    taken = []
    for page in drawn_pages(file_name, len(stored), round_):
        for start in (s for s in starts if page * PAGE <= s < (page + 1) * PAGE):
            record = article(decoder.raw_decode(stored, start)[0])
            text = record["text"]
            if (
                record["id"] not in known_ids
                and len(text) <= MAX_CHARS
                and SPEECH_VERB.search(fold(text))
            ):
                taken.append(record)
                known_ids.add(record["id"])
                break
    return taken


def main(
    source: str, corpus: str, out: str, round_: int = 0, earlier: tuple[str, ...] = ()
) -> None:
    known = set()
    for path in (corpus, *earlier):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            known |= {json.loads(line)["id"] for line in handle if line.strip()}
    name = Path(source).name
    stored = Path(source).read_text(encoding="utf-8")
    records = draw(stored, name, known, round_)
    write_records(records, out)
    print(f"{name}: pages {drawn_pages(name, len(stored), round_)}")
    print(f"{len(records)} articles drawn")


if __name__ == "__main__":
    main(
        sys.argv[1],
        sys.argv[2],
        sys.argv[3],
        int(sys.argv[4]) if len(sys.argv) > 4 else 0,
        tuple(sys.argv[5:]),
    )
