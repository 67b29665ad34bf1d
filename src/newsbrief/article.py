"""Load an article (txt, md, html) as one text: decoded, checked, web pages reduced.

Reading stops at :class:`~newsbrief.model.Source`; the split into units with
exact spans is :mod:`newsbrief.units` (its names are importable from here too).
Offsets always point into ``Source.text``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import functools
import hashlib
import os
import re
import stat
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from .config import DEFAULT_MAX_BYTES, display_path, read_at_most
from .errors import NewsbriefError
from .model import Source
from .units import (
    DATELINE,
    MAX_BLOCK_CHARS,
    Block,
    build_units,
    is_date_line,
    is_heading_text,
    split_blocks,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BLOCK_CHARS",
    "Block",
    "build_units",
    "decode_bytes",
    "front_matter_date",
    "language_warning",
    "local_path",
    "plain_markdown",
    "read_source",
    "source_from_text",
    "split_blocks",
]

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: File suffixes read as articles in a folder (case-insensitive), and tried,
#: in this order, for the article an overrides file names.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_MD_SUFFIXES = {".md", ".markdown"}


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes, accepting the encodings news text arrives in.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded as such,
    and so is UTF-16 without a BOM when one byte in two is NUL (Latin text);
    anything else that is not valid UTF-8 is read in the encoding a web page
    declares (``<meta charset>``), else as Windows-1252, whose
    printable range is a superset of Latin-1, falling back to Latin-1 itself
    for the five bytes cp1252 leaves undefined.

    Parameters
    ----------
    data : bytes
        The raw file content.
    name : str
        The file name, for error messages.

    Returns
    -------
    str
        The decoded text with newlines normalised to ``\\n`` and invisible
        characters that split words (zero-width space, soft hyphen) or reorder
        them (bidirectional controls) removed.
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise NewsbriefError(f"{name}: not valid {codec} text ({exc.reason})") from None
            return _check_text(_normalise_text(text), name)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NewsbriefError(f"{name}: binary content ({what}), not an article")
    if b"\x00" in data:
        wide = _bomless_utf16(data)
        if wide is None:
            raise NewsbriefError(f"{name}: binary content (NUL bytes), not an article")
        return _check_text(_normalise_text(wide), name)
    return _check_text(_normalise_text(_single_byte(data)), name)


def _single_byte(data: bytes) -> str:
    """Bytes without BOM or NUL: UTF-8, else the page's declared encoding, else Windows-1252."""
    for codec in ("utf-8", _declared_charset(data), "cp1252"):
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


#: A web page's own statement of its encoding, in its head: ``<meta
#: charset="windows-1251">``, the older ``http-equiv`` form, or an XML
#: declaration. Only the first bytes are searched, as browsers do.
_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CHARSET_WINDOW = 4096


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page declares, when Python knows it, or None.

    Bytes that are not UTF-8 were read as Windows-1252 whatever the page
    said: a Cyrillic or Greek page saved in its own code page became Latin
    gibberish that was analysed without a word of warning. Valid UTF-8 is
    still read as such first (pages often declare Latin-1 and send UTF-8).
    """
    m = _CHARSET.search(data[:_CHARSET_WINDOW])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # Bytes without NUL are no UTF-16 or -32, whatever the page says (browsers
    # read such a declaration as UTF-8, which has been tried).
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM (some Windows tools do), or None.

    Text in a Latin script has a zero high byte in nearly every code unit,
    so one byte in two is NUL; binary data has NULs scattered at random.
    """
    if len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) >= 0.9 * len(high):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


