"""A generator of hostile and odd inputs: the kinds analysts feed accord without meaning to.

Each `Kind` writes one input (a file, a folder, a link ...) under a folder and says what
accord must do with it:

* ``stored``: every article in it is stored and nothing is rejected (good input, odd form);
* ``rejected``: nothing is stored and every refusal has a reason;
* ``partial``: the good articles are stored and the bad parts rejected, each with a reason;
* ``either``: storing and refusing are both acceptable; only the invariants apply.

`expect_reason` is a phrase every rejection's reason must contain; `check` inspects the
store afterwards (for example that an entity bomb was not expanded into it).

Every text here is invented for these tests; nothing is copied from ../shared/seeds.
Large inputs are generated into the given folder (a temporary one), never kept in git.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reliability.articles import make_articles

Writer = Callable[[Path], Path]
Check = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Kind:
    """One kind of hostile or odd input and what accord must do with it."""

    name: str
    group: str
    description: str
    expect: str  # "stored" | "rejected" | "partial" | "either"
    write: Writer
    stored_at_least: int = 1  # for "stored" and "partial"
    expect_reason: str | None = None
    check: Check | None = None
    max_mb: float | None = None  # a raised --max-mb for this input

    def __post_init__(self):
        assert self.expect in ("stored", "rejected", "partial", "either"), self.expect


# -- material -------------------------------------------------------------------

_ARTICLES = make_articles(12, seed=4242)


def article(index: int = 0) -> str:
    """The plain text of a good invented article (title line, then paragraphs)."""
    a = _ARTICLES[index]
    return f"{a.title}\n\n{a.body}"


LAO = (
    "ລາວ ແລະ ຫວຽດນາມ ຕົກລົງຂະຫຍາຍການຮ່ວມມືດ້ານພະລັງງານ\n\n"
    "ລັດຖະມົນຕີວ່າການກະຊວງພະລັງງານ ຂອງສອງປະເທດ ໄດ້ພົບປະກັນທີ່ນະຄອນຫຼວງວຽງຈັນ ໃນວັນພຸດ "
    "ເພື່ອປຶກສາຫາລືກ່ຽວກັບການສົ່ງອອກໄຟຟ້າ ແລະ ການກໍ່ສ້າງສາຍສົ່ງໃໝ່.\n\n"
    "ທັງສອງຝ່າຍຍັງໄດ້ເຫັນດີເພີ່ມທຶນການສຶກສາໃຫ້ນັກສຶກສາວິສະວະກຳ ໃນປີໜ້າ.\n"
)
VIETNAMESE = (
    "Việt Nam và Campuchia nhất trí mở thêm cửa khẩu biên giới\n\n"
    "Bộ trưởng Công Thương hai nước đã hội đàm tại Phnôm Pênh vào chiều thứ Năm, thống nhất "
    "tăng cường hợp tác thương mại và xây dựng thêm hai chợ biên giới trong năm tới.\n\n"
    "Hai bên cũng đồng ý tăng số suất học bổng dành cho sinh viên ngành kỹ thuật và nông nghiệp.\n"
)
ARABIC = (
    "مصر والأردن توقعان اتفاقية للتعاون في مجال الطاقة\n\n"
    "وقّعت مصر والأردن يوم الثلاثاء اتفاقية للتعاون في مجالي الطاقة والنقل خلال زيارة رسمية "
    "قام بها وزير الخارجية إلى عمّان، وفق بيان مشترك صدر في ختام المحادثات.\n\n"
    "وقال الوزير إن البلدين يسعيان إلى مضاعفة حجم التبادل التجاري خلال السنوات الخمس المقبلة.\n"
)
HEBREW_BIDI = (
    "\u202bישראל וקפריסין חותמות על הסכם מים\u202c\n\n"
    "\u200fישראל וקפריסין חתמו ביום שלישי על הסכם לשיתוף פעולה בתחום האנרגיה והמים, "
    "כך נמסר בהודעה משותפת של שני משרדי החוץ (\u202aCyprus 2024\u202c).\n\n"
    "\u202eלפי ההסכם יוקם צוות משותף שידווח על ההתקדמות פעמיים בשנה\u202c.\n"
)
CHINESE = (
    "中国和老挝同意加强铁路合作\n\n"
    "两国外长星期二在北京举行会谈，双方同意加强铁路、能源和农业领域的合作，并将在明年举行下一轮磋商。\n\n"
    "双方还签署了关于教育交流和奖学金的谅解备忘录。\n"
)
EMOJI = (
    "Kenya 🇰🇪 and Uganda 🇺🇬 sign pipeline deal 🤝🛢️\n\n"
    "Nairobi 🏙️ and Kampala signed an agreement on Tuesday 📅 to extend the oil pipeline 🛢️ to the "
    "coast, officials said 👩🏽‍💼👨🏿‍💼 after talks that ran late into the night 🌙✨.\n\n"
    "The ministers 🙌 said construction would begin next year 🚧 and create thousands of jobs 👷‍♀️.\n"
)
ZALGO = "".join(ch + "\u0301\u0316\u0334\u0352\u0489" * 3 if ch.isalpha() else ch
                for ch in "Chile and Peru agreed on Monday to share data on fish stocks in Lima.\n\n"
                "The ministers said a joint survey ship would sail in the spring.\n")
BIG_NUMBERS = (
    "Trade figures no one can believe\n\n"
    "Brazil and Argentina said on Friday that two-way trade reached 1e309 dollars last year, "
    "and that the bloc's reserves stood at 99999999999999999999 billion US dollars.\n\n"
    f"A leaked draft put the cost of the bridge at US${'9' * 400} billion, or {'9' * 320} euros, "
    "and its share of the budget at 1e-400 percent and -0 percent.\n\n"
    "Officials also cited NaN million dollars, Infinity euros, 0x1F tonnes and "
    "1,000,000,000,000,000,000,000,000 tonnes of grain shipped through Rosario.\n"
)


def _text(name: str, content: str | bytes, encoding: str = "utf-8") -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path
    return write


def _made(name: str, make: Callable[[], bytes]) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path
    return write


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _with_nuls(text: str) -> bytes:
    data = bytearray(text.encode())
    for position in range(40, len(data), 97):
        if data[position] < 0x80:  # never inside a multi-byte character
            data[position:position] = b"\x00"
    return bytes(data)


def _invalid_utf8(text: str) -> bytes:
    data = text.encode()
    return data[:60] + b"\xff\xfe\xc3" + data[60:200] + b"\xed\xa0\x80\xc0\xaf" + data[200:] + b"\xe2\x82"


def _mixed_encodings() -> bytes:
    first = "Germany and Poland: Müller, Wałęsa and Šťastný talk trade in Kraków.\n\n"
    second = "The ministers met in Gdańsk and Düsseldorf to sign the agreement on rail.\n\n"
    return (first.encode("utf-8") + article(1).encode("utf-8")
            + second.encode("cp1250") + "Prices rose to 5 € in Köln.\n".encode("cp1252"))


def _mojibake() -> bytes:
    text = ("Vietnam and Cambodia agree on border markets\n\n"
            "Officials in Hà Nội and Phnôm Pênh said the new markets near Mộc Bài would open in "
            "June, and that trade through the crossing had doubled since last year.\n\n"
            "The two ministries will publish the rules for traders before the opening.\n")
    return text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")


def _long_sentence() -> bytes:
    clauses = [f"the {a.title.split(' talk ')[0]} delegation discussed item {i} of the agenda"
               for i, a in enumerate(_ARTICLES * 40)]
    return ("Ministers met for a long time\n\n" + ", and ".join(clauses) + ".\n").encode()


def _long_word() -> bytes:
    return (article(2) + "\n" + "".join(random.Random(3).choices("abcdefghij", k=200_000))
            + "\n").encode()


def _many_lines() -> bytes:
    rng = random.Random(5)
    # Lines of uneven width, so that they stay paragraphs of their own (not one hard-wrapped block).
    lines = [f"Crossing {i}." if i % 3 == 0 else
             f"Line {i}: {rng.choice(['Kenya', 'Peru', 'Japan'])} reported {rng.randint(1, 10**6)} "
             f"visitors at crossing {i}." for i in range(2000)]
    return (article(3) + "\n" + "\n".join(lines) + "\n").encode()


def _long_document() -> bytes:
    rng = random.Random(6)
    paragraphs = [f"Item {i}: {rng.choice(['Kenya', 'Peru', 'Japan'])} and "
                  f"{rng.choice(['Chile', 'Egypt', 'India'])} logged {rng.randint(1, 10**6)} crossings."
                  for i in range(45_000)]
    return "\n\n".join(paragraphs).encode()


def _single_line(size: int) -> Callable[[], bytes]:
    def make() -> bytes:
        sentence = (b"Kenya and Uganda discussed the pipeline again and again in Nairobi "
                    b"without reaching any decision on transit fees ")
        return (sentence * (size // len(sentence) + 1))[:size]
    return make


def _nested_html() -> bytes:
    depth = 20_000
    return (b"<!DOCTYPE html><html><head><title>Deep</title></head><body>" + b"<div>" * depth
            + b"<p>" + article(4).encode() + b"</p>" + b"</div>" * depth + b"</body></html>")


def _script_html() -> bytes:
    scripts = "".join(f"<script>var x{i} = '{'a' * 200}'; function f{i}() {{ return x{i}; }}</script>"
                      for i in range(300))
    return (f"<!DOCTYPE html><html><head><title>App</title>{scripts}</head><body>{scripts}"
            "<noscript>Enable JavaScript.</noscript></body></html>").encode()


def _tag_soup_html() -> bytes:
    paragraphs = "".join(f"<p><b><i>{p}<td><span>" for p in _ARTICLES[5].paragraphs)
    return (f"<html><head><title>{_ARTICLES[5].title}</title><body><div><article><h1>{_ARTICLES[5].title}"
            f"{paragraphs}</table></ul></div></div></article><footer>").encode()


def _html_entity_bomb() -> bytes:
    return (_lol_dtd("html") + "<html><head><title>Lol</title></head><body><article><h1>Lol</h1>"
            + "".join(f"<p>&lol9; {p}</p>" for p in _ARTICLES[6].paragraphs)
            + "</article></body></html>").encode()


def _html_wrong_charset() -> bytes:
    return ("<!DOCTYPE html><html><head><meta charset='windows-1251'><title>Düsseldorf talks</title>"
            "</head><body><article><h1>Düsseldorf talks</h1>"
            + "".join(f"<p>{p} Straße, Łódź, Đà Nẵng.</p>" for p in _ARTICLES[7].paragraphs)
            + "</article></body></html>").encode("utf-8")


def _html_huge_attribute() -> bytes:
    return (f"<!DOCTYPE html><html><head><title>Attr</title></head><body>"
            f"<div data-x=\"{'x' * 3_000_000}\"></div><article><h1>Attr</h1>"
            + "".join(f"<p>{p}</p>" for p in _ARTICLES[8].paragraphs)
            + "</article></body></html>").encode()


def _html_utf16() -> bytes:
    return _ARTICLES[9].as_html().replace("utf-8", "utf-16").encode("utf-16")


def _gzip_bomb() -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as handle:
        block = b"\0" * (1 << 20)
        for _ in range(300):
            handle.write(block)
    return buffer.getvalue()


def _truncated_gzip() -> bytes:
    data = gzip.compress(article(0).encode() * 20)
    return data[: len(data) // 2]


def warc(pages: list[tuple[str, bytes, str]], compress: bool = False) -> bytes:
    """A WARC with one response record per (url, body, content type)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def _warc_pages(compress: bool) -> bytes:
    return warc([(f"https://news.example.org/{i}", _ARTICLES[i].as_html().encode(),
                  "text/html; charset=utf-8") for i in range(3)], compress)


