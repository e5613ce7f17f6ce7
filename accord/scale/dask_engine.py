"""`accord run --engine dask`: the per-document work on a Dask distributed cluster, Parquet out.

1. The inputs (files, folders, globs: text, HTML, JSON Lines, WARC, feeds, gzip) are
   expanded as `accord ingest` expands them and cut into tasks of about TASK_BYTES each.
2. Each task reads its inputs and runs `engine.process_batch` (clean, date, key,
   extract): the same function as the local run. It returns one pandas frame per table.
3. Cross-document steps are Dask dataframe operations: duplicates (exact, by content hash;
   near, by MinHash bands joined across all documents and the similarity checked, the earlier
   document in input order kept, as the store's writer decides), then canonical events
   (`analysis.canonical.merge_bucket` per pair, event type and year, after a shuffle by those) and actors
   (`analysis.people.merge_people` per name length, the only key a merge can never cross).
4. Everything is written as Parquet under OUT: documents, events, facts, agreements, people,
   labels, rejected, canonical_events, actors, and manifest.json. `accord load OUT` stores it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd

from accord.engine.work import Processed, process_batch, read_spec
from accord.extract import EXTRACTOR_VERSION
from accord.ingest.sources import SourceOptions, expand_inputs
from accord.models import Rejection
from accord.neardup import NearDuplicates, band_keys, similarity
from accord.scale import rows as R
from accord.scale.schemas import SCHEMAS, empty_frame, frame

TASK_BYTES = 4 * 2**20
ARTICLES_PER_INPUT = 10**6  # order = input index * this + article index within the input
BATCH = 16


def plan_tasks(specs: list[str], task_bytes: int = TASK_BYTES) -> list[list[tuple[int, str]]]:
    """Expanded inputs, numbered in `accord ingest` order, grouped into tasks of about task_bytes."""
    tasks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    size = 0
    for index, spec in enumerate(expand_inputs(specs)):
        try:
            length = os.stat(spec).st_size
        except OSError:
            length = 0
        if current and size + length > task_bytes:
            tasks.append(current)
            current, size = [], 0
        current.append((index, spec))
        size += length
    if current:
        tasks.append(current)
    return tasks


def process_task(task: list[tuple[int, str]], max_bytes: int = SourceOptions().max_bytes,
                 extract: bool = True) -> dict[str, pd.DataFrame]:
    """Read a task's inputs and process their articles; one frame per table (see rows.py)."""
    items: list[tuple[int, object]] = []
    for index, spec in task:
        base = index * ARTICLES_PER_INPUT
        items.extend((base + position, found)
                     for position, found in enumerate(read_spec(spec, SourceOptions(max_bytes=max_bytes))))
    tables: dict[str, list[dict]] = {name: [] for name in R.TABLES}
    for start in range(0, len(items), BATCH):
        chunk = items[start:start + BATCH]
        for (order, _), result in zip(chunk, process_batch([item for _, item in chunk], extract)):
            if isinstance(result, Processed):
                tables["documents"].append(R.document_row(order, result.document, result.extraction))
                if result.extraction is not None:
                    for table, rows in R.record_rows(result.extraction).items():
                        tables[table].extend({**row, "order": order} for row in rows)
            elif isinstance(result, Rejection):
                tables["rejected"].append(R.rejection_row(order, result))
    return {name: frame(name, rows) for name, rows in tables.items()}


