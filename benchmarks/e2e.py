"""One throughput measurement, run in a process of its own (so its memory is its own) by
`benchmarks.run`; prints one JSON object.

    python -m benchmarks.e2e accord --corpus DIR --workers 2
    python -m benchmarks.e2e baseline --corpus DIR [--processes 1]
    python -m benchmarks.e2e dask --corpus DIR --workers 2
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.measure import Sampler, Timer, load_average


class _Clock:
    """Progress receiver: when each input (corpus shard) was fully written."""

    def __init__(self):
        self.marks: list[float] = []

    def start(self, total: int) -> None:
        self.started = time.perf_counter()

    def advance(self, origin: str) -> None:
        self.marks.append(time.perf_counter())

    def merging(self, buckets: int) -> None:
        """The merge of canonical events at the end is part of the run's time."""

    def merged(self, done: int) -> None:
        """(see merging)"""


def accord_run(corpus: Path, workers: int, full_parse: bool) -> dict:
    """Ingest + extract + store the corpus into a fresh store with `workers` processes (0 or 1: the
    engine's batches in this process; 2+: a pool)."""
    from accord.engine import IngestOptions, ingest_paths

    if full_parse:  # the reference run: every sentence parsed (the in-process batched path)
        import functools

        import accord.engine.work as process

        process.extract_documents = functools.partial(process.extract_documents, cascade=False)
    from accord.store.db import open_store

    if workers <= 1:  # the model loads in this process; load it before the clock starts
        import accord.engine.preload  # noqa: F401
    shards = sorted(str(p) for p in corpus.glob("*.jsonl"))
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        store = open_store(Path(tmp) / "bench.db")
        clock = _Clock()
        load = load_average()
        with Sampler() as sampler, Timer() as timer:
            report = ingest_paths(shards, store, IngestOptions(workers=workers), clock)
        words = store.conn.execute("SELECT coalesce(sum(word_count), 0) FROM documents").fetchone()[0]
        counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "facts", "people", "agreements")}
        store.close()
    articles = report.documents_added + report.duplicates + report.unchanged
    steady = None
    if len(clock.marks) >= 3:  # shards after the first: start-up (pool, model) left out
        per_shard = articles / len(clock.marks)
        steady = per_shard * (len(clock.marks) - 1) / (clock.marks[-1] - clock.marks[0])
    return {"kind": "accord", "workers": workers, "full_parse": full_parse, "articles": articles,
            "added": report.documents_added, "rejected": len(report.rejected), "words": words,
            "seconds": timer.seconds, "articles_per_s": articles / timer.seconds,
            "words_per_s": words / timer.seconds, "steady_articles_per_s": steady,
            "cpu_seconds": sampler.cpu_seconds, "cpu_ms_per_article": 1000 * sampler.cpu_seconds / articles,
            "peak_rss_mb": sampler.peak_rss / 2**20, "peak_pss_mb": sampler.peak_pss / 2**20,
            "peak_process_rss_mb": sampler.peak_single_rss / 2**20, "processes": sampler.processes,
            "records": counts, "load_before": load}


def dask_run(corpus: Path, workers: int) -> dict:
    """`accord run --engine dask` on a local cluster of `workers` processes, then `accord load`."""
    from accord.scale.dask_engine import run
    from accord.scale.load import load
    from accord.store.db import open_store

    shards = sorted(str(p) for p in corpus.glob("*.jsonl"))
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        out = Path(tmp) / "out"
        load_before = load_average()
        with Sampler() as sampler, Timer() as timer:
            manifest = run(shards, out, workers=workers)
        parquet = sum(p.stat().st_size for p in out.rglob("*.parquet"))
        store = open_store(Path(tmp) / "loaded.db")
        with Timer() as loading:
            report = load(out, store)
        store.close()
        db_bytes = (Path(tmp) / "loaded.db").stat().st_size
    articles = manifest["rows"]["documents"]
    return {"kind": "dask", "workers": workers, "articles": articles, "seconds": timer.seconds,
            "articles_per_s": articles / timer.seconds, "cpu_seconds": sampler.cpu_seconds,
            "cpu_ms_per_article": 1000 * sampler.cpu_seconds / articles, "peak_rss_mb": sampler.peak_rss / 2**20,
            "peak_pss_mb": sampler.peak_pss / 2**20, "parquet_bytes_per_article": parquet / articles,
            "load_seconds": loading.seconds, "load_articles_per_s": report.documents_added / loading.seconds,
            "store_bytes_per_article": db_bytes / articles, "canonical_events": manifest.get("canonical_events"),
            "phase_seconds": manifest.get("seconds"), "load_before": load_before}


def baseline_run(corpus: Path, processes: int) -> dict:
    """spaCy NER alone (`nlp.pipe` with only the NER component) over every sentence of the
    same articles' clean text. Cleaning and sentence splitting happen before the clock starts."""
    from accord.extract.nlp import load_nlp, split_sentences
    from accord.ingest.document import build_document
    from accord.ingest.readers import read_item
    from accord.ingest.sources import SourceOptions, read_input
    from accord.models import RawArticle

    nlp = load_nlp()
    texts = []
    for shard in sorted(corpus.glob("*.jsonl")):
        for raw in read_item(read_input(str(shard), SourceOptions())):
            if isinstance(raw, RawArticle):
                texts.append(build_document(raw).clean_text)
    sentences = [s.text for text in texts for s in split_sentences(text, nlp)]
    words = sum(len(text.split()) for text in texts)
    load = load_average()
    with nlp.select_pipes(enable=["ner"]):
        with Sampler() as sampler, Timer() as timer:
            entities = sum(len(doc.ents) for doc in nlp.pipe(sentences, batch_size=256, n_process=processes))
    return {"kind": "baseline", "processes": processes, "articles": len(texts), "sentences": len(sentences),
            "words": words, "entities": entities, "seconds": timer.seconds,
            "articles_per_s": len(texts) / timer.seconds, "words_per_s": words / timer.seconds,
            "cpu_seconds": sampler.cpu_seconds, "peak_rss_mb": sampler.peak_rss / 2**20,
            "peak_pss_mb": sampler.peak_pss / 2**20, "load_before": load}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["accord", "baseline", "dask"])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--full-parse", action="store_true")
    args = parser.parse_args(argv)
    if args.kind == "accord":
        result = accord_run(args.corpus, args.workers, args.full_parse)
    elif args.kind == "dask":
        result = dask_run(args.corpus, args.workers)
    else:
        result = baseline_run(args.corpus, args.processes)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
