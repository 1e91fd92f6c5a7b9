"""Titles of the reviews: the trích yếu under "BÁO CÁO" and the name the pages show ("Báo cáo sơ kết …").

Official reports name what they review the way the plan named it: a plan "Phát động phong trào thi đua năm
2025" is reviewed in "Sơ kết đợt 1 phong trào thi đua năm 2025" and "Tổng kết phong trào thi đua năm 2025";
"Triển khai …" becomes "việc triển khai …"; "Kế hoạch …" becomes "thực hiện Kế hoạch …". These are
Vietnamese administrative words whatever the interface language.
"""

_REPORT = "báo cáo"
_AS_IS = ("phong trào", "đợt", "cuộc vận động", "hội thi", "chương trình")
_PHASE_WORDS = ("đợt", "giai đoạn", "quý", "6 tháng", "sáu tháng", "năm")


def lower_first(text: str) -> str:
    """ "Phát động phong trào …" → "phát động phong trào …" (an acronym such as "HĐND" stays as it is)."""
    text = text.strip()
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def movement_subject(name: str, *, plan_reference: str = "") -> str:
    """What a review of the movement `name` reports on, to follow "Sơ kết …" / "Tổng kết …"."""
    name = " ".join(name.split())
    lowered = name.lower()
    if lowered.startswith("phát động "):
        return lower_first(name[len("phát động ") :])
    if lowered.startswith("kế hoạch "):
        return f"thực hiện {name}"
    if lowered.startswith("triển khai "):
        return f"việc {lower_first(name)}"
    if lowered.startswith(_AS_IS):
        return lower_first(name)
    if plan_reference:
        return f"thực hiện Kế hoạch số {plan_reference} về {lower_first(name)}"
    return f"thực hiện kế hoạch “{name}”"


def phase_words(phase_name: str) -> str:
    """ "Đợt 1" → "đợt 1"; a phase named otherwise ("Chào mừng 27/2") → "đợt “Chào mừng 27/2”"."""
    name = " ".join(phase_name.split())
    if name.lower().startswith(_PHASE_WORDS):
        return lower_first(name)
    return f"đợt “{name}”"


def review_title(*, movement_name: str, plan_reference: str = "", phase_name: str | None = None) -> str:
    """The trích yếu of a review: "Sơ kết đợt 1 phong trào thi đua năm 2025" for a phase, "Tổng kết
    phong trào thi đua năm 2025" for the whole movement."""
    subject = movement_subject(movement_name, plan_reference=plan_reference)
    if phase_name is not None:
        return f"Sơ kết {phase_words(phase_name)} {subject}"
    return f"Tổng kết {subject}"


def report_subject(title: str) -> str:
    """The title as the trích yếu under "BÁO CÁO": without a leading "Báo cáo" the officer may have typed."""
    title = " ".join(title.split())
    if title.lower().startswith(_REPORT + " ") and len(title) > len(_REPORT) + 1:
        rest = title[len(_REPORT) + 1 :]
        return rest[:1].upper() + rest[1:]
    return title


def report_heading(title: str) -> str:
    """The title as the pages name the report: "Báo cáo sơ kết đợt 1 phong trào thi đua năm 2025"."""
    return f"Báo cáo {lower_first(report_subject(title))}"
