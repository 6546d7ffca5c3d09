"""Request and response bodies of the API that are not a page's view model."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.account import Account, TokenInfo


class SignUpRequest(BaseModel):
    name: str = Field(min_length=2, max_length=32, examples=["sam"])
    password: str = Field(min_length=8, max_length=256)
    timezone: str = Field(default="UTC", max_length=64, examples=["Europe/Paris"])
    role: Literal["person", "trainer"] = "person"


class AccountView(BaseModel):
    name: str
    role: str
    timezone: str
    created_at: datetime


def account_view(account: Account) -> AccountView:
    return AccountView(
        name=account.name,
        role=account.role.value,
        timezone=account.timezone,
        created_at=account.created_at,
    )


class TokenRequest(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    label: str = Field(default="", max_length=100)
    expires_in_days: int = Field(default=90, ge=1, le=365, description="How long it works")


class TokenView(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


class TokenInfoView(BaseModel):
    """An API token as listed: never the token itself, which only its creator saw once."""

    id: int
    label: str
    created_at: datetime
    expires_at: datetime | None
    current: bool = Field(description="Whether this request was sent with it")


def token_info_view(info: TokenInfo, current_id: int | None) -> TokenInfoView:
    return TokenInfoView(
        id=info.id,
        label=info.label,
        created_at=info.created_at,
        expires_at=info.expires_at,
        current=info.id == current_id,
    )


class InviteView(BaseModel):
    code: str
    valid_days: int


class AcceptInviteRequest(BaseModel):
    code: str = Field(min_length=1, max_length=40)


class ClientView(BaseModel):
    name: str
    since: datetime


class RemovedView(BaseModel):
    removed_sets: int
