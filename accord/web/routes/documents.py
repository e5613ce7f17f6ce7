"""Documents: the listing and one document with its records and a highlighted evidence span."""

from typing import Annotated

from fastapi import APIRouter, Query

from accord.web import data
from accord.web.deps import Conn, Paging, found
from accord.web.twin import twin

router = APIRouter()
Offset = Annotated[int | None, Query(ge=0, le=10**9)]


@twin(router, "/documents", "documents.html")
def documents(c: Conn, p: Paging, language: Annotated[str | None, Query(max_length=8)] = None) -> dict:
    """Documents, newest ingested last."""
    return data.documents(c, p, language or None)


@twin(router, "/documents/{doc_id}", "document.html", context=lambda result: {"doc": result})
def document(c: Conn, doc_id: str, start: Offset = None, end: Offset = None) -> dict:
    """One document with its records; `start`/`end` mark an evidence span."""
    return found(data.document(c, doc_id[:64], start, end), "no such document")
