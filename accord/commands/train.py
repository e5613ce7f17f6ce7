"""`accord train`: learn the event coder from the labelled sentences in the repository."""

from __future__ import annotations

from pathlib import Path

import typer

from accord.cli import JSON_HELP, _print_json, app, err, out

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
    try:
        from accord.training.train import TrainOptions, train as run_training
        import sklearn  # noqa: F401  (checked here so the message names the extra)
    except ModuleNotFoundError:
        err.print("training needs scikit-learn: pip install 'accord[train]'", markup=False)
        raise typer.Exit(1)
    from accord.extract.coder.model import packaged_model_path

    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a folder", param_hint="--data")
    target = output or packaged_model_path()
    report = run_training(TrainOptions(data=data, out=target, folds=folds),
                          progress=lambda line: err.print(line, markup=False, highlight=False))
    if as_json:
        from dataclasses import asdict
        _print_json(asdict(report))
        return
    out.print(f"wrote {target} ({report.file_bytes / 1e6:.1f} MB, {len(report.codes)} codes) from "
              f"{report.sentences} sentences, {report.examples} candidate pairs, {report.events} events "
              f"in {report.seconds:.0f} s", highlight=False, markup=False)
    out.print("cross-validated: " + ", ".join(f"{k} {v}" for k, v in report.cv.items()), highlight=False,
              markup=False)
