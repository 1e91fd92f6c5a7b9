"""Form helpers every area's views share."""

from django.core.exceptions import ValidationError

from tdkt.core.errors import ApplicationError


def apply_errors(form, exc: ApplicationError | ValidationError) -> None:
    """Put a service's refusal on the form, beside what the user typed: on the field it names
    (ApplicationError.extra["field"] or a ValidationError's dict), else above the fields."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
        return
    field = exc.extra.get("field")
    form.add_error(field if field in form.fields else None, exc.message)
