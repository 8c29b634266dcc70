"""The extraction engine on the founding article (golden file) and on small hard cases."""

import itertools
import re

import pytest

from factcheck.nlp import extract_statements, find_byline_source
from factcheck.nlp.extractor import (
    _ArticleWords,
    _times_used,
    _titles_named_beside,
    rule_statements,
)
from factcheck.nlp.names import parse_mention
from factcheck.nlp.speakers import SpeakerResolver
from factcheck.nlp.text import fold_key

GOLD_FIELDS = ("start", "end", "quote", "kind", "cue", "location", "role", "speaker_mention")


def test_extract_statements_founding_article_matches_gold_exactly(founding_text, founding_gold):
    predicted = [s.as_dict() for s in extract_statements(founding_text)]
    gold = founding_gold["statements"]
    assert [{k: p[k] for k in GOLD_FIELDS} for p in predicted] == [
        {k: g[k] for k in GOLD_FIELDS} for g in gold
    ]
    assert [p["speaker"] for p in predicted] == ["عیسی زارع‌پور"] * len(gold)


def test_extract_statements_offsets_index_text_as_given(founding_text):
    for statement in extract_statements(founding_text):
        assert founding_text[statement.start : statement.end] == statement.quote


def test_extract_statements_ignores_page_furniture(founding_text):
    quotes = " ".join(s.quote for s in extract_statements(founding_text))
    for furniture in ("کد خبر", "دیدارنیوز", "ایمیل", "نام:", "نظر:"):
        assert furniture not in quotes


def test_find_byline_source_reads_agency_byline(founding_text):
    assert find_byline_source(founding_text) == "دیدارنیوز"


def test_extract_statements_headline_organisation_speaker():
    text = "مسکو: تحریم‌های جدید را بی‌پاسخ نمی‌گذاریم\nروسیه اعلام کرد که به تحریم‌های تازه پاسخ خواهد داد و این موضوع را بررسی می‌کند."
    statements = extract_statements(text)
    assert statements[0].cue == "headline"
    assert statements[0].speaker == "مسکو"
    assert statements[0].quote == "تحریم‌های جدید را بی‌پاسخ نمی‌گذاریم"


def test_extract_statements_arabic_letters_and_glued_verb():
    text = "عنوان خبر\nعلي لاريجاني رئيس مجلس اظهارداشت: اين قانون به زودي اجرا مي‌شود."
    [statement] = extract_statements(text)
    assert fold_key(statement.speaker) == fold_key("علی لاریجانی")
    assert statement.quote == "اين قانون به زودي اجرا مي‌شود"
    assert statement.role == "رئيس مجلس"


def test_extract_statements_two_cues_in_one_paragraph_split_at_sentence():
    text = "تیتر\nاحمد رضایی گفت: بودجه امسال کافی نیست. وی افزود: باید بازنگری شود."
    first, second = extract_statements(text)
    assert first.quote == "بودجه امسال کافی نیست"
    assert second.quote == "باید بازنگری شود"
    assert second.speaker == first.speaker == "احمد رضایی"


def test_extract_statements_role_then_name_resolves_to_fullest_name():
    text = (
        "تیتر خبر\n"
        "وزیر نیرو گفت: تابستان امسال خاموشی نخواهیم داشت.\n"
        "علی اکبر محرابیان، وزیر نیرو در ادامه تصریح کرد: ظرفیت نیروگاه‌ها افزایش یافته است."
    )
    first, second = extract_statements(text)
    assert first.speaker == second.speaker == "علی اکبر محرابیان"
    assert first.role == "وزیر نیرو"


def test_extract_statements_never_named_speaker_is_role():
    text = "تیتر خبر\nسخنگوی وزارت بهداشت گفت: واکسن کافی در کشور موجود است."
    [statement] = extract_statements(text)
    assert statement.speaker == "سخنگوی وزارت بهداشت"
    assert statement.role == "سخنگوی وزارت بهداشت"


def test_extract_statements_strips_enclosing_guillemets_and_final_stop():
    text = "تیتر خبر\nحسن روحانی گفت: «مذاکرات ادامه دارد.»"
    [statement] = extract_statements(text)
    assert statement.quote == "مذاکرات ادامه دارد"


