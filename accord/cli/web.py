"""Web commands: `accord serve` and `accord ask`."""

from __future__ import annotations

from typing import Optional

import typer

from accord.cli.extras import require
from accord.cli.options import DbOption, JsonOption, read_store, store_path, write_store
from accord.cli.output import err, out, print_json

app = typer.Typer()


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port."),
    token: Optional[str] = typer.Option(None, "--token", envvar="ACCORD_TOKEN", show_default=False,
                                        help="Bearer token that allows POST /api/ingest (prefer $ACCORD_TOKEN: "
                                             "a command line is visible to other users)."),
    db: DbOption = None,
) -> None:
    """Browse, search and ask in a web browser; JSON API under /api (docs at /docs).

    Writes (POST /api/ingest) need a token (ACCORD_TOKEN) set here and sent as a Bearer token.
    Without one the store must exist: the web app only reads it.
    """
    require("web")
    import uvicorn

    from accord.web.app import WebSettings, create_app

    # With writes allowed the app may start on an empty store; read-only, a missing one is a typo.
    (write_store if token else read_store)(ctx, db).close()
    if not token:
        err.print("ACCORD_TOKEN is not set: the store is read-only through the web.")
    path = store_path(ctx, db)
    err.print(f"serving {path} on http://{host}:{port}/ (Ctrl-C to stop)", highlight=False, markup=False)
    uvicorn.run(create_app(WebSettings(db_path=path, token=token)), host=host, port=port, log_level="warning")


@app.command()
def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help='e.g. "What trade target did Vietnam and Laos set?"'),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Answer a question from the store, citing the documents; "not found" when unsupported."""
    from accord.analysis.ask import answer_question

    with read_store(ctx, db) as store, store.reading() as conn:
        answer = answer_question(conn, question)
    if as_json:
        print_json(answer.as_json())
        return
    out.print(answer.text if answer.found else "not found", highlight=False, markup=False)
    for number, citation in enumerate(answer.citations, start=1):
        out.print(f"  [{number}] {citation.doc_id[:8]}: {citation.sentence}", highlight=False, markup=False)
