"""Known errors become clear, translated messages; anything else is a bug: logged, crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crm_desk.domain.errors import KnownError, Problem, ValidationError
from crm_desk.ui.formatting import local_time

log = logging.getLogger("crm_desk")


def problem_text(problem: Problem) -> str:
    """The message shown under a field."""
    p = problem.params
    texts: dict[str, Callable[[], str]] = {
        "username.format": lambda: QCoreApplication.translate(
            "Errors",
            "Use 3 to 64 letters a-z, digits, '.', '_' or '-', starting with a letter or digit.",
        ),
        "username.taken": lambda: QCoreApplication.translate(
            "Errors", "The user name '{name}' is taken; choose another."
        ).format(**p),
        "name.required": lambda: QCoreApplication.translate("Errors", "This cannot be empty."),
        "name.too_long": lambda: QCoreApplication.translate(
            "Errors", "Use {max} characters at most."
        ).format(**p),
        "branch_code.format": lambda: QCoreApplication.translate(
            "Errors", "Use 1 to 32 letters, digits or '-', for example SH-001."
        ),
        "branch_code.taken": lambda: QCoreApplication.translate(
            "Errors", "The branch code {code} is taken; choose another."
        ).format(**p),
        "branch.unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose an existing branch."
        ),
        "role.unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose one of the four roles."
        ),
        "password.too_short": lambda: QCoreApplication.translate(
            "Errors", "Use at least {min} characters ({given} given)."
        ).format(**p),
        "password.spaces": lambda: QCoreApplication.translate(
            "Errors", "Do not start or end the password with a space."
        ),
        "password.contains_username": lambda: QCoreApplication.translate(
            "Errors", "Do not put the user name in the password."
        ),
        "password.too_simple": lambda: QCoreApplication.translate(
            "Errors", "Use more than three different characters."
        ),
        "password.unchanged": lambda: QCoreApplication.translate(
            "Errors", "Choose a password different from the current one."
        ),
        "password.mismatch": lambda: QCoreApplication.translate(
            "Errors", "The two passwords differ; type the same one twice."
        ),
        "client_name.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the client's name as on the document."
        ),
        "text.too_long": lambda: QCoreApplication.translate(
            "Errors", "Use {max} characters at most."
        ).format(**p),
        "address.too_long": lambda: QCoreApplication.translate(
            "Errors", "Use {max} characters at most."
        ).format(**p),
        "id_type.unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose the kind of identity document."
        ),
        "id.required": lambda: QCoreApplication.translate("Errors", "Enter the document number."),
        "id.prc_length": lambda: QCoreApplication.translate(
            "Errors", "A resident ID has 18 characters: 17 digits and a final digit or X."
        ),
        "id.prc_birth_date": lambda: QCoreApplication.translate(
            "Errors",
            "The birth date inside the number (characters 7 to 14) is not a real date; "
            "check the number.",
        ),
        "id.prc_checksum": lambda: QCoreApplication.translate(
            "Errors",
            "The last character does not match the others (GB 11643 check digit); one character "
            "was probably mistyped.",
        ),
        "id.prc_format": lambda: QCoreApplication.translate(
            "Errors", "Use 17 digits followed by a digit or X."
        ),
        "id.prc_region": lambda: QCoreApplication.translate(
            "Errors", "The first six digits are not a region code of the PRC; check the number."
        ),
        "id.hk_macao_format": lambda: QCoreApplication.translate(
            "Errors", "A Home Return Permit number is H or M followed by 8 (or 10) digits."
        ),
        "id.taiwan_format": lambda: QCoreApplication.translate(
            "Errors", "A Taiwan compatriot permit number has 8 or 10 digits."
        ),
        "id.passport_format": lambda: QCoreApplication.translate(
            "Errors", "A passport number has 5 to 20 letters and digits."
        ),
        "phone.required": lambda: QCoreApplication.translate(
            "Errors", "Enter a mobile phone number."
        ),
        "phone.format": lambda: QCoreApplication.translate(
            "Errors",
            "Use 11 digits for a mainland mobile (13812345678), or + and the country code for "
            "others (+85291234567).",
        ),
        "phone.mainland": lambda: QCoreApplication.translate(
            "Errors",
            "A mainland mobile number has 11 digits starting with 1 (for example 13812345678).",
        ),
        "phone.invalid": lambda: QCoreApplication.translate(
            "Errors",
            "This is not a valid number for its country; check the country code and the digits.",
        ),
        "email.format": lambda: QCoreApplication.translate(
            "Errors", "An e-mail address looks like name@example.com."
        ),
        "birth_date.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the birth date."
        ),
        "birth_date.mismatch": lambda: QCoreApplication.translate(
            "Errors",
            "The birth date differs from the one in the ID number ({expected}); correct one of "
            "them.",
        ).format(**p),
        "birth_date.range": lambda: QCoreApplication.translate(
            "Errors", "The birth date must be in the past and within 120 years."
        ),
        "birth_date.minor": lambda: QCoreApplication.translate(
            "Errors", "Clients must be 18 or older to invest on their own account."
        ),
        "gender.mismatch": lambda: QCoreApplication.translate(
            "Errors",
            "The sex differs from the one the ID number encodes (17th digit); correct one of them.",
        ),
        "gender.unknown": lambda: QCoreApplication.translate("Errors", "Choose male or female."),
        "choice.required": lambda: QCoreApplication.translate(
            "Errors", "Choose one of the options."
        ),
        "choice.unknown": lambda: QCoreApplication.translate("Errors", "Choose from the list."),
        "money.format": lambda: QCoreApplication.translate(
            "Errors", "Enter an amount in yuan, e.g. 1500000 or 1,500,000.00."
        ),
        "money.cents": lambda: QCoreApplication.translate(
            "Errors", "Use at most two decimal places (yuan and fen)."
        ),
        "years.range": lambda: QCoreApplication.translate(
            "Errors", "Enter whole years between 0 and 80."
        ),
        "experience.contradiction": lambda: QCoreApplication.translate(
            "Errors",
            "Product experience is ticked but the years of experience are 0; correct one.",
        ),
        "objectives.required": lambda: QCoreApplication.translate(
            "Errors", "Tick at least one objective."
        ),
        "adviser.required": lambda: QCoreApplication.translate("Errors", "Choose the adviser."),
        "adviser.unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose an active adviser."
        ),
        "adviser.own": lambda: QCoreApplication.translate(
            "Errors", "Advisers create clients for themselves."
        ),
        "adviser.branch": lambda: QCoreApplication.translate(
            "Errors", "Choose an adviser of your branch."
        ),
        "reason.required": lambda: QCoreApplication.translate(
            "Errors", "Say why, in a few words the next adviser will understand."
        ),
        "evidence.required": lambda: QCoreApplication.translate(
            "Errors", "Describe the documents seen (statements, income proof, trading records)."
        ),
        "comment.required": lambda: QCoreApplication.translate(
            "Errors", "Give the reason for the decision."
        ),
        "field.unknown": lambda: QCoreApplication.translate("Errors", "No such personal field."),
        "complaint.description_required": lambda: QCoreApplication.translate(
            "Errors", "Write down what the complainant says happened and what they ask for."
        ),
        "complaint.complainant_required": lambda: QCoreApplication.translate(
            "Errors",
            "Choose the client, or enter the name of a complainant who is not a client.",
        ),
        "complaint.contact_required": lambda: QCoreApplication.translate(
            "Errors", "Enter how to reach the complainant (phone, address or e-mail)."
        ),
        "complaint.representatives_required": lambda: QCoreApplication.translate(
            "Errors", "A group complaint names its representatives and how to reach them."
        ),
        "complaint.group_size": lambda: QCoreApplication.translate(
            "Errors", "A group complaint has at least 2 complainants."
        ),
        "complaint.sale_unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose one of the client's sales."
        ),
        "complaint.reasoning_required": lambda: QCoreApplication.translate(
            "Errors",
            "Explain the decision: the facts found and the rule or contract term applied.",
        ),
        "complaint.root_cause_required": lambda: QCoreApplication.translate(
            "Errors", "Describe what caused it, as the investigation found."
        ),
        "complaint.corrective_action_required": lambda: QCoreApplication.translate(
            "Errors", "Say what changes so it does not happen again (or why nothing needs to)."
        ),
        "complaint.told_at_required": lambda: QCoreApplication.translate(
            "Errors", "Enter when the client was told."
        ),
        "complaint.told_at_future": lambda: QCoreApplication.translate(
            "Errors", "Record the answer once the client has been told."
        ),
        "complaint.told_at_before_decision": lambda: QCoreApplication.translate(
            "Errors", "The client can only be told after the decision was recorded."
        ),
        "complaint.response_required": lambda: QCoreApplication.translate(
            "Errors", "Write down what the client said to the answer."
        ),
        "complaint.satisfaction": lambda: QCoreApplication.translate(
            "Errors", "Record the client's satisfaction from 1 to 5."
        ),
        "complaint.accepted_required": lambda: QCoreApplication.translate(
            "Errors", "Record whether the client accepted the outcome."
        ),
        "handler.required": lambda: QCoreApplication.translate(
            "Errors", "Choose who handles the complaint."
        ),
        "handler.unknown": lambda: QCoreApplication.translate(
            "Errors", "Choose an active adviser or supervisor of the branch."
        ),
        "handler.subject": lambda: QCoreApplication.translate(
            "Errors", "The adviser the complaint is about cannot handle it; choose someone else."
        ),
        "handler.seller": lambda: QCoreApplication.translate(
            "Errors",
            "The adviser who sold the product concerned cannot handle the complaint; choose "
            "someone else.",
        ),
        "handler.same": lambda: QCoreApplication.translate(
            "Errors", "Choose someone other than the current handler."
        ),
        "period.order": lambda: QCoreApplication.translate(
            "Errors", "The last day cannot be before the first day."
        ),
        "period.too_long": lambda: QCoreApplication.translate(
            "Errors", "Choose a period of ten years at most."
        ),
        # -- follow-up calls and suitability reviews
        "call.outcome_required": lambda: QCoreApplication.translate(
            "Errors", "Say whether the client was reached."
        ),
        "call.unknown_item": lambda: QCoreApplication.translate(
            "Errors", "This question is not on the call's checklist."
        ),
        "call.answer_required": lambda: QCoreApplication.translate(
            "Errors", "Answer yes or no, as the client said."
        ),
        "call.no_needs_note": lambda: QCoreApplication.translate(
            "Errors", "Note what the client said for the questions answered no."
        ),
        "call.next_try_required": lambda: QCoreApplication.translate(
            "Errors", "Choose when to try again."
        ),
        "call.next_try_past": lambda: QCoreApplication.translate(
            "Errors", "The next try must be later than now."
        ),
        "call.next_try_too_late": lambda: QCoreApplication.translate(
            "Errors", "Try again within {max} days."
        ).format(**p),
        "note.required": lambda: QCoreApplication.translate(
            "Errors", "Write in a few words what was done."
        ),
        "review.outcome_required": lambda: QCoreApplication.translate(
            "Errors", "Choose what came of the review."
        ),
        # -- the product catalogue
        "product_code.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the product code, for example WM-CASH-01."
        ),
        "product_code.format": lambda: QCoreApplication.translate(
            "Errors",
            "Use 1 to 32 capital letters A-Z, digits and '-', starting and ending with a letter "
            "or digit, for example WM-CASH-01.",
        ),
        "product_code.taken": lambda: QCoreApplication.translate(
            "Errors",
            "The code {code} is already in the catalogue; choose another, or edit that product.",
        ).format(**p),
        "product_code.fixed": lambda: QCoreApplication.translate(
            "Errors",
            "A product's code cannot change: sales refer to it. Close this product and create a "
            "new one under the new code.",
        ),
        "product_name_zh.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the product's Chinese name."
        ),
        "product_name_en.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the product's English name."
        ),
        "issuer.required": lambda: QCoreApplication.translate(
            "Errors", "Enter the issuer or manager of the product."
        ),
        "product_risk.required": lambda: QCoreApplication.translate(
            "Errors", "Choose the product's risk level, R1 (low) to R5 (high)."
        ),
        "whole.format": lambda: QCoreApplication.translate(
            "Errors", "Enter a whole number between 0 and {max}, e.g. 12."
        ).format(**p),
        "whole.range": lambda: QCoreApplication.translate(
            "Errors", "Enter a whole number between 0 and {max}."
        ).format(**p),
        "min_amount.format": lambda: QCoreApplication.translate(
            "Errors",
            "Enter the minimum amount as a number of zero or more, e.g. 50000 or 1,000,000.00.",
        ),
        "currency.unknown": lambda: QCoreApplication.translate(
            "Errors", "Use a three-letter ISO 4217 currency code: {accepted}."
        ).format(**p),
        "cooling_off.private_fund": lambda: QCoreApplication.translate(
            "Errors", "A private fund must give at least {min} hours of cooling-off."
        ).format(**p),
        "complex.structured": lambda: QCoreApplication.translate(
            "Errors", "A structured product is a complex product: tick 'complex product'."
        ),
        "risk_factors.required": lambda: QCoreApplication.translate(
            "Errors", "List at least one risk factor the disclosure must show, one per line."
        ),
        "risk_factors.too_many": lambda: QCoreApplication.translate(
            "Errors", "List {max} risk factors at most."
        ).format(**p),
        "risk_factors.too_long": lambda: QCoreApplication.translate(
            "Errors", "Keep each risk factor to {max} characters at most."
        ).format(**p),
        "status_reason.required": lambda: QCoreApplication.translate(
            "Errors", "Say why in a few words, for example 'the issuer suspended subscriptions'."
        ),
        "import.duplicate_code_in_file": lambda: QCoreApplication.translate(
            "Errors", "The code {code} is also on row {rows} of this file; keep one of them."
        ).format(**p),
        "import.yes_no": lambda: QCoreApplication.translate(
            "Errors", "'{value}' is neither yes nor no; write 是 or 否 (yes or no)."
        ).format(**p),
        "amount.format": lambda: QCoreApplication.translate(
            "Errors", "Enter the amount as a number above zero, e.g. 100000 or 100,000.00."
        ),
        "warning.required": lambda: QCoreApplication.translate(
            "Errors", "Give the client the special risk warning first, then tick this."
        ),
        "insistence.required": lambda: QCoreApplication.translate(
            "Errors", "The client must confirm in writing that they insist on this product."
        ),
        "insistence_text.required": lambda: QCoreApplication.translate(
            "Errors",
            "Record the client's written insistence (a quotation or the form's reference).",
        ),
        "justification.required": lambda: QCoreApplication.translate(
            "Errors",
            "Explain for the supervisor why this sale is justified (at least {min} characters).",
        ).format(**p),
        "correction.required": lambda: QCoreApplication.translate(
            "Errors", "Say what is wrong in the record and what is right."
        ),
    }
    text = texts.get(problem.code)
    return text() if text else problem.message


def _when(value: object) -> object:
    return local_time(value) if isinstance(value, datetime) else value


def _reason_lines(p: dict[str, Any]) -> str:
    """The rules that refused a sale, each in the window's language."""
    language = QLocale().name()
    return "\n".join(f"• {r.message.in_language(language)}" for r in p.get("reasons", ()))