def run(specs: list[str], out: Path, scheduler: str | None = None, workers: int = 2,
        dedup: NearDuplicates = NearDuplicates(), max_bytes: int = SourceOptions().max_bytes,
        task_bytes: int = TASK_BYTES, client=None) -> dict:
    """Run the pipeline on a Dask cluster (`scheduler` address, or a local cluster of `workers`
    processes) and write Parquet under `out`; returns the manifest."""
    from dask.distributed import Client, LocalCluster

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    cluster = None
    if own_client:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    import dask

    try:
        # Task-based shuffles: the peer-to-peer one cannot carry Arrow list columns.
        with dask.config.set({"dataframe.shuffle.method": "tasks"}):
            return _run(client, specs, out, dedup, max_bytes, task_bytes)
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client, specs, out: Path, dedup: NearDuplicates, max_bytes: int, task_bytes: int) -> dict:
    import dask
    import dask.dataframe as dd

    started = time.perf_counter()
    tasks = plan_tasks(specs, task_bytes)
    futures = client.map(process_task, tasks, max_bytes=max_bytes, pure=False)
    client.gather(futures)  # wait here, so the manifest can say what each phase took
    processed = time.perf_counter()
    parts = {name: dd.from_delayed([dask.delayed(_pick)(f, name) for f in futures],
                                   meta=empty_frame(name), verify_meta=False) if futures
             else dd.from_pandas(empty_frame(name), npartitions=1) for name in R.TABLES}
    links = _duplicates(parts["documents"], dedup.threshold)
    repeated = sorted(links)  # orders of documents whose records are not kept
    documents = parts["documents"].map_partitions(_mark_duplicates, links, meta=empty_frame("documents"))
    counts = {}
    for name in R.TABLES:
        table = documents if name == "documents" else parts[name]
        if name not in ("documents", "rejected") and repeated:
            table = table[~table["order"].isin(repeated)]
        _write(table, out / name, name)
        counts[name] = _rows(out / name)
    written = time.perf_counter()
    cross = _cross_document(out, client)
    seconds = {"per_document": processed - started, "duplicates_and_writing": written - processed,
               "cross_document": time.perf_counter() - written}
    manifest = {"extractor_version": EXTRACTOR_VERSION, "near_duplicate_threshold": dedup.threshold,
                "inputs": sum(len(t) for t in tasks), "tasks": len(tasks), "rows": counts, **cross,
                "seconds": {phase: round(value, 2) for phase, value in seconds.items()}}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def _rows(path: Path) -> int:
    import pyarrow.dataset as ds

    return ds.dataset(str(path), format="parquet").count_rows() if path.exists() else 0


def _read(path: Path, columns: list[str] | None = None):
    import dask.dataframe as dd

    return dd.read_parquet(str(path), columns=columns, dtype_backend="pyarrow")


