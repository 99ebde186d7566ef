"""Phone numbers: parsing and normalising with the phonenumbers library (Foshan is 0757)."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

REGION = "CN"


@dataclass(frozen=True)
class Phone:
    """A number in every form we show, or the raw text with a warning when it is invalid."""

    raw: str
    e164: str | None
    national: str | None
    international: str | None
    valid: bool
    warning: str | None = None

    @property
    def tel_uri(self) -> str | None:
        """RFC 3966 `tel:` URI for dialling, or None for an invalid number."""
        if not self.e164:
            return None
        return "tel:" + self.e164


def normalise(raw: str, region: str = REGION) -> Phone:
    """Parse `raw` as a phone number (Chinese by default); never raises."""
    text = raw.replace("\x00", "").strip()
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
    )
