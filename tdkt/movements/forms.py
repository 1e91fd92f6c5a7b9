"""Forms of the movement pages: the list filters, the plan with its inline rows, a target report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.movements.anniversaries import anniversary_choices
from tdkt.movements.computations import computation_choices
from tdkt.movements.inputs import (
    BasisInput,
    PhaseInput,
    PlanContent,
    PlanInput,
    ResponsibilityInput,
    SectionInput,
    TargetInput,
)
from tdkt.movements.models import (
    BasisVerb,
    Comparator,
    Direction,
    Frequency,
    MovementKind,
    MovementState,
    Reporter,
    TargetKind,
)
from tdkt.movements.selectors import RELATION_OWN, RELATION_RECEIVED

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


def _text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class MovementFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All")), *MovementKind.choices])
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All")), *MovementState.choices]
    )
    relation = forms.ChoiceField(
        label=_("Launched by"),
        required=False,
        choices=[
            ("", _("All")),
            (RELATION_OWN, _("my unit or the units below")),
            (RELATION_RECEIVED, _("the units above (published to me)")),
        ],
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["year"].choices = [("", _("All")), *((y, str(y)) for y in years)]


def _movement_label(movement) -> str:
    return f"{movement.plan.reference} · {movement.unit.name} · {movement.name}"


class PlanForm(forms.Form):
    """The plan itself. `unit` and `parent` are asked only when launching (they never change after)."""

    unit = forms.TypedChoiceField(label=_("Launching unit"), coerce=int)
    parent = forms.TypedChoiceField(
        label=_("Implements the plan of a higher unit"), coerce=int, required=False, empty_value=None
    )
    kind = forms.ChoiceField(label=_("Kind of movement"), choices=MovementKind.choices)
    name = forms.CharField(
        label=_("Title"),
        max_length=500,
        widget=_text(2),
        help_text=_("e.g. Phát động phong trào thi đua thực hiện nhiệm vụ năm 2025"),
    )
    theme = forms.CharField(label=_("Theme (slogan)"), required=False, widget=_text(2))
    start = forms.DateField(label=_("Movement from"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("Movement to"), widget=DATE_WIDGET)
    number = forms.IntegerField(
        label=_("Number"),
        required=False,
        min_value=1,
        help_text=_("leave empty while the plan has no number"),
    )
    symbol = forms.CharField(label=_("Symbol"), max_length=60, help_text=_("e.g. KH-SYT, KH-TTYT, KH-HĐTĐKT"))
    issued_on = forms.DateField(label=_("Date of the plan"), widget=DATE_WIDGET)
    place = forms.CharField(
        label=_("Place name"), max_length=80, help_text=_("as in the date line, e.g. Bình An")
    )
    issuer_parent = forms.CharField(
        label=_("Governing body"), max_length=255, required=False, help_text=_("e.g. UBND TỈNH BÌNH AN")
    )
    issuer_name = forms.CharField(
        label=_("Issuing body"), max_length=255, help_text=_("e.g. SỞ Y TẾ or HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")
    )
    signer_authority = forms.CharField(
        label=_("Signing on behalf"),
        max_length=120,
        required=False,
        help_text=_("e.g. KT. GIÁM ĐỐC or TM. HỘI ĐỒNG"),
    )
    signer_title = forms.CharField(
        label=_("Signer's position"), max_length=120, help_text=_("e.g. PHÓ GIÁM ĐỐC")
    )
    signer_name = forms.CharField(label=_("Signer"), max_length=120)
    preamble = forms.CharField(label=_("Opening text"), required=False, widget=_text(4))
    purposes = forms.CharField(label=_("Purposes"), required=False, widget=_text(4))
    requirements = forms.CharField(label=_("Requirements"), required=False, widget=_text(4))
    audience = forms.CharField(label=_("For whom"), required=False, widget=_text(2))
    closing = forms.CharField(label=_("Closing text"), required=False, widget=_text(3))
    distribution = forms.CharField(
        label=_("Distribution list"), required=False, widget=_text(4), help_text=_("one recipient per line")
    )

    def __init__(self, *args, units=(), parents=(), launching=True, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        if launching:
            self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
            self.fields["parent"].choices = [("", "—"), *((m.pk, _movement_label(m)) for m in parents)]
        else:
            del self.fields["unit"]
            del self.fields["parent"]
        self.units = {u.pk: u for u in units}
        self.parents = {m.pk: m for m in parents}

    GROUPS = {
        "movement_fields": ("unit", "parent", "kind", "name", "theme", "start", "end"),
        "document_fields": (
            "number",
            "symbol",
            "issued_on",
            "place",
            "issuer_parent",
            "issuer_name",
            "signer_authority",
            "signer_title",
            "signer_name",
        ),
        "text_fields": ("preamble", "purposes", "requirements", "audience"),
        "closing_fields": ("closing", "distribution"),
    }

    def __getattr__(self, name):
        if name in PlanForm.GROUPS:
            return [self[f] for f in PlanForm.GROUPS[name] if f in self.fields]
        raise AttributeError(name)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        if data.get("symbol"):
            data["symbol"] = data["symbol"].strip().upper()
        return data

    def plan_input(self) -> PlanInput:
        data = self.cleaned_data
        return PlanInput(**{name: data[name] for name in PlanInput.__dataclass_fields__})


class RowForm(forms.Form):
    """A row of an inline list; `id` is the row being edited (empty for a new one)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}


