from factcheck.nlp.claims import classify, split_claims


def test_split_claims_sentences_with_offsets():
    text = "ما با همه کشورها همکاری میکنیم. از ۱۲ کشور نمایندگانی حاضر شدند"
    claims = split_claims(text, 0, len(text))
    assert [c.text for c in claims] == [
        "ما با همه کشورها همکاری میکنیم",
        "از ۱۲ کشور نمایندگانی حاضر شدند",
    ]
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_classify_numeric_claim_scores_high():
    claim_type, score, reasons = classify(
        "چندی پیش اجلاس وزرای ارتباطات را داشتیم که از ۱۲ کشور نمایندگانی در آن حاضر شدند"
    )
    assert claim_type == "statistic"
    assert score >= 0.7
    assert "contains a figure" in reasons


def test_classify_hope_scores_low():
    claim_type, score, _ = classify(
        "امیدواریم این مسیر ادامه پیدا کند تا برای محصولات ایرانی بازاریابی هم داشته باشیم"
    )
    assert claim_type == "opinion"
    assert score <= 0.2


def test_classify_promise_and_denial():
    assert classify("تا پایان سال این طرح اجرا خواهد شد")[0] == "promise"
    assert classify("این خبر به هیچ وجه صحت ندارد")[0] == "denial"


def test_claims_of_a_denying_statement_are_denials():
    text = "کی روش خبر قطع تماس تلفنی مارادونا را تکذیب کرد."
    start = text.index("خبر")
    end = text.index(" را")
    (claim,) = split_claims(text, start, end, cue="را ... تكذيب كرد")
    assert claim.text == "خبر قطع تماس تلفنی مارادونا"
    assert claim.claim_type == "denial"
    assert "the speaker denies it" in claim.reasons
    (asserted,) = split_claims(text, start, end, cue="گفت:")
    assert asserted.claim_type != "denial"
