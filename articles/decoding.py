"""Decode the bytes of a text file or web page into ``str``.

``decode_bytes`` returns the text with a leading byte-order mark removed and nothing else
changed (Arabic ي/ك, digits and spacing stay as they were), or raises ``IngestError``
for empty, binary or undecodable input. ``codec_name`` returns Python's name for a
declared charset, or None.
"""

import codecs
import re

from charset_normalizer import from_bytes

from articles.parsed import IngestError

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_COMMON_ENCODINGS = ("cp1252", "iso8859_6", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255")

_ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER = re.compile(f"[{_ARABIC_SCRIPT}]")
_ARABIC_WORD = re.compile(f"[{_ARABIC_SCRIPT}]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Return ``data`` decoded as text.

    Order: a BOM; strict UTF-8; Windows-1256 when that yields Persian/Arabic words
    (charset detectors take short cp1256 text for Korean, other Arabic code pages or
    Mac encodings); the ``declared`` charset (HTTP header or <meta>) if it decodes;
    UTF-8 with a few broken bytes; finally charset-normalizer.
    """
    if not data:
        raise IngestError("empty input: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data[len(bom) :], encoding), encoding)
    _refuse_binary(data)
    text = _first_decoding(data, declared)
    if text is None:
        raise IngestError("cannot decode the text: unknown character encoding")
    return _checked(text, "the detected encoding")


def codec_name(charset: str | None) -> str | None:
    """Python's codec name for ``charset`` ("windows-1256" -> "cp1256"), or None if unknown."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def _first_decoding(data: bytes, declared: str | None) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cp1256 = data.decode("cp1256")
    if _reads_as_arabic_script(cp1256):
        return cp1256
    return _declared(data, declared) or _mostly_utf8(data) or _detected(data)


def _declared(data: bytes, declared: str | None) -> str | None:
    codec = codec_name(declared)
    # Without a BOM a UTF-16/32 declaration is wrong (HTML treats it as UTF-8).
    if not codec or codec.startswith(("utf-16", "utf-32")):
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(f"cannot decode the text as {encoding}: {err.reason}") from None


def _refuse_binary(data: bytes) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"not a text file: this is {kind}")
    if b"\x00" in data:
        raise IngestError("not a text file: binary data (contains NUL bytes)")


def _reads_as_arabic_script(text: str) -> bool:
    # Read as cp1256, another single-byte encoding leaves Latin letters inside the
    # Arabic-script words (and Arabic letters inside Latin ones); Persian does not.
    words = [w for w in _WORD.findall(text) if _ARABIC_LETTER.search(w)]
    if not words:
        return False
    pure = sum(1 for w in words if _ARABIC_WORD.fullmatch(w))
    return pure >= 0.9 * len(words)


def _mostly_utf8(data: bytes) -> str | None:
    # A UTF-8 page with a stray broken byte is still UTF-8; a Latin-1 "café" is not.
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F) - broken
    return text if multibyte >= 20 * broken else None


def _detected(data: bytes) -> str | None:
    matches = list(from_bytes(data))
    if not matches:
        return None
    # Short texts score the same in dozens of code pages (Thai, Urdu, Mac...); among
    # the equally good ones take a common web encoding.
    score = min((m.chaos, -m.coherence) for m in matches)
    tied = {m.encoding: m for m in matches if (m.chaos, -m.coherence) == score}
    preferred = next((tied[e] for e in _COMMON_ENCODINGS if e in tied), None)
    return str(preferred or matches[0])


def _checked(text: str, encoding: str) -> str:
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise IngestError(
            f"not a text file: binary data (control characters when read as {encoding})"
        )
    if not text.strip():
        raise IngestError("empty input: the text holds only whitespace")
    return text