class PhaseForm(RowForm):
    name = forms.CharField(label=_("Phase"), max_length=120, help_text=_("e.g. Đợt 1"))
    start = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("To"), widget=DATE_WIDGET)
    theme = forms.CharField(label=_("Theme of the phase"), required=False, widget=_text(2))
    description = forms.CharField(label=_("What it celebrates and does"), required=False, widget=_text(3))
    commemorations = forms.MultipleChoiceField(
        label=_("Anniversaries it celebrates"),
        required=False,
        choices=anniversary_choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date is before the start date."))
        return data

    def row(self) -> PhaseInput:
        return PhaseInput(**self.values())


class TargetForm(RowForm):
    source_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    indicator = forms.CharField(
        label=_("Indicator"),
        max_length=1000,
        widget=_text(2),
        help_text=_("e.g. Tỷ lệ viên chức, người lao động ký cam kết thi đua"),
    )
    comparator = forms.ChoiceField(
        label=_("Comparator"), required=False, choices=[("", "—"), *Comparator.choices]
    )
    threshold = forms.DecimalField(
        label=_("Threshold"), required=False, max_digits=14, decimal_places=3, localize=True
    )
    unit_of_measure = forms.CharField(
        label=_("Unit of measure"), max_length=40, required=False, help_text="%, ‰, người…"
    )
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices, initial=Direction.INCREASE)
    kind = forms.ChoiceField(
        label=_("Source of the value"), choices=TargetKind.choices, initial=TargetKind.REPORTED
    )
    computation = forms.ChoiceField(label=_("Computation"), required=False)
    frequency = forms.ChoiceField(
        label=_("Reporting frequency"), required=False, choices=[("", "—"), *Frequency.choices]
    )
    reporter = forms.ChoiceField(
        label=_("Who reports"), choices=Reporter.choices, initial=Reporter.UNITS_BELOW
    )
    reporter_unit = forms.TypedChoiceField(
        label=_("Unit named to report"), coerce=int, required=False, empty_value=None
    )
    due_days = forms.IntegerField(
        label=_("Days to report after a period ends"), min_value=0, max_value=365, initial=10
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["computation"].choices = [("", "—"), *computation_choices()]
        self.fields["reporter_unit"].choices = [
            ("", "—"),
            *((u.pk, ("— " * u.depth) + u.name) for u in units),
        ]
        self.units = {u.pk: u for u in units}

    def clean(self):
        data = super().clean()
        if data.get("kind") == TargetKind.COMPUTED and not data.get("computation"):
            self.add_error("computation", _("Choose what tdkt computes."))
        if data.get("reporter") == Reporter.NAMED_UNIT and not data.get("reporter_unit"):
            self.add_error("reporter_unit", _("Choose the unit that reports."))
        return data

    def row(self) -> TargetInput:
        data = self.values()
        data["reporter_unit"] = self.units.get(data.get("reporter_unit"))
        if data.get("due_days") is None:
            data["due_days"] = 10
        return TargetInput(**data)


class SectionForm(RowForm):
    heading = forms.CharField(label=_("Heading"), max_length=500)
    body = forms.CharField(label=_("Text"), required=False, widget=_text(4))

    def row(self) -> SectionInput:
        return SectionInput(**self.values())


class ResponsibilityForm(RowForm):
    party = forms.CharField(label=_("Who"), max_length=255, help_text=_("e.g. Phòng Tổ chức – Hành chính"))
    unit = forms.TypedChoiceField(label=_("Unit in tdkt"), coerce=int, required=False, empty_value=None)
    task = forms.CharField(label=_("Task"), widget=_text(3))

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *((u.pk, ("— " * u.depth) + u.name) for u in units)]
        self.units = {u.pk: u for u in units}

    def row(self) -> ResponsibilityInput:
        data = self.values()
        data["unit"] = self.units.get(data.get("unit"))
        return ResponsibilityInput(**data)


