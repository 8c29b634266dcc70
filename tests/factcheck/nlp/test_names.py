import pytest

from factcheck.nlp.names import (
    canonical_name,
    is_common_phrase,
    is_office_of_person,
    name_prefix_in,
    names_match,
    parse_mention,
    role_abbreviates,
    role_matches,
    strip_honorifics,
)


def test_canonical_name_restores_zwnj_before_surname_suffix():
    assert canonical_name("عیسی زارعپور") == "عیسی زارع‌پور"


def test_canonical_name_keeps_the_hamza_and_folds_arabic_letters():
    assert canonical_name("رئيس جمهور ونزوئلا") == "رئیس جمهور ونزوئلا"
    assert canonical_name("مسئولان عراقي") == "مسئولان عراقی"
    assert canonical_name("حميد رضا مؤتمر") == "حمید رضا مؤتمر"
    assert canonical_name("محمود احمدي نژاد") == "محمود احمدی نژاد"
    assert canonical_name("حسن زاده") == "حسن زاده"


def test_canonical_name_leaves_short_words_alone():
    assert canonical_name("شاپور") == "شاپور"


def test_names_match_surname_and_spelling_variants():
    assert names_match("زارعپور", "عیسی زارع‌پور")
    assert names_match("دکتر عیسی زارعپور", "عیسی زارع‌پور")
    assert not names_match("عیسی", "عیسی زارع‌پور")
    assert not names_match("علی زارعپور", "عیسی زارعپور")


def test_names_match_a_compound_surname_spaced_or_joined():
    assert names_match("نصر اصفهانی", "علیرضا نصراصفهانی")
    assert names_match("علیرضا نصراصفهانی", "نصر اصفهانی")
    assert names_match("نصراصفهانی", "علیرضا نصر اصفهانی")
    assert not names_match("اصفهانی", "علیرضا نصراصفهانی")  # part of a joined word
    assert not names_match("رضا نصراصفهانی", "علیرضا نصراصفهانی")


def test_a_headline_role_abbreviates_the_full_role():
    assert role_abbreviates("سرمربی کره‌جنوبی", "سرمربی تیم فوتبال نوجوانان کره‌جنوبی")
    assert role_abbreviates("مهاجم‌قطر", "مهاجم تیم ملی قطر")
    assert not role_abbreviates("سرمربی ازبکستان", "سرمربی تیم ملی کره")
    assert not role_abbreviates("مهاجم", "مهاجم تیم ملی قطر")  # a head alone says too little
    assert not role_abbreviates("قطر مهاجم", "مهاجم تیم ملی قطر")


def test_hazrat_before_imam_is_an_honorific_not_a_name():
    mention = parse_mention("حضرت امام خمینی (ره)")
    assert (mention.mention_type, mention.name, mention.role) == ("role", "", "امام خمینی")
    assert parse_mention("حضرت امام").role == "حضرت امام"


def test_one_of_a_group_is_not_the_group():
    assert not role_matches("یکی از مقامات کویتی", "مقامات کویتی")
    assert role_matches("یکی از مقامات کویتی", "یکی از مقامات کویتی")
    assert role_matches("یک دیپلمات غربی", "دیپلمات غربی")  # named later without یک


def test_role_matches_prefix_word_for_word():
    assert role_matches("وزیر ارتباطات", "وزیر ارتباطات و فناوری اطلاعات")
    assert not role_matches("وزیر نیرو", "وزیر ارتباطات")


def test_role_matches_without_the_words_a_title_may_leave_out():
    assert role_matches("فرمانده انتظامی تهران بزرگ", "فرمانده نیروی انتظامی تهران بزرگ")
    assert role_matches("وزیر امور خارجه آلمان", "وزیر خارجه آلمان")
    assert not role_matches("فرمانده انتظامی تهران", "فرمانده نیروی هوایی")
    # check19: praise of the holder is no part of the title
    assert role_matches("سرمربی مس", "سرمربی باتجربه مس کرمان")
    assert not role_matches("سرمربی مس", "سرمربی سابق مس کرمان")


def test_parse_mention_name_with_appositive_role():
    mention = parse_mention("عیسی زارعپور، وزیر ارتباطات")
    assert (mention.mention_type, mention.name, mention.role) == (
        "name",
        "عیسی زارعپور",
        "وزیر ارتباطات",
    )


def test_dashes_set_a_title_off_like_commas():
    mention = parse_mention("تونی اولیویرا - سرمربی تیم تراکتورسازی تبریز -")
    assert (mention.name, mention.role) == ("تونی اولیویرا", "سرمربی تیم تراکتورسازی تبریز")
    # A dash inside a title joins two words of it.
    mention = parse_mention("محمد فتحی رئیس دانشگاه جامع علمی - کاربردی زنجان")
    assert (mention.name, mention.role) == ("محمد فتحی", "رئیس دانشگاه جامع علمی - کاربردی زنجان")