def _truncated_warc(compress: bool) -> Callable[[], bytes]:
    def make() -> bytes:
        first = warc([("https://news.example.org/a", _ARTICLES[0].as_html().encode(),
                       "text/html; charset=utf-8")], compress)
        whole = _warc_pages(compress)
        cut = len(first) + (len(whole) - len(first)) // 2  # halfway through the second record
        return whole[:cut]
    return make


def _warc_no_html() -> bytes:
    return warc([("https://news.example.org/data.json", b'{"a": 1}', "application/json"),
                 ("https://news.example.org/logo.png", _random_bytes(2000, 9), "image/png")])


def _jsonl(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _jsonl_broken() -> bytes:
    return _jsonl([_ARTICLES[0].as_json_line(), '{"text": "Kenya and Uganda agreed', "{,}",
                   _ARTICLES[1].as_json_line()[:-1] + ',}', "not json at all",
                   _ARTICLES[2].as_json_line()])


def _jsonl_non_objects() -> bytes:
    return _jsonl([_ARTICLES[3].as_json_line(), "[1, 2, 3]", '"a string"', "42", "null", "true",
                   json.dumps([{"text": article(4)}]), _ARTICLES[4].as_json_line()])


def _jsonl_wrong_types() -> bytes:
    return _jsonl([json.dumps({"text": 42}), json.dumps({"text": ["a", "b"]}),
                   json.dumps({"html": {"body": "x"}}), json.dumps({"title": "no text"}),
                   json.dumps({"text": "   "}),
                   json.dumps({"text": article(5), "url": ["x"], "published": {"y": 1},
                               "title": 12345, "source": None})])


def _jsonl_huge_line() -> bytes:
    record = json.loads(_ARTICLES[6].as_json_line())
    record["padding"] = "x" * 5_000_000
    return _jsonl([json.dumps(record), _ARTICLES[7].as_json_line()])


def _jsonl_huge_text() -> bytes:
    words = random.Random(11).choices(["Kenya", "Peru", "trade", "talks", "ministers", "agreed",
                                       "the", "and", "on", "in", "Monday", "pipeline"], k=50_000)
    return _jsonl([json.dumps({"text": " ".join(words)}), _ARTICLES[8].as_json_line()])


def _jsonl_surrogates() -> bytes:
    line = _ARTICLES[9].as_json_line().replace("talk", "talk \\ud800 \\udfff", 1)
    return _jsonl([line, _ARTICLES[10].as_json_line()])


def _jsonl_deep() -> bytes:
    return _jsonl([_ARTICLES[0].as_json_line(), "[" * 100_000 + "]" * 100_000,
                   '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}", _ARTICLES[1].as_json_line()])


def _jsonl_odd_values() -> bytes:
    return _jsonl(['{"text": ' + json.dumps(article(2)) + ', "published": 1e400, "title": NaN, '
                   '"source": -Infinity, "url": 99999999999999999999999}'])


def _jsonl_bom_crlf() -> bytes:
    return b"\xef\xbb\xbf" + "\r\n".join([_ARTICLES[3].as_json_line(),
                                          _ARTICLES[4].as_json_line()]).encode() + b"\r\n"


def _jsonl_separators() -> bytes:
    record = {"title": "Line\u2028and\u2029paragraph\x85separators",
              "text": article(5).replace(". ", ".\u2028 ", 2)}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def _lol_dtd(root: str) -> str:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)]
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{"".join(entities)}]>'


