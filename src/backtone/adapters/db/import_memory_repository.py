"""What a person told an import once, kept per person: name and column mappings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from backtone.adapters.db.tables import import_column_mappings, import_name_mappings


class SqlImportMemoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def name_mappings(self, user_id: int) -> dict[str, str]:
        rows = self.session.execute(
            select(import_name_mappings.c.name_key, import_name_mappings.c.exercise_id).where(
                import_name_mappings.c.user_id == user_id
            )
        )
        return {row.name_key: row.exercise_id for row in rows}

    def remember_names(
        self, user_id: int, mappings: Mapping[str, tuple[str, str]], at: datetime
    ) -> None:
        keys = list(mappings)
        for start in range(0, len(keys), 500):  # stay under bound-parameter limits
            self.session.execute(
                delete(import_name_mappings).where(
                    import_name_mappings.c.user_id == user_id,
                    import_name_mappings.c.name_key.in_(keys[start : start + 500]),
                )
            )
        rows = [
            {"user_id": user_id, "name_key": key, "name": name[:200], "exercise_id": exercise_id,
             "updated_at": at}
            for key, (name, exercise_id) in mappings.items()
        ]  # fmt: skip
        if rows:
            self.session.execute(insert(import_name_mappings), rows)

    def remembered_names(self, user_id: int) -> list[tuple[str, str, str]]:
        t = import_name_mappings.c
        rows = self.session.execute(
            select(t.name_key, t.name, t.exercise_id)
            .where(t.user_id == user_id)
            .order_by(t.name_key)
        )
        return [(row.name_key, row.name, row.exercise_id) for row in rows]

    def column_mapping(self, user_id: int, header_key: str) -> dict[str, Any] | None:
        data = self.session.execute(
            select(import_column_mappings.c.data).where(
                import_column_mappings.c.user_id == user_id,
                import_column_mappings.c.header_key == header_key,
            )
        ).scalar()
        return dict(data) if data is not None else None

    def remember_columns(
        self, user_id: int, header_key: str, data: Mapping[str, Any], at: datetime
    ) -> None:
        self.session.execute(
            delete(import_column_mappings).where(
                import_column_mappings.c.user_id == user_id,
                import_column_mappings.c.header_key == header_key,
            )
        )
        self.session.execute(
            insert(import_column_mappings).values(
                user_id=user_id, header_key=header_key, data=dict(data), updated_at=at
            )
        )

    def column_mappings(self, user_id: int) -> dict[str, dict[str, Any]]:
        t = import_column_mappings.c
        rows = self.session.execute(
            select(t.header_key, t.data).where(t.user_id == user_id).order_by(t.header_key)
        )
        return {row.header_key: dict(row.data) for row in rows}