def test_extract_statements_passive_cue_is_not_a_statement():
    text = "تیتر خبر\nدر این جلسه اعلام شد: قیمت‌ها افزایش نمی‌یابد."
    assert extract_statements(text) == []


def test_nouns_made_from_goftan_are_no_speech_verb():
    from factcheck.nlp.lexicon import speech_verb_pattern

    for noun in ("گفت‌وگو با خبرنگار", "گفت و شنودها میان فرشتگان", "گفت و گوی ما"):
        assert not speech_verb_pattern().search(noun), noun
    assert speech_verb_pattern().search("وزیر گفت و افزود")


@pytest.mark.parametrize(
    ("article", "phrase", "uses"),
    [
        ("علی رضایی گفت رضایی، وزیر رضاییان", "رضایی", 2),  # a comma ends a word, a suffix does not
        ("کره شمالی و کره جنوبی و کره شمالی", "کره شمالی", 2),
        ("دو دو دو", "دو دو", 1),  # uses do not overlap, as with re.findall
        ("سلام", "", 0),
    ],
)
def test_times_used_counts_whole_word_uses(article, phrase, uses):
    assert _times_used(article, phrase) == uses


def test_a_surname_gets_the_full_name_the_article_writes():
    text = (
        "تیتر خبر\n"
        "جیمز کوگان در مقاله‌ای به بررسی اوضاع پاکستان پرداخته است.\n"
        "به نوشته کوگان، دولت زرداری کشور را به ورطه جنگ داخلی کشانده است.\n"
        "علی لاریجانی دیروز با وزیر خارجه عراق دیدار کرد.\n"
        "لاریجانی گفت: روابط دو کشور خوب است."
    )
    assert [s.speaker for s in extract_statements(text)] == ["جیمز کوگان", "علی لاریجانی"]


def test_a_surname_written_with_two_first_names_keeps_its_surname_alone():
    # Two people share the surname: the article's full names disagree, so neither is taken.
    text = (
        "تیتر خبر\n"
        "علی لاریجانی و صادق لاریجانی دیروز در مراسمی حاضر شدند.\n"
        "لاریجانی گفت: روابط دو کشور خوب است."
    )
    assert [s.speaker for s in extract_statements(text)] == ["لاریجانی"]


def test_a_relay_that_runs_into_the_speakers_name_is_cut_at_the_first_name():
    text = (
        "تیتر خبر\n"
        "به گزارش خبرگزاری فارس از زنجان و به نقل از روابط عمومی شرکت آبفای استان زنجان "
        "علیرضا جزء‌قاسمی اظهار داشت: برای اجرای این طرح اعتبار اختصاص یافته است."
    )
    assert [s.speaker for s in extract_statements(text)] == ["علیرضا جزء‌قاسمی"]


def test_a_person_the_lead_names_is_this_title_before_anyone_speaks():
    text = (
        "داور بین‌المللی کاراته از دغدغه ورزشکاران لرستان می‌گوید\n"
        "نسرین موسیوند از قهرمانان لرستانی بوده که افتخار آفرینی زیادی داشته است.\n"
        "او اما دل پری از متولیان ورزش دارد، به طوری که به گفته خودش پس از مسابقات سنگاپور "
        "در هیچ مسابقه‌ای شرکت نکرده است.\n"
        "این ورزشکار معتقد است بی‌توجهی به قهرمانان موجب مهاجرت آنان شده است."
    )
    assert {s.speaker for s in extract_statements(text)} == {"نسرین موسیوند"}


def test_vali_after_a_title_of_address_is_a_first_name():
    text = (
        "تیتر خبر\n"
        "به گزارش خبرگزاری فارس از قم، مهندس ولی آذروش در گفت وگو با خبرنگاران اظهار کرد: "
        "مجموعه شرکت‌ها سودده هستند."
    )
    assert [s.speaker for s in extract_statements(text)] == ["ولی آذروش"]


