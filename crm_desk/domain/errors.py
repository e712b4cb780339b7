"""Errors a user can act on, apart from bugs.

Each known error has a stable ``code`` and ``params``; the UI turns them into a translated message.
``str(error)`` is the English text, for logs and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class KnownError(Exception):
    """Something the user can fix or wait out: shown as a message, never as a crash."""

    code = "known"
    template = "{detail}"

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.params: dict[str, Any] = {"detail": detail, **params}
        super().__init__(self.template.format(**self.params))


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one field: a stable code for the UI to translate, English for logs."""

    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


class ValidationError(KnownError):
    """Input refused at the boundary; ``problems`` maps each field name to what is wrong with it."""

    code = "validation"
    template = "{detail}"

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        self.fields = {name: problem.message for name, problem in self.problems.items()}
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.fields.items()))


class PermissionDenied(KnownError):
    code = "permission_denied"
    template = "Your role ({role}) may not {operation}."

    def __init__(self, operation: str, role: str) -> None:
        super().__init__(operation=operation, role=role)


class NotFound(KnownError):
    code = "not_found"
    template = "{entity} {key} does not exist."

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(entity=entity, key=key)


class Conflict(KnownError):
    code = "conflict"
    template = "{detail}"


class AuthenticationFailed(KnownError):
    code = "authentication_failed"
    template = "Wrong user name or password."


class AccountLocked(KnownError):
    code = "account_locked"
    template = "Too many failed sign-ins: the account is locked until {until}."

    def __init__(self, until: object) -> None:
        super().__init__(until=until)


class AccountDisabled(KnownError):
    code = "account_disabled"
    template = "This account has been disabled. Ask an administrator."


class DatabaseBusy(KnownError):
    code = "database_busy"
    template = "The database is busy (locked by another program). Try again in a moment."


class DiskFull(KnownError):
    code = "disk_full"
    template = "The disk is full or cannot be written: {detail}"


class ServerUnreachable(KnownError):
    code = "server_unreachable"
    template = "The database server cannot be reached: {detail}"


class DatabaseAuthFailed(KnownError):
    code = "database_auth_failed"
    template = "The database server refused the user name or password: {detail}"


class ConfigurationError(KnownError):
    code = "configuration"
    template = "{detail}"


class DuplicateClient(KnownError):
    """The identity number is already on file; ``client_id`` opens it when the user may see it."""

    code = "duplicate_client"
    template = "A client with this identity document already exists (client {client_id})."

    def __init__(self, client_id: int, visible: bool) -> None:
        super().__init__(client_id=client_id, visible=visible)
        self.client_id = client_id
        self.visible = visible


class SimilarClients(KnownError):
    """Same name and birth date as existing clients: confirm before creating another."""

    code = "similar_clients"
    template = "{count} client(s) with the same name and birth date already exist."

    def __init__(self, matches: list[Any]) -> None:
        super().__init__(count=len(matches))
        self.matches = matches


class ConcurrentEdit(KnownError):
    """Someone saved the record after it was opened; nothing was overwritten."""

    code = "concurrent_edit"
    template = "{who} changed this record at {when} while it was open: {fields}."

    def __init__(self, who: str, when: object, fields: list[str], current_version: int) -> None:
        super().__init__(who=who, when=when, fields=", ".join(fields) or "-")
        self.changed_fields = fields
        self.current_version = current_version
