"""Bytes to text: encoding detection and the binary-content check."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from accord.errors import Rejected

# Share of NUL or other control bytes above which content is treated as binary.
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13}


def decode_bytes(data: bytes) -> str:
    """Decode article bytes to text: BOMs, UTF-8, UTF-16, then charset-normalizer's guess.

    Raises Rejected for empty or binary content and for bytes no encoding explains.
    Stray NUL bytes inside otherwise good text are dropped rather than refused.
    """
    if not data.strip():
        raise Rejected("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decoded(data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decoded(data, utf16)
    if _looks_binary(data):
        raise Rejected("binary content, not text")
    try:
        return _without_nul(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise Rejected("undecodable bytes: not UTF-8 and no other text encoding fits")
    return _without_nul(str(guess))


def _decoded(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise Rejected(f"invalid {encoding} text at byte {error.start}") from None
    if not text.strip():
        raise Rejected("empty file")
    return _without_nul(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL bytes falling on every other position."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def _without_nul(text: str) -> str:
    text = text.replace("\x00", "")
    if not text.strip():
        raise Rejected("empty file")
    return text
