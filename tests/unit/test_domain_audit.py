"""The audit trail's hash chain and the masking of personal data (crm_desk/domain/audit.py)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desk.domain.audit import (
    GENESIS_HASH,
    ChainedEvent,
    canonical_json,
    expected_hash,
    mask_field,
    mask_text,
    masked_changes,
    verify_chain,
)

START = datetime(2026, 11, 27, 1, 2, 3, 456789, tzinfo=UTC)
ACTIONS = ["auth.signed_in", "user.created", "branch.renamed", "user.disabled"]


def link(seq: int, prev_hash: str, **fields: object) -> ChainedEvent:
    """One event correctly hashed onto ``prev_hash``."""
    values: dict[str, object] = {
        "seq": seq,
        "occurred_at": START + timedelta(seconds=seq),
        "actor_id": seq % 3 or None,
        "actor_name": f"王{seq}",
        "action": ACTIONS[seq % len(ACTIONS)],
        "entity_type": "user",
        "entity_id": str(seq * 7),
        "changes_json": canonical_json(masked_changes({"name": (f"old {seq}", f"new {seq}")})),
        "prev_hash": prev_hash,
        "hash": "",
    }
    values.update(fields)
    event = ChainedEvent(**values)  # type: ignore[arg-type]
    return dataclasses.replace(event, hash=expected_hash(event))


def make_chain(length: int) -> list[ChainedEvent]:
    events: list[ChainedEvent] = []
    prev = GENESIS_HASH
    for seq in range(1, length + 1):
        event = link(seq, prev)
        events.append(event)
        prev = event.hash
    return events


def altered(event: ChainedEvent, field: str) -> ChainedEvent:
    """The same event with one field changed to a different value (the stored hash kept)."""
    value = getattr(event, field)
    if field == "occurred_at":
        new: object = value + timedelta(microseconds=1)
    elif field == "actor_id":
        new = 999 if value is None else None
    elif field == "seq":
        new = value + 100
    elif field in ("prev_hash", "hash"):
        new = ("f" if value[0] != "f" else "e") + value[1:]
    else:
        new = value + "x"
    return dataclasses.replace(event, **{field: new})


TAMPERABLE = [field.name for field in dataclasses.fields(ChainedEvent)]


# --- the chain --------------------------------------------------------------------------------


def test_an_untouched_chain_is_intact() -> None:
    report = verify_chain(make_chain(30))
    assert report.intact
    assert report.first_broken_seq is None and report.reason is None
    assert report.events_checked == 30


def test_an_empty_trail_is_intact() -> None:
    report = verify_chain([])
    assert report.intact and report.events_checked == 0


def test_the_first_event_links_to_the_genesis_hash() -> None:
    chain = make_chain(3)
    assert chain[0].prev_hash == GENESIS_HASH
    forged_start = link(1, "1" * 64)
    report = verify_chain([forged_start, *chain[1:]])
    assert report.first_broken_seq == 1


@pytest.mark.parametrize("field", TAMPERABLE)
@pytest.mark.parametrize("position", [0, 4, 9])
def test_altering_any_field_of_any_event_is_found_at_that_event(field: str, position: int) -> None:
    chain = make_chain(10)
    chain[position] = altered(chain[position], field)
    report = verify_chain(chain)
    assert not report.intact
    assert report.first_broken_seq == chain[position].seq
    assert report.events_checked == position + 1  # stops at the first broken event


def test_the_reason_says_what_kind_of_break_it_is() -> None:
    chain = make_chain(5)
    content = verify_chain([*chain[:2], altered(chain[2], "actor_name"), *chain[3:]])
    assert content.reason is not None and "altered" in content.reason
    relinked = verify_chain([*chain[:2], altered(chain[2], "prev_hash"), *chain[3:]])
    assert relinked.reason is not None and "link" in relinked.reason
    gap = verify_chain([*chain[:2], *chain[3:]])
    assert gap.reason is not None and "missing" in gap.reason and "3" in gap.reason
    assert (content.kind, relinked.kind, gap.kind) == ("content", "link", "gap")


def test_rehashing_an_altered_event_moves_the_break_to_the_next_event() -> None:
    chain = make_chain(8)
    forged = altered(chain[3], "changes_json")
    chain[3] = dataclasses.replace(forged, hash=expected_hash(forged))
    report = verify_chain(chain)
    assert report.first_broken_seq == 5
    assert report.reason is not None and "link" in report.reason


@pytest.mark.parametrize("removed", [0, 1, 5, 8])
def test_a_removed_event_is_found_at_the_event_after_it(removed: int) -> None:
    chain = make_chain(10)
    del chain[removed]
    report = verify_chain(chain)
    assert report.first_broken_seq == removed + 2


def test_swapping_two_events_is_found() -> None:
    chain = make_chain(6)
    chain[2], chain[3] = chain[3], chain[2]
    assert verify_chain(chain).first_broken_seq == 4


def test_an_event_inserted_between_two_others_is_found() -> None:
    chain = make_chain(6)
    intruder = link(4, chain[2].hash, actor_name="intruder")
    report = verify_chain([*chain[:3], intruder, *chain[3:]])
    assert report.first_broken_seq == 4  # the original seq 4 follows seq 4


@given(
    length=st.integers(min_value=1, max_value=25),
    data=st.data(),
)
def test_property_first_broken_seq_is_the_tampered_event(length: int, data: st.DataObject) -> None:
    chain = make_chain(length)
    assert verify_chain(chain).intact
    position = data.draw(st.integers(min_value=0, max_value=length - 1), label="position")
    field = data.draw(st.sampled_from(TAMPERABLE), label="field")
    chain[position] = altered(chain[position], field)
    report = verify_chain(chain)
    # Named by the seq it carries now (the auditor finds that row; only a forged seq differs).
    assert report.first_broken_seq == chain[position].seq
    assert report.events_checked == position + 1


@given(
    length=st.integers(min_value=2, max_value=25),
    data=st.data(),
)
def test_property_a_removed_event_is_never_missed(length: int, data: st.DataObject) -> None:
    chain = make_chain(length)
    position = data.draw(st.integers(min_value=0, max_value=length - 2), label="position")
    del chain[position]
    assert verify_chain(chain).first_broken_seq == position + 2


@given(st.text(max_size=40), st.text(max_size=40))
def test_property_any_change_of_recorded_values_changes_the_hash(before: str, after: str) -> None:
    def recorded(name: str) -> ChainedEvent:
        return link(1, GENESIS_HASH, changes_json=canonical_json({"name": [name, ""]}))

    first, second = recorded(before), recorded(after)
    assert (first.hash == second.hash) == (before == after)


# --- masking ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("110101199003071234", "110***********1234"),
        ("11010119900307123X", "110***********123X"),
        ("13812345678", "138****5678"),
        ("+8613812345678", "+86*******5678"),
        ("上海市浦东新区世纪大道100号", "上海市********100号"),
        ("12345678", "123*5678"),
        ("1234567", "*****67"),
        ("123456", "****56"),
        ("12", "**"),
        ("", ""),
    ],
)
def test_mask_text_keeps_only_the_ends(value: str, masked: str) -> None:
    assert mask_text(value) == masked


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("zhang.san@example.com", "z***@example.com"),
        ("a@bank.cn", "a***@bank.cn"),
        ("@bank.cn", "***@bank.cn"),
    ],
)
def test_mask_text_hides_an_email_local_part(email: str, masked: str) -> None:
    assert mask_text(email) == masked


@given(st.text(min_size=8).filter(lambda s: "@" not in s))
def test_property_long_values_show_three_leading_and_four_trailing_characters(value: str) -> None:
    masked = mask_text(value)
    assert len(masked) == len(value)
    assert masked[:3] == value[:3] and masked[-4:] == value[-4:]
    assert set(masked[3:-4]) <= {"*"}


@given(st.text(max_size=7).filter(lambda s: "@" not in s))
def test_property_short_values_reveal_at_most_a_third(value: str) -> None:
    masked = mask_text(value)
    assert len(masked) == len(value)
    hidden = len(value) - len(value) // 3
    assert masked[:hidden] == "*" * hidden


@pytest.mark.parametrize("field", ["password", "password_hash"])
def test_secret_fields_are_redacted_whatever_their_value(field: str) -> None:
    assert mask_field(field, "$argon2id$v=19$m=65536,t=3,p=4$abc") == "<redacted>"
    assert mask_field(field, "") == "<redacted>"
    assert mask_field(field, None) is None


@pytest.mark.parametrize("field", ["id_number", "phone", "mobile", "email", "address"])
def test_personal_fields_are_masked(field: str) -> None:
    assert mask_field(field, "13812345678") == "138****5678"


def test_other_fields_are_kept_as_they_are() -> None:
    assert mask_field("full_name", "王小明") == "王小明"
    assert mask_field("is_active", False) is False
    assert mask_field("branch_id", 7) == 7


def test_masked_changes_never_write_personal_data_or_secrets_in_clear() -> None:
    changes = masked_changes(
        {
            "phone": ("13812345678", "13987654321"),
            "id_number": (None, "110101199003071234"),
            "password": ("old secret value", "new secret value"),
            "full_name": ("张三", "张三丰"),
        }
    )
    assert changes == {
        "full_name": ["张三", "张三丰"],
        "id_number": [None, "110***********1234"],
        "password": ["<redacted>", "<redacted>"],
        "phone": ["138****5678", "139****4321"],
    }
    text = canonical_json(changes)
    for secret in ("13812345678", "13987654321", "110101199003071234", "secret"):
        assert secret not in text
    assert json.loads(text) == changes
