"""All benchmarks in one command: `python -m benchmarks.run` (or `make bench`).

1. Generates N synthetic articles (benchmarks/corpus.py) as JSON Lines shards.
2. End-to-end throughput (read, clean, date, dedup, extract, store) with 1 and 2 worker
   processes, each run in a fresh process and a fresh store: articles/s, words/s, CPU ms per
   article, peak memory of the whole process tree (RSS summed; PSS counts shared pages once).
3. The baseline on the same clean text: spaCy NER alone (`nlp.pipe`, only the NER component)
   over every sentence, in one process and in two; the ratio accord time / baseline time.
4. Extraction on the development set's real articles against spaCy NER alone over the same
   text, warm, in one process (benchmarks/dev_extract.py).
5. Accuracy: `accord eval` on the development set and on the seeds.
6. Query latency on stores of 1 and 10 million synthetic events (benchmarks/queries.py).

Numbers are printed, never asserted. The machine's load average is printed with each run:
other work on the machine lowers wall-clock throughput (CPU ms per article is steadier).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def _child(*args: str, env: dict | None = None) -> dict:
    output = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, check=True, capture_output=True,
                            text=True, env={**os.environ, **(env or {})}).stdout
    return json.loads(output.strip().splitlines()[-1])


def _eval(gold: Path, articles: Path) -> dict:
    if not gold.is_dir():
        return {}
    out = subprocess.run([str(Path(sys.executable).parent / "accord"), "eval", "--gold", str(gold), "--articles",
                          str(articles), "--json"], cwd=ROOT, capture_output=True, text=True).stdout
    try:
        return {name: score["f1"] for name, score in json.loads(out).items()}
    except ValueError:
        return {}


def throughput(articles: int, workers: list[int], reference: bool, seed: int, dask: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="accord-corpus-") as tmp:
        corpus = Path(tmp)
        write_corpus(corpus, articles, seed=seed, shard_size=max(10, articles // 20))
        runs = [_child("benchmarks.e2e", "accord", "--corpus", tmp, "--workers", str(w)) for w in workers]
        if reference:
            runs.append(_child("benchmarks.e2e", "accord", "--corpus", tmp, "--workers", "1", "--full-parse"))
        baselines = [_child("benchmarks.e2e", "baseline", "--corpus", tmp, "--processes", str(p)) for p in (1, 2)]
        scaled = [_child("benchmarks.e2e", "dask", "--corpus", tmp, "--workers", "2")] if dask else []
    return {"runs": runs, "baselines": baselines, "dask": scaled}


def report(result: dict) -> None:
    base1 = result["baselines"][0]
    print(f"\nEnd to end on {base1['articles']} generated articles, {base1['words'] / base1['articles']:.0f} words each"
          f" on average ({os.cpu_count()} cores)")
    print(f"{'run':34s} {'articles/s':>10s} {'steady':>7s} {'words/s':>8s} {'CPU ms/art':>10s} {'RSS MiB':>8s}"
          f" {'PSS MiB':>8s} {'load':>5s} {'vs NER x1':>9s}")
    for run in result["runs"]:
        name = f"accord, {run['workers']} worker{'s' if run['workers'] != 1 else ''}" + \
            (" (every sentence parsed)" if run["full_parse"] else "")
        steady = f"{run['steady_articles_per_s']:.1f}" if run["steady_articles_per_s"] else "-"
        ratio = base1["articles_per_s"] / run["articles_per_s"]
        print(f"{name:34s} {run['articles_per_s']:10.1f} {steady:>7s} {run['words_per_s']:8.0f}"
              f" {run['cpu_ms_per_article']:10.1f} {run['peak_rss_mb']:8.0f} {run['peak_pss_mb']:8.0f}"
              f" {run['load_before']:5.2f} {ratio:9.2f}")
    for base in result["baselines"]:
        name = f"baseline: NER only, {base['processes']} process{'es' if base['processes'] > 1 else ''}"
        print(f"{name:34s} {base['articles_per_s']:10.1f} {'-':>7s} {base['words_per_s']:8.0f}"
              f" {1000 * base['cpu_seconds'] / base['articles']:10.1f} {base['peak_rss_mb']:8.0f}"
              f" {base['peak_pss_mb']:8.0f} {base['load_before']:5.2f} {base1['articles_per_s'] / base['articles_per_s']:9.2f}")
    print("ratio = accord's time / the one-process NER baseline's time on the same articles (below 1: faster)")
    for run in result.get("dask", []):
        print(f"\naccord run --engine dask, local cluster of {run['workers']} workers: {run['articles_per_s']:.1f} articles/s,"
              f" {run['cpu_ms_per_article']:.1f} CPU ms/article, peak RSS {run['peak_rss_mb']:.0f} MiB"
              f" (PSS {run['peak_pss_mb']:.0f}); Parquet {run['parquet_bytes_per_article'] / 1024:.1f} KiB/article;"
              f" accord load {run['load_articles_per_s']:.0f} articles/s into a store of"
              f" {run['store_bytes_per_article'] / 1024:.1f} KiB/article")
    base2 = result["baselines"][1]
    for run in result["runs"]:
        if not run["full_parse"] and run["workers"] >= 2:
            print(f"same parallelism: accord {run['workers']} workers / NER 2 processes = "
                  f"{base2['articles_per_s'] / run['articles_per_s']:.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dask", action="store_true", help="Also time `accord run --engine dask` (2 workers).")
    parser.add_argument("--reference", action="store_true",
                        help="Also run accord with every sentence parsed (no cascade).")
    parser.add_argument("--events", type=int, nargs="*", default=[1_000_000, 10_000_000],
                        help="Store sizes for the query benchmark (none: skip it).")
    parser.add_argument("--store-dir", default="/tmp/accord-bench-stores")
    parser.add_argument("--json", type=Path, help="Also write every number to this file.")
    args = parser.parse_args(argv)
    result = throughput(args.articles, args.workers, args.reference, args.seed, args.dask)
    report(result)
    result["dev_extract"] = _child("benchmarks.dev_extract")
    dev = result["dev_extract"]
    print(f"\nExtraction on the development set's {dev['articles']} real articles ({dev['words']} words), warm, one"
          f" process: accord {dev['accord_cpu_s']:.2f} CPU s ({dev['accord_ms_per_article']:.1f} ms/article), spaCy NER"
          f" alone {dev['ner_cpu_s']:.2f} s: ratio {dev['ratio']:.2f}")
    shared = ROOT.parent / "shared"
    result["eval_f1"] = {"dev": _eval(shared / "eval" / "dev" / "gold", shared / "eval" / "dev" / "articles"),
                         "seeds": _eval(shared / "eval" / "seeds-gold", shared / "seeds")}
    print("\naccord eval (F1):")
    for mode, scores in result["eval_f1"].items():
        print(f"  {mode:22s} " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    if args.events:
        sys.stdout.flush()
        subprocess.run([sys.executable, "-m", "benchmarks.queries", "--events", *map(str, args.events),
                        "--store-dir", args.store_dir], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
