"""API: sign up, API tokens (log in / log out), the signed-in account, settings, invites."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials

from backtone.domain.account import Role, TokenKind
from backtone.entrypoints.web.api.schemas import (
    AcceptInviteRequest,
    AccountView,
    SignUpRequest,
    TokenRequest,
    TokenView,
    account_view,
)
from backtone.entrypoints.web.deps import ClockDep, CurrentUser, HasherDep, UowDep, _bearer
from backtone.entrypoints.web.views.settings import (
    SettingsRequest,
    SettingsView,
    apply_settings,
    settings_view,
)
from backtone.services.accounts import account, close_session, log_in, open_session, sign_up
from backtone.services.plans import saved_profile
from backtone.services.trainers import accept_invite, trainer_of

router = APIRouter(tags=["accounts"])


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/accounts", status_code=201, response_model=AccountView)
def create_account(
    body: SignUpRequest, uow: UowDep, clock: ClockDep, hasher: HasherDep
) -> AccountView:
    """Sign up; then ask for a token with POST /tokens."""
    made = sign_up(
        uow=uow,
        clock=clock,
        hasher=hasher,
        name=body.name,
        password=body.password,
        timezone=body.timezone,
        role=Role(body.role),
    )
    return account_view(made)


@router.post("/tokens", status_code=201, response_model=TokenView)
def create_token(
    body: TokenRequest, request: Request, uow: UowDep, clock: ClockDep, hasher: HasherDep
) -> TokenView:
    """Log in with name and password; the token goes in `Authorization: Bearer ...`."""
    found = log_in(
        uow=uow,
        clock=clock,
        hasher=hasher,
        name=body.name,
        password=body.password,
        address=client_address(request),
    )
    token = open_session(
        uow=uow, clock=clock, user_id=found.id, kind=TokenKind.API, label=body.label
    )
    return TokenView(token=token)


@router.delete("/tokens/current", status_code=204)
async def revoke_token(
    me: CurrentUser,
    uow: UowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Response:
    """Log out: the token stops working."""
    assert credentials is not None  # CurrentUser has checked it
    close_session(uow=uow, token=credentials.credentials)
    return Response(status_code=204)


@router.get("/me", response_model=AccountView)
async def who_am_i(me: CurrentUser, uow: UowDep) -> AccountView:
    return account_view(account(uow=uow, user_id=me.id))


def _settings(uow: UowDep, user: CurrentUser) -> SettingsView:
    fresh = account(uow=uow, user_id=user.id)
    trainer = trainer_of(uow=uow, client_id=user.id)
    profile = saved_profile(uow=uow, user_id=user.id)
    return settings_view(fresh, profile, trainer.name if trainer else None)


@router.get("/settings", response_model=SettingsView)
async def get_settings(me: CurrentUser, uow: UowDep) -> SettingsView:
    return _settings(uow, me)


@router.patch("/settings", response_model=SettingsView)
async def change_settings(
    body: SettingsRequest, me: CurrentUser, uow: UowDep, clock: ClockDep
) -> SettingsView:
    """Change units, equipment, training days, minutes or time zone."""
    apply_settings(uow=uow, clock=clock, account=me, request=body)
    return _settings(uow, me)


@router.post("/invites/accept", response_model=AccountView)
async def accept_trainer_invite(
    body: AcceptInviteRequest, me: CurrentUser, uow: UowDep, clock: ClockDep
) -> AccountView:
    """Become the client of the trainer who gave you the code; returns the trainer."""
    trainer = accept_invite(uow=uow, clock=clock, client=me, code=body.code)
    return account_view(trainer)
