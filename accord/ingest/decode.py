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
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _without_nul(damaged)
    matches = from_bytes(data)
    guess = matches.best()
    if guess is None or guess.encoding is None:
        mixed = _mixed_encodings(data)
        if mixed is None:
            raise Rejected("undecodable bytes: not UTF-8 and no other text encoding fits")
        return _without_nul(mixed)
    # charset-normalizer breaks ties between single-byte encodings arbitrarily (cp1250 reads
    # Latin-1 "negociação" as "negociaçăo"); of equally good readings take cp1252, the web's default.
    for match in matches:
        if (match.encoding == "cp1252" and match.chaos <= guess.chaos
                and match.coherence >= guess.coherence):
            guess = match
    return _without_nul(str(guess))


def _decoded(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise Rejected(f"invalid {encoding} text at byte {error.start}") from None
    if not text.strip():
        raise Rejected("empty file")
    return _without_nul(text)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a cut-off last character, a stray byte), repaired.

    Left to charset-normalizer, such text is read as some other encoding and every
    non-ASCII character is garbled; here only the broken bytes become U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - broken
    return text if broken and valid >= 10 * broken else None


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("accord-cp1252", _cp1252_bytes)


def _mixed_encodings(data: bytes) -> str | None:
    """Text in UTF-8 with some bytes of a single-byte encoding (files pasted together), which no
    one encoding explains: UTF-8 where valid, other bytes read as Windows-1252. None when too
    little of it is UTF-8 for that reading to be the text."""
    if data.decode("utf-8", errors="replace").count("\ufffd") > len(data) // 20:
        return None
    return data.decode("utf-8", errors="accord-cp1252")


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
