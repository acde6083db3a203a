"""Rows as JSON lines: BLOBs base64 under a marker key, everything else as SQLite gives it."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from typing import Any

_BLOB = "$b64"
_BINARY = (bytes, bytearray, memoryview)


def encode_value(value: Any) -> Any:
    if isinstance(value, _BINARY):
        return {_BLOB: base64.b64encode(bytes(value)).decode()}
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {_BLOB} or not isinstance(value[_BLOB], str):
            raise ValueError("unexpected object in a row")
        return base64.b64decode(value[_BLOB], validate=True)
    if isinstance(value, list):
        raise ValueError("unexpected list in a row")
    return value


def dump_line(row: dict[str, Any]) -> str:
    """One row as its JSON line, without the newline."""
    return _ENCODER.encode({k: encode_value(v) for k, v in row.items()})


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dump_row(row: dict[str, Any]) -> bytes:
    """One row as its JSON line, newline included."""
    return (dump_line(row) + "\n").encode()


def dump_rows(rows: Iterable[dict[str, Any]]) -> bytes:
    lines = [json.dumps({k: encode_value(v) for k, v in row.items()}, ensure_ascii=False,
                        sort_keys=True, separators=(",", ":")) for row in rows]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def load_rows(data: bytes) -> Iterator[dict[str, Any]]:
    for line in data.decode("utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("a row is not a JSON object")
        yield {str(k): decode_value(v) for k, v in obj.items()}
