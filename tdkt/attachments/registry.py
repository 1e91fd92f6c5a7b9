"""Which records accept attachments, and how to reach them. An area registers its models once at start
(AppConfig.ready); the attachment pages then work for every registered model alike."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.http import Http404


@dataclass(frozen=True)
class Target:
    """A model that accepts attachments.

    get_for_user(request, pk, manage=…) fetches the record for this user or raises Http404 (viewing for
    downloads, managing for upload and delete). describe(record) names it on the attachment pages.
    back_url(request, record) is where the page returns after a change; htmx_response(request, record,
    message), if given, answers an htmx change with the redrawn part of that page."""

    key: str
    model: type[models.Model]
    kinds: tuple[str, ...]  # AttachmentKind values offered; the first is the default
    get_for_user: Callable
    describe: Callable
    back_url: Callable
    htmx_response: Callable | None = None


_BY_KEY: dict[str, Target] = {}
_BY_MODEL: dict[str, Target] = {}


def register(target: Target) -> None:
    label = target.model._meta.label_lower
    if _BY_KEY.get(target.key, target) != target or _BY_MODEL.get(label, target) != target:
        raise ValueError(f"attachment target {target.key} ({label}) is registered twice")
    _BY_KEY[target.key] = target
    _BY_MODEL[label] = target


def target_by_key(key: str) -> Target:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise Http404 from None


def target_for_model(model: type[models.Model]) -> Target:
    return _BY_MODEL[model._meta.label_lower]


def is_registered(model: type[models.Model]) -> bool:
    return model._meta.label_lower in _BY_MODEL


def targets() -> list[Target]:
    return list(_BY_KEY.values())
