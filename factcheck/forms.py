"""Forms of the editor pages (each maps onto one factcheck.editorial function) and of the
public claims list and search."""

from datetime import datetime, time

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.models import Feed, Source

from .models import UNRATED, Claim, ClaimQuerySet, ClaimType, PromiseStatus, Rating, Speaker, Stance


class ReviewFilterForm(forms.Form):
    source = forms.ModelChoiceField(Source.objects.all(), required=False, label="منبع")
    speaker = forms.ModelChoiceField(Speaker.objects.all(), required=False, label="گوینده")
    date_from = forms.DateField(
        required=False, label="از تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="تا تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RejectForm(VersionedForm):
    reason = forms.CharField(label="دلیل رد", widget=forms.Textarea(attrs={"rows": 2}))


class CorrectStatementForm(VersionedForm):
    start = forms.IntegerField(min_value=0, label="آغاز")
    end = forms.IntegerField(min_value=1, label="پایان")
    speaker = forms.ModelChoiceField(Speaker.objects.all(), required=False, label="گوینده موجود")
    new_speaker_name = forms.CharField(required=False, max_length=300, label="یا گوینده تازه")


class SpeakerMergeForm(forms.Form):
    keep = forms.ModelChoiceField(Speaker.objects.all(), label="گوینده‌ای که می‌ماند")
    absorb = forms.ModelChoiceField(Speaker.objects.all(), label="گوینده‌ای که در آن ادغام می‌شود")

    def clean(self):
        data = super().clean()
        if data.get("keep") and data.get("keep") == data.get("absorb"):
            raise forms.ValidationError("دو گوینده متفاوت انتخاب کنید.")
        return data


class ClaimEditForm(VersionedForm):
    check_worthy = forms.NullBooleanField(
        required=False,
        label="ارزش راستی‌آزمایی",
        widget=forms.Select(
            choices=[("unknown", "تصمیم نشده"), ("true", "دارد"), ("false", "ندارد")]
        ),
    )
    assign_to_me = forms.BooleanField(required=False, label="به من واگذار شود")
    unassign = forms.BooleanField(required=False, label="واگذاری برداشته شود")
    promise_status = forms.ChoiceField(
        choices=PromiseStatus.choices, required=False, label="وضعیت وعده"
    )


class VerdictForm(forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices, label="حکم")
    summary = forms.CharField(max_length=500, label="خلاصه")
    reasoning = forms.CharField(
        required=False, label="استدلال", widget=forms.Textarea(attrs={"rows": 5})
    )
    correction_reason = forms.CharField(
        required=False, label="دلیل اصلاح (اگر حکم پیشین را اصلاح می‌کند)"
    )
    publish = forms.BooleanField(required=False, label="همین حالا منتشر شود")


class EvidenceForm(forms.Form):
    url = forms.URLField(required=False, label="نشانی")
    article = forms.IntegerField(required=False, min_value=1, label="یا شناسه خبری در پایگاه")
    title = forms.CharField(required=False, max_length=500, label="عنوان")
    publisher = forms.CharField(required=False, max_length=200, label="ناشر")
    published_on = forms.DateField(
        required=False, label="تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )
    excerpt = forms.CharField(
        required=False, label="گزیده", widget=forms.Textarea(attrs={"rows": 3})
    )
    stance = forms.ChoiceField(choices=Stance.choices, label="موضع")


class ClaimSplitForm(forms.Form):
    appearances = forms.TypedMultipleChoiceField(coerce=int, label="جاهایی که جدا می‌شوند")
    text = forms.CharField(required=False, label="متن ادعای تازه")


class ClaimMergeForm(forms.Form):
    absorb = forms.IntegerField(min_value=1, label="شناسه ادعایی که در این ادعا ادغام می‌شود")


class BylineForm(forms.Form):
    byline = forms.CharField(
        max_length=200, required=False, label="نام نمایشی (می‌تواند مستعار باشد)"
    )


class FeedForm(forms.ModelForm):
    class Meta:
        model = Feed
        fields = ["url", "source_name", "interval_minutes", "active"]
        labels = {
            "url": "نشانی خوراک (RSS یا Atom)",
            "source_name": "نام ناشر (خالی: از خود صفحه)",
            "interval_minutes": "فاصله دریافت (دقیقه، دست‌کم ۵)",
            "active": "فعال",
        }
        help_texts = {"source_name": "", "interval_minutes": ""}
        widgets = {"url": forms.URLInput(attrs={"dir": "ltr"})}


class SearchForm(forms.Form):
    q = forms.CharField(max_length=500, label="جستجو")
    type = forms.ChoiceField(
        required=False,
        label="نوع",
        choices=[
            ("", "همه"),
            ("claim", "ادعا"),
            ("statement", "نقل قول"),
            ("article", "خبر"),
            ("speaker", "گوینده"),
        ],
    )
    speaker = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )
    source = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )
    rating = forms.ChoiceField(required=False, choices=[("", "همه"), *Rating.choices], label="حکم")
    date_from = forms.DateField(
        required=False, label="از تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="تا تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(
        required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput
    )


class ClaimFilterForm(forms.Form):
    """The claims list's filters; an invalid value is ignored rather than failing the page."""

    rating = forms.ChoiceField(
        required=False,
        label="حکم",
        choices=[("", "همه"), *Rating.choices, (UNRATED, "هنوز بررسی نشده")],
    )
    speaker = forms.ModelChoiceField(
        Speaker.objects.filter(Exists(Claim.objects.filter(speaker=OuterRef("pk")))),
        required=False,
        label="گوینده",
        empty_label="همه",
    )
    source = forms.ModelChoiceField(
        Source.objects.all(), required=False, label="منبع", empty_label="همه"
    )
    claim_type = forms.ChoiceField(
        required=False, label="نوع ادعا", choices=[("", "همه"), *ClaimType.choices]
    )
    date_from = forms.DateField(
        required=False, label="از تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="تا تاریخ", widget=forms.DateInput(attrs={"type": "date"})
    )

    def filter(self, claims: ClaimQuerySet) -> ClaimQuerySet:
        """``claims`` narrowed by every valid filter given."""
        if not self.is_valid():
            return claims
        data = self.cleaned_data
        if data["rating"]:
            claims = claims.rated(data["rating"])
        if data["speaker"]:
            claims = claims.filter(speaker=data["speaker"])
        if data["source"]:
            claims = claims.from_source(data["source"].pk)
        if data["claim_type"]:
            claims = claims.filter(claim_type=data["claim_type"])
        zone = timezone.get_current_timezone()
        return claims.first_seen_between(
            datetime.combine(data["date_from"], time.min, tzinfo=zone)
            if data["date_from"]
            else None,
            datetime.combine(data["date_to"], time.max, tzinfo=zone) if data["date_to"] else None,
        )
