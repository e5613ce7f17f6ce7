"""The record listings (events, facts, agreements, labels): one JSON route and one page each,
made in a loop over the record specs (extract/spec.py)."""

from collections.abc import Callable

from fastapi import APIRouter

from accord.extract.spec import SPECS, RecordSpec
from accord.web import data
from accord.web.deps import Conn, Paging, Records
from accord.web.twin import twin

router = APIRouter()


def _view(spec: RecordSpec) -> Callable:
    def view(c: Conn, q: Records, p: Paging) -> dict:
        return data.records(c, spec.table, q, p)

    view.__name__ = spec.name
    view.__doc__ = spec.summary
    return view


# /api/labels is `accord labels`: a listing is named as its record spec names it.
for _spec in SPECS:
    if _spec.listed:
        twin(router, f"/{_spec.name}", "records.html",
             context=lambda result, table=_spec.name: {"table": table, **result})(_view(_spec))
