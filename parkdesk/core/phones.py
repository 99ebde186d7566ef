"""Phone numbers: parsing and normalising with the phonenumbers library (Foshan is 0757).

The one parser of the project: the import, the app and the exports all read numbers here,
so an extension (`转123`, `ext. 123`) means the same everywhere. `tel_uri` is the one `tel:`
URI of a stored number (the Call action, both QR codes and every export dial it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

REGION = "CN"
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _line_kinds() -> dict[object, str]:
    import phonenumbers

    kinds = phonenumbers.PhoneNumberType
    return {
        kinds.FIXED_LINE: "landline",
        kinds.MOBILE: "mobile",
        kinds.FIXED_LINE_OR_MOBILE: "landline or mobile",
        kinds.TOLL_FREE: "toll-free",
        kinds.PREMIUM_RATE: "premium rate",
        kinds.SHARED_COST: "shared cost",
        kinds.VOIP: "VoIP",
        kinds.UAN: "universal access",
    }


@dataclass(frozen=True)
class Phone:
    """A number in every form we show, or the raw text with a warning when it is invalid."""

    raw: str
    e164: str | None
    national: str | None
    international: str | None
    valid: bool
    warning: str | None = None
    extension: str | None = None
    rfc3966: str | None = None  # tel:+86-757-8668-3830;ext=12, for vCards and dialling
    line_kind: str = "invalid"


@lru_cache(maxsize=8192)
def normalise(raw: str, region: str = REGION) -> Phone:
    """Parse `raw` as a phone number (Chinese by default); never raises."""
    # Imported here: phonenumbers takes ~30 ms to import, and the window's first paint needs
    # only this module's names, not a parse.
    import phonenumbers

    text = _EXTENSION.sub(r" ext. \1", raw.replace("\x00", "").strip())
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        return Phone(raw, None, None, None, False, f"not a phone number: {exc}")
    if not phonenumbers.is_valid_number(number):
        return Phone(raw, None, None, None, False, f"{text!r} is not a valid number")
    fmt = phonenumbers.PhoneNumberFormat
    return Phone(
        raw=raw,
        e164=phonenumbers.format_number(number, fmt.E164),
        national=phonenumbers.format_number(number, fmt.NATIONAL),
        international=phonenumbers.format_number(number, fmt.INTERNATIONAL),
        valid=True,
        extension=number.extension or None,
        rfc3966=phonenumbers.format_number(number, fmt.RFC3966),
        line_kind=_line_kinds().get(phonenumbers.number_type(number), "other"),
    )


def read_stored(raw: str | None, e164: str | None) -> Phone | None:
    """A stored contact's number: as written when that parses, else its E.164 form."""
    for text in (raw, e164):
        if text:
            phone = normalise(text)
            if phone.valid:
                return phone
    return None


def subscriber_digits(national: str | None) -> str:
    """The digits after the trunk prefix and area code of a stored national form
    ("0757 8631 6675" -> "86316675"); all its digits when it has no area code (mobiles)."""
    if not national:
        return ""
    if national.startswith("0") and " " in national:
        national = national.split(" ", 1)[1]
    return "".join(c for c in national if c.isdigit())


def tel_uri(raw: str | None, e164: str | None = None) -> str | None:
    """A stored number's RFC 3966 URI, extension kept (`tel:+86-757-8668-3830;ext=12`);
    None when it is not a valid number. E.164 has no extension: never dial it alone."""
    phone = read_stored(raw, e164)
    return phone.rfc3966 if phone else None


def line_kind(raw: str | None, e164: str | None = None) -> str:
    """What kind of line a stored number is: landline, mobile, toll-free...; "invalid" if none."""
    phone = read_stored(raw, e164)
    return phone.line_kind if phone else "invalid"