def _conflict_text(p: dict[str, Any]) -> str:
    reasons: dict[str, Callable[[], str]] = {
        "self_disable": lambda: QCoreApplication.translate(
            "Errors", "You cannot disable your own account."
        ),
        "last_admin": lambda: QCoreApplication.translate(
            "Errors",
            "This is the last active administrator. Make another user an administrator first.",
        ),
        "set_up": lambda: QCoreApplication.translate(
            "Errors", "CRM Desk is already set up on this database; sign in instead."
        ),
        "complaint_stage": lambda: QCoreApplication.translate(
            "Errors",
            "The complaint has moved to another stage since it was shown; refresh and check it.",
        ),
        "complaint_open": lambda: QCoreApplication.translate(
            "Errors", "Only a complaint the client has been answered on can be reopened."
        ),
        "extension_exhausted": lambda: QCoreApplication.translate(
            "Errors", "The deadline cannot be extended further: {max_days} days is the maximum."
        ).format(max_days=p.get("max_days", "?")),
        "extension_late": lambda: QCoreApplication.translate(
            "Errors",
            "The complaint is already overdue: an extension must be made before the deadline "
            "passes. Answer the client as soon as possible.",
        ),
        "extension_own": lambda: QCoreApplication.translate(
            "Errors",
            "You handle this complaint, so another supervisor of the branch approves its "
            "further extension (four eyes).",
        ),
        "stale": lambda: QCoreApplication.translate(
            "Errors", "The record changed while saving. Reload it and make your change again."
        ),
        "four_eyes": lambda: QCoreApplication.translate(
            "Errors",
            "You cannot decide on your own request or on your own client's: another "
            "supervisor must (four eyes).",
        ),
        "thresholds": lambda: QCoreApplication.translate(
            "Errors", "The evidence is below the policy's thresholds for a professional investor."
        ),
        "pending": lambda: QCoreApplication.translate(
            "Errors", "An application is already waiting for a decision."
        ),
        "decided": lambda: QCoreApplication.translate(
            "Errors", "This application was already decided."
        ),
        "already_superseded": lambda: QCoreApplication.translate(
            "Errors",
            "This assessment was already corrected by a later one; correct the latest instead.",
        ),
        "incomplete": lambda: QCoreApplication.translate(
            "Errors", "Some questions are not answered yet."
        ),
        "unresolved_flags": lambda: QCoreApplication.translate(
            "Errors", "Some answers contradict each other: correct one or explain why both stand."
        ),
        "not_confirmed_by_client": lambda: QCoreApplication.translate(
            "Errors", "Tick that the client has read and confirms the result."
        ),
        "has_clients": lambda: QCoreApplication.translate(
            "Errors",
            "This adviser still serves clients. A supervisor reassigns them to other advisers "
            "first; then the role can change.",
        ),
        "already_professional": lambda: QCoreApplication.translate(
            "Errors", "The client is already a professional investor."
        ),
        "product_not_on_sale": lambda: QCoreApplication.translate(
            "Errors", "The product {code} is no longer on sale."
        ).format(code=p.get("code", "")),
        "exception_pending": lambda: QCoreApplication.translate(
            "Errors",
            "An exception request for this client and product is already waiting for a "
            "supervisor; see its outcome under the client's sales.",
        ),
        "exception_not_needed": lambda: QCoreApplication.translate(
            "Errors", "This sale fits the client's profile: record it directly."
        ),
        "exception_decided": lambda: QCoreApplication.translate(
            "Errors",
            "This exception request was already decided (perhaps by another supervisor a "
            "moment ago). Refresh the queue.",
        ),
        "sale_cancelled": lambda: QCoreApplication.translate(
            "Errors", "This sale was already cancelled."
        ),
        "no_cooling_off": lambda: QCoreApplication.translate(
            "Errors", "This product has no cooling-off period: the sale cannot be cancelled here."
        ),
        "cooling_off_over": lambda: QCoreApplication.translate(
            "Errors",
            "The cooling-off period ended at {when}: the sale can no longer be cancelled here.",
        ).format(when=_when(p.get("ended"))),
        "duplicate": lambda: QCoreApplication.translate(
            "Errors",
            "Someone else saved a record with the same code or name a moment ago. "
            "Refresh and try again.",
        ),
        "callback_closed": lambda: QCoreApplication.translate(
            "Errors", "This follow-up call is already closed; refresh the list."
        ),
        "callback_own_sale": lambda: QCoreApplication.translate(
            "Errors",
            "You made this sale, so you may not make its follow-up call: a colleague of the "
            "branch makes it.",
        ),
        "callback_not_caller": lambda: QCoreApplication.translate(
            "Errors", "Only an adviser or supervisor of the client's branch makes this call."
        ),
        "callback_cooling_off": lambda: QCoreApplication.translate(
            "Errors",
            "The cooling-off period runs until {until}: the client may not be contacted "
            "before then. The call can be made from that time.",
        ).format(until=_when(p.get("until"))),
        "case_resolved": lambda: QCoreApplication.translate(
            "Errors", "This case is already resolved; refresh the list."
        ),
        "case_own_sale": lambda: QCoreApplication.translate(
            "Errors",
            "You made this sale, so another supervisor of the branch resolves its case.",
        ),
        "review_closed": lambda: QCoreApplication.translate(
            "Errors", "This review is already closed; refresh the list."
        ),
    }
    text = reasons.get(str(p.get("reason")))
    return (
        text()
        if text
        else QCoreApplication.translate("Errors", "This cannot be done: {detail}").format(**p)
    )