def test_a_title_written_after_a_full_name_names_the_speaker_known_by_it():
    # Even where the sentence holds a statement (an interview's answer), unlike
    # _titles_named_elsewhere, which reads only sentences that quote no one.
    resolver = SpeakerResolver()
    titled = resolver.add(parse_mention("استاد دانشگاه امام صادق (ع)"))
    text = (
        "در ادامه در گفت‌وگویی کوتاه با علی‌اکبر ضیائی استاد دانشگاه امام صادق (ع) به حوزه "
        "اخیرالذکر پرداخته‌ایم. وی گفت: کتاب را ترجمه کرده‌ام. با دیروز استاد دانشگاه امام "
        "صادق (ع) دیدار شد."
    )
    _titles_named_beside(_ArticleWords(text), [titled], resolver)
    assert fold_key(resolver.speaker(titled).name) == fold_key("علی‌اکبر ضیائی")


def test_a_title_after_two_different_names_names_no_one():
    resolver = SpeakerResolver()
    titled = resolver.add(parse_mention("استاد دانشگاه تهران"))
    text = "علی رضایی استاد دانشگاه تهران و حسن کریمی استاد دانشگاه تهران دیدار کردند."
    _titles_named_beside(_ArticleWords(text), [titled], resolver)
    assert resolver.speaker(titled).name == "استاد دانشگاه تهران"


def test_a_question_of_the_interviewer_holds_no_statement():
    text = (
        "گفت‌وگو با علی‌اکبر ضیائی\n"
        "علی‌اکبر ضیائی گفت: دهه آینده با موج نوروساینس روبرو هستیم.\n"
        "* نیوبرگ با نگاهی فیزیکی ذهن را محصول مغز دانسته است، نظر شما چیست؟\n"
        "کتاب نیوبرگ را ترجمه و با یک نقد هفتاد صفحه‌ای منتشر کرده‌ام.\n"
        "* نسبت این مباحث با معنادرمانی چیست؟\n"
        "در مقدمه کتاب نظریه خودم را درباره تجربه دینی آورده‌ام."
    )
    speakers = {fold_key(s.speaker) for s in extract_statements(text)}
    assert speakers == {fold_key("علی‌اکبر ضیائی")}


def test_marks_over_letters_are_read_through_and_offsets_index_the_text_as_given():
    # A vowel mark inside the quote, a hamza typed as a mark in the cue, a tatweel in the verb.
    text = "تیتر خبر\nوزیر نیرو بر صرفه‌جوییِ مردم تا\u0654کید کرد.\nوی گفـت: مصرف آب بالاست."
    statements = rule_statements(text)
    assert [(s.kind, s.quote) for s in statements] == [
        ("indirect", "صرفه‌جوییِ مردم"),
        ("direct", "مصرف آب بالاست"),
    ]
    assert all(text[s.start : s.end] == s.quote for s in statements)


# The issue asks for the speech verbs in all tenses and persons. Each light-verb compound
# that reports a که clause, in every form news writes it: past, plural, perfect (with and
# without است, with a ZWNJ, a space or nothing), pluperfect, present and future.
_THAT_CLAUSE_VERBS = {
    "کرد": ["اعلام", "تاکید", "تأکید", "اظهار", "عنوان", "خاطرنشان", "تصریح", "ادعا", "بیان"]
    + ["پیشنهاد", "تایید"],
    "داد": ["اطمینان", "هشدار", "وعده", "خبر", "توضیح"],
    "شد": ["مدعی", "یادآور", "متذکر"],
}
_LIGHT_VERB_FORMS = {
    "کرد": ["کرد", "کردند", "کرده است", "کرده‌اند", "کرده اند", "کرده بود", "کرده بودند"]
    + ["کرده", "می‌کند", "می کند", "میکند", "می‌کنند", "خواهد کرد"],
    "داد": ["داد", "دادند", "داده است", "داده‌اند", "داده بود", "داده", "می‌دهد", "می‌دهند"]
    + ["می دهد"],
    "شد": ["شد", "شدند", "شده است", "شده‌اند", "شده بود", "می‌شود"],
}


@pytest.mark.parametrize(
    "cue",
    [
        f"{noun} {form}"
        for light, nouns in _THAT_CLAUSE_VERBS.items()
        for noun in nouns
        for form in _LIGHT_VERB_FORMS[light]
    ],
)
def test_a_that_clause_is_reported_after_every_form_of_its_verb(cue):
    text = (
        "تیتر خبر\nعلی اکبری وزیر نیرو روز دوشنبه در جمع خبرنگاران "
        f"{cue} که تولید برق در تابستان امسال ده درصد افزایش می‌یابد."
    )
    [statement] = rule_statements(text)
    assert (statement.speaker, statement.kind, statement.quote) == (
        "علی اکبری",
        "indirect",
        "تولید برق در تابستان امسال ده درصد افزایش می‌یابد",
    )


