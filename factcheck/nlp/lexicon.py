"""Word lists and compiled patterns for Persian news attribution, built once per process.

Speech-verb forms come from hazm's Conjugation (every tense, third person singular and
plural), so ``گفت``, ``می‌گوید``, ``گفته است`` and ``گفته بود`` all match without listing them.
Patterns run over :func:`text.fold` output, where ي/ك are already Persian.
"""

import functools
import re

# Simple verbs: (past stem, present stem).
SIMPLE_SPEECH_VERBS = [
    ("گفت", "گو"),
    ("افزود", "افزا"),
    ("نوشت", "نویس"),
    ("فرمود", "فرما"),
    ("نگاشت", "نگار"),
]

# "در این بیانیه آمده است:" / "در پیام او آمده است:": the document's author speaks.
DOCUMENT_CUE = "آمده است"
# "سپاه ... در بیانیه‌ای آورده است:": the author puts it so. Only before a colon: "به دست
# آورده است که ..." is no speech.
WRITTEN_CUE = "آورده است"

# Light-verb compounds: noun, and the light verbs it takes.
COMPOUND_SPEECH_VERBS: list[tuple[str, tuple[str, ...]]] = [
    ("اظهار", ("کرد", "داشت", "نمود")),
    ("تصریح", ("کرد", "نمود")),
    ("تاکید", ("کرد", "نمود", "داشت")),
    ("تأکید", ("کرد", "نمود", "داشت")),
    ("ادامه", ("داد",)),
    ("یادآور", ("شد",)),
    ("یاد آور", ("شد",)),  # also written apart or with a ZWNJ inside: یاد‌آور شد
    ("یادآوری", ("کرد", "نمود")),
    ("خاطرنشان", ("کرد", "ساخت", "نمود")),
    ("خاطر نشان", ("کرد", "ساخت", "نمود")),
    ("عنوان", ("کرد", "داشت", "نمود")),
    ("بیان", ("کرد", "داشت", "نمود")),
    ("اعلام", ("کرد", "داشت", "نمود")),
    ("اضافه", ("کرد", "نمود")),
    ("توضیح", ("داد",)),
    ("تشریح", ("کرد",)),
    ("ابراز", ("کرد", "داشت")),
    ("اذعان", ("کرد", "داشت", "نمود")),
    ("اظهار امیدواری", ("کرد",)),
    ("ابراز امیدواری", ("کرد",)),
    ("ابزار امیدواری", ("کرد",)),  # a common slip for ابراز
    ("پاسخ", ("داد",)),
    ("متذکر", ("شد",)),
    ("مدعی", ("شد",)),
    ("اعتراف", ("کرد",)),
    ("اقرار", ("کرد",)),
    ("گزارش", ("داد",)),  # "بلومبرگ گزارش داد: ...": a newspaper or channel reporting
    ("هشدار", ("داد",)),
    ("تهدید", ("کرد",)),
    ("ادعا", ("کرد",)),
    ("انتقاد", ("کرد",)),
    ("گلایه", ("کرد",)),
    ("پیش‌بینی", ("کرد",)),
    ("مطرح", ("کرد", "نمود", "ساخت")),
    ("تایید", ("کرد",)),  # "باشگاه تایید کرد که ...": confirmed
    ("تأیید", ("کرد",)),
    ("تبیین", ("کرد",)),
    ("جواب", ("داد",)),
    ("تذکر", ("داد",)),
    ("پیشنهاد", ("کرد", "داد", "نمود")),  # "وی پیشنهاد کرد که ...": a proposal is said
    ("فاش", ("کرد", "ساخت")),  # "باشگاه اسرای فلسطین فاش کرد که ..."
    ("اظهار نظر", ("کرد", "نمود")),
    ("استدلال", ("کرد",)),
    ("ابراز اطمینان", ("کرد",)),
    ("ابراز نگرانی", ("کرد",)),  # "کارمندان توییتر ابراز نگرانی کرده‌اند که ...": a fear voiced
]

LIGHT_VERB_STEMS = {
    "کرد": "کن",
    "داشت": "دار",
    "نمود": "نما",
    "داد": "ده",
    "شد": "شو",
    "ساخت": "ساز",
}

# Passive/impersonal cues that never name a speaker (vague sources).
PASSIVE_CUES = ("اعلام شد", "تاکید شد", "عنوان شد", "گفته شد", "گفته می‌شود")


def _third_person_forms(past: str, present: str) -> set[str]:
    """Third-person singular and plural of a verb in the tenses news reporting uses.

    Past tenses come from hazm's Conjugation. The present is built here, because hazm drops
    the ی that a vowel-final stem takes (it gives می‌گود, می‌افزاد for می‌گوید, می‌افزاید).
    """
    from hazm import Conjugation

    conj = Conjugation()
    forms: set[str] = set()
    for method in ("perfective_past", "imperfective_past", "past_precedent", "perfective_future"):
        conjugated = getattr(conj, method)(past)
        forms.update((conjugated[2], conjugated[5]))
    perfect = conj.present_perfect(past)  # [..., 'گفته است', 'گفته', ..., 'گفته‌اند']
    forms.update((perfect[2], perfect[3], perfect[-1]))
    # A vowel-final stem takes ی (گو -> می‌گوید, افزا -> می‌افزاید); in شو the و is a consonant
    # (می‌شود: یادآور می‌شود, مدعی می‌شوند).
    glide = "ی" if present.endswith(("ا", "و")) and present != "شو" else ""
    forms.update((f"می‌{present}{glide}د", f"می‌{present}{glide}ند"))
    if past == "داشت":  # the present of داشتن takes no می: تاکید دارد, اعتقاد دارند
        forms.update(("دارد", "دارند"))
    return forms


def _flexible(form: str) -> str:
    """Regex for a verb form where ZWNJ or a space between parts may be missing or doubled."""
    parts = re.split(r"[\u200c ]+", form)
    return r"[\u200c ]*".join(re.escape(part) for part in parts)


@functools.cache
def speech_verb_forms() -> list[str]:
    """Every surface form of every speech verb, longest first."""
    forms: set[str] = set()
    for past, present in SIMPLE_SPEECH_VERBS:
        forms |= _third_person_forms(past, present)
    for noun, light_verbs in COMPOUND_SPEECH_VERBS:
        for light in light_verbs:
            for form in _third_person_forms(light, LIGHT_VERB_STEMS[light]):
                forms.add(f"{noun} {form}")
    return sorted(forms, key=len, reverse=True)


def _alternation(forms: set[str] | list[str]) -> str:
    return "|".join(_flexible(f) for f in sorted(forms, key=len, reverse=True))


_LETTER = r"\w"  # Persian letters are \w; the Arabic comma and ZWNJ are not


@functools.cache
def speech_verb_pattern() -> re.Pattern[str]:
    """Matches a speech verb as whole words; group ``verb`` is the verb phrase.

    Compound verbs are grouped by the light verbs they take (nouns, then the light verb's
    forms), because Python's re tries a flat alternation of a thousand forms one by one.
    """
    simple: set[str] = set()
    for past, present in SIMPLE_SPEECH_VERBS:
        simple |= _third_person_forms(past, present)
    by_light_verbs: dict[tuple[str, ...], list[str]] = {}
    for noun, light_verbs in COMPOUND_SPEECH_VERBS:
        by_light_verbs.setdefault(tuple(sorted(light_verbs)), []).append(noun)
    groups = []
    for light_verbs, nouns in by_light_verbs.items():
        forms: set[str] = set()
        for light in light_verbs:
            forms |= _third_person_forms(light, LIGHT_VERB_STEMS[light])
        groups.append(rf"(?:{_alternation(nouns)})[\u200c ]*(?:{_alternation(forms)})")
    alternation = "|".join(
        [
            *groups,
            _alternation(simple),
            _flexible(DOCUMENT_CUE),
            # "در بیانیه فیفا آمده که ...": the document's words, its است dropped before که
            r"آمده(?=[\u200c ]+که(?!\w))",
            # "در پیش‌نویس این قطعنامه آمده بود: ...": a past document, its words after a colon
            r"آمده[\u200c ]+بود(?=[\u200c ]*:)",
            _flexible(WRITTEN_CUE),
        ]
    )
    # Not the noun گفت‌وگو, not plural or possessive nouns (گفته‌ها), not passives (گفته شد),
    # not a first or second person (تاکید کرده ایم, اعلام کرده بودیم), not a word that goes
    # on after a ZWNJ (گفته‌هایش).
    not_after = (
        r"(?![\u200c ]*(?:و[\u200c ]*(?:گو|شنود)|ها(?:ی)?(?!\S)|"
        r"(?:ای|ایم|اید|ام|بودم|بودیم|بودی|بودید)(?![^\s،,.:؛!؟?])|اش(?!\S)|شد|شده|"
        r"می[\u200c ]*شود|نشد))"
        rf"(?!\u200c+{_LETTER})"
    )
    # A bare participle (گفته, افزوده, اعلام کرده) reports speech only before a comma, a
    # colon, که or the sentence's end ("وی افزوده، ..."); before a word it is a noun or an
    # adjective ("گفته او را بی‌جواب گذاشت", "افزوده کتاب‌های جدید", "ارزش افزوده بالا").
    # A compound one (اعلام کرده, اظهار داشته) is a verb with its است dropped, as agency copy
    # writes it: "فدراسیون اعلام کرده هر ساله ... اجرا می‌کند".
    bare_participle_ends = r"(?:(?<!ه)|(?<=کرده)|(?<=داشته)|(?=[\u200c ]*(?:[،,:؛.\n]|که(?!\S)|$)))"
    # "... یاد کرد وگفت:": typed copy often glues the conjunction to the verb.
    word_start = rf"(?:(?<!{_LETTER})|(?<=(?<!{_LETTER})و))"
    return re.compile(
        rf"{word_start}(?P<verb>{alternation})(?!{_LETTER}){bare_participle_ends}{not_after}"
    )


# The honorific "he", used only for the Leader and the late Imam.
HONORIFIC_PRONOUNS = ("معظم‌له", "معظم له")
# The honorific verb of a revered figure's sayings: فرمود, فرموده‌اند, می‌فرمایند.
HONORIFIC_VERB = re.compile(r"فرمود|فرما")

PRONOUNS = {
    *HONORIFIC_PRONOUNS,
    # "به گفته خودش": the reflexive points back like وی.
    "خودش",
    "خود وی",
    "خود او",
    "خودشان",
    "وی",
    "او",
    "ایشان",
    "نامبرده",
    "وی نیز",
    "او نیز",
    "ایشان نیز",
    "آنها",
    "آن‌ها",
    "آنان",
    "این مقام",
    "این مسئول",
    "این مسؤول",
    "این مسوول",
    "این مقام مسئول",
    "این مقام مسؤول",
    "این مقام ارشد",
    "این چهره",
    "این مربی",
    "این بازیکن",
    "این نماینده",
}

# "این <noun>" with one of these nouns is a plain anaphor: with no earlier speaker of that
# title, it still means the speaker just quoted (این مدیر, این کارشناس).
GENERIC_ANAPHOR_HEADS = {
    "مسئول",
    "مسؤول",
    "مسوول",
    "مقام",
    "مدیر",
    "مربی",
    "سرمربی",
    "بازیکن",
    "نماینده",
    "کارشناس",
    "استاد",
    "چهره",
    "فرد",
    "شخص",
    "مقام‌مسئول",
    "ورزشکار",
    "هنرمند",
    "محقق",
    "پژوهشگر",
    "تولیدکننده",
    "شخصیت",
    "فعال",
}

# First words of a role phrase (وزیر ارتباطات, سرمربی پرسپولیس, سخنگوی دولت).
ROLE_HEADS = {
    "والی",  # an Afghan province's governor
    "وزیر",
    "معاون",
    "رئیس",
    "رییس",
    "ریيس",
    "سخنگو",
    "سخنگوی",
    "نماینده",
    "نمایندگان",
    "دبیر",
    "دبیرکل",
    "مدیر",
    "مدیرعامل",
    "مدیرکل",
    "فرمانده",
    "فرماندهی",
    "سرمربی",
    "مربی",
    "استاندار",
    "فرماندار",
    "شهردار",
    "دادستان",
    "سفیر",
    "فرستاده",  # "استفان دی میستورا، فرستاده ویژه سازمان ملل در امور سوریه"
    "افسر",
    "مدرس",
    "کمیسر",  # "ناوی پیلای کمیسر عالی حقوق بشر سازمان ملل"
    "رئیس‌جمهور",
    "رئیس‌جمهوری",
    "نایب",
    "نایب‌رئیس",
    "عضو",
    "اعضای",
    "کارشناس",
    "مشاور",
    "جانشین",
    "امام",
    "مفتی",
    "قاضی",
    "بازپرس",
    "دادیار",
    "ژنرال",
    "حاکم",
    "مذاکره‌کننده",
    "بازیکن",
    "هافبک",
    "مهاجم",
    "مدافع",
    "دروازه‌بان",
    "کاپیتان",
    "ستاره",
    "مسئول",
    "مسئولان",
    "مسؤول",
    "سرپرست",
    "قائم‌مقام",
    "قائم",
    "رهبر",
    "رهبران",
    "نخست‌وزیر",
    "نخست",
    "صدراعظم",
    "پادشاه",
    "شاه",
    "ملکه",
    "پاپ",
    "کاردار",
    "وکیل",
    "رئيس",
    "دیپلمات",
    "دیپلماتیک",
    "منبع",
    "منابع",
    "یک",
    "مقام",
    "مقامات",
    "فعال",
    "تحلیلگر",
    "استاد",
    "پژوهشگر",
    "دانشمند",
    "پزشک",
    "متخصص",
    "خطیب",
    "امام‌جمعه",
    "سناتور",
    "نامزد",
    "کاندیدای",
    "کاندیدا",
    "دستیار",
    "بنیانگذار",
    "موسس",
    "مؤسس",
    "رئيس‌جمهور",
    "هماهنگ‌کننده",
    "نائب",
    "ریاست",
    "محقق",
    "تولیت",  # "تولیت آستان قدس رضوی": the custodian of a shrine
    "برنامه‌ریز",
    "بازیساز",
    "بازی‌ساز",
    "لیبرو",
    "لیبروی",
    "پاسور",
    # Epithets news gives instead of a title: "بانی سیاست درهای باز", "بانوی المپیکی کاراته".
    "بانی",
    "بانوی",
    "منتقد",
    "مفسر",
    "اسطوره",
}

