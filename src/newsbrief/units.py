"""Split an article's text into units (sentences, list items) with exact spans.

The split is two-level: lines give the structure that writers mark by layout
(headline, headings, list items, paragraphs), and spaCy's parser splits the
paragraphs into sentences, because abbreviations, initials, decimals and
quotes defeat punctuation rules. Offsets always point into ``Source.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Unit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span

__all__ = [
    "DATELINE",
    "MAX_BLOCK_CHARS",
    "QUESTION_LABEL",
    "SPEAKER_LABEL",
    "Block",
    "build_units",
    "dateline_width",
    "is_date_line",
    "is_heading_text",
    "split_blocks",
]


#: An agency's dateline opening a paragraph: "LIMA, June 2 (Reuters) - ",
#: "Santiago, Chile (CNN) — ", "BERLIN (dpa) - " (the one agency that writes
#: its name in lower case), or a newspaper's place in capitals before a dash
#: ("WASHINGTON — ", "KYIV, Ukraine — "; an en or em dash, which an
#: acronym opening a sentence is not followed by). It is the place, date and agency of the story,
#: not its words: left in, "LIMA, June 2" was the source of "... - Peru's
#: foreign ministry said ...", the subject "BERLIN, June 3 (dpa) - German
#: shipping firms" the source of "... warned", and a dateline the parser
#: cut off was a claim of its own. The paragraph's block starts after it,
#: in a plain text as in a web page's, so the parser never reads it.
#: The place is a name in capitals ("LIMA, June 2") or a name and a comma
#: ("Santiago, Chile"), the agency one word: "The Houthis (Ansar Allah) - " or
#: "Hezbollah (Party of God) — " opening a sentence is its subject, not a dateline.
#: A name in capitals alone before the dash (``place``) may be an acronym's
#: label: :func:`dateline_width` decides.
DATELINE = re.compile(
    r"^(?:(?:[A-Z][A-Z'\u2019.-]+(?:[ -][A-Z][A-Z'\u2019.-]+){0,2}"
    r"(?:,\s+[A-Z0-9][\w'\u2019.-]*(?:\s+[A-Z0-9][\w'\u2019.-]*){0,3})?"
    r"|[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2},(?:\s+[A-Z0-9][\w'\u2019.-]*){1,4})"
    r"\s*\((?:[A-Z][\w&.-]{0,20}|dpa)\)\s*[-\u2013\u2014]{1,2}"
    r"|(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})"
    r"(?P<region>,\s+[A-Z][\w'\u2019.]*(?:\s+[A-Z0-9][\w'\u2019.]*){0,2})?"
    r"\s+(?:\u2014|\u2013|--))\s+(?=[A-Z\u201c\"\u2018'])"
)


def dateline_width(line: str, text: str, first: bool) -> int:
    """The width of the dateline opening a paragraph's line, or 0 when none does.

    An agency's dateline, or a place and its country ("KYIV, Ukraine — "),
    is one wherever it stands. A word in capitals alone before a dash
    ("WASHINGTON — ") is also how a label opens a paragraph ("IAEA — The
    agency said ..."), and read as a dateline the label was lost and the
    sentence's subject with it. It is a dateline only where a newspaper puts
    one, at the start of the story (``first``: the article's first
    paragraph), and only when the text writes that name in capitals nowhere
    else: an acronym is written so every time, a place only in its dateline
    ("Washington" in the text).
    """
    m = DATELINE.match(line)
    if m is None:
        return 0
    if m["place"] is None or m["region"]:
        return m.end()
    if not first:
        return 0
    again = re.compile(rf"(?<![\w'\u2019-]){re.escape(m['place'])}(?![\w'\u2019-])")
    return 0 if len(again.findall(text)) > 1 else m.end()


_BULLET = re.compile(r"^(?:[-*+•‣–—]|\d{1,3}[.)])\s+")


_MD_HEADING = re.compile(r"^#{1,6}\s+")
#: A quoted line's marker (Markdown's blockquote, an e-mail's quote): "> text".
_QUOTE_MARK = re.compile(r"^>(?:\s*>)*\s+")


_FINAL_PUNCT = ".!?:;…"


_CLOSERS = "\"'”’)]»"
#: Pictographs after a sentence's stop ("... officials said. 😀", a flag, a
#: variation selector or joiner): a social-media post quoted in an article
#: ends so, and read as the line's last character they made every such
#: paragraph a heading (an article of them had "no sentences").
_TRAILING_SYMBOLS = re.compile(r"[\s\u200d\ufe0f\U0001f000-\U0001faff\u2600-\u27bf]+$")


def _line_end(line: str) -> str:
    """The line without the closing quotes, brackets and pictographs that follow its stop."""
    return _TRAILING_SYMBOLS.sub("", line).rstrip(_CLOSERS) or line


#: A sentence's end inside a line: a stop after a lower-case word (not an
#: initial, "U.S.", "vs." or a numbered heading's "Article 3. Scope"), closing
#: quotes or brackets, then a capital. A short line without a final stop is a
#: heading only without one: a web page's paragraph cut before its last stop
#: ("... officials said. Ukraine condemned the attack") holds a full sentence,
#: and a heading never does (none of the 58 in the gold and sample articles).
_INNER_STOP = re.compile(r"\b(?!vs\.)[a-z]{2,}[.!?][\"'”’)\]»]*\s+[\"“‘'(]?[A-Z]")


#: Markdown's code fence (``` or ~~~) and a table row ("| a | b |"): the code
#: and the table are not prose (the HTML reader drops tables too), and read as
#: short lines without a stop they were headings and section names.
_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_TABLE_ROW = re.compile(r"^\|.*\|$")


#: A transcript's speaker label opening a unit ("THE PRESIDENT:", "MR. KIRBY:"):
#: the floor passes to that speaker, and the words after it are theirs.
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'’-]+:")
#: A transcript's reporter's question: "Q Mr. President, ...", or "Q" alone.
QUESTION_LABEL = re.compile(r"^Q(?:[.:]?\s+\S|[.:]?$)")
_BARE_Q = ("Q", "Q.", "Q:")

# ``Label: text`` or ``Label. text``: a short capitalised label, then a capital.
_LABEL = re.compile(r"^(?P<label>[A-Z][^:.!?]{1,80}?)(?P<sep>[:.])\s+(?=[\"“‘'(]?[A-Z0-9])")


#: A transcript's time line under its venue ("3:38 P.M. EST", "10:02 a.m. EDT",
#: "9:53 A.M. CIT"): the annotation keeps it a heading unit, but it names no
#: section, so the section above it goes on (the explorer showed the first
#: claims' section as "3:38 P.M. EST", in both White House remarks of the gold).
#: Clearing the section at the time line instead (the transcript's header ends
#: there) moved the refitted models: held-out category 0.710 -> 0.708 and
#: modality 0.936 -> 0.934, development category flat; this keeps the features.
_TIME_LINE = re.compile(r"^\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?$")


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A page's date line: "January 14, 2025", "Tuesday, 3 June 2031", "2031-06-03",
#: with a time ("..., 3:38 PM") or a label after a separator ("· Analysis") at
#: most. It is the page's date, not a claim, and names no section: the
#: annotation makes a short line without a final stop a heading, and an HTML
#: paragraph holding only the date (news sites, government releases and think
#: tanks put one under the headline) was read as a claim. No plain-text
#: article of the corpus has one.
_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?"
    r"(?:\s*[\u00b7\u2022|\u2013\u2014]\s*\w+(?:\s+\w+){0,2})?$"
)


def is_date_line(line: str) -> bool:
    """Whether a line is a date line (see :data:`_DATE_LINE`)."""
    return bool(_DATE_LINE.match(line))


def _names_no_section(line: str) -> bool:
    """A heading line that is a time or date mark, under which the section goes on."""
    return bool(_TIME_LINE.match(line) or _DATE_LINE.match(line))


_MAX_HEADING_WORDS = 25


_MAX_QUESTION_HEADING_WORDS = 12


#: Block kinds that a sentence ending in ":" introduces, which makes it a
#: lead-in: list items, and short lines without final stop, such as the names
#: under "Witnessed by:" or "Signed by:" at the foot of a declaration.
_LISTED = ("item", "heading")


@dataclass(frozen=True)
class Block:
    """A line-level piece of the article: a heading, a list item or a paragraph line.

    ``start``/``end`` is the block's text without its bullet or ``#`` marker,
    and without the dateline that opened it (``dateline`` records one was cut).
    """

    kind: str  # "title", "heading", "item" or "para"
    start: int
    end: int
    text: str
    paragraph: int
    dateline: bool = False


def split_blocks(text: str, line_kinds: Sequence[str] | None = None) -> list[Block]:
    """Split the article into line-level blocks, without any NLP.

    Markdown's code and tables are not read (:func:`_markup_lines`), nor
    lines without a letter or digit.

    Parameters
    ----------
    text : str
        ``Source.text``.
    line_kinds : sequence of str, optional
        ``Source.line_kinds``: the kind the file's markup gives each line
        (an HTML page's h1-h6, p and li). It is taken as it is; a line it
        leaves unmarked (""), and a text without markup, has its headings
        guessed from their layout.

    Returns
    -------
    list of Block
        In reading order; every non-blank character outside list, heading
        and quote markers and datelines lies in exactly one block.
    """
    lines = _lines(text)
    if line_kinds is not None and len(line_kinds) != len(lines):
        raise ValueError(f"{len(line_kinds)} line kinds for {len(lines)} lines")
    markup = _markup_lines(text, lines) if line_kinds is None else set()
    blocks: list[Block] = []
    paragraph = 0
    previous_blank = True
    headline_open = True  # no block read yet but date lines: the next may be the headline
    story_open = True  # no paragraph read yet: the next opens the story
    for i, (start, end) in enumerate(lines):
        raw = text[start:end]
        if i in markup or _wordless(raw):
            # A line without a letter or digit ("...", "* * *", "---") says
            # nothing: read as a sentence, it was a claim of its own.
            previous_blank = True
            continue
        if previous_blank and blocks:
            paragraph += 1
        previous_blank = False
        lstrip = len(raw) - len(raw.lstrip())
        s, e = start + lstrip, start + len(raw.rstrip())
        cut = False
        if line_kinds is None or not line_kinds[i]:
            kind, marker = _line_kind(text[s:e])
            s += marker
            if kind in ("heading", "para") and _DATE_LINE.match(text[s:e]):
                kind = "heading"  # a date line: a heading, never the headline
            elif headline_open and (
                kind == "heading" or _is_long_headline(text, lines, i, text[s:e])
            ):
                kind = "title"
            elif kind == "para" and _is_question_heading(text, lines, i, text[s:e]):
                kind = "heading"
        else:
            kind, marker = _marked_kind(line_kinds[i], text[s:e], first=headline_open)
            s += marker
        if kind == "para" and (width := dateline_width(text[s:e], text, story_open)):
            s += width
            cut = True
        story_open = story_open and kind != "para"
        headline_open = headline_open and bool(_DATE_LINE.match(text[s:e]))
        blocks.extend(_bounded(Block(kind, s, e, text[s:e], paragraph, dateline=cut)))
    return blocks


MAX_BLOCK_CHARS = 5_000


def _bounded(block: Block) -> list[Block]:
    """Cut a huge line into pieces the parser handles in bounded time and memory.

    A paragraph of thousands of words without a line break (or a "sentence"
    without punctuation) is cut at the last sentence end, else the last space,
    before :data:`MAX_BLOCK_CHARS`; each piece stays in the same paragraph.
    """
    if len(block.text) <= MAX_BLOCK_CHARS:
        return [block]
    pieces: list[Block] = []
    at, text = 0, block.text
    while at < len(text):
        end = min(at + MAX_BLOCK_CHARS, len(text))
        if end < len(text):
            window = text[at:end]
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > 0 else window.rfind(" ")
            end = at + cut if cut > 0 else end
        piece = text[at:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            s = block.start + at + lead
            e = block.start + at + len(piece.rstrip())
            pieces.append(
                Block(
                    block.kind,
                    s,
                    e,
                    text[at + lead : at + len(piece.rstrip())],
                    block.paragraph,
                    dateline=block.dateline and not pieces,
                )
            )
        at = end
    return pieces


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _markup_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of Markdown code and tables: fences, the code between them, table rows.

    A fence that is never closed hides only its own line, so a stray one
    cannot swallow the rest of the article.
    """
    markup: set[int] = set()
    opened: int | None = None
    for i, span in enumerate(lines):
        line = text[slice(*span)].strip()
        if _FENCE.match(line):
            if opened is None:
                opened = i
            else:
                markup.update(range(opened, i + 1))
                opened = None
        elif opened is None and _TABLE_ROW.match(line):
            markup.add(i)
    if opened is not None:
        markup.add(opened)
    return markup


def _line_kind(line: str) -> tuple[str, int]:
    """Classify a stripped line and return the width of its marker.

    A quote marker is a marker too: left in, "> Koravia said ..." gave the
    source "> Koravia".
    """
    quoted = _QUOTE_MARK.match(line)
    if quoted and line[quoted.end() :].strip():
        kind, marker = _line_kind(line[quoted.end() :])
        return kind, quoted.end() + marker
    md = _MD_HEADING.match(line)
    if md and line[md.end() :].strip():
        return "heading", md.end()
    bullet = _BULLET.match(line)
    if bullet and line[bullet.end() :].strip():
        return "item", bullet.end()
    if is_heading_text(line):
        return "heading", 0
    return "para", 0


def _marked_kind(marked: str, line: str, first: bool) -> tuple[str, int]:
    """The block kind of a line whose kind the markup gives, and its marker's width.

    The page's first heading is its headline, as in a text; a list item's
    bullet (which the HTML reader writes, "- ") is a marker. A paragraph's
    line that opens with a bullet or number ("1. Send a team;" after a
    ``<br>``) is a list item, as in a text: pages without ``<ol>`` number
    their lists so, and read as a paragraph the sentence above lost its
    lead-in and the claim kept its "1.".
    """
    bullet = _BULLET.match(line)
    if marked == "para" and bullet and line[bullet.end() :].strip():
        return "item", bullet.end()
    if marked == "item":
        return "item", bullet.end() if bullet and line[bullet.end() :].strip() else 0
    if marked in ("title", "heading"):
        return ("title" if first else "heading"), 0
    return ("heading" if _DATE_LINE.match(line) else "para"), 0


def is_heading_text(line: str) -> bool:
    """A heading is a short line with no final sentence punctuation."""
    stripped = _line_end(line)
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and stripped[-1] not in _FINAL_PUNCT
        and not line.endswith((",", "-", "–"))
        and not _INNER_STOP.search(line)
    )


def _is_long_headline(text: str, lines: list[tuple[int, int]], i: int, line: str) -> bool:
    """The article's first line, alone above a blank line and with no final stop, is its headline.

    Declarations and communiqués carry headlines longer than any section
    heading ("Joint Declaration by the Prime Minister of X and ... on the
    outcomes of their meeting in Y"); the word limit of headings would read
    such a line as a claim.
    """
    stripped = _line_end(line)
    if not stripped or stripped[-1] in _FINAL_PUNCT or line.endswith((",", "-", "–")):
        return False
    below = lines[i + 1 :]
    blank_after = bool(below) and not text[slice(*below[0])].strip()
    return blank_after and any(text[slice(*span)].strip() for span in below)


def _is_question_heading(text: str, lines: list[tuple[int, int]], i: int, line: str) -> bool:
    """A short question standing alone between blank lines heads a section."""
    if not line.endswith("?") or len(line.split()) > _MAX_QUESTION_HEADING_WORDS:
        return False
    if QUESTION_LABEL.match(line):
        return False  # a reporter asks ("Q How is this different?"): said, not a heading
    if line.count("?") != 1 or any(q in line for q in '"“”'):
        return False
    before = i == 0 or not text[slice(*lines[i - 1])].strip()
    after = i + 1 < len(lines) and not text[slice(*lines[i + 1])].strip()
    return before and after


def build_units(
    source_text: str, blocks: Sequence[Block], docs: Sequence[Doc]
) -> tuple[list[Unit], list[Span]]:
    """Turn blocks and their parses into units, each with its parsed span.

    Parameters
    ----------
    source_text : str
        ``Source.text``, which every offset points into.
    blocks : sequence of Block
        From :func:`split_blocks`.
    docs : sequence of spacy.tokens.Doc
        ``nlp.pipe`` over the blocks' texts, in the same order.

    Returns
    -------
    units : list of Unit
    spans : list of spacy.tokens.Span
        ``spans[i]`` is the parse of ``units[i]``.
    """
    units: list[Unit] = []
    spans: list[Span] = []
    section: str | None = None
    for b, (block, doc) in enumerate(zip(blocks, docs, strict=True)):
        if block.kind in ("title", "heading"):
            pieces: list[tuple[str, Span, str | None]] = [(block.kind, doc[:], None)]
            if block.kind == "heading":
                section = section if _names_no_section(block.text) else block.text
        elif block.kind == "item":
            pieces = _item_pieces(doc, block.text)
        else:
            next_is_item = b + 1 < len(blocks) and blocks[b + 1].kind in _LISTED
            sents = _sentences(doc, block.text)
            # A paragraph that is one sentence ending in ":" introduces the
            # paragraphs after it ("Here is what they said:") as a list does.
            alone = len(sents) == 1 and b + 1 < len(blocks) and _paragraph_alone(blocks, b)
            pieces = []
            for k, sent in enumerate(sents):
                last = k == len(sents) - 1
                lead = last and (next_is_item or alone) and sent.text.rstrip().endswith(":")
                pieces.append(("lead_in" if lead else "claim", sent, None))
        opened = False  # the block's first unit is the one its dateline opened
        for kind, span, label in pieces:
            start = block.start + span.start_char
            end = block.start + span.end_char
            text = source_text[start:end]
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            if start >= end:
                continue
            units.append(
                Unit(
                    index=len(units),
                    kind=kind,
                    start=start,
                    end=end,
                    text=source_text[start:end],
                    section=None if kind in ("title", "heading") else section,
                    label=label,
                    paragraph=block.paragraph,
                    list_item=block.kind == "item",
                    dateline=block.dateline and not opened,
                )
            )
            opened = True
            spans.append(span)
    return units, spans


def _paragraph_alone(blocks: Sequence[Block], b: int) -> bool:
    """Whether block ``b`` is a paragraph of its own: no other block shares its paragraph."""
    para = blocks[b].paragraph
    return all(x.paragraph != para for k, x in enumerate(blocks) if k != b)


def _item_pieces(doc: Doc, text: str) -> list[tuple[str, Span, str | None]]:
    """A list item of several sentences gives one claim per sentence.

    The label stays on the first; a label the parser cut off as a sentence of
    its own ("Deterrence." before the text) is glued back onto what follows.
    ``text`` is the item's text, which ``doc`` parses.
    """
    label = _label(text)
    sents = _sentences(doc, text)
    if label and len(sents) > 1 and len(sents[0].text.strip()) <= len(label) + 1:
        sents = [doc[sents[0].start : sents[1].end], *sents[2:]]
    return [("claim", sent, label if k == 0 else None) for k, sent in enumerate(sents)]


def _label(text: str) -> str | None:
    """Return the ``Label`` of a ``Label: text`` or ``Label. text`` list item."""
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group("label").strip()
    words = label.split()
    if len(words) > 8 or (m.group("sep") == "." and len(words[-1]) <= 2):
        return None  # "U.S. forces ..." or an initial, not a label
    return label


def _sentences(doc: Doc, text: str) -> list[Span]:
    """SpaCy's sentences, with fragments glued back onto their sentence.

    The parser sometimes starts a sentence at a lowercase word after a quote
    (``"...," he said.``), at stray closing punctuation or at a pictograph
    after the stop; such a piece is never a sentence of its own, nor is a
    transcript's "Q" before its question. ``text`` is the block's text, which
    ``doc`` parses: spaCy's tokenizer loses no character, so it is ``doc.text``.
    """
    merged: list[Span] = []
    # ``Doc.text`` and ``Span.text`` join every token's text anew on each call:
    # the block's own text serves instead. build_units over the 35 corpus texts
    # (CPU, min of 7 passes): 73 -> 61 ms reading Doc.text once per block, not per
    # sentence; later 39 -> 32 ms not reading it at all, and 31 -> 21 ms slicing
    # each sentence's text out of the block's.
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        glue = (
            first is None
            or _continues(first.text)
            or _wordless(text[sent.start_char : sent.end_char])
        )
        if merged and (glue or _bare_question_label(merged)):
            prev = merged[-1]
            merged[-1] = doc[prev.start : sent.end]
        else:
            merged.append(sent)
    return [piece for sent in merged for piece in _cut_missed(sent, text)]


def _bare_question_label(merged: list[Span]) -> bool:
    """Whether the paragraph so far is only a transcript's "Q", cut off its question.

    The parser reads "Q Mr. President, will you ...?" as "Q" and a sentence;
    the mark belongs to the question it opens (and tells a reporter asks it).
    """
    return len(merged) == 1 and merged[0].text.strip() in _BARE_Q


def _cut_missed(sent: Span, text: str) -> list[Span]:
    """Cut a sentence where the parser ran over a full stop it took for something else.

    The parser's boundaries hold for most text; a trailing-off ellipsis is
    read as no stop at all (:func:`_missed_start`). Cutting the span
    afterwards keeps every other boundary as the parser gave it. ``text`` is
    the text of the sentence's Doc.
    """
    # Most sentences hold no ellipsis and skip the token walk: build_units over
    # the 35 gold articles took 14 ms without the cut, 56 ms walking every
    # sentence, 30 ms with this test (their parse: about 17 s).
    text = text[sent.start_char : sent.end_char]
    if not any(mark in text for mark in _ELLIPSES):
        return [sent]
    doc, cuts = sent.doc, [sent.start]
    cuts += [i for i in range(sent.start + 1, sent.end) if _missed_start(doc, i)]
    return [doc[a:b] for a, b in zip(cuts, [*cuts[1:], sent.end], strict=True)]


#: A trailing-off ellipsis, one character or three stops.
_ELLIPSES = ("…", "...")


def _missed_start(doc: Doc, i: int) -> bool:
    """A capitalised word after an ellipsis glued to its word, maybe behind a closing quote.

    In transcripts a speaker trails off ("We were never close… It hardly
    matters now… I hope he signs"): the ellipsis ends the sentence, and the
    parser runs on over "…" (not over "..."). A lowercase word goes on the
    same sentence ("one of them… he said"), and an ellipsis with a space on
    both sides ("the plan is bold … It cannot fail") marks words a writer left
    out of a quotation, which goes on too.
    """
    word = doc[i].text
    if not (word[0].isupper() and word[0].isalpha()):
        return False
    j = i - 1
    while j > 0 and doc[j].text in _CLOSERS:
        j -= 1
    if doc[j].text not in _ELLIPSES:
        return doc[j].text.endswith("…")
    return j > 0 and not doc[j - 1].whitespace_


def _wordless(text: str) -> bool:
    """Text without a letter or digit ("...", "* * *", "😀" after a stop) says nothing alone."""
    return not any(ch.isalnum() for ch in text)


def _continues(token_text: str) -> bool:
    ch = token_text[0]
    return ch.islower() or ch in _CLOSERS or ch in ",;:)]—–-"