@pytest.mark.parametrize(
    "sentence, cue, quote",
    [
        (
            "به این نکته اشاره کرده بود که تولید برق افزایش یافته است",
            "به این نکته اشاره کرده بود",
            "تولید برق افزایش یافته است",
        ),
        (
            "به مردم توصیه کرده بودند که برق را کمتر مصرف کنند",
            "به ... توصیه کرده بودند",
            "برق را کمتر مصرف کنند",
        ),
        (
            "به معاونش دستور داده بودند که تولید برق افزایش یابد",
            "به ... دستور داده بودند",
            "تولید برق افزایش یابد",
        ),
        ("خبر داده بود که تولید برق افزایش می‌یابد", "خبر داد که", "تولید برق افزایش می‌یابد"),
        ("خواستار افزایش تولید برق شده بودند", "خواستار ... شد", "افزایش تولید برق"),
        ("خواهان افزایش تولید برق شده بودند", "خواهان ... شد", "افزایش تولید برق"),
        ("بر افزایش تولید برق تاکید کرده بودند", "بر ... تاکید کرد", "افزایش تولید برق"),
    ],
)
def test_the_pluperfect_leaves_its_auxiliary_out_of_the_words_reported(sentence, cue, quote):
    text = f"تیتر خبر\nعلی اکبری وزیر نیرو روز دوشنبه {sentence}."
    [statement] = rule_statements(text)
    assert (statement.speaker, statement.cue, statement.quote) == ("علی اکبری", cue, quote)


# Each way news names a speaker, through each construction the issue names: the speaker and
# the words said must come out the same whichever pair is written.
_SUBJECTS = {
    "علی اکبری": "علی اکبری",
    "علی اکبری وزیر نیرو": "علی اکبری",
    "علی اکبری، وزیر نیرو،": "علی اکبری",
    "دکتر علی اکبری": "علی اکبری",
    "وزیر نیرو": "وزیر نیرو",
    "سخنگوی وزارت امور خارجه": "سخنگوی وزارت امور خارجه",
    "رئیس کمیسیون انرژی مجلس": "رئیس کمیسیون انرژی مجلس",
    "سرمربی تیم ملی فوتبال": "سرمربی تیم ملی فوتبال",
    "مدیرعامل شرکت توانیر": "مدیرعامل شرکت توانیر",
    "وزارت نیرو": "وزارت نیرو",
}
_SAID = "تولید برق در تابستان امسال ده درصد افزایش می‌یابد"
_ASKED = "افزایش تولید برق"
_CONSTRUCTIONS = {
    "{S} گفت: {C}.": _SAID,
    "{S} روز دوشنبه در جمع خبرنگاران گفت: {C}.": _SAID,
    "{S} در گفت‌وگو با ایسنا اظهار کرد: {C}.": _SAID,
    "{S} تاکید کرد: «{C}».": _SAID,
    "{S} در پیامی نوشت: {C}.": _SAID,
    "{S} اعلام کرد که {C}.": _SAID,
    "{S} روز دوشنبه اعلام کرد {C}.": _SAID,
    "{S} امروز در نشست خبری گفت که {C}.": _SAID,
    "{S} معتقد است {C}.": _SAID,
    "{S} با بیان اینکه {C}، افزود: دولت آماده است.": _SAID,
    "{S} با اشاره به اینکه {C}، گفت: دولت آماده است.": _SAID,
    "{S} از {C} خبر داد.": _ASKED,
    "{S} خواستار {C} شد.": _ASKED,
    "{S} بر {C} تاکید کرد.": _ASKED,
    "{S} {C} را ضروری دانست.": _ASKED + " را ضروری",
}