ROLE_HEADS |= {
    "کارگردان",
    "تهیه‌کننده",
    "نویسنده",
    "بازیگر",
    "خواننده",
    "شاعر",
    "هنرمند",
    "نقاش",
    "آهنگساز",
    "داور",
    # "خلیفه سلطان ناظر بازی": the match commissioner
    "ناظر",
    "ورزشکار",
    "قهرمان",
    "کشتی‌گیر",
    # "مالک ناپولی می‌گوید": a club's owner
    "مالک",
    # "آزادکار وزن ۵۷ کیلوگرم گفت": a freestyle or Greco-Roman wrestler
    "آزادکار",
    "فرنگی‌کار",
    "وزنه‌بردار",
    "اقتصاددان",
    "حقوقدان",
    "جامعه‌شناس",
    "روانشناس",
    "شناگر",
    "دونده",
    "گلر",
    "سنگربان",
    "ملی‌پوش",
    "فوتبالیست",
    "والیبالیست",
    "بسکتبالیست",
    "تکواندوکار",
    "جودوکار",
    "قایقران",
    "گزارشگر",
    "مجری",
    "خبرنگار",
    "روزنامه‌نگار",
    "سردبیر",
    "رئیس‌کل",
    "رییس‌کل",
    "دبیرخانه",
    "کارشناسان",
    "فرمانده‌",
    "سرکنسول",
    "کنسول",
    "رایزن",
    "مدیران",
    "معاونان",
    "وزرای",
    "وزیران",
    "مقام‌های",
    "مقامی",
    "نمایندگی",
    "شهردار",
    "بخشدار",
    "دهیار",
    "رئیسه",
    "اسقف",
    "آیت‌الله‌العظمی",
    "مرجع",
    "علامه",
    "نماینده‌",
    "عضویت",
    "سرمربیان",
    "بازیکنان",
    "ستاره",
    "پیشکسوت",
    "دبیرکل‌",
    "مدیرکل‌",
    "رییس‌جمهور",
    "ریيس‌جمهور",
    "معاونت",
    "مدیریت",
    "ریاست‌جمهوری",
    "کاپیتان",
    "هافبک",
    "دفاع",
    "مربیان",
    "دستیار",
    # Sports staff and players that sports copy calls people by (آنالیزور استقلال گفت).
    "آنالیزور",
    "سرعتی‌زن",
    "پاسور",
    "وینگر",
    "بدنساز",
    "فیزیوتراپ",
    "لژیونر",
    "بوکسور",
    "رکابزن",
    "تنیسور",
    "گلزن",
    "ژیمناست",
    "پرتابگر",
    "کاراته‌کا",
}

# Words that open an organisation's name.
# Countries and the capitals news uses for their governments (مسکو: ..., واشنگتن اعلام کرد):
# a speaker of this name is a state, never a person to join with a title.
STATES = {
    "ایران",
    "آمریکا",
    "امریکا",
    "ایالات متحده",
    "روسیه",
    "چین",
    "انگلیس",
    "انگلستان",
    "بریتانیا",
    "فرانسه",
    "آلمان",
    "ایتالیا",
    "اسپانیا",
    "ژاپن",
    "هند",
    "پاکستان",
    "افغانستان",
    "عراق",
    "سوریه",
    "لبنان",
    "ترکیه",
    "عربستان",
    "عربستان سعودی",
    "امارات",
    "قطر",
    "کویت",
    "بحرین",
    "عمان",
    "یمن",
    "اردن",
    "مصر",
    "لیبی",
    "تونس",
    "الجزایر",
    "مراکش",
    "اسرائیل",
    "رژیم صهیونیستی",
    "فلسطین",
    "کره شمالی",
    "کره جنوبی",
    "اوکراین",
    "بلاروس",
    "لهستان",
    "هلند",
    "بلژیک",
    "سوئیس",
    "سوئد",
    "نروژ",
    "دانمارک",
    "اتریش",
    "یونان",
    "کانادا",
    "مکزیک",
    "برزیل",
    "ونزوئلا",
    "کوبا",
    "استرالیا",
    "اندونزی",
    "مالزی",
    "آذربایجان",
    "ارمنستان",
    "گرجستان",
    "قزاقستان",
    "ازبکستان",
    "ترکمنستان",
    "تاجیکستان",
    "مسکو",
    "واشنگتن",
    "پکن",
    "لندن",
    "پاریس",
    "برلین",
    "تهران",
    "ریاض",
    "آنکارا",
    "کابل",
    "بغداد",
    "دمشق",
    "بیروت",
    "قاهره",
    "توکیو",
    "دهلی نو",
    "اسلام‌آباد",
    "کی‌یف",
    "تل‌آویو",
    # The rest of Europe, the Americas, Africa and Asia that sports and world news quote
    # (not words that are also common ones or surnames: مالی, غنا, چک, پرو, کامرون).
    *("پرتغال", "ایرلند", "اسکاتلند", "ایسلند", "فنلاند", "مجارستان", "رومانی", "بلغارستان"),
    *("کرواسی", "صربستان", "اسلوونی", "اسلواکی", "آلبانی", "مقدونیه", "بوسنی", "قبرس"),
    *("لیتوانی", "لتونی", "استونی", "مولداوی", "لوکزامبورگ", "مونته‌نگرو"),
    *("آرژانتین", "اروگوئه", "کلمبیا", "پاراگوئه", "اکوادور", "بولیوی", "شیلی", "کاستاریکا"),
    *("هندوراس", "پاناما", "جامائیکا", "گواتمالا", "نیکاراگوئه", "هائیتی"),
    *("نیجریه", "سنگال", "ساحل عاج", "آفریقای جنوبی", "اتیوپی", "کنیا", "سودان"),
    *("سومالی", "زیمبابوه", "آنگولا", "تانزانیا", "اوگاندا", "کنگو", "موریتانی", "اریتره"),
    *("تایلند", "ویتنام", "فیلیپین", "سنگاپور", "بنگلادش", "سریلانکا", "نپال", "میانمار"),
    *("کامبوج", "مغولستان", "قرقیزستان", "نیوزیلند", "تایوان"),
}

