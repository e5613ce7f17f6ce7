"""Writes: POST /api/ingest, behind a Bearer token, with the body read only once it is allowed."""

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request

from accord.engine import IngestOptions, ingest_items
from accord.ingest.sources import SourceOptions
from accord.store.db import open_store
from accord.web.upload import MAX_FILES, read_uploads

router = APIRouter()

# The body is read by the route itself (see web/upload.py), so its schema is stated here.
UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"], "properties": {"files": {
        "type": "array", "maxItems": MAX_FILES, "description": "Article files",
        "items": {"type": "string", "format": "binary"}}}}}}}}


@router.post("/api/ingest", tags=["api"], status_code=200, openapi_extra=UPLOAD_SCHEMA)
async def api_ingest(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict:
    """Upload articles (the same readers and rejection reasons as `accord ingest`).
    Needs `Authorization: Bearer $ACCORD_TOKEN`; a body over the limit is a 413."""
    settings = request.app.state.settings
    authorise(settings.token, authorization)
    items = await read_uploads(request, settings.max_upload_bytes)
    with open_store(settings.db_path) as store:
        report = ingest_items(items, store, IngestOptions(
            sources=SourceOptions(max_bytes=settings.max_upload_bytes)))
    return report.as_json()


def authorise(expected: str | None, authorization: str | None) -> None:
    """Pass when `authorization` is `Bearer <expected>`; 403 when writes are off, else 401."""
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with ACCORD_TOKEN set")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})