@pytest.mark.parametrize("construction", sorted(_CONSTRUCTIONS))
@pytest.mark.parametrize("subject", sorted(_SUBJECTS))
def test_every_speaker_form_through_every_construction(subject, construction):
    said = _CONSTRUCTIONS[construction]
    content = _ASKED if said.startswith(_ASKED) else _SAID
    text = "تیتر خبر\n" + construction.replace("{S}", subject).replace("{C}", content)
    found = [(s.speaker, s.quote) for s in rule_statements(text)]
    assert (_SUBJECTS[subject], said) in found


# A speaker introduced one way, a sentence between (none, another official at the event, a
# body's doing), then the same speaker again by pronoun, surname, title or a dropped subject.
_INTRODUCED = {
    "علی اکبری وزیر نیرو روز دوشنبه گفت: برق کافی است.": "علی اکبری",
    "وزیر نیرو روز دوشنبه در نشست خبری گفت: برق کافی است.": "وزیر نیرو",
    "به گزارش ایسنا، علی اکبری، وزیر نیرو، در نشست خبری گفت: برق کافی است.": "علی اکبری",
    "علی اکبری وزیر نیرو از افزایش تولید برق خبر داد.": "علی اکبری",
    "وزیر نیرو با اشاره به اینکه تابستان گرم است، گفت: برق کافی است.": "وزیر نیرو",
}
_BETWEEN = [
    "",
    "در این نشست محمد رضایی معاون وزیر نیز حضور داشت.\n",
    "محمد رضایی رئیس شرکت توانیر هم در این نشست بود.\n",
    "شرکت توانیر امسال ۵۰۰ مگاوات به ظرفیت شبکه افزود.\n",
]
_AGAIN = [
    "وی افزود: مصرف باید کاهش یابد.",
    "او ادامه داد: مصرف باید کاهش یابد.",
    "وزیر نیرو افزود: مصرف باید کاهش یابد.",
    "این مقام مسئول افزود: مصرف باید کاهش یابد.",
    "وی همچنین گفت که مصرف باید کاهش یابد.",
    "وی در ادامه با بیان اینکه مصرف باید کاهش یابد، گفت: دولت آماده است.",
    "وی خاطرنشان کرد که مصرف باید کاهش یابد.",
    "به گفته وی، مصرف باید کاهش یابد.",
    "وی از مردم خواست مصرف را کاهش دهند.",
]


@pytest.mark.parametrize("again", _AGAIN)
@pytest.mark.parametrize("between", _BETWEEN)
@pytest.mark.parametrize("introduced", sorted(_INTRODUCED))
def test_a_speaker_named_again_is_the_one_introduced(introduced, between, again):
    text = f"تیتر خبر\n{introduced}\n{between}{again}"
    speakers = {s.speaker for s in rule_statements(text)}
    assert speakers == {_INTRODUCED[introduced]}


# The noise the issue names, each applied to a whole article: the same speaker and words
# must come out, as the noisy text writes them.
_NOISE = {
    "ZWNJ written as a space": lambda t: t.replace("\u200c", " "),
    "ZWNJ left out": lambda t: t.replace("\u200c", ""),
    "ZWNJ runs": lambda t: t.replace("\u200c", "\u200c\u200c"),
    "Arabic ي and ك": lambda t: t.replace("ی", "ي").replace("ک", "ك"),
    "soft hyphens inside words": lambda t: t.replace("اکبری", "اک\u00adبری").replace(
        "گفت", "گ\u00adفت"
    ),
    "tatweel": lambda t: t.replace("گفت", "گفـت"),
    "no space after a colon or comma": lambda t: re.sub(r"([:،]) ", r"\1", t),
    "double spaces": lambda t: t.replace(" ", "  "),
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
}
_NOISY_SUBJECTS = {
    "علی اکبری": "علی اکبری",
    "علی اکبری، وزیر نیرو": "علی اکبری",
    "وزیر نیرو": "وزیر نیرو",
    "سخنگوی وزارت امور خارجه": "سخنگوی وزارت امور خارجه",
}
_NOISY_CONSTRUCTIONS = [
    "{S} گفت: {C}.",
    "{S} روز دوشنبه در جمع خبرنگاران گفت: {C}.",
    "{S} تاکید کرد: «{C}».",
    "{S} اعلام کرد که {C}.",
    "{S} معتقد است {C}.",
    "{S} با بیان اینکه {C}، افزود: دولت آماده است.",
    "{S} می‌گوید {C}.",
    "به گفته {S}، {C}.",
]