ORGANISATION_HEADS = {
    "وزارت",
    "سازمان",
    "کشور",  # "کشور ژاپن می‌گوید": a country speaking as a state
    "شرکت",
    "دولت",
    "ستاد",
    "کمیته",
    "کمیسیون",
    "فدراسیون",
    "باشگاه",
    "مجلس",
    "شورای",
    "شورا",
    "اتحادیه",
    "انجمن",
    "بانک",
    "دفتر",
    "دیوان",
    "قوه",
    "نیروی",
    "ارتش",
    "سپاه",
    "پلیس",
    "کاخ",
    "هیئت",
    "هیات",
    "بنیاد",
    "مرکز",
    "اداره",
    "جبهه",
    "حزب",
    "گروه",
    "جنبش",
    "آژانس",
    "کنفدراسیون",
    "فیفا",
    "یوفا",
    "ناتو",
    "استانداری",
    "فرمانداری",
    "شهرداری",
    "دادگستری",
    "دادستانی",
    "وزارتخانه",
    "سفارت",
    "کنسولگری",
    "پردیس",
    "پنتاگون",
    "کرملین",
    "دانشگاه",
    "دانشکده",
    "پژوهشگاه",
    "پژوهشکده",
    "بیمارستان",
    "موسسه",
    "مؤسسه",
    "نهاد",
    "کانون",
    "سندیکا",
    "روزنامه",
    "هفته‌نامه",
    "بولتن",
    "مجله",
    "پایگاه",
    "شبکه",
    "تلویزیون",
    "رادیو",
    "خبرگزاری",
    # "این رسانه نوشته است", "این ائتلاف ضد دولتی معتقد است": the medium or coalition just
    # quoted, whatever its name.
    "رسانه",
    "نشریه",
    "ائتلاف",
}

HONORIFICS = {
    "ماموستا",  # a Kurdish Sunni cleric's title
    "ملا",
    "آقای",
    "خانم",
    "دکتر",
    "مهندس",
    "حجت‌الاسلام",
    "حجت‌الاسلام‌والمسلمین",
    "حجت الاسلام",
    "آیت‌الله",
    "آیت الله",
    "آیت‌الله‌العظمی",
    "سردار",
    "سرلشکر",
    "سرتیپ",
    "سرهنگ",
    "سرگرد",
    "امیر",
    "دریادار",
    "شیخ",
    "سید",
    "استاد",
    "پروفسور",
    "حاج",
    "حاجی",
    "والمسلمین",
}

# Titles that stand only before a person's name (not سید, امیر, حاج: names too; not خانم:
# "a lady" too).
NAME_TITLES = (
    "آقای",
    "دکتر",
    "مهندس",
    "حجت‌الاسلام",
    "آیت‌الله",
    "سردار",
    "سرلشکر",
    "سرتیپ",
    "سرهنگ",
    "دریادار",
    "پروفسور",
)

# Tokens that end the subject noun phrase before a speech verb (adverbials, prepositions).
SUBJECT_STOPS = {
    "در",
    "درباره",
    # "اندیشکده X مستقر در واشنگتن": where the speaker is based is not part of its name.
    "مستقر",
    "دربارهٔ",
    "با",
    "به",
    "از",
    "ضمن",
    "پس",
    "پیش",
    "قبل",
    "بعد",
    "امروز",
    "دیروز",
    "روز",
    "صبح",
    "عصر",
    "شب",
    "ظهر",
    "بامداد",
    "هنگام",
    "طی",
    "برای",
    "بر",
    "تا",
    "همچنین",
    "نیز",
    "هم",
    "که",
    "اخیرا",
    "اخیراً",
    "سپس",
    "آنگاه",
    "همزمان",
    "امشب",
    "امسال",
    "ابتدا",
    "پیرامون",
    "حین",
    # "درپی وقوع انفجار در بیروت، رئیس‌جمهور لبنان ...": در پی and به دنبال written as one word.
    "درپی",
    "بدنبال",
    "هنگامی",
    "وقتی",
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "پنج‌شنبه",
    "جمعه",
    "شنبه",
    "یکشنبه",
    "یک‌شنبه",
    "ديروز",
    "فردا",
    "بار",
    "اما",
    "ولی",
    "البته",
    "خطاب",
    "طبق",
    "بنابر",
    "بنا",
    "درخصوص",
    "درمورد",
    "راجع",
    "علاوه",
    "مقابل",
    "همچنان",
    "سرانجام",
    "نهایتا",
    "نهایتاً",
    "بلافاصله",
    "درحالی",
    "شامگاه",
    "صبحگاه",
    "بعدازظهر",
    "پیش‌ازظهر",
    # "لوسیانو پریرا ملقب به شیمبا": the nickname is not part of the name.
    "ملقب",
    "آیا",
    # "علیرغم صدور دو قطعنامه، آدامز معتقد است ...": a concession, never the subject.
    "علیرغم",
    "علی‌رغم",
    "برغم",
    "به‌رغم",
    "باوجود",
    "را",
    "روزگذشته",
    "پیشتر",
    "قبلا",
    "قبلاً",
    "دوباره",
    "مجددا",
    "مجدداً",
    "بارها",
    # "آدامکوس پائیز گذشته ... تشریح کرد", "گروس روزهای پایانی ...": a time of year or a
    # span of days opens an adverbial after the name.
    "روزهای",
    "پاییز",
    "پائیز",
    "تابستان",
    "زمستان",
    # "یورگن کلوپ همیشه تاکید می‌کرد": adverbs of frequency end a name.
    "همیشه",
    "همواره",
    "هرگز",
    "هیچگاه",
    "هیچ‌گاه",
    "هرچند",
    "همین",
    "ظهرامروز",
    "عصرامروز",
    "صبحامروز",
    "است",
    "بوده",
}

# Subordinators, ordinals, reflexives, infinitives and time or quantity adverbs never belong
# to a speaker's name or title.
SUBJECT_STOPS |= {
    "دقایقی",
    "ساعاتی",
    "لحظاتی",
    "اندکی",
    "کمی",
    "چند",
    "ساعت",
    "سال‌ها",
    "ماه‌ها",
    # "تایسون بعدها ... گفت", "پیرو جلسه روز چهارشنبه ...، افتخاری گفت": a later time and a
    # "following ..." phrase open an adverbial, never a name.
    "بعدها",
    "پیرو",
    # "سرمربی تیم ملی اتفاقا همان مقطع اعلام کرد": "as it happens", an adverb
    "اتفاقا",
    "اتفاقاً",
    "احتمالا",
    "احتمالاً",
    # "پرنس ناگهان گفت": "suddenly"
    "ناگهان",
    # "بازیکنان تیم ملی اسپانیا یکدیگر را در آغوش گرفتند و فریاد می‌زدند": each other
    "یکدیگر",
    "همدیگر",
    "کردن",
    "شدن",
    "دادن",
    "نمودن",
    "داشتن",
    "گرفتن",
    "زدن",
    "گرچه",
    "اگرچه",
    "چون",
    "زیرا",
    "اگر",
    "چنانچه",
    "درحالیکه",
    "نخستین",
    "اولین",
    "دومین",
    "سومین",
    "چهارمین",
    "پنجمین",
    "آخرین",
    "خود",
    "خویش",
}

