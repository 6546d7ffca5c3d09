"""The password policy: long enough, not among the most common, not the account's name."""

from __future__ import annotations

import pytest

from backtone.adapters.common_passwords import common_passwords
from backtone.domain.account import check_password
from backtone.domain.errors import InvalidInput

COMMON = common_passwords()


@pytest.mark.parametrize(
    "password", ["password", "Password1", "12345678", "iloveyou", "QWERTYUIOP"]
)
def test_the_most_common_passwords_are_refused_with_a_reason(password: str) -> None:
    with pytest.raises(InvalidInput, match="password: is one of the most common") as refused:
        check_password(password, common=COMMON)
    assert "a phrase of a few unrelated words" in str(refused.value)


@pytest.mark.parametrize("password", ["", "abc", "seven77"])
def test_short_passwords_are_refused_saying_how_long_is_enough(password: str) -> None:
    with pytest.raises(InvalidInput, match=r"has \d characters \(allowed: 8-256\)"):
        check_password(password, common=COMMON)


@pytest.mark.parametrize("password", ["samantha", "Samantha2024", "samantha!!"])
def test_a_password_that_is_the_name_is_refused(password: str) -> None:
    with pytest.raises(InvalidInput, match="is your name"):
        check_password(password, name="samantha", common=frozenset())


@pytest.mark.parametrize(
    "password", ["correct horse battery", "samantha rows at dawn", "x7#Kp2!qW"]
)
def test_an_uncommon_password_of_enough_length_is_kept(password: str) -> None:
    assert check_password(password, name="samantha", common=COMMON) == password


def test_the_bundled_list_holds_thousands_of_long_enough_lower_case_passwords() -> None:
    assert len(COMMON) > 10_000
    assert all(len(p) >= 8 and p == p.lower() for p in COMMON)