#: Characters that render as nothing but split a word for the tokenizer
#: ("Ger\u200bmany" is not Germany): zero-width space, word joiner, a
#: byte-order mark inside the text, soft hyphen. Web pages and word
#: processors leave them in copied text. Zero-width (non-)joiners stay: in
#: some scripts they change how a word is spelled.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
#: Bidirectional controls: embeddings, overrides and isolates (U+202A-202E,
#: U+2066-2069) and the direction marks (U+200E, U+200F, U+061C). An English
#: article has no use for them, and shown in the briefing an override that the
#: article never closes reverses every word after it, the briefing's own
#: included ("Trojan source"); a mark inside a word splits it like a zero-width
#: space.
_INVISIBLE.update(dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e")))
_INVISIBLE.update(dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u061c")))
#: A form feed or vertical tab (a page break in text printed from a PDF or
#: a word processor) is whitespace inside a line; XML 1.0, and with it the
#: GraphML, GEXF and HTML exports, cannot carry either character.
_INVISIBLE.update({ord("\f"): " ", ord("\v"): " "})


def _normalise_text(text: str) -> str:
    """Newlines to ``\\n``, invisible word-splitting characters removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)


def _check_text(text: str, name: str) -> str:
    if not text.strip():
        raise NewsbriefError(f"{name}: the article is blank")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(2, len(text) // 100):
        raise NewsbriefError(f"{name}: binary content (control characters), not an article")
    return text


#: Below this share of English function words a text of at least
#: :data:`_LANGUAGE_MIN_WORDS` words is not English: the corpus's articles
#: have 0.29-0.55 (fact sheets and lists lowest); German, French or Spanish
#: prose about 0.0-0.1.
_ENGLISH_SHARE = 0.15
_LANGUAGE_MIN_WORDS = 20


def language_warning(text: str, name: str) -> str | None:
    """A warning when ``text`` does not read as English, else None.

    The parser, the lexicons and the claim models are English only: another
    language gives an analysis with hardly an actor and claims categorized
    at random, yet no error. The test is the share of words that are English
    function words (spaCy's English stop-word list, which the parser already
    ships), so it needs no model; a text too short to tell is let be.
    """
    words = _WORDS.findall(text.casefold())
    if len(words) < _LANGUAGE_MIN_WORDS:
        return None
    stop = _english_stop_words()
    share = sum(w in stop for w in words) / len(words)
    if share >= _ENGLISH_SHARE:
        return None
    return (
        f"{name}: does not read as English ({share:.0%} of its words are common English "
        "words); newsbrief reads English only, so its actors and claims will be poor"
    )


_WORDS = re.compile(r"[^\W\d_]+")


@functools.cache
def _english_stop_words() -> frozenset[str]:
    """The English stop words the parser already ships (spaCy's list).

    Imported here, not at the top: the warning is given after an analysis,
    when spaCy is loaded anyway, and reading an article must not load it.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


#: A web address where a file is expected; ``Path`` folds its "//" to "/".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:/")


def local_path(name: str) -> str:
    """The local path a ``file:`` URL names, else ``name`` as it is.

    "file:///home/me/a%20story.txt" is a file on this machine, copied from a
    browser's address bar: it was refused as a web address to save first.
    ``Path`` folds its "//" to "/" ("file:/home/..."), which reads the same.

    Raises
    ------
    NewsbriefError
        For a file URL that names another machine ("file://server/share/...").
    """
    parts = urllib.parse.urlsplit(name)
    if parts.scheme.casefold() != "file":
        return name
    if parts.netloc not in ("", "localhost"):
        msg = f"{name}: is a file on another machine ({parts.netloc}); pass a local path"
        raise NewsbriefError(msg)
    return urllib.request.url2pathname(parts.path)


def _missing(p: Path, name: str) -> str:
    """Why a path that does not exist cannot be read, in the user's terms.

    A URL is the commonest mistake (newsbrief never goes to the network), and
    a symlink that loops or points nowhere "exists" as a link: saying "no
    such file" of a name the user can see in ``ls`` would mislead.
    """
    if _URL.match(name) and not p.parent.exists():
        url = re.sub(r"^([^:]+):/(?!/)", r"\1://", name)
        return f"{url}: is a web address; newsbrief reads files: save the page and pass its path"
    if p.is_symlink():
        try:
            p.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return f"{name}: is a symbolic link that loops"
        return f"{name}: is a symbolic link to a missing file ({os.readlink(p)})"
    return f"{name}: no such file"


def _mode(p: Path, name: str) -> int:
    """The file's mode; a name the system refuses (too long) is the user's error.

    ``Path.exists()`` answers False only for the usual misses and raises for
    the rest: a 300-character name was an internal error, and in corpus mode
    it ended the whole run.
    """
    try:
        return p.stat().st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.EBADF):
            raise NewsbriefError(_missing(p, name)) from None
        raise NewsbriefError(f"{name}: cannot read ({exc.strerror})") from None


def read_source(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read an article file into a :class:`~newsbrief.model.Source`.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.txt``, ``.md`` or ``.html`` file (HTML is also sniffed), or a
        ``file:`` URL of one.
    max_bytes : int
        Files larger than this are refused before they are read.

    Returns
    -------
    Source
        The decoded text, its hash and media type.

    Raises
    ------
    NewsbriefError
        For a missing path, a directory, an empty, blank, binary or oversized
        file, or HTML with no article text.
    """
    if local_path(str(path)) != str(path):
        path = local_path(str(path))
    p = Path(path)
    name = str(path)
    mode = _mode(p, name)
    if stat.S_ISDIR(mode):
        raise NewsbriefError(f"{name}: is a directory, not an article file")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise NewsbriefError(f"{name}: is a device or socket, not an article file")
    try:
        # Read one byte past the limit rather than trust the size: a pipe has
        # none and a file may grow between the check and the read.
        with p.open("rb") as fh:
            data = read_at_most(fh, max_bytes)
    except OSError as exc:
        raise NewsbriefError(f"{name}: cannot read ({exc.strerror})") from None
    if not data:
        raise NewsbriefError(f"{name}: the file is empty")
    if len(data) > max_bytes:
        size = f"{p.stat().st_size:,} bytes" if stat.S_ISREG(mode) else "the stream"
        raise NewsbriefError(
            f"{name}: {size} is over the {max_bytes:,}-byte limit (raise it with --max-bytes)"
        )
    text = decode_bytes(data, name)
    return source_from_text(text, path=display_path(path), sha256=hashlib.sha256(data).hexdigest())


def source_from_text(text: str, path: str = "<text>", sha256: str | None = None) -> Source:
    """Build a Source from already-decoded text, extracting HTML when it is HTML.

    Parameters
    ----------
    text : str
        The article, plain text, Markdown or HTML.
    path : str
        Where it came from; its suffix selects the media type.
    sha256 : str, optional
        Hash of the original bytes; computed from ``text`` when omitted.

    Returns
    -------
    Source
    """
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = _normalise_text(text)
    suffix = Path(path).suffix.lower()
    head = text.lstrip()[:200].lower()
    if suffix in _HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        title, pieces = _extract_html(text, path)
        if title and not pieces[0][1].startswith(title):
            pieces.insert(0, ("title", title))
        body_text, kinds = _joined(pieces)
        return Source(
            path=path,
            text=body_text,
            sha256=digest,
            media_type="html",
            title=title,
            line_kinds=kinds,
        )
    if suffix in _MD_SUFFIXES:
        return Source(
            path=path,
            text=plain_markdown(text),
            sha256=digest,
            media_type="markdown",
            date=front_matter_date(text),
        )
    return Source(path=path, text=text, sha256=digest, media_type="text")


def plain_markdown(text: str) -> str:
    """A Markdown article's text without its inline markup, line for line.

    Left in, "[the accord](https://...)" and "*the foreign ministry* said"
    reached the claims table as written, and the parse read "*" as the
    sentence's source. Headings, list and quote markers are the structure
    the units read, and stay; so does every line break, so the layout that
    :func:`newsbrief.units.split_blocks` reads is the file's. The markup is
    read by a CommonMark parser (markdown-it-py), not by patterns: a code
    span keeps its "*", "snake_case" its underscores, an entity becomes its
    character, inline HTML and images go, and a link keeps its words even
    across a line break. Each line's text is replaced where it stands, so a
    line keeps its block markers; reference definitions are blanked.
    """
    from markdown_it import MarkdownIt  # only for Markdown articles

    text = _without_front_matter(text)
    parser = MarkdownIt("commonmark")
    # A renderer refuses a link to "javascript:", "vbscript:", "file:" or
    # "data:" and leaves "[the minister](javascript:...)" as literal text, which
    # reached the claims table and made "The [minister](javascript" a source.
    # No link is ever rendered here, only its words kept: every target is one.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    lines = text.split("\n")
    keep: set[int] = set()  # lines the parser reads as part of a block
    for token in parser.parse(text):
        if token.map is None:
            continue
        start, end = token.map
        keep.update(range(start, end))
        if token.type == "inline":
            first = _replace_inline(lines, token.content, token.children or [], start, end)
            keep.difference_update(range(start, first))  # reference definitions above it
    return "\n".join(line if k in keep or not line.strip() else "" for k, line in enumerate(lines))


#: A front matter block that opens a Markdown file (Jekyll, Hugo, Pandoc):
#: YAML between "---" lines or TOML between "+++" lines, each line a key.
_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n"
    r"(?P<body>(?:[ \t]*(?:[A-Za-z_][\w-]*[ \t]*[:=].*|-.*|#.*|)\n)*?)"
    r"(?:(?P=fence)|\.\.\.)[ \t]*(?:\n|\Z)"
)
#: The title a front matter gives: ``title: "..."`` or ``title = "..."``.
_FRONT_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*(?P<q>[\"']?)(?P<title>.+?)(?P=q)[ \t]*$", re.M)


#: The date a front matter gives: ``date: 2024-06-02``, ``date = 2024-06-02T10:00:00Z``,
#: quoted or not; the day is what an article's date is (a time after it is left).
_FRONT_DATE = re.compile(
    r"^date[ \t]*[:=][ \t]*[\"']?(?P<date>\d{4}-\d{2}-\d{2})(?:[T \t][^\n]*)?$", re.M
)


def front_matter_date(text: str) -> str | None:
    """The date of a Markdown file's front matter, as ``YYYY-MM-DD``, or None.

    The block is blanked out of the text (:func:`_without_front_matter`), so
    its date reached no view: a post that states no full date in its body
    was "undated" in the corpus view though its file says when it was
    written. Only an ISO date is read, the form Jekyll, Hugo and Pandoc
    write; an impossible one ("2024-02-30") is none.
    """
    block = _FRONT_MATTER.match(text)
    found = _FRONT_DATE.search(block.group("body")) if block else None
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group("date")).isoformat()
    except ValueError:
        return None


def _without_front_matter(text: str) -> str:
    """A Markdown article without the metadata block its blog engine reads.

    CommonMark takes the opening "---" for a rule and the closing one for a
    heading's underline, so "title: ...", "date: ..." and "tags: [...]" were
    the article's title and first headings. The block's lines are blanked
    (the layout stays line for line); its title becomes the headline when
    the body opens with no heading of its own.
    """
    block = _FRONT_MATTER.match(text)
    if block is None:
        return text
    rest = text[block.end() :]
    lines = ["" for _ in range(block.group(0).count("\n"))]
    title = _FRONT_TITLE.search(block.group("body"))
    if title and not rest.lstrip().startswith("#"):
        lines[0] = f"# {title.group('title')}"
    return "\n".join(lines) + ("\n" if lines else "") + rest


def _replace_inline(
    lines: list[str], content: str, children: list[Any], start: int, end: int
) -> int:
    """Put the plain text of one inline run in place of its source lines; the first line's index.

    The run's source (``content``, its block markers taken off) is found
    line by line in ``lines[start:end]``; a run whose plain text does not
    have its line count (a code span across a line break) is left as written.
    """
    source, plain = content.split("\n"), _plain_inline(children).split("\n")
    at = first = start
    if len(source) != len(plain):
        return first
    for k, (was, now) in enumerate(zip(source, plain, strict=True)):
        while at < end and was not in lines[at]:
            at += 1
        if at == end:
            break
        if k == 0:
            first = at
        i = lines[at].index(was)
        lines[at] = lines[at][:i] + now + lines[at][i + len(was) :]
        at += 1
    return first


def _plain_inline(children: list[Any]) -> str:
    """The words of an inline run: text and code, a line break for each break.

    Link and emphasis marks carry no text of their own; an image (its alt
    text describes a picture, not the news) and inline HTML go, keeping only
    the line breaks inside them.
    """
    out = []
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("image", "html_inline"):
            out.append("\n" * token.content.count("\n"))
    return "".join(out)


# Elements whose content is never article prose. Left unclosed, a raw-text
# element (iframe, textarea, a title inside the body) swallows the rest of the
# page as its text, and trafilatura then falls back to a baseline that breaks
# a sentence at each inline tag and keeps the swallowed markup as words.
_NOT_PROSE = (
    "//script|//style|//noscript|//template|//iframe|//textarea|//xmp|//plaintext"
    "|//object|//embed|//body//title"
)


#: The byline and the author's address, as the page marks them: a class
#: holding "byline" (hNews, and most news sites), schema.org's
#: ``itemprop="author"`` on a block, HTML's ``address``. The extractor kept
#: "By Jane Roe, Oslo correspondent" as the first claim of the article;
#: such a line names who wrote the page, it states nothing. Only a block
#: whose text the markup gives to the author is dropped, never a sentence
#: that names one.
_BYLINES = (
    "//address|//*[contains(@class, 'byline')]"
    "|//*[@itemprop='author'][self::p or self::div or self::span]"
)


# libxml2 builds no element below this many ancestors: what a page nests
# deeper is dropped without a word, so a cut tree would be read as a short
# (or empty) article. Real pages nest a few dozen deep.
_PARSER_DEPTH = 255


def _too_deep(tree: Any) -> bool:
    """Whether some element of ``tree`` sits at the parser's depth limit."""
    return bool(tree.xpath(f"boolean(//*[count(ancestor::*) >= {_PARSER_DEPTH}])"))


#: The page's blocks that can hold a line of furniture: paragraphs, list
#: items and a div or aside holding inline content only.
_FURNITURE_BLOCKS = "//p|//li|//dd|//dt|//div[not(.//p|.//div|.//li|.//ul|.//ol|.//table)]"
#: A block is furniture when at least this share of its letters lie inside
#: links: "Related: Drought empties the reservoirs" has 0.8, a sentence with
#: one linked name or phrase well under half.
_LINK_SHARE = 0.5
#: The most words a furniture line has outside its links: a label ("Related:",
#: "Read more:", "See also", "More from World") or separators.
_LABEL_WORDS = 3
_LETTER = re.compile(r"\w", re.UNICODE)
_SENTENCE_END = re.compile(r"""[.!?]["'\u2019\u201d)]*\s*$""")


def _link_furniture(tree: Any) -> list[Any]:
    """The page's blocks that are a line of links to other pages, not prose.

    A "Related: <a>...</a>" or "Read more: <a>...</a> | <a>...</a>" line
    inside the article body is kept by the extractor (it tests link density
    only on blocks shorter than 30 characters) and was read as a claim. The
    test is the page's own markup, not a word list: most of the block's
    letters are link text, what lies outside its links is a label of a few
    words at most, and the block does not end with a sentence stop outside a
    link (a sentence whose verb phrase is linked keeps its own final stop).
    """
    found = []
    for element in tree.xpath(_FURNITURE_BLOCKS):
        links = element.xpath(".//a[not(ancestor::a)]")
        if not links:
            continue
        total = len(_LETTER.findall(element.text_content()))
        linked = sum(len(_LETTER.findall(a.text_content())) for a in links)
        outside = _outside_links(element)
        # A label that ends in a colon introduces nothing but the links after
        # it, however short they are: "Share this article: Facebook Twitter"
        # has under half its letters in links.
        labelled = outside.rstrip().endswith(":")
        if (
            total
            and (linked >= _LINK_SHARE * total or labelled)
            and len(outside.split()) <= _LABEL_WORDS
            and not _SENTENCE_END.search(outside)
        ):
            found.append(element)
    found += _furniture_labels(found)
    # A block inside another found block goes with it: drop the outermost only.
    return [e for e in found if not any(a in found for a in e.iterancestors())]


#: The block elements that can hold a list's label ("Read more:").
_LABEL_TAGS = frozenset({"p", "div", "span", "strong", "b", "h2", "h3", "h4", "h5", "h6"})


def _furniture_labels(found: list[Any]) -> list[Any]:
    """The labels ("Read more:", "Related:") set just before a list of links found as furniture.

    The list's items went as furniture one by one, and the label, a block of
    its own, was left as the story's last claim. A label is a block of a few
    words without links that ends in a colon: it introduces only what follows.
    """
    labels = []
    for element in found:
        holder = element
        parent = element.getparent()
        if element.tag == "li" and parent is not None:
            if not all(li in found for li in parent.iterchildren("li")):
                continue
            holder = parent
        before = holder.getprevious()
        if before is None or before.tag not in _LABEL_TAGS or before in labels:
            continue
        text = " ".join(before.text_content().split())
        if text.endswith(":") and len(text.split()) <= _LABEL_WORDS and not before.xpath(".//a"):
            labels.append(before)
    return labels


def _outside_links(element: Any) -> str:
    """The text of ``element`` that lies outside its links, in page order."""
    parts = [element.text or ""] if element.tag != "a" else []
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append(child.tail or "")
            continue
        if child.tag != "a":
            parts.append(_outside_links(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _extract_html(html: str, name: str) -> tuple[str | None, list[tuple[str, str]]]:
    """Keep the headline and body of a web page; drop scripts, navigation, footers.

    The body comes as (kind, text) pieces, one per block element of the
    page, so that its headings, paragraphs and list items reach the units as
    the page marks them (see :func:`_pieces`).
    """
    import trafilatura  # heavy (lxml and friends): only for HTML articles

    tree = trafilatura.load_html(html)  # parsed once, as trafilatura would
    if tree is None:
        raise NewsbriefError(f"{name}: no article text found in the HTML")
    if _too_deep(tree):
        raise NewsbriefError(
            f"{name}: HTML elements nested {_PARSER_DEPTH} or more deep;"
            " the parser drops what lies deeper"
        )
    for element in tree.xpath(_NOT_PROSE):
        element.drop_tree()
    for element in _link_furniture(tree):
        element.drop_tree()
    # Taken out of the pieces, not the tree: without its byline the page
    # changed the extractor's reading (headline, date and photo credit as prose).
    bylines = {" ".join(e.text_content().split()) for e in tree.xpath(_BYLINES)}
    shown_date = _shown_date(tree)
    doc = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=True,  # keeps bold runs: see _bold_heading
        favor_recall=True,
        with_metadata=True,
    )
    body = getattr(doc, "body", None) if doc is not None else None
    pieces = _without_labels(_without_pull_quotes(_body_pieces(body, tree, bylines)))
    if not pieces:
        raise NewsbriefError(f"{name}: no article text found in the HTML")
    title = _title(doc)
    date = shown_date or getattr(doc, "date", None)
    if date and is_date_line(date) and not any(is_date_line(text) for _, text in pieces):
        # Under the headline, where the page shows it (the title, when the
        # reader adds it, goes above).
        first = pieces[0]
        headline = first[0] == "heading" and (title is None or first[1].startswith(title))
        pieces.insert(1 if headline else 0, ("para", date))
    return title, pieces


def _shown_date(tree: Any) -> str | None:
    """The date the page shows in its first ``<time>``, when that is a date line.

    The extractor leaves a ``<time>`` out of the body, so a web page's
    article had no date: the corpus view's timeline reads the date line
    above the first claim (:func:`newsbrief.corpusview.article_date`), else
    the latest full date of the text. The page's own wording is kept
    ("January 14, 2031"); else the extractor's metadata date (ISO) is used.
    The line is a heading that names no section
    (:func:`newsbrief.units.is_date_line`), not a claim.
    """
    for element in tree.iter("time"):
        text = " ".join(_normalise_text(element.text_content()).split())
        if text:
            return text if is_date_line(text) else None
    return None


def _body_pieces(body: Any, tree: Any, bylines: set[str]) -> list[tuple[str, str]]:
    """The (kind, text) pieces of the extracted body, or of the page's own blocks.

    The page's own blocks stand in for the extractor's run-on baseline (see
    :func:`_is_baseline`); they leave bylines out by their class, the
    extractor's pieces by the ``bylines`` text.
    """
    from trafilatura.xml import xmltotxt

    if body is None:
        return []
    if _is_baseline(body, tree):
        own = _own_blocks(tree)
        if own:
            return own
    # A part of the page the extractor kept as it found it (a div) keeps its
    # class and id attributes, and with them its captions and credits.
    _drop_own_furniture(body)
    blocks = any(child.tag in _BLOCK_TAGS for child in body)
    pieces = _without_lines(_pieces(body), bylines) if blocks else []
    if not pieces:
        # What the extractor fell back on (the page's nav, a div) is no body
        # of blocks: its plain text, not the extractor's text with the "**"
        # of its kept bold, is read by its layout.
        text = _normalise_text(xmltotxt(body, include_formatting=False)).strip()
        pieces = [("", text)] if text else []
    return pieces


#: The fewest words of a paragraph dropped as a pull-quote. Lifted out of a
#: longer paragraph, a sentence of five words is one ("We need boats, not
#: promises."); a paragraph said twice whole must have eight: a remarks
#: transcript repeats its short courtesies ("Thank you very much, everybody.")
#: as units of their own.
_PULL_QUOTE_WORDS = 5
_REPEATED_PARAGRAPH_WORDS = 8
_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d "


def _without_pull_quotes(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pieces without a paragraph that repeats words the page says elsewhere.

    A pull-quote (a ``blockquote`` or a boxed paragraph) sets a sentence of
    the story out again in large type, often without its quotation marks;
    extracted, it became a second claim that "restated" its own source. A
    one-line paragraph found inside a longer piece is such a repeat, and of
    two equal paragraphs the later goes.
    """
    flat = [" ".join(text.split()) for _, text in pieces]
    kept = []
    for k, (kind, text) in enumerate(pieces):
        core = flat[k].strip(_QUOTE_MARKS)
        words = sum(any(c.isalpha() for c in word) for word in core.split())  # not dates
        repeat = (
            kind == "para"
            and "\n" not in text
            and words >= _PULL_QUOTE_WORDS
            and any(
                (core in other and len(other) > len(flat[k]))
                or (other == flat[k] and j < k and words >= _REPEATED_PARAGRAPH_WORDS)
                for j, other in enumerate(flat)
                if j != k
            )
        )
        if not repeat:
            kept.append((kind, text))
    return kept


#: A paragraph that opens with a separator: what is left of a meta line once
#: its date (a ``<time>``) or its byline is taken out, "· Commentary",
#: "| Analysis".
_SEPARATOR_LINE = re.compile(r"^[\u00b7\u2022|/\u2013\u2014]\s*\S")


#: A news agency's credit line at a story's foot: "Reporting by A in Kell;
#: Editing by B", "(Additional reporting by C)". After "by" it holds names
#: (capitalised) and the credit words only, so "Reporting by the agency
#: showed ..." is a sentence and stays.
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\s+(?P<rest>.+?)\)?\.?$",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(
    {"and", "in", "by", "from", "additional", "reporting", "writing", "editing", "compiled"}
)


def _credit_line(text: str) -> bool:
    """Whether a paragraph is an agency's credit line, not a sentence of the story."""
    m = _CREDIT_LINE.match(text)
    if m is None or "\n" in text:
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", m["rest"])
    return all(w[0].isupper() or w.lower() in _CREDIT_WORDS for w in words)


#: A byline the page does not mark: "By Sam Lee and Ana Ortiz", "By Jane
#: Roe, Kell correspondent", "By Tom Vale | Reuters". After "By" it holds
#: capitalised names and these words only, so "By Friday the river had
#: risen ..." is a sentence and stays.
_BYLINE = re.compile(r"^(?:(?:Story|Written|Words|Text|Posted)\s+by|By)\s+(?P<rest>[A-Z].*?)$")
_PERSON_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019.-]+){1,2}"
#: Writers and their outlet, without "By": "Sam Lee and Ana Ortiz, CNN".
_NAMES_OUTLET = re.compile(
    rf"^{_PERSON_NAME}(?:(?:,\s+|\s+and\s+|,\s+and\s+){_PERSON_NAME})*"
    r",\s+[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,2}$"
)
_BYLINE_WORDS = frozenset(
    {"and", "de", "van", "von", "der", "bin", "al", "la", "le", "da", "dos"}
    | {"correspondent", "reporter", "editor", "writer", "staff", "bureau", "chief"}
    | {"contributor", "columnist", "senior", "special", "in"}
)
#: A byline names a few people and their desk, never more.
_BYLINE_MAX_WORDS = 12
#: A page's stamp of when it was published or changed: "Updated 3:04 PM EDT,
#: Tue July 30, 2024", "Published: 2 hours ago". Its words after the label
#: are those of a date or time only (:data:`_STAMP_WORDS`, digits, month and
#: day names, zones such as "EDT").
_STAMP = re.compile(
    r"^(?:Last\s+)?(?:Updated|Published|Posted|Modified|First\s+published)\b:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STAMP_WORDS = frozenset(
    {"at", "on", "ago", "hour", "hours", "minute", "minutes", "min", "mins", "day", "days"}
    | {"am", "pm", "a.m", "p.m", "a.m.", "p.m.", "updated", "published", "and", "yesterday"}
    | {"today"}
)
_CALENDAR_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur"
    r"|thurs|fri|sat|sun)[a-z]*\.?$",
    re.IGNORECASE,
)
#: A picture's credit: "Photo: Jane Roe/Reuters", "(Image: Getty Images)",
#: "Photograph by Ana Ruiz for Kell Times", "(AP Photo/Jane Roe)"; alone, a
#: photographer and agency joined by a slash ("Jane Roe/Reuters"). A caption ends with one, so a
#: line that does ("Guards at the crossing. Photo: Jane Roe/Reuters") is the
#: caption of a picture the reader dropped, not a sentence of the story.
_PICTURE_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\u201d\u2019\"')]\s))\(?(?:[A-Z][\w.]*\s+)?"
    r"(?:Photo|Photograph|Picture|Image|Video|Credit)s?"
    r"(?:\s+credit)?(?:\s*[:/]\s*|\s+by\s+)(?P<rest>[^.!?:]+?)\)?\.?$",
    re.IGNORECASE,
)
_PICTURE_WORDS = frozenset({"and", "for", "via", "the", "of", "by", "courtesy", "file", "handout"})
#: The most words a picture credit has after its label.
_PICTURE_MAX_WORDS = 8
#: A reporter's line at a story's foot: "CNN's Tom Hale contributed reporting.",
#: "Ana Ruiz in Kell contributed to this report."
_CONTRIBUTED = re.compile(
    r"^(?P<who>.+?)\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))"
    r"(?:\s+from\s+(?P<where>.+?))?\.?$"
)
_SLASH_CREDIT = re.compile(r"^\(?(?P<who>[^/()]{2,60})\s*/\s*(?P<agency>[^/()]{2,40})\)?$")
#: A byline without "By": a name, then the writer's desk ("Sam Lee, Kell correspondent").
_DESK_LINE = re.compile(
    r"^(?P<who>[^,]{3,60}),\s+(?P<desk>[^,]{0,40}?\b(?:correspondent|reporter|editor|writer))$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019./-]*")
#: A page's notices around a story: its reading time ("5 minute read"), an
#: advertisement's slot label, a copyright line ("© 2031 Kell Times. All
#: rights reserved."), and the calls to act that news sites set between
#: paragraphs ("Sign up for our newsletter", "Listen to this article"). Each
#: is worded to the reader about the page, so no sentence of a story reads
#: so: a call to act is an imperative without a stop, a notice a fixed phrase.
_PAGE_NOTICE = re.compile(
    r"^(?:\d+\s*[- ]?\s*(?:min|mins|minute|minutes)\.?\s+read"
    r"|advertisement|sponsored(?:\s+content)?|story continues below(?:\s+advertisement)?"
    r"|all rights reserved\.?"
    r"|(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.*"
    r"|(?:sign up|subscribe|follow us|click here|listen to this (?:article|story))\b[^.!?]*)$",
    re.IGNORECASE,
)
#: The most words a call to act or notice has.
_NOTICE_MAX_WORDS = 10
#: A note about the page itself, not its story: an editor's note ("Editor's
#: note: This story has been updated ...", a guest writer's biography) and
#: the page's own updates ("This is a developing story and will be updated.").
_PAGE_NOTE = re.compile(
    r"^(?:editor(?:s[\u2019']|[\u2019']s)?\s+note\s*:.*"
    r"|this (?:story|article|report|page|post) (?:has been|was|will be|is being) updated"
    r"(?:\s+(?:with|to)\b[^.!?,]*)?[.!?]?"
    r"|this is a (?:developing|breaking)(?: news)? story\b[^.!?,]*[.!?]?)$",
    re.IGNORECASE,
)

#: A newsroom's call for tips or a writer's contact ("Have a tip? Email us at
#: tips@kelltimes.example", "Reach Ana Ruiz at aruiz@kelltimes.example."):
#: an imperative to get in touch that gives an e-mail address, after at most
#: a short question to the reader. A story that cites an address cites it
#: in a sentence, not as a command to its reader.
_CONTACT = re.compile(r"^(?:e-?mail|contact|write to|reach|send|call|text|message|tell)\b", re.I)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_REPORTED = re.compile(r"\b(?:said|says|told|added)\b")
#: The most words of the question before a call for tips ("Got a confidential news tip?").
_ASK_MAX_WORDS = 8


def _names_only(text: str, allowed: frozenset[str]) -> bool:
    """Whether every word of ``text`` is capitalised (a name) or one of ``allowed``."""
    words = _NAME_WORD.findall(text)
    return bool(words) and all(w[0].isupper() or w.lower() in allowed for w in words)


def _contact_notice(line: str) -> bool:
    """Whether a line asks the reader to get in touch at an address (:data:`_CONTACT`)."""
    if _REPORTED.search(line):
        return False  # "Email the ministry at ..., officials said.": a story's words
    sentences = re.split(r"(?<=[.?!])\s+", line.strip())
    asks = [s for s in sentences if _CONTACT.match(s)]
    return any(_ADDRESS.search(s) for s in asks) and all(
        s in asks or (s.endswith("?") and len(s.split()) <= _ASK_MAX_WORDS) for s in sentences
    )


def _stamp_word(word: str) -> bool:
    """Whether a word can be part of a date or a time ("3:04", "July", "EDT", "ago")."""
    return (
        any(c.isdigit() for c in word)
        or word.lower() in _STAMP_WORDS
        or bool(_CALENDAR_WORD.match(word))
        or (word.isupper() and word.isalpha() and len(word) <= 5)
    )


def _is_unmarked_furniture(line: str) -> bool:
    """Whether a line of a paragraph is a byline, a stamp, a credit, a caption or a notice.

    These are page furniture that the page marks by no class (see
    :data:`_BYLINES` for those it does): the extractor kept "By Sam Lee and
    Ana Ortiz" as the story's first claim, its two names as actors, and
    coreference read the next sentence's "the defence ministers" as them.
    Each test reads the line's own words (capitalised names, date words),
    so a sentence that opens alike ("By Monday the patrols had begun.")
    stays.
    """
    line = " ".join(line.split())
    if _PAGE_NOTICE.match(line) and len(line.split()) <= _NOTICE_MAX_WORDS:
        return True
    if _PAGE_NOTE.match(line) or _contact_notice(line):
        return True
    if (m := _BYLINE.match(line)) and not _SENTENCE_END.search(line):
        rest = m["rest"]
        return len(rest.split()) <= _BYLINE_MAX_WORDS and _names_only(rest, _BYLINE_WORDS)
    if (m := _STAMP.match(line)) and m["rest"]:
        words = [w for w in re.split(r"[\s,|\u00b7\u2022/()-]+", m["rest"]) if w]
        return any(c.isdigit() for c in m["rest"]) and all(_stamp_word(w) for w in words)
    if m := _PICTURE_CREDIT.search(line):
        rest = m["rest"]
        return len(rest.split()) <= _PICTURE_MAX_WORDS and _names_only(rest, _PICTURE_WORDS)
    if (m := _SLASH_CREDIT.match(line)) and len(line.split()) <= _PICTURE_MAX_WORDS:
        return _names_only(m["who"], _PICTURE_WORDS) and _names_only(m["agency"], _PICTURE_WORDS)
    if _NAMES_OUTLET.match(line):
        return True
    if m := _DESK_LINE.match(line):
        return len(m["who"].split()) <= _BYLINE_MAX_WORDS and _names_only(m["who"], _BYLINE_WORDS)
    if m := _CONTRIBUTED.match(line):
        return _names_only(m["who"], _CREDIT_WORDS) and (
            m["where"] is None or _names_only(m["where"], _CREDIT_WORDS)
        )
    return False


def _without_unmarked_furniture(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The paragraphs without unmarked furniture; a paragraph left empty goes.

    A dateline stays in the text, as in a plain text's: the units leave it out
    of the paragraph's block and record it (:func:`newsbrief.units.split_blocks`),
    one reading of it for both. A line is furniture by its words after it.
    """
    kept = []
    for kind, text in pieces:
        if kind == "para":
            lines = text.split("\n")
            text = "\n".join(
                line
                for line in lines
                if not _is_unmarked_furniture(DATELINE.sub("", line, count=1))
            )
        if text.strip():
            kept.append((kind, text))
    return kept


def _without_labels(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pieces without the labels of furniture the extraction took away.

    A heading heads what follows it: one that ends the page ("Related
    Articles", "More on this topic") labelled a list of links left out as
    furniture, and became the last section's name with nothing in it. A
    one-line paragraph that opens with a separator and is a label of a few
    words ("· Commentary") is the rest of a date line, and was a claim; so
    was an agency's credit line ("Reporting by ...; Editing by ...").
    """
    kept = _without_unmarked_furniture(pieces)
    while len(kept) > 1 and kept[-1][0] == "heading":
        kept.pop()
    return [
        (kind, text)
        for kind, text in kept
        if not (
            kind == "para"
            and _SEPARATOR_LINE.match(text)
            and "\n" not in text
            and len(text.split()) <= _LABEL_WORDS + 1
            and not _SENTENCE_END.search(text)
        )
        and not (kind == "para" and _credit_line(text))
    ]


def _title(doc: Any) -> str | None:
    """The page's headline as the extractor's metadata has it, or None."""
    title = getattr(doc, "title", None) if doc is not None else None
    return _normalise_text(title).strip() if title else None


def _is_baseline(body: Any, tree: Any) -> bool:
    """Whether the extractor's body is its baseline: the page's text run together.

    Under about 250 characters of body the extractor falls back to a
    baseline that joins the headline, the date, the byline and the photo
    captions with the body into one paragraph, read as one run-on claim.
    That body is recognised by its shape (paragraphs of plain text only)
    and then by being exactly what the baseline gives for the same tree.
    """
    import trafilatura

    if not len(body) or any(child.tag != "p" or len(child) for child in body):
        return False
    baseline_body, _, _ = trafilatura.baseline(tree)
    return _flat(body) == _flat(baseline_body)


def _flat(element: Any) -> str:
    """An element's text with its whitespace collapsed, for comparison."""
    return " ".join(" ".join(element.itertext()).split())


#: What a page wraps around its story and never is the story: navigation,
#: page header and footer, sidebars (pull-quotes, "Related"), figures with
#: their captions, forms; and by role the same landmarks.
_OWN_DROP = (
    "//nav|//footer|//aside|//figure|//figcaption|//form|//button|//address"
    "|//*[@role='navigation' or @role='complementary' or @role='contentinfo'"
    " or @role='banner' or @role='search']"
)
#: Class or id words that mark a block as page furniture on news, government
#: and think-tank sites: bylines and author boxes, a post's meta line (office,
#: date), captions and photo credits, share bars, cookie and consent banners, "Related" and
#: newsletter boxes, tag lists, breadcrumbs. Matched as a word part of the
#: attribute ("article-byline", "shareBar", "cookie-notice").
_OWN_FURNITURE = re.compile(
    r"byline|author|caption|credit|share|social|cookie|consent|related|newsletter"
    r"|promo|breadcrumb|tags\b|meta\b|dateline|timestamp|pull-?quote|sidebar|banner|advert",
    re.IGNORECASE,
)
#: A div holding any of these is a container, not a paragraph of its own.
_INNER_BLOCKS = "boolean(.//p|.//li|.//div|.//blockquote|.//dd|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6)"
#: The page's own block elements and the unit kind each gives (a div that
#: holds text but no block is a paragraph).
_OWN_KINDS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    "p": "para",
    "li": "item",
    "blockquote": "para",
    "dd": "para",
}


def _own_blocks(tree: Any) -> list[tuple[str, str]]:
    """The (kind, text) of the page's own block elements, in page order.

    Used in place of the extractor's baseline (see :func:`_is_baseline`):
    a short page's headings, paragraphs and list items stay units of their
    own, and its furniture (figure captions, bylines, share bars, a date
    line) is left out by its markup. The story is the page's longest
    ``article``, else its ``main``, else its body.
    """
    from copy import deepcopy

    scope = _story_scope(deepcopy(tree))
    if scope is None:
        return []
    _drop_own_furniture(scope)
    for br in scope.iter("br"):
        br.tail = "\n" + (br.tail or "")
    pieces: list[tuple[str, str]] = []
    previous = None  # the list item just read, if the last block was one
    for element in _own_block_elements(scope):
        text = _block_text(element)
        if not text or _date_line(element, text):
            continue
        kind = _OWN_KINDS.get(element.tag, "para")
        if kind == "item":
            text = "- " + text.replace("\n", "\n- ")
            if previous is not None and previous.getparent() is element.getparent():
                text = pieces.pop()[1] + "\n" + text  # one list, one block
        previous = element if kind == "item" else None
        pieces.append((kind, text))
    return pieces


def _drop_own_furniture(scope: Any) -> None:
    """Take the page's furniture out of ``scope``, by element and by class or id."""
    for element in scope.xpath("." + _OWN_DROP.replace("|//", "|.//")):
        element.drop_tree()
    for element in list(scope.iterdescendants()):
        if isinstance(element.tag, str):
            marks = f"{element.get('class') or ''} {element.get('id') or ''}"
            if _OWN_FURNITURE.search(marks):
                element.drop_tree()


def _own_block_elements(scope: Any) -> list[Any]:
    """The outermost block elements of ``scope``, and each div that holds text only."""
    found = []
    for element in scope.iter(*_OWN_KINDS, "div"):
        if any(a.tag in _OWN_KINDS for a in element.iterancestors()):
            continue  # its text is its block's
        if element.tag == "div" and element.xpath(_INNER_BLOCKS):
            continue  # a container: its blocks are read one by one
        found.append(element)
    return found


def _story_scope(tree: Any) -> Any:
    """The element that holds the story: the longest article, else main, else body."""
    articles = tree.xpath("//article[not(ancestor::article)]")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    for path in ("//main", "//body"):
        found = tree.xpath(path)
        if found:
            return found[0]
    return None


def _block_text(element: Any) -> str:
    """A block's text, a line per ``<br>``-separated line, whitespace collapsed."""
    text = _normalise_text(element.text_content())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _date_line(element: Any, text: str) -> bool:
    """Whether a block is the page's date line: its ``<time>``, a label at most.

    "May 2, 2031", "May 2, 2031 · Analysis": the date is the page's
    metadata and the label its section, neither a claim.
    """
    times = " ".join(t.text_content() for t in element.iter("time"))
    rest = text
    for word in times.split():
        rest = rest.replace(word, " ", 1)
    label = " ".join(_LETTER_RUN.findall(rest))
    return (
        bool(times.strip())
        and len(label.split()) <= _LABEL_WORDS
        and not _SENTENCE_END.search(rest)
    )


_LETTER_RUN = re.compile(r"\w+")


def _without_lines(pieces: list[tuple[str, str]], drop: set[str]) -> list[tuple[str, str]]:
    """The pieces without the lines whose words are one of ``drop``; a piece left empty goes.

    The extractor may set a byline as a piece of its own or as a line of the
    headline's ("Ostrel Water Accord\nTomas Brandt, Kell bureau").
    """
    kept = []
    for kind, text in pieces:
        lines = [line for line in text.split("\n") if " ".join(line.split()) not in drop]
        if any(line.strip() for line in lines):
            kept.append((kind, "\n".join(lines)))
    return kept


#: The extractor's block elements: a body made of none (a nav or div it fell
#: back on, holding only inline text) is read as one piece.
_BLOCK_TAGS = frozenset({"head", "p", "list", "quote", "code", "table", "div"})


def _pieces(body: Any) -> list[tuple[str, str]]:
    """The (kind, text) of each block element of the extracted body, in page order.

    The text of each is the extractor's own (its line breaks, list bullets
    and spacing); the kind is the element's: a heading (h1-h6), a list's
    items, a paragraph, or "" for any other element (read by its layout).
    A paragraph all in bold and worded as a heading (short, no final stop)
    is one: pages mark sub-headings so as often as with h2-h6. Without
    this, a paragraph of one sentence that lacks its final stop was read
    as a heading (its claim lost, the section renamed).
    """
    from trafilatura.xml import xmltotxt

    pieces = []
    for block in body:
        for element in _split_at_blank_lines(block):
            text = _normalise_text(xmltotxt(element, include_formatting=False)).strip()
            if not text or element.tag == "graphic":
                continue
            pieces.append((_piece_kind(element, text), text))
    return pieces


def _piece_kind(element: Any, text: str) -> str:
    """The unit kind an extracted block element gives its text."""
    if element.tag == "head" or (element.tag == "p" and _bold_heading(element, text)):
        return "heading"
    if element.tag == "list":
        return "item"
    # What the extractor kept as it found it (a "nav" or "div" when it
    # fell back on the raw page) is read by its layout, as a text is.
    return "para" if element.tag in ("p", "quote") else ""


def _split_at_blank_lines(element: Any) -> list[Any]:
    """A paragraph cut at each ``<br><br>``: one element per paragraph it holds.

    Pages without ``<p>`` (older government sites, e-mailed releases put
    online) separate their paragraphs with two line breaks; the extractor
    writes them as one, so the whole release was one paragraph, and a
    sentence ending in ":" above its list no lead-in.
    """
    children = list(element)
    breaks = [c for c, p in zip(children[1:], children, strict=False) if _second_break(c, p)]
    if element.tag not in ("p", "quote") or not breaks:
        return [element]
    parts = [element.makeelement(element.tag, {})]
    parts[0].text = element.text
    for child in children:
        if child in breaks:
            if len(parts[-1]) and parts[-1][-1].tag == "lb":
                parts[-1].remove(parts[-1][-1])  # the first break, its tail blank
            parts.append(element.makeelement(element.tag, {}))
            parts[-1].text = child.tail
        else:
            parts[-1].append(child)  # moves it: the extracted body is ours
    return parts


def _second_break(child: Any, previous: Any) -> bool:
    """Whether ``child`` is the second of two line breaks with nothing between."""
    return (
        child.tag == "lb"
        and previous is not None
        and previous.tag == "lb"
        and not (previous.tail or "").strip()
    )


def _bold_heading(element: Any, text: str) -> bool:
    """A paragraph whose only content is one bold run worded as a heading."""
    if len(element) != 1 or (element.text or "").strip() or (element[0].tail or "").strip():
        return False
    bold = element[0].tag == "hi" and "#b" in (element[0].get("rend") or "")
    return bold and "\n" not in text and is_heading_text(text)


def _joined(pieces: list[tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    """The pieces as one text, a blank line between blocks, and each line's kind.

    The blank line makes each block a paragraph of its own, as in a text
    file (the extractor's text ran them on one line apart, so the whole
    page was one paragraph).
    """
    kinds: list[str] = []
    for kind, text in pieces:
        if kinds:
            kinds.append("")
        kinds.extend([kind] * (text.count("\n") + 1))
    return "\n\n".join(text for _, text in pieces), tuple(kinds)