def _pick(result: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return result[name]


def _write(table, path: Path, name: str) -> None:
    table.to_parquet(str(path), schema=SCHEMAS[name], write_index=False, overwrite=True)


# -- duplicates ----------------------------------------------------------------------------------

def _bands(documents: pd.DataFrame) -> pd.DataFrame:
    rows = [(order, band, key) for order, minhash in zip(documents["order"], documents["minhash"])
            for band, key in band_keys(bytes(minhash))]
    return pd.DataFrame(rows, columns=["order", "band", "key"]).astype("int64")


def _duplicates(documents, threshold: float) -> dict[int, tuple[str, float]]:
    """Documents that repeat an earlier one in input order, each with the document it is linked
    to and the similarity: the same content hash, or MinHash similarity at least `threshold`
    with any earlier document (its bands joined across all partitions), decided as the
    store's writer decides. Only the repeating documents come back to the client."""
    keys = documents[["order", "doc_id", "minhash"]].astype({"order": "int64"})
    first = keys.groupby("doc_id")["order"].min().rename("first_order").reset_index()
    exact = keys[["order", "doc_id"]].merge(first, on="doc_id")
    exact = exact[exact["order"] > exact["first_order"]][["order", "doc_id"]].compute()
    bands = keys.map_partitions(_bands, meta=pd.DataFrame({c: pd.Series(dtype="int64")
                                                           for c in ("order", "band", "key")}))
    pairs = bands.merge(bands.rename(columns={"order": "earlier"}), on=["band", "key"])
    pairs = pairs[pairs["earlier"] < pairs["order"]][["order", "earlier"]].drop_duplicates()
    pairs = pairs.merge(keys.rename(columns={"minhash": "minhash_a"})[["order", "minhash_a"]], on="order")
    pairs = pairs.merge(keys.rename(columns={"order": "earlier", "doc_id": "earlier_id", "minhash": "minhash_b"}),
                        on="earlier")
    meta = pd.DataFrame({"order": pd.Series(dtype="int64"), "earlier": pd.Series(dtype="int64"),
                         "earlier_id": pd.Series(dtype="object"), "score": pd.Series(dtype="float64")})
    near = pairs.map_partitions(_scored, threshold, meta=meta).compute()
    links: dict[int, tuple[str, float]] = {int(o): (str(i), 1.0) for o, i in zip(exact["order"], exact["doc_id"])}
    best: dict[int, tuple[float, int, str]] = {}
    for order, earlier, earlier_id, score in near.itertuples(index=False):
        candidate = (round(float(score), 3), -int(earlier), str(earlier_id))
        if int(order) not in best or candidate > best[int(order)]:
            best[int(order)] = candidate
    for order in sorted(best):
        if order in links:
            continue  # an exact repeat is linked to its first copy
        score, earlier, earlier_id = best[order]
        links[order] = (links.get(-earlier, (earlier_id, None))[0], score)
    return links


def _scored(pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    scores = [similarity(bytes(a), bytes(b)) for a, b in zip(pairs["minhash_a"], pairs["minhash_b"])]
    result = pd.DataFrame({"order": pairs["order"].astype("int64").to_numpy(),
                           "earlier": pairs["earlier"].astype("int64").to_numpy(),
                           "earlier_id": pairs["earlier_id"].astype("object").to_numpy(),
                           "score": pd.Series(scores, dtype="float64").to_numpy()})
    return result[result["score"] >= threshold]


def _mark_duplicates(documents: pd.DataFrame, links: dict[int, tuple[str, float]]) -> pd.DataFrame:
    documents = documents.copy()
    documents["duplicate_of"] = [links.get(int(o), (None, None))[0] for o in documents["order"]]
    documents["duplicate_similarity"] = [links.get(int(o), (None, None))[1] for o in documents["order"]]
    documents["extracted"] = documents["extracted"] & documents["duplicate_of"].isna()
    return documents.astype({"duplicate_of": "string", "duplicate_similarity": "float64"})


# -- cross-document steps ----------------------------------------------------------------------

def _cross_document(out: Path, client) -> dict:
    """Canonical events and actors as dataframe operations over the written records, with the
    analysis module's merge rules; skipped (and said so) if that module is not available."""
    try:
        from accord.analysis import canonical, people  # noqa: F401
    except ImportError:
        return {"cross_document": "skipped: accord.analysis is not available"}
    import dask.dataframe as dd

    documents = _read(out / "documents", ["doc_id", "source", "url", "published"])
    documents = documents.rename(columns={"source": "doc_source", "url": "doc_url", "published": "doc_published"})
    events = _read(out / "events")
    events = events[~events["negated"]]
    events = events.assign(pair_key=events.map_partitions(_pair_keys, meta=("pair_key", "object")))
    events = events[events["pair_key"].map(lambda key: "-" in key, meta=("pair_key", "bool"))]  # two countries, as the store keeps
    events = events.merge(documents, on="doc_id", how="left")
    events = _with_buckets(events)
    # A shuffle puts each bucket in one partition; the buckets of a partition are then merged in
    # one pass (a pandas groupby-apply per bucket cost about 2 ms each: most of the step).
    merged = events.shuffle("merge_key").map_partitions(_merge_buckets, meta=_with_link(empty_frame("canonical_events"), []))
    # Undated reports that name a day join the one dated event of that day (canonical.link_undated):
    # only those and the day-dated events meet again, shuffled by type, pair, act and day.
    linked = merged[merged["link"].notnull()].shuffle("link").map_partitions(_link_rows, meta=empty_frame("canonical_events"))
    canonical_events = dd.concat([merged[merged["link"].isnull()].drop(columns="link"), linked])
    _write(canonical_events, out / "canonical_events", "canonical_events")
    people_rows = _read(out / "people").merge(documents, on="doc_id", how="left")
    people_rows = people_rows.assign(words=people_rows["name"].map(lambda n: len(str(n).split()), meta=("name", "int64")))
    actors = people_rows.groupby("words", sort=False).apply(_merge_people, meta=empty_frame("actors"))
    _write(actors, out / "actors", "actors")
    return {"canonical_events": _rows(out / "canonical_events"), "actors": _rows(out / "actors")}


def _pair_keys(events: pd.DataFrame) -> pd.Series:
    """The unordered pair of an event's sides ("LAO-VNM"): canonical events never cross it."""
    return pd.Series(["-".join(sorted(c for c in (_str(s), _str(t)) if c))
                      for s, t in zip(events["source"], events["target"])], index=events.index, dtype="object")


def _with_buckets(events):
    """Each event's merge bucket (analysis.canonical.event_bucket): its year when dated; for an
    undated one, the single year in which its document dates events of the same type and pair,
    else "". Buckets are merged independently, so even the busiest pair is spread over many
    tasks of at most a year's events of one type."""
    keys = ["doc_id", "type", "pair_key"]
    dated = events[events["date"].notnull()]
    dated = dated.assign(year=dated["date"].str.slice(0, 4))
    years = dated.groupby(keys)["year"].agg(["min", "max"]).reset_index()
    events = events.merge(years, on=keys, how="left")
    return events.assign(merge_key=events.map_partitions(_merge_key, meta=("merge_key", "object")))


def _merge_key(events: pd.DataFrame) -> pd.Series:
    """pair|type|bucket: one column to group on (a group's frame keeps every other column)."""
    return pd.Series([f"{pair}|{kind}|" + (date[:4] if isinstance(date, str)
                                            else low if isinstance(low, str) and low == high else "")
                      for pair, kind, date, low, high in zip(events["pair_key"], events["type"], events["date"],
                                                             events["min"], events["max"])],
                     index=events.index, dtype="object")


def _mention(row) -> object:
    from accord.analysis.load import Mention, outlet_of

    # start/end are the sentence's span, as the store's mentions have them.
    return Mention(int(row["order"]) * 100_000 + int(row["idx"]), row["doc_id"],
                   outlet_of(_str(row["doc_source"]), _str(row["doc_url"])), _str(row["doc_published"]),
                   row["sentence"], int(row["sentence_start"]), int(row["sentence_end"]))


def _str(value) -> str | None:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _num(value):
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _merge_buckets(events: pd.DataFrame) -> pd.DataFrame:
    """Canonical events of the buckets (pair, type, year) in one partition, as
    analysis.canonical merges them."""
    from accord.analysis.canonical import merge_bucket
    from accord.analysis.load import event_of

    buckets: dict[str, list] = {}
    for r in events.sort_values(["order", "idx"]).to_dict("records"):
        buckets.setdefault(r["merge_key"], []).append(event_of(_mention(r), {k: _num(v) for k, v in r.items()}))
    merged = [(key, e) for key, mentions in buckets.items() for e in merge_bucket(mentions)]
    rows = [{"pair": "-".join(e.pair), "type": e.type, "cameo": e.cameo, "source": e.source, "target": e.target,
             "date": e.date, "precision": e.precision, "location": e.location, "goldstein": e.goldstein,
             "quad_class": e.quad_class, "mentions": len(e.mentions), "documents": e.documents,
             "outlets": e.outlets, "earliest_report": e.earliest_report,
             "evidence": list(dict.fromkeys(m.mention.sentence for m in e.mentions))} for _, e in merged]
    return _with_link(frame("canonical_events", rows), [_link_of(key, e) for key, e in merged])


def _link_of(merge_key: str, event) -> str | None:
    """Type, pair, act and day (MM-DD) of a day-dated event or of an undated one (of the undated
    bucket) that names a day; None for the rest, which never link."""
    from accord.analysis.canonical import event_named_day, link_key

    if event.date:
        day = event.date[5:10] if event.precision == "day" else None
    else:
        day = event_named_day(event) if merge_key.endswith("|") else None
    return json.dumps([*link_key(event), day]) if day else None


def _with_link(canonical: pd.DataFrame, links: list) -> pd.DataFrame:
    return canonical.assign(link=pd.Series(links, index=canonical.index, dtype="object"))


def _link_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Each undated event joins the one dated event of its link, as canonical.link_undated does."""
    kept = []
    for _, group in rows.groupby("link", sort=False):
        records = group.drop(columns="link").to_dict("records")
        dated = [r for r in records if _str(r["date"])]
        undated = [r for r in records if not _str(r["date"])]
        if len(dated) != 1:
            kept += records
            continue
        target = dated[0]
        for report in undated:
            target["mentions"] += report["mentions"]
            for column in _LISTS:
                target[column] = list(dict.fromkeys([*(target[column] if target[column] is not None else []),
                                                     *(report[column] if report[column] is not None else [])]))
            target["outlets"] = sorted(target["outlets"])
            reports = [d for d in (_str(target["earliest_report"]), _str(report["earliest_report"])) if d]
            target["earliest_report"] = min(reports) if reports else None
        kept.append(target)
    return frame("canonical_events", [{k: (list(v) if k in _LISTS and v is not None else v) for k, v in r.items()}
                                      for r in kept])


_LISTS = ("documents", "outlets", "evidence")


def _merge_people(group: pd.DataFrame) -> pd.DataFrame:
    """Actors among people whose names have the same number of words, as analysis.people merges."""
    from accord.analysis.load import PersonMention
    from accord.analysis.people import merge_people

    group = group.sort_values(["order", "idx"])
    people = [PersonMention(_mention(r), r["name"], tuple(r["aliases"] if r["aliases"] is not None else ()),
                            _str(r["country"]), _str(r["role"])) for r in group.to_dict("records")]
    rows = [{"name": a.name, "aliases": a.aliases, "country": a.country, "documents": a.documents,
             "roles": sorted({r.role for r in a.roles})} for a in merge_people(people)]
    return frame("actors", rows)
