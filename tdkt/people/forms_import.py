from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

NOT_XLSX = _("The file must be an Excel workbook (.xlsx). Save it as .xlsx and upload it again.")
TOO_BIG = _("The file is larger than %(limit)s.")
ZIP_MAGIC = b"PK\x03\x04"  # every .xlsx is a zip archive


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_("Use the template; the first sheet must keep its header row."),
        widget=forms.FileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": _("Choose the file to import."), "empty": _("The file is empty.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(NOT_XLSX)
        limit = settings.TDKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(TOO_BIG, params={"limit": filesizeformat(limit)})
        upload.seek(0)
        magic = upload.read(len(ZIP_MAGIC))
        upload.seek(0)
        if magic != ZIP_MAGIC:
            raise forms.ValidationError(NOT_XLSX)
        return upload