def _rss_items(indices: range, body: Callable[[int], str] | None = None) -> str:
    items = []
    for i in indices:
        a = _ARTICLES[i]
        text = body(i) if body else "<![CDATA[" + "".join(f"<p>{p}</p>" for p in a.paragraphs) + "]]>"
        items.append(f"<item><title>{a.title}</title><link>{a.url}</link>"
                     f"<pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate>"
                     f"<description>{text}</description></item>")
    return "".join(items)


def _rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (f'{prolog}<rss version="2.0"><channel><title>Harbour Post</title><language>en</language>'
            f"{items}</channel></rss>").encode()


def _feed_billion_laughs() -> bytes:
    return _rss(_rss_items(range(2), lambda i: "&lol9; " + _ARTICLES[i].paragraphs[0]), _lol_dtd("rss"))


def _feed_quadratic() -> bytes:
    prolog = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"a" * 50_000}">]>'
    return _rss(_rss_items(range(1), lambda i: "&a;" * 20_000), prolog)


def _feed_external_entity() -> bytes:
    prolog = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _rss(_rss_items(range(1), lambda i: "&xxe; " + _ARTICLES[i].paragraphs[0]), prolog)


def _feed_parameter_entity() -> bytes:
    prolog = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM '
              '"http://127.0.0.1:9/evil.dtd"> %remote;]>')
    return _rss(_rss_items(range(1)), prolog)


