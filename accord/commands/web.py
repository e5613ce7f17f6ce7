"""Web commands: `accord serve` and `accord ask`."""

from __future__ import annotations

import typer

from accord.cli import JSON_HELP, _print_json, _store, app, err, out


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port."),
) -> None:
    """Browse, search and ask in a web browser; JSON API under /api (docs at /docs).

    Writes (POST /api/ingest) need ACCORD_TOKEN set here and sent as a Bearer token.
    """
    import uvicorn

    from accord.web.app import WebSettings, create_app

    settings = WebSettings(db_path=ctx.obj["db"])
    if not settings.token:
        err.print("ACCORD_TOKEN is not set: the store is read-only through the web.")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


@app.command()
def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help='e.g. "What trade target did Vietnam and Laos set?"'),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Answer a question from the store, citing the documents; "not found" when unsupported."""
    from accord.analysis.ask import answer_question

    with _store(ctx) as store:
        answer = answer_question(store.conn, question)
    if as_json:
        _print_json(answer.as_json())
        return
    out.print(answer.text if answer.found else "not found", highlight=False, markup=False)
    for number, citation in enumerate(answer.citations, start=1):
        out.print(f"  [{number}] {citation.doc_id[:8]}: {citation.sentence}", highlight=False, markup=False)
