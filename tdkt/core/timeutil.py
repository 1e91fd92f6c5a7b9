import datetime as dt
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def today_vn() -> dt.date:
    """Today in Vietnam: computed once at the edge (view, command, task) and passed down."""
    return dt.datetime.now(VN).date()


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
