"""Extraction on the development set's real articles against spaCy NER alone over the same
text, warm, in one process: `python -m benchmarks.dev_extract` prints one JSON object.

Both sides read the same clean texts (cleaned once, before the clock). The baseline is the
shipped spaCy model with only its NER (and the tok2vec it listens to) over every paragraph;
accord is `extract_documents` with everything it does (sentences, gazetteer, people, dates,
the event coder, facts, agreements, labels). Each is run REPEATS times after a warm-up run,
and the fastest CPU time counts: the machine's other work only ever slows a run down.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from accord.extract.nlp import load_nlp, paragraphs_of
from accord.extract.pipeline import DocumentInput, extract_documents
from accord.ingest.document import build_document
from accord.ingest.readers import read_item
from accord.models import InputItem

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"
REPEATS = 3


def documents(folder: Path) -> list[DocumentInput]:
    """The folder's articles as extraction reads them."""
    inputs = []
    for path in sorted(folder.glob("*.txt")):
        for raw in read_item(InputItem(origin=str(path), data=path.read_bytes())):
            document = build_document(raw)
            inputs.append(DocumentInput(document.id, document.clean_text, document.published.value,
                                        document.captions))
    return inputs


def cpu_seconds(work) -> float:
    """The fastest of REPEATS runs of `work`, in process CPU seconds, after one warm-up run."""
    work()
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> None:
    """Time both and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEV)
    args = parser.parse_args(argv)
    docs = documents(args.articles)
    nlp = load_nlp()
    paragraphs = [p for d in docs for _, p in paragraphs_of(d.text)]
    keep = {"tok2vec", "ner"}
    disabled = [name for name in nlp.pipe_names if name not in keep]

    def baseline() -> None:
        for _ in nlp.pipe(paragraphs, disable=disabled, batch_size=64):
            pass

    def accord() -> None:
        extract_documents(docs)

    words = sum(len(d.text.split()) for d in docs)
    ner, ours = cpu_seconds(baseline), cpu_seconds(accord)
    print(json.dumps({"articles": len(docs), "words": words, "ner_cpu_s": round(ner, 3),
                      "accord_cpu_s": round(ours, 3), "ratio": round(ours / ner, 3),
                      "accord_ms_per_article": round(1000 * ours / len(docs), 1)}))


if __name__ == "__main__":
    main()