def test_a_title_with_a_comma_inside_stays_whole_after_the_name():
    mention = parse_mention("رضا رحمانی وزیر صنعت، معدن و تجارت")
    assert (mention.name, mention.role) == ("رضا رحمانی", "وزیر صنعت، معدن و تجارت")
    # A second title after the comma replaces nothing it should not.
    assert parse_mention("علی ربیعی وزیر کار، سخنگوی دولت").role == "سخنگوی دولت"


def test_a_runaway_name_is_cut_to_a_surname_spaced_unlike_the_full_name():
    known = {"غلامحسین رمضان‌پور"}
    assert name_prefix_in("رمضان پور ظرفیت تولیدی نرمال هگزان", known) == "رمضان پور"
    # A different person of the same surname is no prefix of this one.
    assert name_prefix_in("عیسی محمدی جانباز", {"قاسم محمدی"}) == "عیسی محمدی جانباز"


def test_a_paper_or_site_named_in_guillemets_is_that_name():
    mention = parse_mention("سایت اینترنتی «میدل ایست آن لاین»")
    assert (mention.name, mention.role, mention.is_organisation) == (
        "میدل ایست آن لاین",
        "سایت اینترنتی",
        True,
    )
    assert parse_mention("روزنامه «دیلی تلگراف»").name == "دیلی تلگراف"
    # Quotation marks and the paper's origin after the name.
    assert parse_mention('روزنامه "فاناتیک" چاپ ترکیه').name == "فاناتیک"
    assert parse_mention("نشریه «کوریره دلو اسپورت» ایتالیا").name == "کوریره دلو اسپورت"
    # An Afghan governor's title is a title.
    assert parse_mention("گل آقا شیرزوی والی ننگرهار").role == "والی ننگرهار"


def test_a_count_opens_a_description_not_a_name():
    mention = parse_mention("سه بازیکن تیم فوتبال راه‌آهن")
    assert (mention.mention_type, mention.name) == ("role", "")
    # "ده" is also the particle of Italian surnames.
    assert parse_mention("دنیله ده روسی").name == "دنیله ده روسی"


def test_a_title_word_right_after_an_honorific_is_a_first_name():
    mention = parse_mention("حجت‌الاسلام قهرمان احمدی")
    assert (mention.name, mention.role) == ("قهرمان احمدی", "")


def test_a_title_word_opening_a_surname_before_the_title():
    mention = parse_mention("سعید قاضی مغربی رئیس دانشگاه آزاد")
    assert (mention.name, mention.role) == ("سعید قاضی مغربی", "رئیس دانشگاه آزاد")
    # A title that goes on to a second title word is still a title.
    assert parse_mention("مهدی جمشیدی معاون سیاسی استاندار").name == "مهدی جمشیدی"


def test_parse_mention_kinds():
    assert parse_mention("وی").mention_type == "pronoun"
    assert parse_mention("وزیر ارتباطات").mention_type == "role"
    assert parse_mention("زارعپور").mention_type == "surname"
    assert parse_mention("").mention_type == "none"


def test_titles_are_dropped_however_they_are_spaced():
    assert strip_honorifics("سردار علی مویدی") == "علی مویدی"
    assert strip_honorifics("سر دار مویدی") == "مویدی"
    assert strip_honorifics("آیت الله احمد خاتمی") == "احمد خاتمی"
    assert strip_honorifics("دکتر") == "دکتر"  # nothing else left: keep it


def test_a_title_word_before_the_second_part_of_a_surname_is_the_surnames_first():
    """``حاجی وند``, ``حاجی پور``: وند and پور are no names alone."""
    assert strip_honorifics("حاجی وند") == "حاجی وند"
    assert strip_honorifics("حاجی پور") == "حاجی پور"
    assert strip_honorifics("حاجی رضایی") == "رضایی"


def test_vague_subjects_whatever_their_spacing_and_bare_demonstratives():
    assert parse_mention("خیلی ها").mention_type == "vague"
    assert parse_mention("خیلی‌ها").mention_type == "vague"
    assert parse_mention("این").mention_type == "none"
    assert parse_mention("این مقام").mention_type != "none"


def test_a_title_inside_a_subject_opens_the_name_unless_a_title_comes_first():
    # "از بویین زهرا": the dateline's city leaves its last word before the title.
    assert parse_mention("زهرا حجت‌الاسلام محمدهمایون زرینه").name == "محمدهمایون زرینه"
    representative = parse_mention("نماینده آیت‌الله سیستانی")
    assert (representative.mention_type, representative.role) == ("role", "نماینده آیت‌الله سیستانی")


