"""Draw the extraction development and test sets from the shared corpus.

Usage: python scripts/draw_evaluation_sets.py PATH/TO/fa-news.jsonl.gz OUT_DIR

Eligible articles contain at least one speech verb (after folding Arabic yeh/kaf and
ZWNJ) and are at most MAX_CHARS long, so that a person can annotate them by hand; the
LONG_DRAWS take longer articles, once the short ones were all drawn.
The draw is random with a fixed seed; the development set is drawn first and the test
set from what remains, so the two never share an article. Writes
``dev.source.jsonl``, ``test.source.jsonl`` and one ``NAME.source.jsonl`` for each of
LATER_DRAWS and LONG_DRAWS (records without statements); every draw is disjoint from the ones
before it.
"""

import gzip
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

SEED = 20261129
DEV_SIZE = 30
TEST_SIZE = 12
# Every later draw, in the order drawn: (file name, seed, size). Each is drawn with its own
# seed from the articles no earlier draw holds.
LATER_DRAWS = [
    # A second development draw, added when the first proved too small to tune on safely.
    ("dev-extra", 20261130, 20),
    ("dev-extra2", 20261131, 20),
    # A second test draw, added because 12 test articles (81 statements) swing the figure by
    # several points with one article; never tuned on.
    ("test-extra", 20261201, 16),
    # A fourth development draw, after the second test draw: fresh patterns to tune on.
    ("dev-extra3", 20261202, 20),
    # A validation draw: changes tuned on the development set are chosen by their score
    # here, so the test set stays untouched by every choice.
    ("valid", 20261203, 20),
    # The first validation draw showed the development-tuned changes of the time carried
    # over to nothing; it became development data, and this second draw took its place.
    ("valid2", 20261204, 24),
    # The same again: the second validation draw was studied for speaker errors
    # (development data now), and a third took its place.
    ("valid3", 20261205, 24),
    # A last blind draw, scored once at the end of the round that used the third for
    # choices: an estimate no choice has seen.
    ("check", 20261206, 24),
    # Two people annotating the check set independently agreed at 0.99 end-to-end F1, so the
    # gap to the target is the engine's: a larger fresh draw, scored once on arrival (an
    # estimate no choice has seen), then development data.
    ("dev-extra4", 20261207, 48),
    # The next round's fresh draw: scored once on arrival, then development data.
    ("dev-extra5", 20261208, 48),
    ("dev-extra6", 20261209, 48),
    ("dev-extra7", 20261210, 48),
    ("dev-extra8", 20261211, 48),
    # The last blind draw of the round, larger than the first check set so that one article
    # moves the figure less: annotated blind while the engine was being changed, and scored
    # once with the final engine.
    ("check2", 20261212, 96),
    # One more development draw, made after check2 was set aside (so check2 stays unseen).
    ("dev-extra9", 20261213, 48),
    ("dev-extra10", 20261214, 48),
    ("dev-extra11", 20261215, 48),
    # check2 was scored once, then another round of work followed: this draw measures the
    # engine at the end of that round the same way (blind, set aside, scored once).
    ("check3", 20261216, 96),
    # The next round's blind measure, drawn and handed to annotators at its start and scored
    # once at its end.
    ("check4", 20261217, 96),
    # Fresh development draws of that round: each scored once on arrival, then studied.
    ("dev-extra12", 20261218, 48),
    ("dev-extra13", 20261219, 48),
    ("dev-extra14", 20261220, 48),
    # The next round's blind measure: drawn and handed to annotators at the start of the
    # round, set aside unread, and scored once at its end.
    ("check5", 20261221, 96),
    # Fresh development draws of that round: each scored once on arrival, then studied.
    ("dev-extra15", 20261222, 48),
    ("dev-extra16", 20261223, 48),
    # The blind measure of a short round after check5 was scored.
    ("check6", 20261224, 96),
    # The blind measure of the round after check6: drawn and handed to annotators at its
    # start, set aside unread, and scored once at its end.
    ("check7", 20261225, 96),
    # The blind measure of the round after check7, drawn the same way when check7 was scored:
    # the last 79 eligible articles, so no later draw is possible from this corpus.
    ("check8", 20261226, 79),
]
MAX_CHARS = 5000
# Draws from longer articles, once the short ones were all drawn: (file name, seed, shortest
# length not drawn, longest length drawn). Each takes every eligible article in its range, in
# the order of its seed.
LONG_DRAWS = [
    # The blind measure of the round after check8, when no short article was left: the 48
    # articles of 5,001 to 8,000 characters with a speech verb. Annotated blind, set aside
    # unread, scored once at the end of the round.
    ("check9", 20261227, 5000, 8000),
]

SPEECH_VERB = re.compile(
    r"(گفت|می گوید|اظهار (کرد|داشت)|تصریح کرد|تاکید کرد|تأکید کرد|افزود|ادامه داد|"
    r"یادآور شد|خاطرنشان (کرد|ساخت)|اعلام کرد|عنوان کرد|به گفته|خبر داد|خواستار|"
    r"بیان کرد|مدعی شد|قول داد)"
)


def fold(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", " ")


def first_unseen_per_page[Stored](
    pages: dict[int, list[Stored]],
    article: Callable[[Stored], dict],
    eligible: Callable[[Stored], bool],
    seen: set[str],
) -> list[dict]:
    """From each page in order, the article of its first eligible stored record whose id is
    not in ``seen``, which grows with each one taken (a file that repeats records gives each
    article once, to its earliest page)."""
    taken = []
    for _, stored in sorted(pages.items()):
        for record in stored:
            drawn = article(record)
            if drawn["id"] in seen or not eligible(record):
                continue
            seen.add(drawn["id"])
            taken.append(drawn)
            break
    return taken


def write_records(records: list[dict], path: str | Path) -> None:
    """One JSON record a line, as the annotation tools and evaluate_extraction read them."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _with_speech_verb(records: list[dict], shortest: int, longest: int) -> list[dict]:
    """The records longer than ``shortest`` and at most ``longest`` characters that hold a
    speech verb, in corpus order."""
    return [
        r
        for r in records
        if shortest < len(r["text"]) <= longest and SPEECH_VERB.search(fold(r["text"]))
    ]


def main(corpus: str, out_dir: str) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    eligible = _with_speech_verb(records, 0, MAX_CHARS)
    rng = random.Random(SEED)
    drawn = rng.sample(eligible, DEV_SIZE + TEST_SIZE)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chunks = [("dev", drawn[:DEV_SIZE]), ("test", drawn[DEV_SIZE:])]
    taken = {r["id"] for r in drawn}
    for name, seed, size in LATER_DRAWS:
        chunk = random.Random(seed).sample([r for r in eligible if r["id"] not in taken], size)
        chunks.append((name, chunk))
        taken |= {r["id"] for r in chunk}
    for name, seed, shortest, longest in LONG_DRAWS:
        # Longer than every earlier draw's articles, so disjoint from them by length.
        longer = _with_speech_verb(records, shortest, longest)
        chunks.append((name, random.Random(seed).sample(longer, len(longer))))
    fields = ("id", "source", "url", "title", "published", "text")
    for name, chunk in chunks:
        write_records([{k: r[k] for k in fields} for r in chunk], out / f"{name}.source.jsonl")
    print(
        f"{len(records)} articles, {len(eligible)} eligible, seed {SEED}: "
        f"{DEV_SIZE} dev, {TEST_SIZE} test"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
