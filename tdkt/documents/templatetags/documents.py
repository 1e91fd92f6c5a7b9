"""Filters of the PDF template: runs of styled text as HTML, millimetres as CSS lengths."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from tdkt.documents.model import TableSection

register = template.Library()


@register.filter
def runs(value) -> str:
    """A tuple of `Run`s (or a plain string) as escaped HTML with <b>, <i>, <u> and <br>."""
    if isinstance(value, str):
        return mark_safe(escape(value).replace("\n", "<br>"))
    parts = []
    for run in value:
        html = escape(run.text).replace("\n", "<br>")
        if run.underline:
            html = f"<u>{html}</u>"
        if run.italic:
            html = f"<i>{html}</i>"
        if run.bold:
            html = f"<b>{html}</b>"
        parts.append(html)
    return mark_safe("".join(parts))


@register.filter
def table_rows(table) -> str:
    """The body rows of a `Table` as HTML (written here rather than in the template: an award list may
    have thousands of cells)."""
    classes = [f' class="{c.align}"' if c.align != "left" else "" for c in table.columns]
    span = len(table.columns)
    out = []
    for row in table.rows:
        if isinstance(row, TableSection):
            out.append(f'<tr><td class="section" colspan="{span}">{escape(row.text)}</td></tr>')
            continue
        cells = "".join(f"<td{cls}>{runs(cell)}</td>" for cls, cell in zip(classes, row, strict=True))
        out.append(f"<tr>{cells}</tr>")
    return mark_safe("\n".join(out))


@register.filter
def mm(value) -> str:
    """12.5 → "12.5mm" (a dot whatever the language, as CSS needs)."""
    return f"{float(value):.2f}mm"


@register.filter
def pt(value) -> str:
    return f"{float(value):.2f}pt"