@pytest.mark.parametrize("construction", _NOISY_CONSTRUCTIONS)
@pytest.mark.parametrize("subject", sorted(_NOISY_SUBJECTS))
@pytest.mark.parametrize("noise", sorted(_NOISE))
def test_noise_changes_neither_speaker_nor_span(noise, subject, construction):
    add_noise = _NOISE[noise]
    text = add_noise("تیتر خبر\n" + construction.replace("{S}", subject).replace("{C}", _SAID))
    found = [(fold_key(s.speaker), s.quote) for s in rule_statements(text)]
    assert (fold_key(_NOISY_SUBJECTS[subject]), add_noise(_SAID)) in found


# Words news spells more than one way (a hamza on ya or waw, or none): each folds differently
# ("سئوال" to "سیوال", "سؤال" to "سوال"), so a pattern that names one spelling misses the
# others. Every spelling must give the same statements.
_SPELLINGS = {
    "سوال": ("سوال", "سؤال", "سئوال"),
    "مسئله": ("مسئله", "مساله", "مسأله"),
    "ارائه": ("ارائه", "ارایه"),
    "تاکید": ("تاکید", "تأکید"),
    "رئیس": ("رئیس", "رییس"),
    "مسئول": ("مسئول", "مسؤول", "مسوول"),
    "هیئت": ("هیئت", "هیات", "هیأت"),
    "تأیید": ("تأیید", "تایید", "تائید"),
    "مؤسسه": ("مؤسسه", "موسسه"),
    "جزئیات": ("جزئیات", "جزییات"),
}
_SPELT_SENTENCES = [
    "علی اکبری در پاسخ به این سوال که آیا سازمان برنامه اعلام کرده بودجه کاهش می‌یابد، "
    "گفت: بودجه امسال کاهش نمی‌یابد.",
    "علی اکبری در پاسخ به سوال خبرنگار فارس گفت: بودجه کافی است.",
    "علی اکبری با اشاره به این مسئله که تورم کاهش یافته است، گفت: نرخ سود ثابت می‌ماند.",
    "روزنامه کیهان به این مسئله اشاره کرد که ذخایر نفت کاهش یافته است.",
    "وزارت دفاع گزارشی ارائه و علت آن را سانحه عنوان کرد.",
    "علی اکبری با ارائه گزارشی از عملکرد وزارتخانه گفت: بودجه کافی است.",
    "علی اکبری ضمن تاکید بر اینکه برق کافی است، از مردم خواست مصرف را کم کنند.",
    "علی اکبری با تأیید این مسئله که برق کم است، گفت: مصرف باید کم شود.",
    "رئیس سازمان برنامه از افزایش بودجه خبر داد.",
    "به گفته رئیس سازمان برنامه، بودجه کافی است.",
    "یک مسئول در وزارت نیرو گفت: برق کافی است.",
    "رئیس هیئت مدیره باشگاه پرسپولیس گفت: بودجه کافی است.",
    "رئیس مؤسسه مطالعات انرژی گفت: بودجه کافی است.",
    "علی اکبری درباره جزئیات طرح گفت: بودجه کافی است.",
    "سوال: بودجه کافی است؟\nعلی اکبری گفت: بله کافی است.",
]


def _spellings(sentence: str) -> list[str]:
    words = [word for word in _SPELLINGS if word in sentence]
    texts = []
    for spelt in itertools.product(*(_SPELLINGS[word] for word in words)):
        text = sentence
        for word, spelling in zip(words, spelt, strict=True):
            text = text.replace(word, spelling)
        texts.append(text)
    return texts


def _without_hamza_letters(text: str) -> str:
    return re.sub("[ئؤأءیوا]", "", fold_key(text))


@pytest.mark.parametrize("sentence", _SPELT_SENTENCES)
def test_every_spelling_gives_the_same_statements(sentence):
    found = {
        tuple(
            (_without_hamza_letters(s.speaker), _without_hamza_letters(s.quote), s.kind)
            for s in rule_statements("تیتر خبر\n" + text)
        )
        for text in _spellings(sentence)
    }
    assert len(found) == 1, found
    assert found.pop()
