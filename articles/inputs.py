"""Turn what a user names (files, folders, URLs, feeds) into parsed articles, one at a time.

Every input yields ``(label, ParsedArticle | IngestError)`` pairs: a bad input or a bad
record becomes an error for that item alone, so the rest of a batch is still read.
"""

import gzip
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .decoding import decode_bytes
from .fetching import fetch
from .parsed import IngestError, ParsedArticle
from .parsing import detect_format, iter_jsonl, parse_feed, parse_html, parse_text_article

Item = tuple[str, ParsedArticle | IngestError]

# Files a folder walk picks up; anything else in the folder (a README) is not an article.
ARTICLE_SUFFIXES = (
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".xml",
    ".rss",
    ".atom",
)


@dataclass(frozen=True)
class InputOptions:
    max_bytes: int
    allow_private: bool = False
    timeout: float = 20.0


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _checked_size(
    label: str, article: ParsedArticle, max_bytes: int
) -> ParsedArticle | IngestError:
    size = len(article.text.encode("utf-8"))
    if size > max_bytes:
        return IngestError(f"{label}: article is {size:,} bytes, over the limit of {max_bytes:,}")
    if not article.text.strip():
        return IngestError(f"{label}: article has no text")
    return article


def _from_document(
    label: str,
    name: str,
    data: bytes,
    content_type: str,
    url: str,
    options: InputOptions,
    charset: str | None = None,
) -> Iterator[Item]:
    kind = detect_format(name, data, content_type)
    if kind == "jsonl":
        for line_number, item in iter_jsonl(data, name=label):
            item_label = f"{label} line {line_number}"
            yield (
                item_label,
                item
                if isinstance(item, IngestError)
                else _checked_size(item_label, item, options.max_bytes),
            )
        return
    if len(data) > options.max_bytes and not _is_gzip(data):
        yield (
            label,
            IngestError(
                f"{label}: {len(data):,} bytes, over the article size limit of {options.max_bytes:,}"
            ),
        )
        return
    if kind == "feed":
        yield from _from_feed(label, data, options)
    elif kind == "html":
        article = parse_html(data, url=url, charset=charset)
        yield label, _checked_size(label, article, options.max_bytes)
    else:
        article = parse_text_article(decode_bytes(data, declared=charset))
        if url:
            article = replace(article, url=url)
        yield label, _checked_size(label, article, options.max_bytes)


def _is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def _from_feed(label: str, data: bytes, options: InputOptions) -> Iterator[Item]:
    entries = parse_feed(data)
    if not entries:
        yield label, IngestError(f"{label}: the feed has no entries with links")
    for entry in entries:
        try:
            document = fetch(
                entry.url,
                allow_private=options.allow_private,
                max_bytes=options.max_bytes,
                timeout=options.timeout,
            )
            article = parse_html(document.content, url=document.url, charset=document.charset)
        except IngestError as error:
            yield entry.url, error
            continue
        article = replace(
            article,
            title=article.title or entry.title,
            source_name=article.source_name or entry.source_name,
            published=article.published or entry.published,
        )
        yield entry.url, _checked_size(entry.url, article, options.max_bytes)


def _from_url(url: str, options: InputOptions) -> Iterator[Item]:
    try:
        document = fetch(
            url,
            allow_private=options.allow_private,
            max_bytes=options.max_bytes,
            timeout=options.timeout,
        )
    except IngestError as error:
        yield url, error
        return
    yield from _wrap(
        url,
        lambda: _from_document(
            url,
            url,
            document.content,
            document.content_type,
            document.url,
            options,
            document.charset,
        ),
    )


def _from_path(path: Path, options: InputOptions) -> Iterator[Item]:
    label = str(path)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not p.name.startswith(".")
            and p.name.lower().endswith(ARTICLE_SUFFIXES)
        )
        if not files:
            yield label, IngestError(f"{label}: folder holds no files")
        for child in files:
            yield from _from_path(child, options)
        return
    if not path.exists():
        yield label, IngestError(f"{label}: no such file or folder")
        return
    name = path.name.lower()
    is_batch = name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
    if not is_batch and path.stat().st_size > options.max_bytes:
        yield (
            label,
            IngestError(
                f"{label}: {path.stat().st_size:,} bytes, over the article size limit of {options.max_bytes:,}"
            ),
        )
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield label, IngestError(f"{label}: cannot read file: {error.strerror or error}")
        return
    yield from _wrap(label, lambda: _from_document(label, name, data, "", "", options))


def _wrap(label: str, produce) -> Iterator[Item]:
    """Run a generator, turning a parsing failure into an error item for ``label``."""
    try:
        yield from produce()
    except IngestError as error:
        yield label, error
    except (UnicodeError, ValueError, gzip.BadGzipFile, EOFError) as error:
        yield label, IngestError(f"{label}: cannot parse: {error}")


def iter_inputs(targets: list[str], options: InputOptions) -> Iterator[Item]:
    """Every article (or error) found in ``targets``, in order."""
    for target in targets:
        if is_url(target):
            yield from _from_url(target, options)
        else:
            yield from _from_path(Path(target), options)
