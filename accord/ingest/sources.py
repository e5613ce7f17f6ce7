"""Expand command-line inputs (files, directories, globs, `-`) into bytes to read.

This is the only ingest module that touches the file system or stdin.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from accord.models import InputItem, Rejection

STDIN = "-"


@dataclass(frozen=True)
class SourceOptions:
    """Limits applied while reading inputs."""

    max_bytes: int = 20 * 1024 * 1024


def expand_inputs(specs: list[str], skip: Collection[str] = ()) -> list[str]:
    """Turn paths, directories (recursive) and glob patterns into a sorted list of inputs.

    A spec that matches nothing (a missing file, an empty folder) is kept as is, so that
    reading it reports why. Files found in a folder or by a glob that are in `skip` (resolved
    paths: the store's own files, see `store_files`) are left out; a file named on its own is kept.
    """
    expanded: list[str] = []
    for spec in specs:
        if spec == STDIN:
            expanded.append(STDIN)
        elif os.path.isdir(spec):
            expanded.extend(_unskipped(_files_below(Path(spec)), skip) or [spec])
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            for match in matches:
                expanded.extend(_unskipped(_files_below(Path(match)) if os.path.isdir(match) else [match], skip))
            if not matches:
                expanded.append(spec)
        else:
            expanded.append(spec)
    return list(dict.fromkeys(expanded))


def store_files(db_path: str) -> frozenset[str]:
    """The resolved paths of a SQLite store's files: the database, its WAL, shared-memory
    index and rollback journal. An ingest never reads them as articles when the store sits
    in the folder it reads."""
    if not db_path or db_path == ":memory:":
        return frozenset()
    base = os.path.realpath(db_path)
    return frozenset(base + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _unskipped(paths: list[str], skip: Collection[str]) -> list[str]:
    return [path for path in paths if not skip or os.path.realpath(path) not in skip]


def _files_below(folder: Path) -> list[str]:
    """Every regular file below `folder`, hidden files and folders excluded."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return found


def read_input(spec: str, options: SourceOptions) -> InputItem | Rejection:
    """Read one expanded input, or say why it cannot be read."""
    if spec == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            return Rejection("<stdin>", _too_large(len(data), options.max_bytes, at_least=True))
        return InputItem("<stdin>", data)
    try:
        size = os.stat(spec).st_size
        if os.path.isdir(spec):  # expand_inputs gives a folder only when it holds nothing to read
            return Rejection(spec, "a folder, not a file" if _files_below(Path(spec))
                             else "folder holds no files to read (hidden files are skipped)")
        if not os.path.isfile(spec):
            return Rejection(spec, "not a regular file")
        if size > options.max_bytes:
            return Rejection(spec, _too_large(size, options.max_bytes))
        with open(spec, "rb") as handle:
            return InputItem(spec, handle.read())
    except FileNotFoundError:
        return Rejection(spec, "no such file or directory")
    except PermissionError:
        return Rejection(spec, "permission denied")
    except OSError as error:
        return Rejection(spec, f"cannot read: {error.strerror or error}")


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    # MB as --max-mb counts them (2**20 bytes), to three figures ("0.0687 MB").
    return f"file too large: {more}{size / 2**20:.3g} MB exceeds the {limit / 2**20:.3g} MB limit"
