"""The event coder's commands: `accord train` (learn it) and `accord eval` (score extraction
against gold annotations)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from accord.cli.extras import require
from accord.cli.output import JSON_HELP, err, out, print_json

app = typer.Typer()

DEFAULT_DATA = Path("training/sentences")


@app.command()
def train(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="Folder of labelled *.jsonl sentences."),
    output: Path = typer.Option(None, "--out", "-o",
                                help="Where to write the weights (default: the package's shipped model)."),
    folds: int = typer.Option(4, "--folds", min=2, max=10, help="Cross-validation folds for the threshold."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Train the event coder (needs the `train` extra: pip install 'accord\\[train]')."""
    require("train")
    from accord.extract.coder.model import packaged_model_path
    from accord.training.train import TrainOptions, train as run_training

    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a folder", param_hint="--data")
    target = output or packaged_model_path()
    report = run_training(TrainOptions(data=data, out=target, folds=folds),
                          progress=lambda line: err.print(line, markup=False, highlight=False))
    if as_json:
        print_json(asdict(report))
        return
    out.print(f"wrote {target} ({report.file_bytes / 1e6:.1f} MB, {len(report.codes)} codes) from "
              f"{report.sentences} sentences, {report.examples} candidate pairs, {report.events} events "
              f"in {report.seconds:.0f} s", highlight=False, markup=False)
    out.print("cross-validated: " + ", ".join(f"{k} {v}" for k, v in report.cv.items()), highlight=False,
              markup=False)


@app.command("eval")
def evaluate(
    gold: str = typer.Option(..., "--gold", help="Folder of gold JSON files."),
    articles: str = typer.Option(..., "--articles", help="Folder holding the gold's articles."),
    as_json: bool = typer.Option(False, "--json", help="Print scores as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and false positive."),
) -> None:
    """Score extraction against gold annotations (precision, recall, F1 per category)."""
    from accord.evaluation.runner import CATEGORIES, evaluate as run_eval

    gold_dir, articles_dir = Path(gold), Path(articles)
    for folder, option in ((gold_dir, "--gold"), (articles_dir, "--articles")):
        if not folder.is_dir():
            raise typer.BadParameter(f"{folder} is not a folder", param_hint=option)
    report = run_eval(gold_dir, articles_dir)
    if verbose:
        _print_misses(report)
    if as_json:
        print_json(report.as_json())
        return
    for name in CATEGORIES:
        score = report.totals[name]
        out.print(f"{name:<16} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
                  f"   (tp {score.tp}, fp {score.fp}, fn {score.fn})", highlight=False)
    for missing in report.missing_articles:
        err.print(f"article not found: {missing}", style="yellow", markup=False)


def _print_misses(report) -> None:
    for article in report.articles:
        err.print(f"[bold]{article.article}[/]")
        for name in ("events", "facts", "facts_period", "people", "agreements"):
            matched = article.matched[name]
            for miss in matched.misses:
                err.print(f"  miss {name}: {_brief(miss)}", highlight=False, markup=False)
            for wrong in matched.false_positives:
                err.print(f"  false positive {name}: {_brief(wrong)}", highlight=False, markup=False)


def _brief(record: dict) -> str:
    fields = {k: v for k, v in record.items() if k not in ("evidence", "_sides", "aliases")}
    evidence = record.get("evidence") or ""
    return f"{fields} | {evidence[:120]}"