# Vague plural subjects: "برخی می‌گویند" is not an attributed statement (ANNOTATION.md).
VAGUE_SUBJECTS = {
    "کسانی",  # "کسانی که ادعا می‌کنند"
    "آنهایی",
    "برخی",
    "بعضی",
    "بسیاری",
    "عده‌ای",
    "عده ای",
    "گروهی",
    "کارشناسان",
    "ناظران",
    "تحلیلگران",
    "مردم",
    "برخی‌ها",
    "خیلی‌ها",
    "منتقدان",
    "بعضی‌ها",
    # "دیگران گفتند مقصر نبودم", "آنطور که بقیه می‌گفتند": the others, whoever they are
    "دیگران",
    "بقیه",
    # "رسانه‌ها پیش از بازی می‌گفتند که ...": the media at large (not رسانه‌های اسپانیایی)
    "رسانه‌ها",
    "رسانه ها",
    # "هرکسی که این بازی را دید معتقد است ...": anyone at all
    "هرکسی",
    "هرکس",
    # "چیزهایی می‌گویند که ...", "دروغ می‌گویند": what is said, its sayers dropped
    "چیزهایی",
    "دروغ",
    "شایعات",
    "گزارش‌ها",
    "اکثر",  # "اکثر ناظرین بی‌طرف معتقدند": most observers, nobody in particular
    "اغلب",
    # "آنچه آقای مدیرعامل می‌گوید، مشابه ... است": what someone says, the writer's subject
    "آنچه",
}

# Adverbs written after a subject (مورینیو مکررا گفته است): they end the subject.
SUBJECT_STOPS |= {
    # "شهردار تبریز همان زمان قویا این شایعه را تکذیب کرد": how or when, never a name.
    "قویا",
    "قویاً",
    "شدیدا",
    "شدیداً",
    "علنا",
    "علناً",
    "تلویحا",
    "تلویحاً",
    "صریحا",
    "صریحاً",
    "فورا",
    "فوراً",
    "همان",  # "همان زمان", "همان روز"
    # "حسن زاده اینگونه حرف‌هایش را خاتمه داد": how something was said, never a name.
    "اینگونه",
    "این‌گونه",
    "اینطور",
    "این‌طور",
    "شاید",  # "شاید خودم هم بگویم": perhaps, never part of a name
    "گذشته",  # "هاشم بنی‌هاشمی‌نسب گذشته در آیین ...": last night, never part of a name
    "مکررا",
    "مکرراً",
    "مجددا",
    "مجدداً",
    "قبلا",
    "بعدا",
    "بعداً",
    "صرفا",
    "صرفاً",
    "دقیقا",
    "دقیقاً",
    "رسما",
    "رسماً",
    "صراحتا",
    "صراحتاً",
    "شخصا",
    "شخصاً",
    "قطعا",
    "قطعاً",
    "حتما",
    "حتماً",
    "کاملا",
    "کاملاً",
    "واقعا",
    "واقعاً",
    "ظاهرا",
    "ظاهراً",
    "بارها",
    "هرگز",
    "هیچگاه",
    "اکنون",
    "هم‌اکنون",
    "هماکنون",
    "اینک",
    "تاکنون",
    "پیش‌تر",
    "پیشتر",
    "چندی",
    "هفته",
    "اوایل",
    "اواخر",
    "اواسط",
    "ضمنا",
    "ضمناً",
    "نیزبا",
    "دستور",  # "رئیس جمهور دستور ... صادر و تاکید کرد": the order given, never a name
    "هیچ",  # "به گفته مسئولین هیچ تغییری ...": "no", what was said begins
    # "داور چهارم آمد و خیلی محترمانه گفت که ...": how it was said, never a name.
    "خیلی",
    "محترمانه",
    "مودبانه",
    "مؤدبانه",
    "صادقانه",
    "صمیمانه",
    "متواضعانه",
    "قاطعانه",
    "آشکارا",
    "مستقیما",
    "مستقیماً",
}

SUBJECT_STOPS |= {
    # Glued forms news text often has (a missing space after در / با).
    "درپاسخ",
    "درحاشیه",
    "درجمع",
    "درخصوص",
    "درادامه",
    "درگفتگو",
    "درگفت‌وگو",
    "درنشست",
    "درجلسه",
    "درمراسم",
    "دراین",
    "درآیین",
    "دربخش",
    "درپایان",
    "درابتدا",
    "درابتدای",
    "درمورد",
    "درطول",
    "درکنار",
    "درجریان",
    "درراستای",
    "درپی",
    "درحالیکه",
    "باتاکید",
    "بااشاره",
    "بابیان",
    "باابراز",
    "ازجمله",
}

# Words after which a "stop" word is part of the noun phrase (امام جمعه, نماز جمعه).
SUBJECT_STOP_EXCEPTIONS = {
    "جمعه": {"امام", "نماز", "ائمه"},
    # "نماینده ولی فقیه"; after a title of address ولی is a first name: "مهندس ولی آذروش"
    "ولی": {"نماینده", "نمایندگان", "نمایندگی", "مهندس", "دکتر", "حاج", "سید", "آقای", "سردار"},
    # "یک منبع نزدیک به دولت", "مقامی نزدیک به آیت‌الله سیستانی", "منابع وابسته به انصارالله"
    "به": {"نزدیک", "وابسته"},
    # "ستاد مبارزه با مواد مخدر", "ستاد مقابله با کرونا": what the body fights is its name.
    "با": {"مبارزه", "مقابله"},
}

# Stop words that are also surnames: right after a first name alone they end the name, unless
# another stop follows ("حسن بامداد جوان ..." but "علی بامداد امروز ...").
SURNAMES_AMONG_STOPS = {"بنا", "بامداد", "جمعه"}

