"""Actors: people merged across documents, and one actor's profile."""

from typing import Annotated

from fastapi import APIRouter, Query

from accord.web import data
from accord.web.deps import Conn, Paging, found
from accord.web.twin import twin

router = APIRouter()


@twin(router, "/actors", "actors.html")
def actors(c: Conn, p: Paging, pair: Annotated[str | None, Query(max_length=20)] = None) -> dict:
    """People merged across documents."""
    return data.actors(c, pair or None, p)


@twin(router, "/actors/{name}", "actor.html", context=lambda result: {"actor": result})
def actor(c: Conn, name: str) -> dict:
    """One actor's profile."""
    return found(data.actor(c, name[:200]), "no actor with that name")