class BasisForm(RowForm):
    verb = forms.ChoiceField(label=_("Wording"), choices=BasisVerb.choices, initial=BasisVerb.PURSUANT)
    movement_id = forms.TypedChoiceField(
        label=_("Movement in tdkt"), coerce=int, required=False, empty_value=None
    )
    reference = forms.CharField(
        label=_("Or an outside document"),
        required=False,
        widget=_text(2),
        help_text=_("e.g. Kế hoạch số 885/KH-BYT ngày 17/7/2024 của Bộ Y tế về …"),
    )

    def __init__(self, *args, movements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement_id"].choices = [("", "—"), *((m.pk, _movement_label(m)) for m in movements)]

    def clean(self):
        data = super().clean()
        if not data.get("movement_id") and not (data.get("reference") or "").strip():
            raise forms.ValidationError(_("Choose a movement or write the document cited."))
        return data

    def row(self) -> BasisInput:
        return BasisInput(**self.values())


class BaseRows(forms.BaseFormSet):
    """Inline rows: blank extra rows and rows marked for deletion are left out."""

    def rows(self) -> list:
        return [
            form.row()
            for form in self.forms
            if form.has_changed() and not (self.can_delete and self._should_delete_form(form))
        ]

    def row_errors(self) -> list[str]:
        """Every error of the rows as "Đợt 2 — Đến ngày: …" lines, for the summary on top of the page."""
        lines = []
        for i, form in enumerate(self.forms, start=1):
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    lines.append(f"{self.row_label} {i}{' — ' + str(label) if label else ''}: {error}")
        lines += [str(e) for e in self.non_form_errors()]
        return lines


def _formset(form, label, extra):
    cls = forms.formset_factory(
        form, formset=BaseRows, extra=extra, can_delete=True, max_num=100, validate_max=True
    )
    cls.row_label = label
    return cls


PhaseFormSet = _formset(PhaseForm, _("Phase"), 1)
TargetFormSet = _formset(TargetForm, _("Target"), 1)
SectionFormSet = _formset(SectionForm, _("Content item"), 1)
ResponsibilityFormSet = _formset(ResponsibilityForm, _("Responsibility"), 1)
BasisFormSet = _formset(BasisForm, _("Basis"), 1)


class PlanForms:
    """The plan form and its five inline lists, bound together."""

    prefixes = ("phases", "targets", "sections", "responsibilities", "basis")

    def __init__(self, data=None, *, initial: dict, units, parents, launching: bool, row_units, movements):
        self.plan = PlanForm(
            data, initial=initial.get("plan"), units=units, parents=parents, launching=launching
        )
        self.phases = PhaseFormSet(data, initial=initial.get("phases"), prefix="phases")
        self.targets = TargetFormSet(
            data, initial=initial.get("targets"), prefix="targets", form_kwargs={"units": row_units}
        )
        self.sections = SectionFormSet(data, initial=initial.get("sections"), prefix="sections")
        self.responsibilities = ResponsibilityFormSet(
            data,
            initial=initial.get("responsibilities"),
            prefix="responsibilities",
            form_kwargs={"units": row_units},
        )
        self.basis = BasisFormSet(
            data, initial=initial.get("basis"), prefix="basis", form_kwargs={"movements": movements}
        )

    @property
    def formsets(self):
        return [getattr(self, p) for p in self.prefixes]

    def is_valid(self) -> bool:
        results = [self.plan.is_valid(), *(fs.is_valid() for fs in self.formsets)]
        return all(results)

    def row_errors(self) -> list[str]:
        return [line for fs in self.formsets for line in fs.row_errors()]

    def content(self) -> PlanContent:
        return PlanContent(
            plan=self.plan.plan_input(),
            phases=self.phases.rows(),
            targets=self.targets.rows(),
            sections=self.sections.rows(),
            responsibilities=self.responsibilities.rows(),
            basis=self.basis.rows(),
        )


class TargetReportForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Reporting unit"), coerce=int)
    period = forms.ChoiceField(label=_("Reporting period"))
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=3, localize=True)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=_text(3),
        help_text=_("documents, minutes, lists that show it"),
    )

    def __init__(self, *args, units=(), periods=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        self.fields["period"].choices = [(p.key, p.label) for p in periods]
        self.units = {u.pk: u for u in units}
        self.periods = {p.key: p for p in periods}