# Sentence openers that belong to the reporter, not the subject ("شایان ذکر است ...").
DISCOURSE_OPENERS = re.compile(
    r"\s*(?:شایان\s+ذکر\s+است|گفتنی\s+است|لازم\s+به\s+ذکر\s+است|قابل\s+ذکر\s+است|"
    r"یادآور\s+می[\u200c ]?شود|خاطر[\u200c ]?نشان\s+می[\u200c ]?شود|همچنین|البته|"
    # "بنابراین گزارش، برخی از وزیران ... تصریح کردند": "according to this report".
    r"(?:بنابر|بر[\u200c ]?اساس|بر[\u200c ]?پایه|طبق)\s*(?:این|همین|آن)\s+گزارش|"
    # "این گزارش حاکی است، اتریش ... پیشنهاد داد": the same, as old agency copy writes it.
    r"(?:این|همین)\s+گزارش\s+حاکی\s+(?:است|بود)|"
    r"(?:افزون|علاوه)\s+بر\s+(?:این|آن)|"
    r"به[\s\u200c]*هر[\s\u200c]*حال|بنابراین|بنابر\s+این|لذا|متاسفانه|متأسفانه|خوشبختانه|"
    r"به\s+همین\s+(?:دلیل|خاطر|منظور|جهت)|از\s+این\s+(?:رو|جهت|لحاظ)|"
    r"در\s*(?:همین|عین)\s*حال|از\s+سوی\s+دیگر|در[\u200c ]?واقع|به[\u200c ]?عبارت\s+دیگر|ضمن\s+اینکه|"
    # "در ادامه جلسه امیر احمری‌نژاد ... گفت": the occasion goes with در ادامه.
    r"در\s*(?:ادامه|پایان)(?:\s+(?:این\s+)?(?:جلسه|نشست(?:\s+خبری)?|مراسم|همایش|گردهمایی|دیدار|"
    r"مسابقات|مسابقه|برنامه|بازی|سفر|اجلاس|کنفرانس|گفتگو|گفت[\u200c ]?وگو))?|"
    # "در این ملاقات داریوش ارجمند مظلومی را ... نامید": this occasion, then the subject.
    r"در\s+(?:این|همین)\s+(?:ملاقات|دیدار|جلسه|نشست|مراسم|همایش|مصاحبه|گفتگو|گفت[\u200c ]?وگو)|"
    r"(?:پس|بعد)\s+از\s+آن|به\s+نوبه(?:\u200c?ی)?\s+خود|"
    # "در حالی که پیکانی‌ها گفته بودند ...": with no comma in the clause (with one, the
    # subject follows the comma).
    r"این\s+در\s+حالی\s*(?:است|ست)\s+که|در\s*حالی[\s\u200c]*که(?![^،,:\n]*[،,])|در\s*این\s+میان|"
    # "با این حال جانسون ... خواهد گفت", "در همین ارتباط اکیپ مدعی شده که ..."
    r"با\s+(?:این|وجود\s+این)\s+حال|با\s+وجود\s+این|"
    r"در\s*(?:همین|این)\s+(?:ارتباط|رابطه|زمینه|راستا)|"
    # "همان‌طور که رهبری فرموده‌اند ...": the speaker follows the که of the comparison.
    r"(?:همان|همین|آن)[\u200c ]?(?:طور|طوری|گونه)\s+که|چنان[\u200c ]?که|"
    r"از\s+طرفی|از\s+طرف\s+دیگر|"
    # "نکته جالب این که روزنامه ... نوشته که ...": the writer's remark, then the subject.
    r"نکته\s+(?:جالب|مهم|قابل\s+توجه)(?:\s+(?:این|آن))?(?:\s*(?:است|ست))?\s*(?:که|این[\u200c ]?که)|"
    # Time adverbs before the subject: "پیش‌تر زنوزی وعده ... را داده بود".
    r"پیش[\u200c ]?تر|پیش\s+از\s+این|قبلا|اخیرا|سپس|همواره|همچنان|دیروز|امروز|امشب|"
    r"حالا|حال|اکنون|هم[\u200c ]?اکنون|به[\u200c ]?تازگی|چندی\s+پیش|"
    r"(?:روز|شب|هفته|ماه|سال)\s+(?:گذشته|قبل|پیش)|"
    r"(?:(?:بعد|پیش|قبل)\s*از\s*)?(?:صبح|ظهر|عصر|شب|بامداد|شامگاه)\s+(?:امروز|دیروز)|"
    # "روز پنج‌شنبه پنتاگون ... اعلام کرد", "بامداد جمعه روزنامه ... مدعی شده بود"
    r"(?:(?:روز|صبح|ظهر|عصر|شب|بامداد|شامگاه)\s+)?"
    r"(?:شنبه|یک[\u200c ]?شنبه|دو[\u200c ]?شنبه|سه[\u200c ]?شنبه|چهار[\u200c ]?شنبه|پنج[\u200c ]?شنبه|جمعه)"
    r"(?:\s+(?:شب|صبح|عصر|گذشته))?|"
    r"(?:دقایقی|ساعاتی|لحظاتی|چند\s+(?:روز|ساعت|هفته))\s+(?:پیش|قبل))(?![^\s،,«])\s*[،,]?\s*"
)

# Page furniture: a line that starts with one of these labels is never content.
FURNITURE_LINE = re.compile(
    r"^\s*(?:کد\s*خبر|کد\s*مطلب|شناسه\s*خبر|نام(?:\s*و\s*نام\s*خانوادگی)?|ایمیل|پست\s*الکترونیک|"
    r"نظر|نظرات|ارسال\s*نظر(?:ات)?|دیدگاه(?:‌ها)?|تاریخ\s*انتشار|زمان\s*انتشار|منبع|لینک\s*کوتاه|"
    r"برچسب(?:\u200c?ها)?|کلید\s*واژه(?:\u200c?ها)?|کلمات\s*کلیدی|تعداد\s*بازدید|بازدید|"
    r"انتهای\s*پیام|اشتراک\s*گذاری|چاپ|ارسال\s*به\s*دوستان|نویسنده|خبرنگار|عکاس|مترجم|"
    r"ترجمه|تنظیم|گزارش\s*از)"
    r"\s*(?::|$)"
)

# Agency bylines and datelines that open a paragraph: "دیدارنیوز:", "خبرگزاری فارس:",
# "تهران - ایرنا -", "به گزارش خبرنگار ...،".
KNOWN_AGENCY = (
    r"(?:ایسنا|ایرنا|ایلنا|ایکنا|ایبنا|تسنیم|مهر|فارس|شبستان|رسا|دانا|برنا|آنا|باشگاه خبرنگاران جوان|"
    r"همشهری آنلاین|خبرآنلاین|انتخاب|عصر ایران|تابناک|جماران|میزان|صدا و سیما|ورزش سه|"
    r"ورزش\s?۳|نود اقتصادی|اکوایران|اقتصادآنلاین|فرارو|الف|پانا|ایمنا|خبر فوری|یورونیوز|"
    r"بی‌بی‌سی|رویترز|آسوشیتدپرس|فرانس\s?پرس|اسپوتنیک|الجزیره|العالم|پرس\s?تی\s?وی)"
)
AGENCY_NAME = rf"(?:خبر\s?گزاری\s+[\w\u200c]+(?:\s+[\w\u200c]+)?|[\w\u200c]+\s?نیوز|{KNOWN_AGENCY})"
# "روابط عمومی اداره صنعت، معدن و تجارت شهرستان ساری،": an office named by a list, whose
# first comma is not the end of the relay.
_LISTED_TITLE = r"(?:[،,]\s*[\w\u200c]+\s+و\s+[^،,؛:\n]{1,80}?)?"
BYLINE = re.compile(
    # "خبرگزاری فارس_ماهاتیر محمد ... گفت": an underscore stands for the colon in old copy, and
    # some copy ends the byline with ؛ ("خبرگزاری شفقنا افغانستان؛ عبدالله عبدالله ...").
    rf"^\s*(?:(?P<agency>{AGENCY_NAME})\s*[:：_؛]\s*|"
    r"(?:[\w\u200c]+\s*[-–]\s*)?(?:[\w\u200c ]{1,30}\s*[-–]\s*)?"
    rf"(?P<dateline_agency>{AGENCY_NAME})\s*[-–]\s*|"
    # "فلسطین اشغالی، (العالم) – ...": a dateline with the agency in parentheses.
    rf"[\w\u200c ]{{1,30}}[،,]\s*\(\s*{AGENCY_NAME}\s*\)\s*[-–]\s*|"
    # "به گزارش خبرگزاری فارس از ایلام؛ ...": some copy ends the relay with ؛.
    r"به[\s\u200c]+گزارش\s+[^،,؛:\n]{1,120}?" + _LISTED_TITLE + r"[،,؛]\s*|"
    r"به[\s\u200c]+نقل\s+از\s+[^،,؛:\n]{1,120}?" + _LISTED_TITLE + r"[،,؛]\s*)"
)
# What a relay never holds: a clause (که), an object (را) or a speech verb. "به گزارش فارس
# جرج بوش در سخنانش ...، ایران را ... متهم کرد" has no comma after the agency: the news
# begins with the name.
_RELAY_OVERRUN = re.compile(r"(?<!\S)(?:که|را|می\u200c?گفت|گفت)(?!\S)")
_KNOWN_AGENCY = re.compile(rf"(?<!\w){KNOWN_AGENCY}(?!\w)")


