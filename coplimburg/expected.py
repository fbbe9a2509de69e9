"""What a date, a time, a month or a web address should look like, and the Dutch message when a value is not that:
every such message is written here, the same whatever type YAML (or a command line) gave the value."""

from __future__ import annotations

from urllib.parse import urlsplit

from coplimburg.dates import DAY_EXAMPLE, EXAMPLE, FORMAT, NO_SUCH_DATE, NO_SUCH_TIME, TIME_GIVEN, NotADate, dutch_forms
from coplimburg.problems import describe, visible

# Years a date may name. Calendars and feeds compute a day after the end (exclusive ends), convert to
# UTC and unfold series until their last day, which overflows at 9999-12-31 and underflows at 0001-01-01;
# the CoP started in 2021, and the programme already accepts the years 2000-2100. Outside: a typo.
FIRST_YEAR, LAST_YEAR = 2000, 2100
# Longer text is no date written some other way: it is shown, not read for hints.
_LONGEST_DATE = 40
WEB_EXAMPLE = "https://"


def not_a_date(value: object, with_time: bool = True) -> str:
    """A value that is no date (`with_time`: or date and time) as an editor writes it: text in another form, a
    number (YAML reads 14.00 as one), a date and time where only a date belongs, an impossible day."""
    if isinstance(value, NotADate):
        return _worded(value, with_time)
    example = EXAMPLE if with_time else DAY_EXAMPLE
    return f"verwacht een datum zoals {example}, gekregen {describe(value)}{_hint(value, with_time)}"


def _worded(error: NotADate, with_time: bool) -> str:
    if error.reason == NO_SUCH_DATE:
        return f"{error.part} is geen bestaande datum"
    if error.reason == NO_SUCH_TIME:
        return f"{error.part} is geen bestaande tijd"
    if error.reason == TIME_GIVEN:
        return f"verwacht alleen een datum zoals {DAY_EXAMPLE}, gekregen ook een tijd: {describe(error.text)}"
    assert error.reason == FORMAT
    return not_a_date(error.text, with_time)


def _hint(value: object, with_time: bool) -> str:
    """'; bedoelde je 2027-01-28 14:00?' for the ways Dutch people write dates and times (28-01-2027, 14.00, 14u);
    for a time alone, an example with the date."""
    written = f"{value:.2f}" if isinstance(value, float) else value
    if not isinstance(written, str) or len(written) > _LONGEST_DATE:
        return ""
    iso, time_alone = dutch_forms(written)
    if time_alone and with_time:
        return "; " + time_without_date(time_alone)
    if iso and not with_time:
        iso = iso.split(" ")[0]
    return f"; bedoelde je {iso}?" if iso and iso != written.strip() else ""


def time_without_date(time: str, written: str = "") -> str:
    """A time where a date and time belong (`written` as the editor wrote it, where YAML did not keep it as text)."""
    shown = f" ({written})" if written else ""
    return f"een tijd alleen{shown} is niet genoeg: schrijf de datum erbij, zoals {DAY_EXAMPLE} {time}"


def year_out_of_range(year: int) -> str | None:
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return (
        f"het jaar {year} ligt buiten {FIRST_YEAR}–{LAST_YEAR}, de jaren die agenda's en feeds aankunnen; "
        "controleer het jaartal"
    )


def not_a_month(value: object) -> str:
    return f"verwacht een maand zoals 2024-06, gekregen {describe(value)}"


def not_a_moment(value: object) -> str:
    """A moment a program wrote (a state file's ISO 8601 with offset)."""
    return f"verwacht een tijdstip zoals 2024-07-01T09:00:00+02:00, gekregen {describe(value)}"


def not_a_web_address(value: object) -> str:
    """A value that is no http(s) address; with a hint when it looks like one without its scheme."""
    hint = ""
    if isinstance(value, str) and "." in value and not _scheme(value.strip()):
        hint = f"; bedoelde je https://{visible(value.strip(), 80)}?"
    return f"verwacht een webadres dat begint met {WEB_EXAMPLE}, gekregen {describe(value)}{hint}"


def _scheme(value: str) -> str:
    try:
        return urlsplit(value).scheme
    except ValueError:
        return "?"


def refused_web_address(value: object, problem: str) -> str:
    """An address coplimburg.content.addresses refuses, with what is wrong with it."""
    return f"het webadres {describe(value)} {problem}"