def test_doers_of_something_are_a_description_not_a_name():
    mention = parse_mention("تهیه‌کنندگان گزارش جامعه اطلاعاتی آمریکا")
    assert (mention.mention_type, mention.role) == (
        "role",
        "تهیه‌کنندگان گزارش جامعه اطلاعاتی آمریکا",
    )


@pytest.mark.parametrize("phrase", ["؛ خداوند، ارواح", "؛", "، ؛ ،", "(ره)؛", "علی؛"])
def test_parse_mention_takes_stray_punctuation(phrase):
    # A subject cut out of garbled copy can open or end with ؛ or a comma: never an error.
    mention = parse_mention(phrase)
    assert ";" not in mention.name and "؛" not in mention.name


@pytest.mark.parametrize("phrase", ["تشکیل ارتش", "کسب رضایت مشتری", "شهادت"])
def test_common_words_make_a_noun_phrase(phrase):
    assert is_common_phrase(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "عیسی زارع‌پور",  # a first name
        "زارعپور",  # a rare word
        "ایران و روسیه",  # countries speak
    ],
)
def test_names_and_countries_are_no_noun_phrase(phrase):
    assert not is_common_phrase(phrase)


def test_a_rank_before_a_name_is_an_honorific():
    mention = parse_mention('ژنرال "آنوبونگ باوگيندا"، فرمانده ارتش تايلند')
    assert (mention.mention_type, mention.name, mention.role) == (
        "name",
        "آنوبونگ باوگيندا",
        "فرمانده ارتش تايلند",
    )
    assert parse_mention("ژنرال محمد ظهیر عظیمی").name == "محمد ظهیر عظیمی"
    assert parse_mention("ژنرال آمریکایی").mention_type == "role"


@pytest.mark.parametrize("phrase", ["همه مردم ایران", "تمام کارشناسان", "همگی حاضران"])
def test_all_of_a_crowd_is_no_speaker(phrase):
    assert parse_mention(phrase).mention_type == "vague"


def test_all_members_of_a_body_name_the_body():
    assert parse_mention("همه اعضای شورای شهر").mention_type != "vague"


def test_a_live_blogs_time_stamp_is_no_part_of_the_speaker():
    mention = parse_mention("۰۲ - علی ضیا مجری معروف صداوسیما")
    assert (mention.name, mention.role) == ("علی ضیا", "مجری معروف صداوسیما")


@pytest.mark.parametrize("name", ["بیژن بختیار", "حامد شریف", "نیما امیدوار", "کاوه آهنگر"])
def test_a_name_whose_first_name_is_also_a_word_is_no_noun_phrase(name):
    # بیژن, حامد, نیما, کاوه are common words too; the surname after them is one as well here
    # (بختیار: fortunate, آهنگر: smith), and the subject was dropped as a noun phrase.
    assert not is_common_phrase(name)
    assert parse_mention(name).name == name


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        # When the source spoke, and an age, are no part of its name.
        ("دو هفته پیش نشریه اسپورت", "نشریه اسپورت", ""),
        ("زیکوی پنجاه و نه ساله", "زیکوی", ""),
        # An acronym spelt out names the body in full.
        ("OCA (شورای المپیک آسیا)", "شورای المپیک آسیا", ""),
        # A title, then the name in marks; not the body a title belongs to.
        ('سناتور "کیت باند" یکی از سناتورهای جمهوریخواه', "کیت باند", "سناتور"),
        ("محقق مرکز «گلوبال ریسرچ»", "", "محقق مرکز گلوبال ریسرچ"),
    ],
)
def test_parse_mention_keeps_only_the_name(phrase, name, role):
    mention = parse_mention(phrase)
    assert (mention.name, mention.role) == (name, role)


def test_another_of_a_title_is_no_part_of_the_name():
    mention = parse_mention("کامل الهیار دیگر نامزد این حزب")
    assert (mention.name, mention.role, mention.another) == ("کامل الهیار", "نامزد این حزب", True)


def test_a_persons_office_or_camp_is_not_the_person():
    """Its name ends theirs, yet ``ترامپ`` after ``کمپین انتخاباتی ترامپ`` is the candidate."""
    assert is_office_of_person("کمپین انتخاباتی ترامپ", "ترامپ")
    assert is_office_of_person("ستاد روحانی", "روحانی")
    assert is_office_of_person("حامیان روحانی", "روحانی")
    assert is_office_of_person("دفتر آیت‌الله سیستانی", "سیستانی")
    assert not is_office_of_person("دولت کره جنوبی", "کره جنوبی")