def _feed_bomb_malformed() -> bytes:
    return (_lol_dtd("rss") + '<rss version="2.0"><channel><title>x</title>'
            + _rss_items(range(1), lambda i: "&lol9;") + "<item><title>cut").encode()


def _feed_dtd_after_root() -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0">' + _lol_dtd("rss").split("?>", 1)[1]
            + "<channel><title>x</title>"
            + _rss_items(range(2), lambda i: "&lol9; " + _ARTICLES[i].paragraphs[0])
            + "</channel></rss>").encode()


def _feed_atom() -> bytes:
    entries = "".join(
        f'<entry><title>{a.title}</title><link href="{a.url}"/><updated>2024-03-05T08:00:00Z</updated>'
        f'<content type="html">{"".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in a.paragraphs)}</content></entry>'
        for a in _ARTICLES[3:5])
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Delta Herald</title>{entries}</feed>").encode()


def _feed_malformed() -> bytes:
    return _rss(_rss_items(range(2)) + "<item><title>Cut off<description><p>Half").replace(
        b"</channel></rss>", b"")


def _feed_script_entries() -> bytes:
    return _rss(_rss_items(range(2), lambda i: "<![CDATA[<script>alert(1)</script><style>p{}</style>]]>"))


def _sqlite_file(folder: Path) -> Path:
    path = folder / "accord.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(article(i % 12),) for i in range(40)])
    return path


def _broken_link(folder: Path) -> Path:
    path = folder / "gone.txt"
    os.symlink(folder / "does-not-exist.txt", path)
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _odd_name(folder: Path) -> Path:
    path = folder / "ár tí cle \u202e txt.gnp  (1) [final].txt"
    path.write_text(article(6))
    return path


