"""Byte-identical search indexes: Pagefind 1.5.2 writes each filter's values in hash-map order, which changes
from run to run. This rewrites the filter files with their values sorted, and renames them and the index
metadata that names them, so the same site always gives the same pagefind/ folder.

Pagefind's files are gzip-compressed `pagefind_dcd` followed by CBOR; a filter file holds one filter,
[filter, [[value, [page, …]], …]], and only arrays, text and unsigned integers occur in it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


def sort_filters(folder: Path) -> None:
    """Sort the filter values in `folder` (a Pagefind output folder), keeping every reference intact."""
    renamed: dict[str, str] = {}
    for path in sorted((folder / "filter").glob("*.pf_filter")):
        name, values = _decode(_read(path))
        data = SIGNATURE + _encode([name, sorted(values)])
        language, old = path.stem.rsplit("_", 1)
        new = hashlib.sha256(data).hexdigest()[: len(old)]
        path.unlink()
        (folder / "filter" / f"{language}_{new}.pf_filter").write_bytes(gzip.compress(data, mtime=0))
        renamed[f"{language}_{old}"] = f"{language}_{new}"
    if not renamed:
        return
    entry_path = folder / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        meta = gzip.decompress(meta_path.read_bytes())
        for old_name, new_name in renamed.items():  # same length: the CBOR text headers stay valid
            meta = meta.replace(old_name.encode(), new_name.encode())
        prefix, old = language["hash"].rsplit("_", 1)
        language["hash"] = f"{prefix}_{hashlib.sha256(meta).hexdigest()[: len(old)]}"
        meta_path.unlink()
        (folder / f"pagefind.{language['hash']}.pf_meta").write_bytes(gzip.compress(meta, mtime=0))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: geen Pagefind-bestand")
    return data[len(SIGNATURE) :]


def _decode(data: bytes) -> Any:
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError("onverwachte gegevens na het Pagefind-filter")
    return value


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        number = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        number = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR-kop {info} wordt niet ondersteund")
    if major == 0:
        return number, at
    if major == 3:
        return data[at : at + number].decode("utf-8"), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR-type {major} wordt niet ondersteund")


def _encode(value: Any) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | info]) + number.to_bytes(size, "big")
    raise ValueError("getal te groot voor CBOR")