# Translated when shown (not at import), so a language switch applies at once.
_ERROR_TEXTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "validation": lambda p: QCoreApplication.translate(
        "Errors", "Some fields need correcting; see the messages beside them."
    ),
    "permission_denied": lambda p: QCoreApplication.translate(
        "Errors", "Your role does not allow this action."
    ),
    "not_found": lambda p: QCoreApplication.translate(
        "Errors", "The record no longer exists; refresh the list."
    ),
    "authentication_failed": lambda p: QCoreApplication.translate(
        "Errors", "Wrong user name or password."
    ),
    "account_locked": lambda p: QCoreApplication.translate(
        "Errors",
        "Too many failed sign-ins: the account is locked until {until}. "
        "Wait, or ask an administrator to reset the password.",
    ).format(until=_when(p.get("until"))),
    "account_disabled": lambda p: QCoreApplication.translate(
        "Errors", "This account has been disabled. Ask an administrator."
    ),
    "database_busy": lambda p: QCoreApplication.translate(
        "Errors",
        "The database is busy (another program is writing to it). Try again in a moment.",
    ),
    "disk_full": lambda p: QCoreApplication.translate(
        "Errors", "The database cannot be written: the disk may be full or read-only.\n{detail}"
    ).format(**p),
    "server_unreachable": lambda p: QCoreApplication.translate(
        "Errors",
        "The database server cannot be reached. Check the network and the server address, "
        "then try again.\n{detail}",
    ).format(**p),
    "database_auth_failed": lambda p: QCoreApplication.translate(
        "Errors", "The database server refused the configured user name or password.\n{detail}"
    ).format(**p),
    "configuration": lambda p: QCoreApplication.translate(
        "Errors", "The configuration needs attention:\n{detail}"
    ).format(**p),
    "conflict": lambda p: _conflict_text(p),
    "export_cancelled": lambda p: QCoreApplication.translate(
        "Errors", "The export was cancelled; no file was written."
    ),
    "import_cancelled": lambda p: QCoreApplication.translate(
        "Errors", "The import was cancelled; nothing was saved."
    ),
    "import_refused": lambda p: QCoreApplication.translate(
        "Errors", "This file cannot be imported as it is; see the rows in the preview."
    ),
    "restore_refused": lambda p: QCoreApplication.translate(
        "Errors", "The backup {path} was not restored: {detail}"
    ).format(**p),
    "key_mismatch": lambda p: QCoreApplication.translate(
        "Errors",
        "This workstation's data key does not match the one this database's personal data was "
        "encrypted with. An administrator exports the key on a workstation that works "
        "(Account ▸ Export the data key) and imports it here (Import the data key).",
    ),
    "key_missing": lambda p: QCoreApplication.translate(
        "Errors",
        "This database holds encrypted personal data, and this workstation has no data key yet. "
        "Import the key exported from a workstation that works with this database.",
    ),
    "duplicate_client": lambda p: QCoreApplication.translate(
        "Errors", "A client with this identity document already exists."
    ),
    "similar_clients": lambda p: QCoreApplication.translate(
        "Errors", "{count} client(s) with the same name and birth date already exist."
    ).format(**p),
    "sale_refused": lambda p: QCoreApplication.translate(
        "Errors", "The sale is refused; only the attempt was recorded:\n{reasons}"
    ).format(reasons=_reason_lines(p)),
    "exception_required": lambda p: QCoreApplication.translate(
        "Errors",
        "This sale needs a supervisor's approval. Give the special risk warning and submit "
        "an exception request:\n{reasons}",
    ).format(reasons=_reason_lines(p)),
    "concurrent_edit": lambda p: QCoreApplication.translate(
        "Errors",
        "{who} changed this record while you had it open ({fields}); nothing was "
        "overwritten. Reload it and make your change again.",
    ).format(**p),
}
ERROR_CODES = tuple(_ERROR_TEXTS)


def error_text(error: KnownError) -> str:
    text = _ERROR_TEXTS.get(error.code)
    return text(error.params) if text else str(error)


def show_error(parent: QWidget | None, error: KnownError) -> None:
    if isinstance(error, ValidationError) and len(error.problems) == 1:
        text = problem_text(next(iter(error.problems.values())))
    else:
        text = error_text(error)
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "CRM Desk"), text)


def install_excepthook(log_file: str) -> None:
    """Unhandled errors in slots land here: a known error is a message, anything else a bug."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KnownError):
            log.warning("%s", value)
            show_error(QApplication.activeWindow(), value)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("Unexpected error\n%s", details)
        sys.__excepthook__(kind, value, tb)
        if QApplication.instance() is None:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "CRM Desk: unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "Errors",
                "Something went wrong inside CRM Desk. "
                "Nothing was saved from the action that failed.\n"
                "Please send the log file to your administrator:\n{file}",
            ).format(file=log_file)
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook
