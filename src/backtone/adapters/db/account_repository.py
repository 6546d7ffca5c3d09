"""Accounts, tokens, log-in attempts, trainers' clients and idempotency keys in the database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from backtone.adapters.db.repositories import OWN_EXERCISES_KEY, as_utc
from backtone.adapters.db.tables import (
    auth_tokens,
    idempotency_keys,
    metadata,
    profiles,
    trainer_clients,
    trainer_invites,
    user_exercises,
    users,
)
from backtone.adapters.db.upsert import insert_for
from backtone.domain.account import Account, ClientLink, Role, TokenInfo, TokenKind
from backtone.domain.signed_in import SignedIn
from backtone.domain.training import WeightUnit

_ACCOUNT = (users.c.id, users.c.name, users.c.role, users.c.timezone, users.c.created_at)
# Every request runs this, so it is built once: a statement made afresh costs more to build
# and to key for SQLAlchemy's compiled cache than SQLite takes to answer it. With the account
# come the profile's units and a count of the person's own exercises, so the request need
# not ask for either again (see SqlExerciseRepository.for_user).
_OWN_EXERCISES = (
    select(func.count()).where(user_exercises.c.user_id == users.c.id).scalar_subquery()
)
_SIGNED_IN = (
    select(
        *_ACCOUNT,
        auth_tokens.c.expires_at,
        profiles.c.data["units"].as_string().label("units"),
        _OWN_EXERCISES.label("own_exercises"),
    )
    .join(auth_tokens, auth_tokens.c.user_id == users.c.id)
    .outerjoin(profiles, profiles.c.user_id == users.c.id)
    .where(
        auth_tokens.c.token_hash == bindparam("token_hash"),
        auth_tokens.c.kind == bindparam("kind"),
    )
)


def _account(row: Any) -> Account:
    return Account(row.id, row.name, Role(row.role), row.timezone, as_utc(row.created_at))


class SqlAccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> Account | None:
        row = self.session.execute(select(*_ACCOUNT).where(users.c.id == user_id)).first()
        return None if row is None else _account(row)

    def get_by_name(self, name: str) -> Account | None:
        row = self.session.execute(select(*_ACCOUNT).where(users.c.name == name)).first()
        return None if row is None else _account(row)

    def password_hash(self, user_id: int) -> str | None:
        query = select(users.c.password_hash).where(users.c.id == user_id)
        return self.session.execute(query).scalar()

    def add(
        self, name: str, *, created_at: datetime, password_hash: str, role: Role, timezone: str
    ) -> Account:
        new_id = self.session.execute(
            insert(users)
            .values(
                name=name,
                created_at=created_at,
                password_hash=password_hash,
                role=role.value,
                timezone=timezone,
            )
            .returning(users.c.id)
        ).scalar_one()
        return Account(new_id, name, role, timezone, created_at)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self.session.execute(
            update(users).where(users.c.id == user_id).values(password_hash=password_hash)
        )

    def set_timezone(self, user_id: int, timezone: str) -> None:
        self.session.execute(update(users).where(users.c.id == user_id).values(timezone=timezone))

    def set_role(self, user_id: int, role: Role) -> None:
        self.session.execute(update(users).where(users.c.id == user_id).values(role=role.value))

    def delete(self, user_id: int) -> None:
        """Remove the account and, first, every row of every table pointing at it.

        Each table is found from its foreign keys to `users`, not listed by hand, so a table
        added later is covered too; the database's ON DELETE CASCADE would do the same, this
        does not depend on it.
        """
        for table in reversed(metadata.sorted_tables):
            owners = [fk.parent for fk in table.foreign_keys if fk.column.table is users]
            if owners and table is not users:
                self.session.execute(delete(table).where(or_(*(c == user_id for c in owners))))
        self.session.execute(delete(users).where(users.c.id == user_id))


class SqlAuthTokenRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        user_id: int,
        kind: TokenKind,
        token_hash: str,
        *,
        created_at: datetime,
        expires_at: datetime | None,
        label: str = "",
    ) -> None:
        self.session.execute(
            insert(auth_tokens).values(
                user_id=user_id,
                kind=kind.value,
                token_hash=token_hash,
                label=label,
                created_at=created_at,
                expires_at=expires_at,
            )
        )

    def account_for(self, token_hash: str, kind: TokenKind, now: datetime) -> SignedIn | None:
        row = self.session.execute(
            _SIGNED_IN, {"token_hash": token_hash, "kind": kind.value}
        ).first()
        if row is None or (row.expires_at is not None and as_utc(row.expires_at) <= now):
            return None
        self.session.info.setdefault(OWN_EXERCISES_KEY, {})[row.id] = row.own_exercises
        return SignedIn(
            row.id,
            row.name,
            Role(row.role),
            row.timezone,
            as_utc(row.created_at),
            units=WeightUnit(row.units) if row.units else WeightUnit.KG,
            own_exercises=row.own_exercises,
        )

    def delete(self, token_hash: str) -> None:
        self.session.execute(delete(auth_tokens).where(auth_tokens.c.token_hash == token_hash))

    def list_for(self, user_id: int, kind: TokenKind, now: datetime) -> list[TokenInfo]:
        """The person's tokens of this kind that still work, newest first."""
        rows = self.session.execute(
            select(
                auth_tokens.c.id,
                auth_tokens.c.label,
                auth_tokens.c.created_at,
                auth_tokens.c.expires_at,
            )
            .where(auth_tokens.c.user_id == user_id, auth_tokens.c.kind == kind.value)
            .order_by(auth_tokens.c.created_at.desc(), auth_tokens.c.id.desc())
        )
        found = [
            TokenInfo(
                row.id,
                row.label,
                as_utc(row.created_at),
                as_utc(row.expires_at) if row.expires_at is not None else None,
            )
            for row in rows
        ]
        return [t for t in found if t.expires_at is None or t.expires_at > now]

    def id_of(self, token_hash: str) -> int | None:
        return self.session.execute(
            select(auth_tokens.c.id).where(auth_tokens.c.token_hash == token_hash)
        ).scalar()

    def revoke(self, user_id: int, token_id: int, kind: TokenKind) -> bool:
        """Delete one of the person's tokens; False when they have none with that id."""
        gone = self.session.execute(
            delete(auth_tokens)
            .where(
                auth_tokens.c.id == token_id,
                auth_tokens.c.user_id == user_id,
                auth_tokens.c.kind == kind.value,
            )
            .returning(auth_tokens.c.id)
        ).first()
        return gone is not None

    def revoke_all_but(self, user_id: int, keep_hash: str | None) -> int:
        """Delete every session and API token of the person's except `keep_hash`."""
        query = delete(auth_tokens).where(auth_tokens.c.user_id == user_id)
        if keep_hash is not None:
            query = query.where(auth_tokens.c.token_hash != keep_hash)
        return len(self.session.execute(query.returning(auth_tokens.c.id)).all())


class SqlTrainerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_invite(
        self, trainer_id: int, code_hash: str, *, created_at: datetime, expires_at: datetime
    ) -> None:
        self.session.execute(
            insert(trainer_invites).values(
                trainer_id=trainer_id,
                code_hash=code_hash,
                created_at=created_at,
                expires_at=expires_at,
            )
        )

    def open_invite(self, code_hash: str, now: datetime) -> int | None:
        """The trainer behind an unused, unexpired invite."""
        row = self.session.execute(
            select(trainer_invites.c.trainer_id, trainer_invites.c.expires_at).where(
                trainer_invites.c.code_hash == code_hash,
                trainer_invites.c.accepted_by.is_(None),
            )
        ).first()
        if row is None or as_utc(row.expires_at) <= now:
            return None
        trainer_id: int = row.trainer_id
        return trainer_id

    def mark_accepted(self, code_hash: str, client_id: int, at: datetime) -> None:
        self.session.execute(
            update(trainer_invites)
            .where(trainer_invites.c.code_hash == code_hash)
            .values(accepted_by=client_id, accepted_at=at)
        )

    def link(self, trainer_id: int, client_id: int, since: datetime) -> None:
        self.session.execute(
            delete(trainer_clients).where(trainer_clients.c.client_id == client_id)
        )
        self.session.execute(
            insert(trainer_clients).values(trainer_id=trainer_id, client_id=client_id, since=since)
        )

    def trainer_of(self, client_id: int) -> Account | None:
        row = self.session.execute(
            select(*_ACCOUNT)
            .join(trainer_clients, trainer_clients.c.trainer_id == users.c.id)
            .where(trainer_clients.c.client_id == client_id)
        ).first()
        return None if row is None else _account(row)

    def clients(self, trainer_id: int) -> list[ClientLink]:
        rows = self.session.execute(
            select(*_ACCOUNT, trainer_clients.c.since)
            .join(trainer_clients, trainer_clients.c.client_id == users.c.id)
            .where(trainer_clients.c.trainer_id == trainer_id)
            .order_by(users.c.name)
        )
        return [ClientLink(_account(row), as_utc(row.since)) for row in rows]


class SqlIdempotencyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def claim(self, user_id: int, key: str, fingerprint: str, created_at: datetime) -> bool:
        """Take the key for this request; False when an earlier request holds it.

        INSERT ... ON CONFLICT DO NOTHING leaves the transaction usable when the key is taken
        (upsert.py). On PostgreSQL a concurrent twin waits here until the first request
        commits or rolls back, then finds its row (and its result).
        """
        new_key = (
            insert_for(self.session, idempotency_keys)
            .values(user_id=user_id, key=key, fingerprint=fingerprint, created_at=created_at)
            .on_conflict_do_nothing()
            .returning(idempotency_keys.c.id)
        )
        # The new row's id comes back only when the row went in (rowcount is not reliable here).
        return self.session.execute(new_key).first() is not None

    def take_over(
        self, user_id: int, key: str, fingerprint: str, created_at: datetime, stale_before: datetime
    ) -> bool:
        """Claim a key whose request never stored a result and was claimed before then."""
        taken = self.session.execute(
            update(idempotency_keys)
            .where(
                idempotency_keys.c.user_id == user_id,
                idempotency_keys.c.key == key,
                idempotency_keys.c.result.is_(None),
                idempotency_keys.c.created_at < stale_before,
            )
            .values(fingerprint=fingerprint, created_at=created_at)
            .returning(idempotency_keys.c.id)
        ).first()
        return taken is not None

    def stored(self, user_id: int, key: str) -> tuple[str, dict[str, object] | None] | None:
        row = self.session.execute(_STORED, {"owner": user_id, "the_key": key}).first()
        return None if row is None else (row.fingerprint, row.result)

    def complete(self, user_id: int, key: str, result: dict[str, object]) -> None:
        self.session.execute(_COMPLETE, {"owner": user_id, "the_key": key, "answer": result})


# Every logged set with a key runs these: built once (see _SIGNED_IN).
_THIS_KEY = (idempotency_keys.c.user_id == bindparam("owner")) & (
    idempotency_keys.c.key == bindparam("the_key")
)
_STORED = select(idempotency_keys.c.fingerprint, idempotency_keys.c.result).where(_THIS_KEY)
_COMPLETE = (
    update(idempotency_keys)
    .where(_THIS_KEY)
    .values(result=bindparam("answer", type_=idempotency_keys.c.result.type))
)
