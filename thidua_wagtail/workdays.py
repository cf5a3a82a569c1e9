"""Working days in Vietnam: Monday to Friday, less the public holidays.

The holidays come from the ``holidays`` library (maintained, yearly releases): Tết Dương lịch, Tết Nguyên đán
and Giỗ Tổ Hùng Vương on their lunar dates, 30/4, 1/5, Quốc khánh, and the days off the Government moves
(``nghỉ bù``, swapped days). ``THIDUA_EXTRA_DAYS_OFF`` adds days a province or the department itself gives off
(ISO dates, "2027-02-03"). What a legal period of "working days" counts here: the first day counts when it is a
working day, and the period ends on its last working day (``add_working_days``).
"""

import datetime
from functools import lru_cache

import holidays

from .conf import thidua_settings


@lru_cache(maxsize=32)
def _public_holidays(year, language):
    return holidays.country_holidays("VN", years=year, language=language)


def days_off(start, end, language="vi"):
    """``[(date, name)]`` of the public holidays and extra days off from ``start`` to ``end`` (inclusive), in
    ``language`` ("vi" or "en_US")."""
    found = []
    for year in range(start.year, end.year + 1):
        found += [(day, name) for day, name in _public_holidays(year, language).items() if start <= day <= end]
    found += [(day, "") for day in extra_days_off() if start <= day <= end]
    return sorted(dict(found).items())


def extra_days_off():
    return {datetime.date.fromisoformat(str(day)) for day in thidua_settings.EXTRA_DAYS_OFF}


def is_working_day(day):
    return day.weekday() < 5 and day not in _public_holidays(day.year, "vi") and day not in extra_days_off()


def working_days_between(start, end):
    """How many working days there are from ``start`` to ``end``, both included."""
    count, day = 0, start
    while day <= end:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def add_working_days(start, count):
    """The ``count``-th working day counting from ``start`` (``start`` itself is the first when it is a working
    day): the earliest end of a period of ``count`` working days that begins on ``start``."""
    day, seen = start, 0
    while True:
        if is_working_day(day):
            seen += 1
            if seen == count:
                return day
        day += datetime.timedelta(days=1)
