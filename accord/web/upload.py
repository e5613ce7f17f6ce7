"""Reading an upload within a size limit, and only once the caller may send one.

The route reads the body itself rather than through FastAPI's form parameters, which spool
the whole body before any check runs: a request over the limit is refused from its
Content-Length before a byte is read, and one that does not say (chunked) or says less than
it sends is cut off as soon as the count passes the limit.
"""

from collections.abc import AsyncIterator

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from accord.models import InputItem

MAX_FILES = 100


def too_large(limit: int) -> HTTPException:
    """The 413 of a body over `limit` bytes."""
    return HTTPException(413, f"upload exceeds {limit:,} bytes")


def check_declared_length(request: Request, limit: int) -> None:
    """Refuse a body whose Content-Length is over the limit (or not a number)."""
    declared = request.headers.get("content-length")
    if declared is None:
        return
    if not declared.isdigit():
        raise HTTPException(400, "Content-Length is not a number")
    if int(declared) > limit:
        raise too_large(limit)


async def limited_stream(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The body's chunks, stopped with a 413 once more than `limit` bytes have come."""
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise too_large(limit)
        yield chunk


async def read_uploads(request: Request, limit: int) -> list[InputItem]:
    """The files of a multipart/form-data body (field `files`), at most `limit` bytes in all."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise HTTPException(415, "send the files as multipart/form-data, field 'files'")
    check_declared_length(request, limit)
    parser = MultiPartParser(request.headers, limited_stream(request, limit), max_files=MAX_FILES,
                             max_fields=MAX_FILES)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise HTTPException(400, error.message) from None
    items = []
    try:
        for upload in form.getlist("files"):
            if not isinstance(upload, UploadFile):
                raise HTTPException(400, "'files' must be files, not text fields")
            name = (upload.filename or "unnamed").replace("\\", "/").rsplit("/", 1)[-1] or "unnamed"
            items.append(InputItem(f"upload:{name}", await upload.read()))
    finally:
        await form.close()
    if not items:
        raise HTTPException(422, "no files: send them in the multipart field 'files'")
    return items
