"""Bytes to text: BOMs, UTF-8, UTF-16, legacy encodings, and what is refused."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes

PORTUGUESE = ("A delegação do Brasil chegou a Buenos Aires na terça-feira para negociações sobre o "
              "comércio bilateral. O ministro disse que a relação com a Argentina é estratégica e "
              "que as tarifas serão revistas até o fim do ano.\n")
QUOTED = ("Kenya and Uganda signed a pipeline deal — the “historic” agreement covers oil "
          "exports… officials said on Tuesday in Nairobi.\n")
VIETNAMESE = "Tô Lâm thăm Vũng Áng và Đà Nẵng cùng các quan chức Lào. " * 10


def test_plain_utf8():
    assert decode_bytes(VIETNAMESE.encode("utf-8")) == VIETNAMESE


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom, encoding):
    assert decode_bytes(bom + QUOTED.encode(encoding)) == QUOTED


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding):
    assert decode_bytes((QUOTED * 3).encode(encoding)) == QUOTED * 3


@pytest.mark.parametrize("text", [PORTUGUESE, "São Paulo e Brasília: a negociação avança, diz o ministro.\n",
                                  "Le président a rencontré son homologue brésilien à Brasília mercredi.\n"])
def test_latin1_text_is_decoded_not_rejected(text):
    # charset-normalizer alone ties cp1252 with cp1250 here and reads "ã" as "ă".
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_text_with_typographic_quotes_is_decoded():
    assert decode_bytes((QUOTED * 2).encode("cp1252")) == QUOTED * 2


@pytest.mark.parametrize("damage", ["cut last character", "stray byte"])
def test_utf8_with_a_broken_sequence_keeps_the_rest(damage):
    data = VIETNAMESE.encode("utf-8")
    if damage == "cut last character":
        data = data + "ẵ".encode("utf-8")[:2]
    else:
        data = data[:40] + b"\xff" + data[40:]
    text = decode_bytes(data)
    # Every good character survives; only the broken bytes are replaced.
    assert text.replace("\ufffd", "") == VIETNAMESE
    assert text.count("\ufffd") == 1


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8 + b"  \n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_content_is_rejected(data):
    with pytest.raises(Rejected, match="empty"):
        decode_bytes(data)


def test_binary_content_is_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(Rejected, match="binary"):
        decode_bytes(png)


def test_only_nul_bytes_are_rejected():
    with pytest.raises(Rejected):
        decode_bytes(b"\x00" * 64)


def test_bytes_no_encoding_explains_are_rejected():
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(Rejected, match="undecodable"):
        decode_bytes(noise)


def test_stray_nul_bytes_are_dropped():
    assert decode_bytes(b"Japan and India\x00 agreed on rail.") == "Japan and India agreed on rail."


def test_odd_length_utf16_is_rejected_with_a_reason():
    data = codecs.BOM_UTF16_LE + QUOTED.encode("utf-16-le") + b"\x41"
    with pytest.raises(Rejected, match="utf-16"):
        decode_bytes(data)


@given(st.binary(max_size=3000))
def test_never_raises_anything_but_rejected(data):
    try:
        text = decode_bytes(data)
    except Rejected as error:
        assert str(error)
    else:
        assert isinstance(text, str) and text.strip()
        assert "\x00" not in text


@given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text):
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except Rejected:
        # Text made mostly of control characters reads as binary; that is the only refusal.
        assert sum(ord(c) < 32 and c not in "\t\n\f\r" for c in text) > 0
    else:
        assert decoded == text.lstrip("\ufeff") or decoded == text