# A relay that opens a clause with no comma after it: "به گزارش خبرنگار فارس از کرمان محمد
# نیازی ... گفت". The subject comes after it.
RELAY_OPENER = re.compile(
    r"\s*به[\s\u200c]+(?:گزارش|نقل\s+از)\s+(?:خبرنگار\s+(?:[\w\u200c]+\s+){0,2}?)?"
    # "به گزارش خبرگزاری فرانسه از کویت روزنامه القبس ...": any agency named after خبرگزاری.
    # Not when a second relay is joined on ("به گزارش فارس و به نقل از ..."): the older rule
    # for a relay then finds the subject past it.
    rf"(?:خبر\s*گزاری\s+)?(?:{KNOWN_AGENCY}|(?<=گزاری )[\w\u200c]+)"
    r"(?:\s+از\s+[\w\u200c]+)?(?!\w)(?!\s*و\s)\s*[،,]?\s*"
)


_FROM_PLACE = re.compile(r"\s+از\s+[\w\u200c]+(?=\s)")


def _named_after_agency(relay: str) -> bool:
    """``به گزارش فارس جرج بوش در سخنانش ...، ایران را ...``: a first name right after the
    agency (and its dateline) begins the news; the comma is the sentence's own."""
    agency = _KNOWN_AGENCY.search(relay)
    if not agency:
        return False
    place = _FROM_PLACE.match(relay, agency.end())
    following = relay[place.end() if place else agency.end() :].split()
    return len(following) >= 3 and following[0] in FIRST_NAMES  # the line is folded


def byline_end(line: str) -> int:
    """Where the news begins in a paragraph that may open with a byline or a relay: 0 if none."""
    match = BYLINE.match(line)
    if not match:
        return 0
    relay = match.group()
    if relay.lstrip().startswith("به") and (
        _RELAY_OVERRUN.search(relay)
        or _PERSON_AFTER_PLACE.search(relay)
        or _named_after_agency(relay)
    ):
        agency = _KNOWN_AGENCY.search(relay)
        if not agency:
            return match.end()
        # "به گزارش خبرگزاری فارس از کرمانشاه علی‌محمد فلاحی ...": the dateline goes too.
        place = _FROM_PLACE.match(relay, agency.end())
        return place.end() if place else agency.end()
    person = (
        _PERSON_BEFORE_COMMA.search(relay)
        if relay.lstrip().startswith("به") and len(relay.split()) >= 6
        else None
    )
    if person and len(relay[: person.start()].split()) >= 4:
        # "به نقل از روابط عمومی شرکت آبفای استان زنجان علیرضا جزء‌قاسمی، ...": the relay
        # names an office, then the person who speaks; the comma comes after the name.
        return person.start()
    return match.end()


