"""Reading a PDF back without reportlab or any PDF library: the document number and content
fingerprint a document carries in its metadata, and its streams, to tell an archived document
from a re-saved or altered one. Pure: bytes in, facts out."""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from crm_desk.domain.documents import MARKER

_INFO_STRING = re.compile(rb"/(?:Subject|Keywords)\s*(\(|<(?!<))")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_MARK = re.compile(re.escape(MARKER) + r"[ ,:]+([A-Za-z0-9][A-Za-z0-9-]{0,40})[ ,:]+([0-9a-f]{64})")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
MAX_STREAMS = 5000  # a guard against a hostile file, far above any document of ours


@dataclass(frozen=True, slots=True)
class Mark:
    number: str
    fingerprint: str  # the content SHA-256 the document says it has


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def looks_like_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def find_mark(data: bytes) -> Mark | None:
    """The number and fingerprint in the document's metadata, also after another program
    re-saved it (escaped strings, hex strings, compressed object streams)."""
    for chunk in (data, *_inflated(data)):
        for text in _info_strings(chunk):
            match = _MARK.search(text)
            if match:
                return Mark(match.group(1), match.group(2))
    return None


def stream_digests(data: bytes) -> frozenset[str]:
    """SHA-256 of each stream's decoded content (pages, fonts, images): the same set means the
    same pages, whatever happened to the file around them."""
    return frozenset(sha256(s) for s in _inflated(data))


def _inflated(data: bytes) -> Iterator[bytes]:
    count = 0
    for match in _STREAM.finditer(data):
        count += 1
        if count > MAX_STREAMS:
            return
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            return
        yield _decoded(data[start:end])


def _decoded(raw: bytes) -> bytes:
    """Flate, or ASCII85 then Flate, or the bytes as they are."""
    try:
        return zlib.decompressobj().decompress(raw)
    except zlib.error:
        pass
    text = raw.strip()
    if text.endswith(b"~>"):
        try:
            return zlib.decompressobj().decompress(
                base64.a85decode(text, adobe=text.startswith(b"<~"))
            )
        except (ValueError, zlib.error):
            pass
    return raw.rstrip(b"\r\n")


def _info_strings(data: bytes) -> Iterator[str]:
    for match in _INFO_STRING.finditer(data):
        start = match.end()
        if match.group(1) == b"(":
            raw = _literal(data, start)
        else:
            end = data.find(b">", start)
            hexed = re.sub(rb"\s", b"", data[start : end if end >= 0 else start])
            try:
                raw = bytes.fromhex(hexed.decode("ascii") + ("0" if len(hexed) % 2 else ""))
            except ValueError:
                continue
        yield _text(raw)


def _literal(data: bytes, start: int) -> bytes:
    """A PDF literal string from just after its "(": balanced parentheses and escapes."""
    out = bytearray()
    depth, i = 1, start
    limit = min(len(data), start + 4096)
    while i < limit:
        c = data[i : i + 1]
        if c == b"\\":
            nxt = data[i + 1 : i + 2]
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt]
                i += 2
            elif nxt.isdigit():
                digits = re.match(rb"[0-7]{1,3}", data[i + 1 : i + 4])
                if digits:
                    out.append(int(digits.group(0), 8) & 0xFF)
                    i += 1 + len(digits.group(0))
                else:
                    i += 2
            elif nxt in (b"\r", b"\n"):
                i += 2
            else:
                out += nxt
                i += 2
            continue
        if c == b"(":
            depth += 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                break
        out += c
        i += 1
    return bytes(out)


def _text(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")
