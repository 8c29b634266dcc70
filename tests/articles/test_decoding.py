import codecs

import pytest

from articles.decoding import codec_name, decode_bytes
from articles.parsed import IngestError

# Real sentences from the founding article (Didar News 153318).
SENTENCE = "زارعپور: پیامرسانهای داخلی حافظ حریم خصوصی هستند!"
SENTENCE_ZWNJ = (
    "وزیر ارتباطات گفت: به مردم اطمینان خاطر می\u200cدهیم که پیام\u200cرسان\u200cها امن هستند."
)
# Windows-1256 has no Persian ye or Persian digits: legacy pages hold Arabic ي and ASCII digits.
LEGACY_SENTENCES = [
    "عيسي زارعپور، وزير ارتباطات گفت: کاملا به مردم اطمينان خاطر ميدهيم.",
    "پيام رسان",
    "کد خبر: 153318",
    "12:13 - 04 مرداد 1402",
    "چندی پیش اجلاس وزرای ارتباطات کشورهای عضو اکو را داشتیم.".replace("ی", "ي"),
    "ژاله و گلناز «بله» را پسندیدند".replace("ی", "ي"),
]


def test_decode_bytes_utf8_persian():
    assert decode_bytes(SENTENCE_ZWNJ.encode("utf-8")) == SENTENCE_ZWNJ


def test_decode_bytes_utf8_bom_removed(data_dir):
    text = decode_bytes((data_dir / "excerpt-utf8-bom.txt").read_bytes())
    assert text.startswith("پس از جنجال")
    assert "\ufeff" not in text


@pytest.mark.parametrize("name", ["excerpt-utf16le.txt", "excerpt-utf16be.txt"])
def test_decode_bytes_utf16_with_bom(data_dir, name):
    text = decode_bytes((data_dir / name).read_bytes())
    assert text.splitlines()[2] == SENTENCE
    assert text == decode_bytes((data_dir / "excerpt-utf8-bom.txt").read_bytes())


def test_decode_bytes_utf16_keeps_zwnj():
    assert decode_bytes(codecs.BOM_UTF16_LE + SENTENCE_ZWNJ.encode("utf-16-le")) == SENTENCE_ZWNJ


def test_decode_bytes_cp1256_file_keeps_arabic_yeh_and_ascii_digits(data_dir):
    text = decode_bytes((data_dir / "excerpt-cp1256.txt").read_bytes())
    assert "زارعپور: پيامرسانهاي داخلي حافظ حريم خصوصي هستند!" in text
    assert "کد خبر: 153318" in text
    assert "ی" not in text  # not normalised to Persian ye


@pytest.mark.parametrize("sentence", LEGACY_SENTENCES)
def test_decode_bytes_cp1256_short_text_not_taken_for_another_code_page(sentence):
    assert decode_bytes(sentence.encode("cp1256")) == sentence


def test_decode_bytes_cp1256_zwnj_kept():
    sentence = "مي\u200cدهيم و پيام\u200cرسان"
    assert decode_bytes(sentence.encode("cp1256")) == sentence


def test_decode_bytes_declared_charset_used_when_not_persian():
    text = "Привет, это тест."
    assert decode_bytes(text.encode("cp1251"), declared="windows-1251") == text


def test_decode_bytes_latin_text_without_declaration():
    assert decode_bytes("café crème brûlée".encode("cp1252")) == "café crème brûlée"


def test_decode_bytes_utf8_page_with_one_broken_byte():
    data = (SENTENCE * 5).encode("utf-8") + b"\xff" + SENTENCE.encode("utf-8")
    text = decode_bytes(data)
    assert text.count(SENTENCE) == 6
    assert "\ufffd" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        ("متن\x00با NUL".encode(), "NUL"),
        (bytes(range(1, 9)) * 40, "binary"),
    ],
)
def test_decode_bytes_refuses_empty_and_binary(data, message):
    with pytest.raises(IngestError, match=message):
        decode_bytes(data)


def test_decode_bytes_refuses_broken_utf16():
    with pytest.raises(IngestError, match="utf-16"):
        decode_bytes(codecs.BOM_UTF16_LE + "متن".encode("utf-16-le") + b"\x00\xd8")


def test_decode_bytes_error_is_one_line():
    with pytest.raises(IngestError) as caught:
        decode_bytes(b"\x00" * 10)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("charset", "expected"),
    [("windows-1256", "cp1256"), ("UTF-8", "utf-8"), ('"iso-8859-6"', "iso8859-6"), ("nope", None)],
)
def test_codec_name(charset, expected):
    assert codec_name(charset) == expected