# Common given names. After an adverbial or a relay with no title in it ("به نقل از روابط
# عمومی استانداری علی بیگ‌زاده در جلسه ... گفت"), a given name is where the subject starts.
GIVEN_NAMES = {
    *("محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "احمد", "محمود", "مصطفی", "مرتضی"),
    *("مجید", "سعید", "حمید", "وحید", "جواد", "عباس", "ابراهیم", "اسماعیل", "یوسف", "یعقوب"),
    *("اکبر", "اصغر", "جعفر", "صادق", "کاظم", "باقر", "هادی", "مجتبی", "عبدالله", "عبدالرضا"),
    *("غلامرضا", "غلامحسین", "غلامعلی", "محمدرضا", "محمدعلی", "محمدحسین", "محمدجواد"),
    *("علیرضا", "حمیدرضا", "امیر", "امیرحسین", "حسام", "بهروز", "بهرام", "بهمن", "فرهاد"),
    *("فریدون", "داریوش", "کوروش", "سیاوش", "منصور", "منوچهر", "پرویز", "ناصر", "نادر"),
    *("مسعود", "محسن", "مهران", "مهرداد", "کامران", "کیوان", "شاهرخ", "شهرام", "رامین"),
    *("فرشید", "فرزاد", "فرید", "سعید", "سجاد", "سینا", "پیمان", "پویا", "آرش", "بابک"),
    *("نوید", "امید", "ایمان", "میلاد", "محمدمهدی", "محمدحسن", "حبیب", "رحیم", "کریم"),
    *("میثم", "میرحسین"),
    *("علی‌اصغر", "علی‌اکبر", "علی‌محمد", "محمدعلی", "محمدباقر", "محمدصادق", "محمدتقی"),
    *("سیدمحمد", "سیدعلی", "سیدحسین", "سیدحسن", "سیدمهدی", "سیداحمد", "سیدرضا"),
    *("عزیز", "قاسم", "نصرالله", "روح‌الله", "ولی‌الله", "حجت‌الله", "عزت‌الله", "نعمت‌الله"),
    *("فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سکینه", "طاهره", "لیلا", "نرگس", "مینا"),
    *("سمیه", "الهام", "الهه", "شیما", "نسرین", "پروین", "فرزانه", "مهناز", "شهلا", "ژیلا"),
}


# "به گزارش خبرگزاری فارس از قزوین سید مسعود نبوی‌فر، ...": a person named right after the
# dateline, the comma after the name rather than the place.
# A word that opens a person's name: a title or a common given name, longest first.
_NAME_OPENER = "|".join(
    [
        r"سید|حجت[\u200c ]?الاسلام|دکتر|مهندس|سردار",
        *sorted((re.escape(n) for n in GIVEN_NAMES), key=len, reverse=True),
    ]
)
# Not a holy figure named in an office's name (آستانه حضرت معصومه (س)).
_PERSON_BEFORE_COMMA = re.compile(
    # Two words at least: "علی‌آبادکتول،" is a town, not علی and a surname.
    rf"(?<=\s)(?<!حضرت )(?=\S*\s+[^\s،,؛])(?:{_NAME_OPENER})(?=[\s\u200c])"
    r"(?:[\s\u200c]+[^\s،,؛()]+){1,3}"
    r"\s*[،,؛]\s*$"
)
_PERSON_AFTER_PLACE = re.compile(
    rf"\s+از\s+[\w\u200c]+\s+(?:آیت[\u200c ]?الله|{_NAME_OPENER})(?=[\s\u200c])[^،,؛]*\S"
    r"\s*[،,؛]\s*$"
)


# A word this frequent in hazm's dictionary (its corpus count) is a common word of the
# language, not a rare surname: ``شهادت``, ``واکنش``, ``تشکیل ارتش``.
COMMON_WORD_COUNT = 100_000


@functools.cache
def common_words() -> frozenset[str]:
    """Words of hazm's dictionary used more than COMMON_WORD_COUNT times in its corpus.

    Read straight from ``hazm.utils.default_words`` (``word<TAB>count<TAB>tags`` per line):
    ``hazm.words_list`` parses the tags of all 190,000 words too, six times slower.
    """
    from hazm.utils import default_words

    words = set()
    with open(default_words, encoding="utf-8") as handle:
        for line in handle:
            word, count, _ = line.split("\t", 2)
            if int(count) > COMMON_WORD_COUNT:
                words.add(word)
    return frozenset(words)


# First names that come before a surname the article quotes alone: "عیسی" in "عیسی زارع‌پور",
# "جیمز" in "جیمز کوگان". Wider than GIVEN_NAMES, which also decides where a subject starts
# and so keeps to names that are never ordinary words; here the name must stand right before
# a speaker's surname, so a word like "جان" is safe.
FIRST_NAMES = GIVEN_NAMES | {
    # Persian and Arabic
    "عیسی",
    "موسی",
    "یحیی",
    "یونس",
    "ایوب",
    "اسحاق",
    "اسفندیار",
    "ابوالفضل",
    "ابوالقاسم",
    "ابوالحسن",
    "اسدالله",
    "حشمت‌الله",
    "رحمت‌الله",
    "فضل‌الله",
    "لطف‌الله",
    "سیف‌الله",
    "ذبیح‌الله",
    "حبیب‌الله",
    "عطاالله",
    "عبدالحسین",
    "عبدالمجید",
    "عبدالکریم",
    "عبدالرحیم",
    "عبدالناصر",
    "عبدالعلی",
    "عبدالحمید",
    "عبدالوهاب",
    "محمدکاظم",
    "محمدامین",
    "محمدابراهیم",
    "محمداسماعیل",
    "محمدهادی",
    "محمدیوسف",
    "محمدقاسم",
    "امیرعلی",
    "امیرمحمد",
    "احمدرضا",
    "محمدمسعود",
    "مسیح",
    "بیژن",
    "بهزاد",
    "بهنام",
    "جمشید",
    "خسرو",
    "داوود",
    "داود",
    "رسول",
    "رستم",
    "سهراب",
    "سیامک",
    "شاپور",
    "شهاب",
    "صمد",
    "عادل",
    "عبدالرحمن",
    "عماد",
    "فرامرز",
    "فرشاد",
    "قربان",
    "قربانعلی",
    "کیومرث",
    "نبی",
    "نجف",
    "هاشم",
    "هوشنگ",
    "یدالله",
    "یزدان",
    "افشین",
    "آرمان",
    "آرین",
    "اردشیر",
    "اسکندر",
    "افسانه",
    "اعظم",
    "بتول",
    "پروانه",
    "ترانه",
    "حمیده",
    "خدیجه",
    "رقیه",
    "زهره",
    "سارا",
    "سمانه",
    "سودابه",
    "شیرین",
    "طیبه",
    "عاطفه",
    "فریبا",
    "فرشته",
    "کبری",
    "گلناز",
    "لادن",
    "مرضیه",
    "منیژه",
    "مهسا",
    "نازنین",
    "نسیم",
    "نیلوفر",
    "هاله",
    "هما",
    "ویدا",
    "ژاله",
    "پریسا",
    "فرنگیس",
    *("سلیمان", "شاهین", "ایرج", "کاوه", "مازیار", "بردیا", "سپهر", "نیما", "سروش", "شایان"),
    *("پژمان", "کامبیز", "کورش", "مهیار", "یاسر", "حامد"),
    "شهریار",
    "فرهنگ",
    "کمال",
    "جلال",
    "جمال",
    "جلیل",
    "خلیل",
    "سعد",
    "صالح",
    "طارق",
    "عمر",
    "عثمان",
    "فیصل",
    "ماهر",
    "نوری",
    "حیدر",
    "مقتدی",
    "مقتدا",
    "عمار",
    "سلمان",
    "ایاد",
    "اشرف",
    "نبیل",
    "حسنی",
    "رجب",
    "نواز",
    "عمران",
    "ناصرالدین",
    # Names in transliteration: politicians, coaches and players in the news
    "جان",
    "جیمز",
    # Names that open like a verb's می (میشل, not می‌شد).
    "میشل",
    "میکل",
    "میروسلاو",
    "جورج",
    "جرج",
    "جو",
    "جوزف",
    "دونالد",
    "باراک",
    "بیل",
    "هیلاری",
    "مایک",
    "مایکل",
    "رابرت",
    "ریچارد",
    "دیوید",
    "پل",
    "پیتر",
    "توماس",
    "تونی",
    "تام",
    "کریستوفر",
    "کریس",
    "استیون",
    "استفان",
    "مارک",
    "ویلیام",
    "چارلز",
    "هنری",
    "هری",
    "جک",
    "نیکلاس",
    "نیکولا",
    "امانوئل",
    "فرانسوا",
    "ژاک",
    "لوران",
    "آنگلا",
    "ولادیمیر",
    "سرگئی",
    "دیمیتری",
    "میخائیل",
    "میخاییل",
    "ایگور",
    "الکساندر",
    "آندره",
    "بوریس",
    "نیکلای",
    "بنیامین",
    "ایهود",
    "آریل",
    "شیمون",
    "نفتالی",
    "یائیر",
    "بشار",
    "کوفی",
    "بان",
    "آنتونیو",
    "خوزه",
    "کارلوس",
    "کریستیانو",
    "لیونل",
    "پپ",
    "ژوزه",
    "یورگن",
    "آرسن",
    "الکس",
    "برانکو",
    "مارکو",
    "لوکا",
    "زلاتان",
    "فرانک",
    "روبرتو",
    "دیگو",
    "پائولو",
    "لوئیس",
    "فرناندو",
    "ماریو",
    "جوزپ",
    "کارلو",
    "آنتوان",
    "شینزو",
    "شی",
    # more given names of the foreign news: footballers, coaches, officials
    *("نیکولاس", "رائول", "هارولد", "آنخل", "اوله", "ماسیمیلیانو", "خوان", "پابلو", "سرخیو"),
    *("آندرس", "مائورو", "آنتونی", "ترزا", "ولید", "ایمانوئل", "فابیو", "جیانی", "فلورنتینو"),
    *("ژوزپ", "لوئیز", "رونالد", "داوید", "پاتریک", "اندی", "مارتین", "ماتئو", "متئو", "کیلیان"),
    *("تیبو", "یوآخیم", "یواخیم", "هانسی", "زلاتکو", "دراگان", "آلکس", "اولیویه", "دانیل"),
}

# News outlets, which a lead may name only as "یک روزنامه آمریکایی".
OUTLET_HEADS = (
    "روزنامه",
    "نشریه",
    "هفته‌نامه",
    "ماهنامه",
    "مجله",
    "شبکه",
    "تلویزیون",
    "پایگاه",
    "سایت",
)

# How news calls the Leader and the late Imam without a name; in "طبق فرموده مقام معظم
# رهبری سنت اعتکاف ..." the title ends where these do. Longest first.
REVERED_TITLES = (
    "مقام معظم رهبری",
    "رهبر معظم انقلاب اسلامی",
    "رهبر معظم انقلاب",
    "رهبر انقلاب اسلامی",
    "رهبر انقلاب",
    "بنیانگذار جمهوری اسلامی",
    "امام راحل",
    "امام خمینی",
    "حضرت امام",
)
# Any of them in folded text, with the spacing and ZWNJ news varies.
REVERED_TITLE = re.compile("|".join(_flexible(title) for title in REVERED_TITLES))