def _empty_folder(folder: Path) -> Path:
    path = folder / "empty"
    path.mkdir()
    return path


def _mixed_folder(folder: Path) -> Path:
    path = folder / "mixed"
    (path / "sub").mkdir(parents=True)
    (path / "good.txt").write_text(article(7))
    (path / "sub" / "good.html").write_text(_ARTICLES[8].as_html())
    (path / "junk.bin").write_bytes(_random_bytes(5000, 13))
    (path / "empty.txt").write_bytes(b"")
    (path / ".hidden.txt").write_text(article(9))
    return path


def _no_match(folder: Path) -> Path:
    return folder / "nothing-here-*.xml"


def _check_no_nul(conn: sqlite3.Connection) -> None:
    texts = [row[0] for row in conn.execute("SELECT clean_text FROM documents")]
    assert texts and not any("\x00" in text for text in texts)


def _check_small_store(conn: sqlite3.Connection) -> None:
    """Nothing stored expanded into more text than the input could hold."""
    longest = conn.execute("SELECT max(length(clean_text) + length(raw_text)) FROM documents").fetchone()[0]
    assert (longest or 0) < 200_000, longest
    assert not conn.execute("SELECT 1 FROM documents WHERE raw_text LIKE '%lollollollol%'").fetchone()


def _check_no_passwd(conn: sqlite3.Connection) -> None:
    assert not conn.execute("SELECT 1 FROM documents WHERE raw_text LIKE '%root:%'").fetchone()


def _check_finite_facts(conn: sqlite3.Connection) -> None:
    for value, value_max in conn.execute("SELECT value, value_max FROM facts"):
        assert value is not None and abs(value) != float("inf")
        assert value_max is None or abs(value_max) != float("inf")


def _check_no_long_paragraph(conn: sqlite3.Connection) -> None:
    [(text,)] = conn.execute("SELECT clean_text FROM documents").fetchall()
    assert max(len(p) for p in text.split("\n\n")) < 100_000 and "series" in text


