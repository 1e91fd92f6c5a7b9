from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.attachments.models import AttachmentKind

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={"required": _("Choose the file to attach."), "empty": _("The file is empty.")},
    )
    kind = forms.ChoiceField(label=_("Document"))
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=255,
        help_text=_("e.g. Decision 45/QĐ-SYT of 02/11/2024"),
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["kind"].choices = [(k, AttachmentKind(k).label) for k in kinds]
        self.fields["kind"].initial = kinds[0]


class AttachmentDeleteForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for removing (kept in the history)"), required=False, max_length=255
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
