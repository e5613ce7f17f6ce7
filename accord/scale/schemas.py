"""Arrow schemas of the Parquet tables `accord run --engine dask` writes, and frames in them."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from accord.extract.spec import BOOL, FLOAT, INT, SPECS, STRINGS, TEXT, RecordSpec

_RECORD = [("order", pa.int64()), ("doc_id", pa.string()), ("idx", pa.int64()), ("version", pa.string())]
_STRINGS = pa.list_(pa.string())
_ARROW = {TEXT: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_(), STRINGS: _STRINGS}


def _record_schema(spec: RecordSpec) -> pa.Schema:
    """A record table: its place in the input and the extractor's order, then the spec's keys."""
    return pa.schema(_RECORD + [(key.name, _ARROW[key.kind]) for key in spec.keys])


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("order", pa.int64()), ("doc_id", pa.string()), ("origin", pa.string()), ("format", pa.string()),
        ("url", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("published_from", pa.string()), ("published_note", pa.string()), ("source", pa.string()),
        ("language", pa.string()), ("mixed_language", pa.bool_()), ("word_count", pa.int64()),
        ("raw_text", pa.string()), ("clean_text", pa.string()), ("minhash", pa.binary()),
        ("paragraphs", pa.string()), ("extracted", pa.bool_()), ("extractor_version", pa.string()),
        ("pair", pa.string()), ("duplicate_of", pa.string()), ("duplicate_similarity", pa.float64()),
        ("dateline", pa.string()), ("place", pa.string()), ("captions", pa.string()),
        ("skipped", pa.string())]),
    **{spec.name: _record_schema(spec) for spec in SPECS},
    "rejected": pa.schema([("order", pa.int64()), ("origin", pa.string()), ("reason", pa.string())]),
    "canonical_events": pa.schema([
        ("pair", pa.string()), ("type", pa.string()), ("cameo", pa.string()), ("source", pa.string()),
        ("target", pa.string()), ("date", pa.string()), ("precision", pa.string()), ("location", pa.string()),
        ("goldstein", pa.float64()), ("quad_class", pa.int64()), ("mentions", pa.int64()),
        ("documents", _STRINGS), ("outlets", _STRINGS), ("earliest_report", pa.string()),
        ("evidence", _STRINGS)]),
    "actors": pa.schema([("name", pa.string()), ("aliases", _STRINGS), ("country", pa.string()),
                         ("documents", _STRINGS), ("roles", _STRINGS)]),
}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a pandas frame with Arrow-backed columns of the table's schema."""
    schema = SCHEMAS[name]
    table = pa.Table.from_pylist([{f.name: row.get(f.name) for f in schema} for row in rows], schema=schema)
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def empty_frame(name: str) -> pd.DataFrame:
    """An empty frame of the table (Dask's `meta`)."""
    return frame(name, [])
