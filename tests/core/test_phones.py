"""Phone normalisation: every valid Chinese number round-trips through all its forms."""

from hypothesis import given
from hypothesis import strategies as st

from parkdesk.core.phones import normalise, tel_uri

FOSHAN_LOCAL = st.from_regex(r"\A[2-8][0-9]{7}\Z", fullmatch=True)


def test_foshan_number_forms() -> None:
    p = normalise("0757-86683830")
    assert (p.e164, p.national, p.international) == (
        "+8675786683830", "0757 8668 3830", "+86 757 8668 3830"
    )
    assert p.rfc3966 == tel_uri("0757-86683830") == "tel:+86-757-8668-3830"


@given(FOSHAN_LOCAL, st.sampled_from(["0757-{}", "0757 {}", "(0757){}", "+86 757 {}", "86-757-{}"]))
def test_any_writing_gives_the_same_number(local: str, pattern: str) -> None:
    p = normalise(pattern.format(local))
    assert p.valid, p.warning
    assert p.e164 == "+86757" + local
    assert normalise(p.national).e164 == p.e164
    assert normalise(p.international).e164 == p.e164
    assert normalise(p.e164).e164 == p.e164


@given(st.text(max_size=40))
def test_never_raises_and_invalid_is_kept_with_warning(text: str) -> None:
    p = normalise(text)
    assert p.raw == text
    if not p.valid:
        assert p.warning
        assert p.e164 is None


def test_extension_is_understood_everywhere() -> None:
    for written in ("0757-86683830转123", "0757-86683830 ext. 123", "0757 8668 3830 分机 123"):
        p = normalise(written)
        assert p.valid, written
        assert p.e164 == "+8675786683830"
        assert p.extension == "123"
        assert p.rfc3966 == "tel:+86-757-8668-3830;ext=123"
