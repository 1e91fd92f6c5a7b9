from django import forms
from django.utils.translation import gettext_lazy as _


class LetterForm(forms.Form):
    to = forms.CharField(
        label=_("To (Kính gửi)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One recipient a line."),
    )
    place = forms.CharField(label=_("Place name"), max_length=80)
    signer_authority = forms.CharField(
        label=_("Signing on behalf (KT., TM. …)"), max_length=120, required=False
    )
    signer_title = forms.CharField(label=_("Signer's position"), max_length=120)
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class ImportForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Receiving unit"), coerce=int)
    package = forms.FileField(label=_("Dossier package (.zip)"))

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        self.units = {u.pk: u for u in units}
