"""Small article texts and input builders written for the tests.

Every text here is invented; nothing is copied from the seed articles in ../shared/seeds.
"""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

KENYA_UGANDA = (
    "Kenya and Uganda agree to extend the oil pipeline\n\n"
    "Nairobi and Kampala signed an agreement on Tuesday to extend the crude oil pipeline to the "
    "port of Lamu, the two energy ministers said in a joint statement after talks in Mombasa.\n\n"
    "The pipeline is expected to carry about two hundred thousand barrels a day once it is "
    "complete, according to the statement, and construction should begin early next year.\n\n"
    "Officials from both countries will meet again in Kampala next month to settle the question "
    "of transit fees and the share of jobs reserved for local workers.\n"
)

BRAZIL_ARGENTINA = (
    "Brazil and Argentina revive talks on car tariffs\n\n"
    "Brazil and Argentina agreed on Sunday to restart negotiations on car and steel tariffs inside "
    "the Mercosur bloc, the foreign ministers of both countries told reporters in Montevideo.\n\n"
    "The two governments have clashed for years over quotas on vehicles crossing their border, "
    "and industry groups on both sides welcomed the decision to return to the table.\n"
)

JAPAN_INDIA = (
    "Japan and India expand rail and defence cooperation\n\n"
    "Tokyo and New Delhi signed an agreement on Friday to extend a high-speed rail corridor, "
    "officials from both governments said after a day of talks in the Indian capital.\n\n"
    "The Japanese side will provide low-interest loans for the project, which is expected to cut "
    "travel times between Mumbai and Ahmedabad to about two hours when it opens.\n\n"
    "Both prime ministers described the partnership as a pillar of stability in the Indo-Pacific "
    "region and promised further cooperation on defence technology and cyber security.\n"
)

VIETNAM_NAMES = (
    "Tô Lâm meets Lao leaders in Vientiane\n\n"
    "General Secretary Tô Lâm discussed the Vũng Áng port and a new highway to Đà Nẵng with his "
    "hosts, according to a statement issued by the two delegations on Wednesday evening.\n\n"
    "The talks also covered electricity exports and a joint commission on border markers.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan and India expand rail cooperation | Asia Wire</title>
<meta property="og:site_name" content="Asia Wire">
<meta property="article:published_time" content="2024-06-14T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">Asia Wire</div><a href="/subscribe">Subscribe to our newsletter</a></header>
<main><article><h1>Japan and India expand rail cooperation</h1>
<p>Tokyo and New Delhi signed an agreement on Friday to extend a high-speed rail corridor, officials
from both governments said after a day of talks in the Indian capital.</p>
<p>The Japanese side will provide low-interest loans for the project, which is expected to cut travel
times between Mumbai and Ahmedabad to about two hours when it opens.</p>
<p>Both prime ministers described the partnership as a pillar of stability in the Indo-Pacific region
and promised further cooperation on defence technology.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Stock markets close higher on Friday</a></li>
<li><a href="/y">Heavy rain warning issued for the coast</a></li></ul></aside></main>
<footer><p>Copyright 2024 Asia Wire. All rights reserved.</p><a href="/privacy">Privacy policy</a>
<a href="/contact">Contact the newsroom</a></footer>
</body></html>
"""

HTML_NO_ARTICLE = """<!DOCTYPE html><html><head><title>Asia Wire</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About</a></nav>
<footer>Copyright 2024 Asia Wire</footer></body></html>
"""


def warc_bytes(pages: list[tuple[str, bytes]], gzip: bool = False,
               content_type: str = "text/html; charset=utf-8") -> bytes:
    """A WARC (optionally gzipped per record) with one HTTP response record per (url, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def html_page(title: str, paragraphs: list[str]) -> bytes:
    """A small article page with navigation and footer around the text."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2024 Example News</footer></body></html>").encode()