def _check_undated(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT published, published_note FROM documents").fetchall()
    assert rows and all(published is None and note for published, note in rows)


def _check_language(code: str) -> Check:
    def check(conn: sqlite3.Connection) -> None:
        assert conn.execute("SELECT language FROM documents").fetchone()[0] == code
    return check


def _check_no_replacement(conn: sqlite3.Connection) -> None:
    text = conn.execute("SELECT clean_text FROM documents").fetchone()[0]
    assert "\ufffd" not in text


KINDS: list[Kind] = [
    # -- bytes that are not text
    Kind("empty_file", "bytes", "a file of zero bytes", "rejected", _text("empty.txt", b""),
         expect_reason="empty"),
    Kind("whitespace_only", "bytes", "spaces, tabs and newlines only", "rejected",
         _text("blank.txt", b" \t\n\r\n   \n"), expect_reason="empty"),
    Kind("zero_bytes", "bytes", "4 KB of NUL bytes", "rejected", _text("zeros.txt", b"\0" * 4096)),
    Kind("binary_junk", "bytes", "64 KB of random bytes", "rejected",
         _made("junk.txt", lambda: _random_bytes(65536, 1)), expect_reason="binary"),
    Kind("png_image", "bytes", "a PNG header and random image data named .html", "rejected",
         _made("photo.html", lambda: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + _random_bytes(8000, 2))),
    Kind("sqlite_database", "bytes", "a SQLite database file passed as an article", "rejected",
         _sqlite_file),
    Kind("nul_in_text", "bytes", "a good article with NUL bytes every 97 bytes", "stored",
         _made("nul.txt", lambda: _with_nuls(article(0))), check=_check_no_nul),
    Kind("control_chars", "bytes", "ANSI colour codes, BEL, backspace and form feeds in the text",
         "stored", _text("ansi.txt", "\x1b[31m" + article(1).replace(". ", ".\x07\x08\x0c ") + "\x1b[0m")),
    # -- encodings
    Kind("cp1252", "encoding", "an article in Windows-1252 (Latin-1) with accented names", "stored",
         _text("latin1.txt", article(2) + "\nJosé Müller and François Öztürk signed in Curaçao.\n",
               "cp1252"), check=_check_no_replacement),
    Kind("mixed_encodings", "encoding", "UTF-8, Windows-1250 and Windows-1252 in one file", "stored",
         _made("mixed.txt", _mixed_encodings)),
    Kind("invalid_utf8", "encoding", "UTF-8 with stray, overlong, surrogate and cut sequences",
         "stored", _made("bad-utf8.txt", lambda: _invalid_utf8(article(3)))),
    Kind("utf16le_no_bom", "encoding", "UTF-16 little-endian without a byte order mark", "stored",
         _text("u16le.txt", article(4), "utf-16-le")),
    Kind("utf16be_no_bom", "encoding", "UTF-16 big-endian without a byte order mark", "stored",
         _text("u16be.txt", article(5), "utf-16-be")),
    Kind("utf16_bom", "encoding", "UTF-16 with a byte order mark", "stored",
         _text("u16.txt", article(6), "utf-16")),
    Kind("utf8_bom", "encoding", "UTF-8 with a byte order mark", "stored",
         _text("bom.txt", "\ufeff" + article(7))),
    Kind("utf32", "encoding", "UTF-32 with a byte order mark", "either",
         _text("u32.txt", article(8), "utf-32")),
    Kind("mojibake", "encoding", "UTF-8 read as Windows-1252 and saved again (double encoding)",
         "stored", _made("mojibake.txt", _mojibake)),
    Kind("cut_utf8_char", "encoding", "UTF-8 cut in the middle of its last character", "stored",
         _made("cut.txt", lambda: VIETNAMESE.encode()[:-2])),
    Kind("shift_jis", "encoding", "a Japanese text in Shift JIS", "either",
         _text("sjis.txt", "日本とインドは火曜日、高速鉄道の協力を拡大することで合意した。"
                           "両国の首相は東京で会談した。\n", "shift_jis")),
    # -- size and shape
    Kind("huge_single_line_50mb", "size", "a 50 MB file that is one line (default 20 MB limit)",
         "rejected", _made("huge.txt", _single_line(50 * 2**20)), expect_reason="too large"),
    Kind("huge_single_line_raised_limit", "size",
         "the 50 MB one-line file again with --max-mb 64", "rejected",
         _made("huge.txt", _single_line(50 * 2**20)), max_mb=64, expect_reason="paragraph"),
    Kind("long_single_line", "size", "a 300 KB file that is one line (one paragraph)",
         "rejected", _made("long.txt", _single_line(300_000)), expect_reason="paragraph"),
    Kind("long_document", "size", "2.4 MB of 45,000 distinct short paragraphs (a dump, not an article)",
         "rejected", _made("dump.txt", _long_document), expect_reason="characters of text"),
    Kind("long_sentence", "size", "one sentence of 30,000 characters without a full stop", "stored",
         _made("sentence.txt", _long_sentence)),
    Kind("long_word", "size", "an article, then a 200,000-letter word (an inline blob)", "stored",
         _made("word.txt", _long_word), check=_check_no_long_paragraph),
    Kind("many_lines", "size", "an article followed by 2,000 short distinct lines", "stored",
         _made("lines.txt", _many_lines)),
    Kind("crlf_and_cr", "size", "CRLF and bare CR line ends", "stored",
         _text("crlf.txt", article(9).replace("\n", "\r\n")[:300] + article(9).replace("\n", "\r")[300:])),
    Kind("no_letters", "size", "digits and punctuation only", "rejected",
         _text("digits.txt", "2024-01-01 12:00 ... 42 % -- 3.14 / 7 = ?!\n" * 20)),
    Kind("single_word", "size", "one word", "rejected", _text("word1.txt", "Vientiane\n"),
         expect_reason="no article text"),
    Kind("header_only", "size", "a header block and no text", "rejected",
         _text("header.txt", "TITLE: Nothing here\nPUBLISHED: 2024-01-01\n---\n\n"),
         expect_reason="header"),
    Kind("header_thousand_lines", "size", "1,000 'Key: value' lines before the text", "stored",
         _text("keys.txt", "".join(f"Key{i}: value {i}\n" for i in range(1000)) + article(10))),
    # -- HTML
    Kind("deeply_nested_html", "html", "an article inside 20,000 nested <div> elements", "either",
         _made("deep.html", _nested_html)),
    Kind("all_script_html", "html", "a page that is all <script> and <noscript>", "rejected",
         _made("app.html", _script_html), expect_reason="no article text"),
    Kind("tag_soup_html", "html", "unclosed and misnested tags around an article", "stored",
         _made("soup.html", _tag_soup_html)),
    Kind("html_entity_bomb", "html", "a page whose DOCTYPE declares a billion-laughs entity",
         "either", _made("lol.html", _html_entity_bomb), check=_check_small_store),
    Kind("html_wrong_charset", "html", "UTF-8 bytes in a page that declares windows-1251", "stored",
         _made("charset.html", _html_wrong_charset)),
    Kind("html_huge_attribute", "html", "a 3 MB attribute value before the article", "stored",
         _made("attr.html", _html_huge_attribute)),
    Kind("html_utf16", "html", "an HTML page in UTF-16", "either", _made("u16.html", _html_utf16)),
    # -- compressed and archives
    Kind("gzip_text", "archive", "a gzipped article", "stored",
         _made("article.txt.gz", lambda: gzip.compress(article(11).encode()))),
    Kind("truncated_gzip", "archive", "a gzip stream cut in half", "rejected",
         _made("cut.txt.gz", _truncated_gzip), expect_reason="gzip"),
    Kind("gzip_bomb", "archive", "300 MB of zeros in a 300 KB gzip", "rejected",
         _made("bomb.gz", _gzip_bomb), expect_reason="gzip expands"),
    Kind("nested_gzip", "archive", "gzip inside gzip", "rejected",
         _made("twice.gz", lambda: gzip.compress(gzip.compress(article(0).encode()))),
         expect_reason="nested gzip"),
    Kind("gzip_of_junk", "archive", "a gzip of random bytes", "rejected",
         _made("junk.gz", lambda: gzip.compress(_random_bytes(20000, 4)))),
    Kind("warc", "archive", "a WARC of three HTML responses", "stored",
         _made("crawl.warc", lambda: _warc_pages(False)), stored_at_least=3),
    Kind("truncated_warc", "archive", "a WARC cut halfway through its second record", "partial",
         _made("cut.warc", _truncated_warc(False)), expect_reason="truncated"),
    Kind("truncated_warc_gz", "archive", "a WARC.gz cut halfway through its second record",
         "partial", _made("cut.warc.gz", _truncated_warc(True)), expect_reason="truncated"),
    Kind("warc_no_html", "archive", "a WARC of JSON and PNG responses only", "rejected",
         _made("data.warc", _warc_no_html), expect_reason="no HTML"),
    Kind("warc_header_only", "archive", "a WARC version line and nothing else", "rejected",
         _text("stub.warc", "WARC/1.0\r\n")),
    # -- JSON Lines
    Kind("jsonl_broken_lines", "jsonl", "good lines between unterminated and invalid ones",
         "partial", _made("broken.jsonl", _jsonl_broken), stored_at_least=2,
         expect_reason="invalid JSON"),
    Kind("jsonl_non_objects", "jsonl", "arrays, strings, numbers, null and true as lines", "partial",
         _made("values.jsonl", _jsonl_non_objects), stored_at_least=2,
         expect_reason="expected a JSON object"),
    Kind("jsonl_wrong_types", "jsonl", "text as a number, a list, an object; missing text",
         "partial", _made("types.jsonl", _jsonl_wrong_types)),
    Kind("jsonl_huge_line", "jsonl", "a 5 MB line (a huge extra field) and a normal line", "stored",
         _made("huge.jsonl", _jsonl_huge_line), stored_at_least=2),
    Kind("jsonl_huge_text", "jsonl", "a line whose text is one 290,000-character paragraph, then a good line",
         "partial", _made("bigtext.jsonl", _jsonl_huge_text), expect_reason="paragraph"),
    Kind("jsonl_lone_surrogates", "jsonl", "escaped lone surrogates (\\ud800) in the text", "stored",
         _made("surrogates.jsonl", _jsonl_surrogates), stored_at_least=2),
    Kind("jsonl_deep_nesting", "jsonl", "lines of 100,000 nested arrays between good lines",
         "partial", _made("deep.jsonl", _jsonl_deep), stored_at_least=2),
    Kind("jsonl_odd_values", "jsonl", "NaN, Infinity, 1e400 and a 23-digit integer as metadata",
         "stored", _made("odd.jsonl", _jsonl_odd_values)),
    Kind("jsonl_bom_crlf", "jsonl", "a byte order mark and CRLF line ends", "stored",
         _made("bom.jsonl", _jsonl_bom_crlf), stored_at_least=2),
    Kind("jsonl_line_separators", "jsonl", "U+2028, U+2029 and U+0085 inside strings", "stored",
         _made("seps.jsonl", _jsonl_separators)),
    # -- feeds
    Kind("feed_billion_laughs", "feed", "RSS with the billion-laughs entity bomb", "rejected",
         _made("lol.xml", _feed_billion_laughs), expect_reason="feed refused",
         check=_check_small_store),
    Kind("feed_quadratic_blowup", "feed", "RSS with one 50 KB entity used 20,000 times", "rejected",
         _made("quadratic.xml", _feed_quadratic), expect_reason="feed refused",
         check=_check_small_store),
    Kind("feed_external_entity", "feed", "RSS with an external entity reading /etc/passwd",
         "rejected", _made("xxe.xml", _feed_external_entity), expect_reason="feed refused",
         check=_check_no_passwd),
    Kind("feed_parameter_entity", "feed", "RSS with an external parameter entity (a remote DTD)",
         "rejected", _made("pe.xml", _feed_parameter_entity), expect_reason="feed refused"),
    Kind("feed_bomb_then_malformed", "feed", "an entity bomb followed by broken XML", "rejected",
         _made("lol-broken.xml", _feed_bomb_malformed), expect_reason="feed refused",
         check=_check_small_store),
    Kind("feed_dtd_after_root", "feed", "an entity bomb declared inside the root element",
         "either", _made("lol-inside.xml", _feed_dtd_after_root), check=_check_small_store),
    Kind("feed_rss", "feed", "a good RSS feed of three entries", "stored",
         _made("feed.xml", lambda: _rss(_rss_items(range(3)))), stored_at_least=3),
    Kind("feed_atom", "feed", "a good Atom feed with escaped HTML content", "stored",
         _made("atom.xml", _feed_atom), stored_at_least=2),
    Kind("feed_no_entries", "feed", "an RSS channel without items", "rejected",
         _made("none.xml", lambda: _rss("")), expect_reason="no entries"),
    Kind("feed_malformed", "feed", "RSS cut off inside an item", "either",
         _made("cut.xml", _feed_malformed)),
    Kind("feed_script_entries", "feed", "RSS entries whose content is only script and style",
         "rejected", _made("scripts.xml", _feed_script_entries), expect_reason="no content"),
    # -- scripts and languages
    Kind("lao", "script", "an article in Lao (no spaces between words)", "stored",
         _text("lao.txt", LAO), check=_check_language("lo")),
    Kind("vietnamese", "script", "an article in Vietnamese", "stored",
         _text("vi.txt", VIETNAMESE), check=_check_language("vi")),
    Kind("arabic_rtl", "script", "an article in Arabic (right to left)", "stored",
         _text("ar.txt", ARABIC), check=_check_language("ar")),
    Kind("hebrew_bidi_controls", "script", "Hebrew with RLE, PDF, RLO and RLM controls", "stored",
         _text("he.txt", HEBREW_BIDI)),
    Kind("chinese", "script", "an article in Chinese", "stored", _text("zh.txt", CHINESE)),
    Kind("emoji", "script", "an article full of emoji, flags and ZWJ sequences", "stored",
         _text("emoji.txt", EMOJI)),
    Kind("zalgo", "script", "every letter under a stack of combining marks", "stored",
         _text("zalgo.txt", ZALGO)),
    # -- numbers and dates
    Kind("absurd_numbers", "numbers",
         "1e309, 99999999999999999999 billion, a 400-digit sum, NaN and Infinity", "stored",
         _text("numbers.txt", BIG_NUMBERS), check=_check_finite_facts),
    Kind("impossible_dates", "numbers", "PUBLISHED: 31/02/2024 and impossible dates in the text",
         "stored", _text("dates.txt", "PUBLISHED: 31/02/2024\n---\nFebruary 30, 2024\n\n" + article(0)
                         + "\nThe talks of 45 December 99999 and 0000-00-00 were recalled.\n"),
         check=_check_undated),
    Kind("overflowing_date", "numbers", "PUBLISHED: Tue, 05 Mar 2222222024 08:00:00 +0000",
         "stored", _text("overflow.txt", "PUBLISHED: Tue, 05 Mar 2222222024 08:00:00 +0000\n---\n"
                         + article(3)), check=_check_undated),
    Kind("far_dates", "numbers", "publication dates in year 9999 and year 1", "either",
         _made("far.jsonl", lambda: _jsonl([json.dumps({"text": article(i), "published": d})
                                           for i, d in ((1, "9999-12-31"), (2, "0001-01-01"))]))),
    # -- files and folders
    Kind("broken_symlink", "files", "a symbolic link to a file that does not exist", "rejected",
         _broken_link, expect_reason="no such file"),
    Kind("fifo", "files", "a named pipe with no writer (reading it would block)", "rejected",
         _fifo, expect_reason="not a regular file"),
    Kind("odd_file_name", "files", "a file name with spaces, accents, brackets and U+202E",
         "stored", _odd_name),
    Kind("empty_folder", "files", "a folder with no files", "rejected", _empty_folder),
    Kind("mixed_folder", "files", "a folder tree of good, junk, empty and hidden files", "partial",
         _mixed_folder, stored_at_least=2),
    Kind("glob_without_match", "files", "a glob pattern that matches nothing", "rejected",
         _no_match, expect_reason="no such file"),
]

_names = [kind.name for kind in KINDS]
assert len(set(_names)) == len(_names), "kind names must be unique"
