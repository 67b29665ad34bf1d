from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.article import (
    build_units,
    decode_bytes,
    local_path,
    read_source,
    source_from_text,
    split_blocks,
)
from newsbrief.errors import NewsbriefError
from newsbrief.nlp import load_nlp

BULLET = re.compile(r"^\s*(?:[-*+•‣–—]|\d{1,3}[.)])\s+|^\s*#{1,6}\s+", re.MULTILINE)
WORDLESS_LINE = re.compile(r"^(?:[^\w\n]|_)*$", re.MULTILINE)


def units_of(text: str):
    blocks = split_blocks(text)
    docs = list(load_nlp().pipe([b.text for b in blocks]))
    return build_units(text, blocks, docs)[0]


def units_of_markdown(text: str):
    return units_of(source_from_text(text, path="story.md").text)


def assert_covers(text: str, units) -> None:
    """Every non-blank character outside markers and wordless lines lies in exactly one unit."""
    owner = [None] * len(text)
    for u in units:
        assert u.text == text[u.start : u.end]
        assert u.text == u.text.strip() and u.text
        for i in range(u.start, u.end):
            assert owner[i] is None, f"character {i} in two units"
            owner[i] = u.index
    markers = set()
    for m in BULLET.finditer(text):
        markers.update(range(m.start(), m.end()))
    for m in WORDLESS_LINE.finditer(text):
        markers.update(range(m.start(), m.end()))
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and owner[i] is None]
    assert [i for i in missing if i not in markers] == []


def test_structure_title_heading_lead_in_items():
    text = (
        "Allies Meet in Oslo\n\n"
        "Norway hosted the talks on Monday. Officials listed three aims:\n"
        "- Deterrence: Strengthen the northern flank.\n"
        "- Expand exercises with Sweden\n\n"
        "What happens next?\n\n"
        "Dr. J. R. Smith said the U.S. would send 2.5 billion dollars. It arrived."
    )
    units = units_of(text)
    kinds = [u.kind for u in units]
    assert kinds == ["title", "claim", "lead_in", "claim", "claim", "heading", "claim", "claim"]
    assert units[3].label == "Deterrence"
    assert units[4].label is None
    assert units[6].section == "What happens next?"
    assert units[6].text.startswith("Dr. J. R. Smith") and units[6].text.endswith("dollars.")
    assert_covers(text, units)


def test_a_pictograph_after_the_stop_keeps_a_paragraph_a_claim_of_one_sentence():
    text = (
        "Koravia Marks Its Harbour Day\n\n"
        "Crowds filled the Koravian harbour on Sunday, organisers said. \U0001f389\n\n"
        "The mayor thanked the sailors. \U0001f1f0\U0001f1f7 \u2764\ufe0f\n"
    )
    units = units_of(text)
    assert [u.kind for u in units] == ["title", "claim", "claim"]
    assert units[1].text.endswith("organisers said. \U0001f389")
    assert units[2].text.startswith("The mayor") and units[2].text.endswith("\ufe0f")
    assert_covers(text, units)


def test_a_quote_marker_is_a_marker_not_part_of_the_claim():
    text = (
        "Koravia Answers Dalmenia\n\n"
        "> Koravia said it would answer the note by Friday.\n"
        "> > - Ports: Dalmenia will reopen two harbours.\n"
    )
    units = units_of(text)
    assert [u.text for u in units[1:]] == [
        "Koravia said it would answer the note by Friday.",
        "Ports: Dalmenia will reopen two harbours.",
    ]
    assert units[2].label == "Ports" and units[2].list_item


def test_long_first_line_without_final_stop_is_the_title():
    headline = (
        "Joint Communique of the Foreign Minister of the Republic of Varnia and the Foreign "
        "Minister of the Kingdom of Ostrel on the results of their consultations held in the "
        "port city of Lemberth"
    )
    text = f"{headline}\n\nThe ministers met on Tuesday. They agreed to meet again."
    units = units_of(text)
    assert len(headline.split()) > 25
    assert (units[0].kind, units[0].text) == ("title", headline)
    assert [u.kind for u in units[1:]] == ["claim", "claim"]


def test_long_first_line_closed_by_a_stop_or_running_on_stays_a_claim():
    sentence = " ".join(["The ministers of the two neighbouring states met"] * 4) + "."
    assert units_of(f"{sentence}\n\nThey left.")[0].kind == "claim"
    running = " ".join(["ministers of the two neighbouring states met"] * 4)
    assert units_of(f"{running}\nagain in the city.\n\nThey left.")[0].kind == "claim"


def test_label_line_ending_in_colon_above_names_is_a_lead_in():
    text = (
        "Accord Signed\n\nThe two states signed the accord on Friday.\n\n"
        "Alan Grey\n\nPresident of Varnia\n\nWitnessed by:\n\nRosa Vell\n\nMinister of Ostrel\n"
    )
    units = units_of(text)
    assert [(u.kind, u.text) for u in units] == [
        ("title", "Accord Signed"),
        ("claim", "The two states signed the accord on Friday."),
        ("heading", "Alan Grey"),
        ("heading", "President of Varnia"),
        ("lead_in", "Witnessed by:"),
        ("heading", "Rosa Vell"),
        ("heading", "Minister of Ostrel"),
    ]
    assert_covers(text, units)


def test_a_paragraph_of_one_sentence_ending_in_colon_introduces_the_next_as_a_lead_in():
    # "Here is what they said:" above a series of quoted statements is no
    # claim; a colon inside a longer paragraph, or in a sentence with others,
    # keeps the sentence a claim.
    text = (
        "Ferry Pact\n\nHere is what the two mayors said:\n\n"
        "Mayor Ana Ruiz: \u201cThe ferry will sail daily.\u201d\n\n"
        "The port reopened on Monday. The harbour master said:\n\n"
        "\u201cThe ferry is safe.\u201d\n"
    )
    units = units_of(text)
    assert [(u.kind, u.text) for u in units] == [
        ("title", "Ferry Pact"),
        ("lead_in", "Here is what the two mayors said:"),
        ("claim", "Mayor Ana Ruiz: \u201cThe ferry will sail daily.\u201d"),
        ("claim", "The port reopened on Monday."),
        ("claim", "The harbour master said:"),
        ("claim", "\u201cThe ferry is safe.\u201d"),
    ]
    assert_covers(text, units)


def test_quote_attribution_stays_in_one_sentence():
    text = "Sikorski spoke on Monday.\n\n“We are a frontline state,” he said. Then he left."
    units = units_of(text)
    assert [u.text for u in units][1] == "“We are a frontline state,” he said."


def test_markdown_headings_and_bullets_drop_markers():
    text = "# Big News\n\n## Background\n\nIt rained.\n\n* First point here.\n1. Second point."
    units = units_of(text)
    assert [(u.kind, u.text) for u in units] == [
        ("title", "Big News"),
        ("heading", "Background"),
        ("claim", "It rained."),
        ("claim", "First point here."),
        ("claim", "Second point."),
    ]


def test_short_line_holding_a_sentence_end_is_not_a_heading():
    html = (
        "<html><body><h1>Varnia Shells Ostrel</h1>"
        "<p>Varnia shelled Ostrel on Sunday, the mayor said. Ostrel condemned the shelling</p>"
        "<p>The talks resumed.</p></body></html>"
    )
    blocks = split_blocks(source_from_text(html, path="page.html").text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Varnia Shells Ostrel"),
        ("para", "Varnia shelled Ostrel on Sunday, the mayor said. Ostrel condemned the shelling"),
        ("para", "The talks resumed."),
    ]
    text = (
        "Talks\n\nThe envoy left (he said so.) Talks went on\n\nU.S. Envoy in Varnia\n\n"
        "Article 3. Scope of the Accord\n\nVarnia vs. Ostrel\n\nIt rained."
    )
    kinds = ["title", "para", "heading", "heading", "heading", "para"]
    assert [b.kind for b in split_blocks(text)] == kinds


def test_markdown_tables_and_code_are_not_read():
    text = (
        "# Varnia Votes\n\n| party | seats |\n|---|---|\n| Greens | 12 |\n\n"
        "```text\nvote count Greens won\n```\n\nThe Greens won twelve seats.\n\n"
        "~~~\nThe fence above is never closed."
    )
    blocks = split_blocks(text)
    assert [(b.kind, b.text, b.paragraph) for b in blocks] == [
        ("title", "Varnia Votes", 0),
        ("para", "The Greens won twelve seats.", 1),
        ("para", "The fence above is never closed.", 2),
    ]


def test_a_line_without_a_letter_or_digit_is_not_a_claim():
    text = (
        "Storm Hits Varnia\n\nThe storm reached the coast.\n\n...\n\n* * *\n\n"
        "Roads closed on 4 May."
    )
    units = units_of(text)
    assert [(u.kind, u.text) for u in units] == [
        ("title", "Storm Hits Varnia"),
        ("claim", "The storm reached the coast."),
        ("claim", "Roads closed on 4 May."),
    ]
    assert units[2].paragraph == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("abcXYZ .,:;?!\"'“”()-*#\n\t 0123456789—é")),
        min_size=1,
        max_size=300,
    )
)
def test_units_cover_every_character(text):
    if not text.strip():
        return
    assert_covers(text, units_of(text))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("café – naïve".encode(), "café – naïve"),
        ("café".encode("latin-1"), "café"),
        ("“smart” quotes".encode("cp1252"), "“smart” quotes"),
        ("\ufeffbom text".encode(), "bom text"),
        ("utf sixteen é".encode("utf-16"), "utf sixteen é"),
        ("no bom, little end é".encode("utf-16-le"), "no bom, little end é"),
        ("no bom, big end é".encode("utf-16-be"), "no bom, big end é"),
        (b"line one\r\nline two\r\n", "line one\nline two\n"),
    ],
)
def test_decoding(data, expected):
    assert decode_bytes(data, "x.txt") == expected


GREEK = "Ο υπουργός συναντήθηκε με τον ομόλογό του."


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        ('<meta charset="windows-1253">', "cp1253"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-7">', "iso8859-7"),
        ('<meta charset="utf-16">', "cp1252"),  # no NUL: not UTF-16, whatever it says
        ('<meta charset="no-such-code">', "cp1252"),
    ],
)
def test_a_page_that_is_not_utf8_is_read_in_the_encoding_it_declares(head, codec):
    # Read as Windows-1252 whatever the page said, a Greek page became Latin
    # gibberish, analysed without a warning.
    text = GREEK if codec != "cp1252" else "Caf\u00e9 talks."
    page = f"<html><head>{head}</head><body><p>{text}</p></body></html>"
    assert decode_bytes(page.encode(codec), "page.html") == page


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Ko\u200bravia and Dal\u00admenia".encode(), "Koravia and Dalmenia"),
        ("word\u2060joined, mid\ufefftext".encode(), "wordjoined, midtext"),
        (b"end of page\n\x0cnext page\x0b line", "end of page\n next page  line"),
    ],
)
def test_invisible_characters_that_split_words_are_removed(data, expected):
    assert decode_bytes(data, "x.txt") == expected


def test_bidirectional_controls_are_removed_so_no_override_leaks_into_the_briefing():
    # An override the text never closes would reverse every word after it.
    data = "Koravia said \u202eit would talk\u2069 to Dal\u200fmenia \u2067today.".encode()
    assert decode_bytes(data, "x.txt") == "Koravia said it would talk to Dalmenia today."
    assert source_from_text("Talks\u202b in\u200e Geneva\u202c.").text == "Talks in Geneva."


def test_a_zero_width_space_inside_a_country_name_still_finds_the_country(tmp_path):
    from newsbrief.analysis import analyze

    path = tmp_path / "zw.txt"
    text = "Fr\u200bance and Ger\u200bmany signed a treaty on Tuesday.\n"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    assert "\u200b" not in source.text
    assert {a.id for a in analyze(source).actors} >= {"FRA", "DEU"}
    direct = source_from_text("Talks\x0cin Geneva\u00ad.")
    assert direct.text == "Talks in Geneva."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 binary", "PDF"),
        (b"abc\x00\x01\x02def", "binary"),
        (b"a\x00b\x00\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00", "binary"),
        (b"   \n\t  \n", "blank"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_bad_bytes(data, message):
    with pytest.raises(NewsbriefError, match=message):
        decode_bytes(data, "x.txt")


def test_a_file_url_is_read_as_the_local_file_it_names(tmp_path):
    """A browser's "file:///..." is a file here, not a web address to save first."""
    story = tmp_path / "a story.txt"
    story.write_text("Ostrel met Varnia on Monday.\n", encoding="utf-8")
    url = story.as_uri()  # file:///.../a%20story.txt
    assert url.startswith("file:///") and "%20" in url
    assert local_path(url) == str(story)
    assert local_path("file://localhost" + url[7:]) == str(story)
    assert local_path("notes/file.txt") == "notes/file.txt"
    assert read_source(url).text == read_source(story).text
    assert read_source(Path(url)).text == read_source(story).text  # Path folds "//"
    with pytest.raises(NewsbriefError, match=r"^/nowhere/x\.txt: no such file$"):
        read_source("file:///nowhere/x.txt")
    with pytest.raises(NewsbriefError, match=r"is a file on another machine \(server\)"):
        read_source("file://server/share/story.txt")


def test_a_url_or_a_broken_symlink_is_named_for_what_it_is(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NewsbriefError) as url:
        read_source("https://news.example.org/story.html")
    assert str(url.value) == (
        "https://news.example.org/story.html: is a web address; newsbrief reads files: "
        "save the page and pass its path"
    )
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(NewsbriefError, match=r"^a\.txt: is a symbolic link that loops$"):
        read_source("a.txt")
    (tmp_path / "gone.txt").symlink_to("moved/story.txt")
    with pytest.raises(NewsbriefError, match=r"a symbolic link to a missing file \(moved/story"):
        read_source("gone.txt")
    with pytest.raises(NewsbriefError, match=r"^missing\.txt: no such file$"):
        read_source("missing.txt")


def test_read_source_errors(tmp_path):
    with pytest.raises(NewsbriefError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(NewsbriefError, match="directory"):
        read_source(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(NewsbriefError, match="empty"):
        read_source(empty)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(NewsbriefError, match="limit"):
        read_source(big, max_bytes=100)


def _nested(depth: int, tail: str = "") -> str:
    inner = "<p>Kenya deployed police officers to Haiti on Friday, officials said.</p>"
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}{tail}</body></html>"


def test_html_headings_paragraphs_and_items_are_the_page_markup_not_a_guess():
    # A one-sentence paragraph without its final stop was read as a heading
    # (its claim lost); a question in an h3 was read as a claim.
    html = (
        "<html><head><title>Ostrel Water Accord</title></head><body>"
        "<h1>Ostrel Water Accord</h1>"
        "<p>Varnia and Ostrel signed a water accord on Monday.</p>"
        "<h2>Talks</h2><p>Envoys said the talks had lasted three days</p>"
        "<p><b>Next steps</b></p>"
        "<ul><li>A river commission will meet twice a year</li><li>Data will be shared.</li></ul>"
        "<h3>Who pays?</h3><p>Ostrel pays most of it.</p></body></html>"
    )
    src = source_from_text(html, path="page.html")
    blocks = split_blocks(src.text, src.line_kinds)
    assert [(b.kind, b.text, b.paragraph) for b in blocks] == [
        ("title", "Ostrel Water Accord", 0),
        ("para", "Varnia and Ostrel signed a water accord on Monday.", 1),
        ("heading", "Talks", 2),
        ("para", "Envoys said the talks had lasted three days", 3),
        ("heading", "Next steps", 4),
        ("item", "A river commission will meet twice a year", 5),
        ("item", "Data will be shared.", 5),
        ("heading", "Who pays?", 6),
        ("para", "Ostrel pays most of it.", 7),
    ]
    units = build_units(src.text, blocks, list(load_nlp().pipe(b.text for b in blocks)))[0]
    assert [u.kind for u in units].count("claim") == 5
    assert units[3].section == "Talks"


def test_html_the_extractor_keeps_as_found_is_read_by_its_layout():
    # A page with no article falls back on its navigation: the link "Home"
    # was read as a paragraph, and so as a claim.
    html = (
        "<html><head><title>Harbour News</title></head><body>"
        '<nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>'
    )
    src = source_from_text(html, path="page.html")
    blocks = split_blocks(src.text, src.line_kinds)
    assert [(b.kind, b.text) for b in blocks] == [("title", "Harbour News"), ("heading", "Home")]
    bold = source_from_text(html.replace(">Home<", "><b>Home</b> <i>World</i><"), path="p.html")
    assert bold.text == "Harbour News\n\nHome World"  # the kept bold's "**" does not leak


def test_html_a_line_of_links_to_other_pages_is_furniture_not_a_claim():
    # "Related: <a>...</a>" inside the body was read as a claim; the test is
    # the share of the block's letters inside links, so a sentence with a
    # linked phrase (its stop outside the link) stays.
    html = (
        "<html><head><title>Ostrel Water Accord</title></head><body><article>"
        "<p>Varnia and Ostrel signed a water accord on Monday, officials said.</p>"
        '<p><strong>Related:</strong> <a href="/a">Drought empties Ostrel reservoirs</a></p>'
        "<p>Envoys said the talks ended in the <a href='/k'>river town of Kell</a>.</p>"
        '<p>Read more: <a href="/b">Varnia names envoy</a> | <a href="/c">The accord</a></p>'
        '<div>See also <a href="/d">Ostrel border closes</a></div>'
        "<p>The ministry <a href='/m'>said it would build two dams on the river</a>.</p>"
        '<p>Related: <a href="/q">What the accord means for Kell?</a></p>'
        '<p>Share this article: <a href="/f">Fjordbook</a> <a href="/p">Post</a></p>'
        "</article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == [
        "Ostrel Water Accord",
        "Varnia and Ostrel signed a water accord on Monday, officials said.",
        "Envoys said the talks ended in the river town of Kell.",
        "The ministry said it would build two dams on the river.",
    ]


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By Tomas Brandt, Kell correspondent</p>',
        '<div class="article-byline">By <a href="/tb">Tomas Brandt</a> in Kell</div>',
        '<p itemprop="author">Tomas Brandt and Anna Keller</p>',
        "<address>Tomas Brandt, Kell bureau</address>",
    ],
)
def test_html_a_byline_the_page_marks_is_not_a_claim(byline):
    """ "By Tomas Brandt, Kell correspondent" was the article's first claim."""
    html = (
        "<html><head><title>Ostrel Water Accord</title></head><body><article>"
        f"<h1>Ostrel Water Accord</h1>{byline}"
        f"<p>{_ACCORD}</p><p>{_RIVER}</p><p>{_DAMS}</p>"
        "</article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == ["Ostrel Water Accord", _ACCORD, _RIVER, _DAMS]


_ACCORD = (
    "Varnia and Ostrel signed a water accord on Monday that shares the river's flow "
    "between their farms and towns for the next ten years, officials said."
)
_RIVER = "By Friday the river had risen by a metre, Tomas Brandt of the Kell water board said."
_DAMS = (
    "The ministry said it would build two dams on the upper river before the spring "
    "floods and open a joint office in Kell to share the gauges' readings."
)


def test_html_nested_past_the_parser_depth_is_named_not_read_as_empty_or_cut():
    # The parser silently drops elements below 255 ancestors: the paragraph
    # would vanish ("no article text") or, beside shallow text, be cut away.
    assert "Kenya deployed" in source_from_text(_nested(100), path="page.html").text
    for html in (
        _nested(10_000),
        _nested(300, tail="<p>A shallow paragraph the parser keeps in full.</p>"),
    ):
        with pytest.raises(NewsbriefError, match="nested 255 or more deep"):
            source_from_text(html, path="page.html")


@pytest.mark.parametrize("unclosed", ["<iframe src=x>", "<textarea>", "<title>x", "<xmp>"])
def test_an_unclosed_raw_text_element_neither_breaks_sentences_nor_leaks_markup(unclosed):
    # Left open, such an element swallows the rest of the page; the extractor's
    # fallback used to cut the sentence at the bold word and keep "</body></html>".
    html = (
        "<html><body><p>Kenya <b>deployed</b> police officers to Haiti on Friday, "
        f"the interior ministry said.</p>{unclosed}</body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text == (
        "Kenya deployed police officers to Haiti on Friday, the interior ministry said."
    )


def test_html_keeps_headline_and_body_drops_scripts():
    html = """<!doctype html><html><head><title>Navy Drills Expand</title>
    <style>.x{color:red}</style><script>var tracking = "SCRIPTCODE";</script></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Navy Drills Expand</h1>
    <p>Japan and the Philippines held joint naval drills in the South China Sea on Tuesday,
    officials said, in a sign of deepening defense ties between the two countries.</p>
    <p>The exercises involved destroyers and patrol aircraft, and China criticized them as
    provocative, according to a foreign ministry statement issued in Beijing.</p>
    </article><footer>Copyright FOOTERTEXT 2024. All rights reserved.</footer>
    <script>alert("SCRIPTCODE2")</script></body></html>"""
    src = source_from_text(html, path="page.html")
    assert src.media_type == "html"
    assert src.title == "Navy Drills Expand"
    assert "joint naval drills" in src.text and "provocative" in src.text
    for junk in ("SCRIPTCODE", "color:red", "FOOTERTEXT", "Home"):
        assert junk not in src.text


GERMAN = (
    "Die Außenministerin traf am Dienstag ihren polnischen Kollegen in Warschau. "
    "Beide Regierungen vereinbarten eine engere Zusammenarbeit beim Grenzschutz. "
    "Weitere Gespräche sollen im Frühjahr folgen, teilte das Ministerium mit.\n"
)
ENGLISH = (
    "The foreign minister met her Polish counterpart in Warsaw on Tuesday. "
    "Both governments agreed to work more closely on border protection. "
    "Further talks are to follow in the spring, the ministry said.\n"
)


def test_an_article_in_another_language_is_named_and_english_is_not():
    from newsbrief.article import language_warning

    warning = language_warning(GERMAN, "bericht.txt")
    assert warning is not None and warning.startswith("bericht.txt: does not read as English (")
    assert language_warning(ENGLISH, "report.txt") is None
    assert language_warning("Kurz und bündig: nur eine Zeile.", "kurz.txt") is None  # too short


def test_cli_warns_once_and_still_analyzes_an_article_in_another_language(tmp_path, capsys):
    from newsbrief.cli import main

    path = tmp_path / "bericht.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert main(["claims", str(path), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    warnings = captured.err.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith(f"newsbrief: warning: {path}: does not")
    assert "Außenministerin" in captured.out


def test_a_trailing_off_ellipsis_before_a_capital_ends_the_sentence():
    text = "“We were never close… It hardly matters now…’ I hope he signs,” she said."
    units = units_of(text)
    assert [u.text for u in units] == [
        "“We were never close…",
        "It hardly matters now…’",
        "I hope he signs,” she said.",
    ]
    assert_covers(text, units)


def test_an_ellipsis_before_lowercase_or_spaced_in_a_quotation_goes_on():
    text = "One of them… he said the plan is bold … It cannot fail. Then he left."
    units = units_of(text)
    assert [u.text for u in units] == [
        "One of them… he said the plan is bold … It cannot fail.",
        "Then he left.",
    ]


def test_a_transcripts_q_stays_with_its_question_and_a_short_one_is_no_heading():
    # The parser cut "Q" off as a sentence of its own (a claim "Q"); a short
    # question standing alone was read as a section heading.
    text = (
        "Remarks by the Mayor on the Harbour\n\nTHE MAYOR: The port reopens today.\n\n"
        "Q Mr. Mayor, will the port stay open for ships until the vote next month?\n\n"
        "THE MAYOR: It will.\n\nQ Why did the talks take so long?\n\nTHE MAYOR: Trust takes time."
    )
    units = units_of(text)
    assert [(u.kind, u.text) for u in units][2:4] == [
        ("claim", "Q Mr. Mayor, will the port stay open for ships until the vote next month?"),
        ("claim", "THE MAYOR: It will."),
    ]
    assert (units[4].kind, units[4].text) == ("claim", "Q Why did the talks take so long?")
    assert_covers(text, units)


@pytest.mark.parametrize("time", ["4:15 P.M. EST", "10:02 a.m. EDT", "11:40 AM"])
def test_a_transcripts_time_line_is_a_heading_that_names_no_section(time):
    # "4:15 P.M. EST" was the section of the claims below it.
    text = (
        "Remarks by the Mayor on the Harbour\n\nCity Hall\n\n"
        f"{time}\n\nTHE MAYOR: The port reopens today.\n\n"
        "Ferry Schedules\n\nThe first ferry leaves at noon."
    )
    units = units_of(text)
    assert [(u.kind, u.section) for u in units] == [
        ("title", None),
        ("heading", None),
        ("heading", None),
        ("claim", "City Hall"),
        ("heading", None),
        ("claim", "Ferry Schedules"),
    ]
    assert units[2].text == time
    assert_covers(text, units)


def test_markdown_is_read_by_a_commonmark_parser_line_for_line():
    # Patterns took "*" out of a code span, kept inline HTML and an entity as
    # written, and missed a link whose words run over a line break.
    md = (
        "# Kell Ferry Resumes\n\n"
        "The <abbr>river</abbr> authority said the [ferry\nlink](https://example.org/f) "
        "reopened, and the fare rule `5*3*2` applies to R&amp;D staff.\n\n"
        "> - *Varnia* said so.\n"
    )
    src = source_from_text(md, path="story.md")
    assert src.text == (
        "# Kell Ferry Resumes\n\n"
        "The river authority said the ferry\nlink reopened, and the fare rule 5*3*2"
        " applies to R&D staff.\n\n> - Varnia said so.\n"
    )


def test_a_markdown_link_keeps_its_words_whatever_its_target():
    # CommonMark's renderer refuses these targets and left the link as
    # written: "The [envoy](javascript" became the sentence's source.
    md = (
        "# Ferry Talks\n\n"
        "The [envoy](javascript:void(0)) said [Varnia](vbscript:x) and "
        "[Ostrel](data:text/html,x) would meet on [Monday](file:///tmp/a).\n"
    )
    src = source_from_text(md, path="story.md")
    assert src.text == "# Ferry Talks\n\nThe envoy said Varnia and Ostrel would meet on Monday.\n"


def test_markdown_inline_markup_is_read_as_its_words():
    # Left in, the table showed "[the accord](https://...)", and "*the port
    # authority* said" gave the source "*".
    md = (
        "# Ostrel Port Reopens\n\n**Background**\n\n"
        'Ostrel reopened its [harbour](https://example.org/h "map") on Monday, '
        "*the port authority* said.\n\n![The quay](https://example.org/q.jpg)\n\n"
        "* Ships pay a `fee` of 5\\*3 crowns under [the tariff][1] and snake_case stays.\n\n"
        "[1]: https://example.org/tariff\n"
    )
    src = source_from_text(md, path="story.md")
    assert src.media_type == "markdown"
    assert src.text.count("\n") == md.count("\n")  # line for line: the layout is kept
    units = units_of(src.text)
    assert [(u.kind, u.text) for u in units] == [
        ("title", "Ostrel Port Reopens"),
        ("heading", "Background"),
        ("claim", "Ostrel reopened its harbour on Monday, the port authority said."),
        ("claim", "Ships pay a fee of 5*3 crowns under the tariff and snake_case stays."),
    ]


@pytest.mark.parametrize(
    ("front", "heading", "title"),
    [
        (
            '---\ntitle: "Kell Ferry Resumes"\ndate: 2024-05-01\ntags: [ferry, kell]\n---\n',
            "",
            None,
        ),
        ("---\ntitle: Kell Ferry Resumes\nauthors:\n  - Jane Roe\n...\n", "", None),
        ('+++\ntitle = "Kell Ferry Resumes"\ndraft = false\n+++\n', "", None),
        ("---\ntitle: Ferry notes\nlayout: post\n---\n", "# Kell Ferry Resumes\n\n", None),
        ("---\nlayout: post\n---\n", "", "The Kell ferry reopened on Monday."),
    ],
)
def test_markdown_front_matter_is_metadata_not_text(front, heading, title):
    """ "title: ...", "date: ..." were the article's title and headings."""
    md = f"{front}\n{heading}The Kell ferry reopened on Monday.\n\nFares rose by a third.\n"
    units = units_of_markdown(md)
    assert units[0].text == (title or "Kell Ferry Resumes")
    assert [u.text for u in units if u.kind == "claim"][-1] == "Fares rose by a third."
    assert not [u for u in units if re.search(r"title|date|tags|draft|layout|authors", u.text)]


@pytest.mark.parametrize(
    ("front", "date"),
    [
        ("---\ntitle: Kell Ferry Resumes\ndate: 2031-06-02\n---\n", "2031-06-02"),
        ("---\ndate: '2031-06-02T09:30:00+02:00'\nlayout: post\n---\n", "2031-06-02"),
        ('+++\ntitle = "Kell Ferry Resumes"\ndate = 2031-06-02T09:30:00Z\n+++\n', "2031-06-02"),
        ("---\ntitle: Kell Ferry Resumes\ndate: 2031-02-30\n---\n", None),  # no such day
        ("---\ntitle: Kell Ferry Resumes\nupdated: 2031-06-02\n---\n", None),
        ("date: 2031-06-02\n\n", None),  # no front matter, a line of the text
    ],
)
def test_a_markdown_front_matters_date_is_the_articles_date(front, date):
    # The block is blanked, so its date reached no view: a post that states
    # no full date in its text was "undated" in the corpus view.
    from newsbrief.analysis import analyze
    from newsbrief.tables import claims_table

    body = "\nThe Kell ferry reopened on Monday, the port said.\n"
    src = source_from_text(front + body, path="story.md")
    assert src.date == date
    if date is None:
        return
    undated = re.sub(r"^date.*$", "layout: post", front, flags=re.M)
    dated, plain = analyze(src), analyze(source_from_text(undated + body, path="story.md"))
    assert dated.article.date == date and plain.article.date is None
    # No unit and no claim of its own: the claims rows are those without the date.
    assert claims_table(dated).to_csv() == claims_table(plain).to_csv()
    assert dated.units == plain.units


def test_html_a_short_page_is_read_by_its_own_blocks_not_the_run_on_baseline():
    # Under about 250 characters of body the extractor's baseline ran the
    # headline, byline, date and photo caption into one line that became a
    # claim; the page's own headings, paragraphs and list items are its units.
    html = (
        "<!doctype html><html><head><title>Ostrel opens dam | Kell Times</title></head><body>"
        '<nav><a href="/">Home</a></nav><div class="cookie-banner">We use cookies.</div>'
        "<article><h1>Ostrel opens dam</h1>"
        '<p class="article-byline">By Mira Sand</p><time datetime="2031-05-02">May 2, 2031</time>'
        "<figure><img src='d.jpg'><figcaption>The dam at dawn. Photo: Kell Agency</figcaption>"
        "</figure>"
        "<p>Ostrel opened the dam on Friday.<br>Varnia objected.</p>"
        "<ul><li>Water flows resume.</li><li>Talks follow.</li></ul>"
        "<p><time>May 2, 2031</time> · Analysis</p></article>"
        "<footer>Kell Times 2031</footer></body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == [
        "Ostrel opens dam",
        "May 2, 2031",
        "Ostrel opened the dam on Friday.\nVarnia objected.",
        "- Water flows resume.\n- Talks follow.",
    ]
    assert src.line_kinds == ("heading", "", "para", "", "para", "para", "", "item", "item")


def test_html_a_pull_quote_repeating_the_story_is_not_a_second_claim():
    # A blockquote that sets a body sentence out again in large type was a
    # second claim restating the first; a short courtesy said twice stays.
    body = (
        "Ostrel will open the northern dam to Varnian barges next spring, the envoy said."
        " Kell objected."
    )
    html = (
        "<html><head><title>Dam deal</title></head><body><article><h1>Dam deal</h1>"
        f"<p>{body}</p>"
        "<blockquote>Ostrel will open the northern dam to Varnian barges next spring</blockquote>"
        "<p>Thank you very much, everybody.</p>"
        "<p>The envoy then left for Kell. \u201cWe want water, not words,\u201d she said.</p>"
        "<blockquote><p>We want water, not words</p></blockquote>"
        "<p>Thank you very much, everybody.</p></article></body></html>"
    )
    assert source_from_text(html, path="page.html").text.split("\n\n") == [
        "Dam deal",
        body,
        "Thank you very much, everybody.",
        "The envoy then left for Kell. \u201cWe want water, not words,\u201d she said.",
        "Thank you very much, everybody.",
    ]


def test_html_the_label_of_left_out_furniture_is_neither_a_section_nor_a_claim():
    # The "More on Kell" list is furniture and goes; its heading, left last
    # with nothing under it, named an empty section. "· Analysis" is what the
    # extractor leaves of a date line, and was a claim.
    story = (
        "Varnia and Ostrel signed a water accord on Monday after two years of talks, "
        "officials in Kell said. The accord shares the river's flow between them, and "
        "each side must report how much water it draws from the river every month."
    )
    html = (
        "<html><head><title>Water accord signed</title></head><body><article>"
        '<header><h1>Water accord signed</h1><p><time datetime="2031-03-03">March 3, 2031</time>'
        " · Analysis</p></header>"
        f"<p>{story}</p><h2>Who pays</h2><p>Ostrel pays most of the cost, the ministry said.</p>"
        "<h2>More on Kell</h2>"
        '<ul><li><a href="/a">Drought empties Kell reservoirs</a></li>'
        '<li><a href="/b">Varnia names a new envoy</a></li></ul>'
        "</article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == [
        "Water accord signed",
        "March 3, 2031",
        story,
        "Who pays",
        "Ostrel pays most of the cost, the ministry said.",
    ]


@pytest.mark.parametrize(
    "date", ["March 3, 2031", "Monday, 3 March 2031", "Mar. 3, 2031, 4:15 PM EST", "2031-03-03"]
)
def test_a_date_line_is_a_heading_that_names_no_section_in_a_page_and_a_text(date):
    # A page's <p>March 3, 2031</p> under its headline was a claim; in a text
    # a date line above the headline was taken for the headline.
    html = (
        "<html><head><title>Kell Harbour Reopens</title></head><body><article>"
        f"<h1>Kell Harbour Reopens</h1><p>{date} · Analysis</p><h2>Ferries</h2><p>{date}</p>"
        "<p>The port of Kell reopened on Monday after a strike that lasted three weeks and "
        "halted all ferry traffic between Varnia and Ostrel, the harbour office said on "
        "Monday. Ferries will run every hour, and the first one leaves at noon.</p>"
        "</article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    blocks = split_blocks(src.text, src.line_kinds)
    docs = list(load_nlp().pipe([b.text for b in blocks]))
    units = build_units(src.text, blocks, docs)[0]
    assert [(u.kind, u.section) for u in units][:5] == [
        ("title", None),
        ("heading", None),
        ("heading", None),
        ("heading", None),
        ("claim", "Ferries"),
    ]
    assert units[3].text == date
    text = f"{date}\n\nKell Harbour Reopens\n\nThe port of Kell reopened on Monday."
    assert [(u.kind, u.section) for u in units_of(text)] == [
        ("heading", None),
        ("title", None),
        ("claim", None),
    ]


def test_html_a_part_kept_as_found_loses_its_marked_captions_and_credits():
    # The extractor kept this page's body div as it found it, with its class
    # attributes: "Photo: Kell Agency" was a claim of the story.
    html = (
        "<html><body><h2>Kell ferry resumes</h2>"
        "<div>The Kell ferry resumed on Tuesday after a strike, the operator said.</div>"
        '<p class="photo-credit">Photo: Kell Agency</p>'
        '<p class="image-caption">The ferry at the pier.</p></body></html>'
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == [
        "Kell ferry resumes",
        "The Kell ferry resumed on Tuesday after a strike, the operator said.",
    ]


def test_html_an_agency_credit_line_is_not_a_claim_a_sentence_about_reporting_is():
    story = (
        "Heavy rain forced thousands of people in Varnia from their homes on Wednesday, "
        "the interior ministry said, as the Lee river burst its banks for a second week "
        "and army units were sent to the worst-hit districts."
    )
    html = (
        "<html><head><title>Floods in Varnia</title></head><body><article>"
        f"<h1>Floods in Varnia</h1><p>{story}</p>"
        "<p>Reporting by the agency showed that the dams held.</p>"
        "<p><em>Reporting by Mira Sand in Kell; Editing by Tom Vale</em></p>"
        "<p>(Additional reporting by Ana Ruiz)</p></article></body></html>"
    )
    assert source_from_text(html, path="page.html").text.split("\n\n") == [
        "Floods in Varnia",
        story,
        "Reporting by the agency showed that the dams held.",
    ]


def test_html_paragraphs_split_by_two_line_breaks_are_paragraphs_of_their_own():
    # A release without <p> separates its paragraphs with <br><br>; the
    # extractor wrote them as one paragraph. One <br> stays a line break.
    html = (
        "<html><head><title>Statement on Kell</title></head><body><div id='content'>"
        "<h1>Statement on Kell</h1><div>The Mayor of Kell spoke today with the Governor "
        "of Ostrel about the flooding along the Lee river and the damage to the port."
        "<br><br><b>Next steps</b><br><br>The two agreed to meet again in June.<br>"
        "Their staff will prepare the meeting. <br> <br>The Mayor thanked the rescue "
        "teams for their work during the night.</div></div></body></html>"
    )
    src = source_from_text(html, path="page.html")
    assert src.text.split("\n\n") == [
        "Statement on Kell",
        "The Mayor of Kell spoke today with the Governor of Ostrel about the flooding "
        "along the Lee river and the damage to the port.",
        "Next steps",
        "The two agreed to meet again in June.\nTheir staff will prepare the meeting.",
        "The Mayor thanked the rescue teams for their work during the night.",
    ]
    assert src.line_kinds[4] == "heading"


def test_html_a_numbered_line_in_a_paragraph_is_a_list_item_under_its_lead_in():
    # "1. Send a team;" after a <br> was read as part of a paragraph: the
    # sentence above was a claim, not a lead-in, and the claim kept its "1.".
    html = (
        "<html><head><title>Kell relief</title></head><body><article><h1>Kell relief</h1>"
        "<p>The Mayor of Kell spoke with the Governor of Ostrel about the flood along the "
        "Lee river, which cut the town off for two days this week.</p>"
        "<p>The Mayor directed his staff to:<br>1. Send a rescue team;<br>"
        "2. Open the schools as shelters.</p></article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    blocks = split_blocks(src.text, src.line_kinds)
    docs = list(load_nlp().pipe([b.text for b in blocks]))
    units = build_units(src.text, blocks, docs)[0]
    assert [(u.kind, u.text) for u in units][2:] == [
        ("lead_in", "The Mayor directed his staff to:"),
        ("claim", "Send a rescue team;"),
        ("claim", "Open the schools as shelters."),
    ]
    assert_covers(src.text, units)


def test_html_the_date_a_page_shows_is_kept_under_its_headline_as_a_date_line():
    # The extractor leaves <time> out of the body, so a saved page had no date
    # (the timeline and the briefing read the text's first full date).
    story = (
        "Varnia and Ostrel signed a water accord on Monday after two years of talks, "
        "officials in Kell said. The accord shares the flow of the Lee river between "
        "them, and each side must report how much water it draws every month."
    )
    shown = (
        "<html><head><title>Water accord signed</title></head><body><article>"
        "<h1>Water accord signed</h1><p><time datetime='2021-03-01'>March 1, 2021</time></p>"
        f"<p>{story}</p></article></body></html>"
    )
    src = source_from_text(shown, path="page.html")
    assert src.text.split("\n\n") == ["Water accord signed", "March 1, 2021", story]
    blocks = split_blocks(src.text, src.line_kinds)
    assert [b.kind for b in blocks][:2] == ["title", "heading"]
    meta = (
        "<html><head><title>Water accord signed</title>"
        '<meta property="article:published_time" content="2021-03-01T09:00:00Z"></head>'
        f"<body><article><p>{story}</p></article></body></html>"
    )
    assert source_from_text(meta, path="page.html").text.split("\n\n") == [
        "Water accord signed",
        "2021-03-01",
        story,
    ]


_PATROLS = (
    "The interior ministers of Varnia and Ostrel agreed on Monday to run joint patrols "
    "along the Lee river, officials in Kell said."
)
_DRILLS = "By Friday the two armies had ended their drills, the ministry said."


def _read_page(body: str) -> list[str]:
    """The paragraphs read from a news page whose article holds ``body`` under its headline."""
    html = (
        "<html><head><title>Patrols on the Lee</title></head><body><article>"
        f"<h1>Patrols on the Lee</h1>{body}</article></body></html>"
    )
    return source_from_text(html, path="page.html").text.split("\n\n")


_FURNITURE = [
    # No class marks them: "By Ana Ruiz and Tom Vale" was the first claim, its
    # names actors, and "the interior ministers" read as those two.
    pytest.param(
        (
            "<p>By Ana Ruiz and Tom Vale, Kell correspondent</p>"
            "<p>Updated 9:12 AM CET, Wed June 4, 2031</p>"
            "<p>A patrol boat on the river. Photo: Mira Sand/Kell Press</p>"
            f"<p>{_PATROLS}</p><p>(Image: Lee Agency)</p><p>{_DRILLS}</p>"
            "<p>Kell Times’s Ola Berg contributed reporting.</p>"
        ),
        id="byline, stamp, credit, contributors",
    ),
    # Reading time, an ad slot, calls to act and the copyright line were claims.
    pytest.param(
        (
            "<div>4 min read</div><p>Advertisement</p>"
            f"<p>Listen to this article</p><p>{_PATROLS}</p><p>Sign up for our daily briefing</p>"
            f"<p>{_DRILLS}</p><p>© 2031 Kell Times. All rights reserved.</p>"
        ),
        id="page notices",
    ),
    # "Have a tip? Email us at ..." came through as two claims.
    pytest.param(
        (
            f"<p>{_PATROLS}</p>"
            "<p>Got a story about the river? Email us at tips@kelltimes.example</p>"
            f"<p>{_DRILLS}</p><p>Reach Ana Ruiz at aruiz@kelltimes.example.</p>"
        ),
        id="calls for tips",
    ),
    pytest.param(
        (
            "<p>Ana Ruiz, Kell correspondent</p>"
            "<p>A patrol boat on the river on Tuesday. (Kell Photo/Mira Sand)</p>"
            f"<p>{_PATROLS}</p><p>Ola Berg/Kell Press</p><p>{_DRILLS}</p>"
        ),
        id="credits without a label, desk byline",
    ),
    pytest.param(
        (
            "<p>Editor’s note: This story has been updated with a "
            f"statement from the Varnian army.</p><p>{_PATROLS}</p>"
            "<p>This is a developing story and will be updated.</p>"
            f"<p>{_DRILLS}</p><p>This article was updated to correct the river’s name.</p>"
        ),
        id="notes about the page",
    ),
    pytest.param(
        (
            "<p>Story by Ola Berg</p>"
            "<p>Ana Ruiz and Tom Vale, Kell Times</p>"
            f"<p>{_PATROLS}</p>"
            f"<p>{_DRILLS}</p>"
        ),
        id="outlet bylines",
    ),
]


@pytest.mark.parametrize("body", _FURNITURE)
def test_html_page_furniture_is_no_claim(body: str) -> None:
    # Each was read as claims (a byline's names as actors, a dateline as a source).
    assert _read_page(body) == ["Patrols on the Lee", _PATROLS, _DRILLS]


def test_html_a_dateline_is_left_out_of_its_paragraphs_block_as_in_a_text():
    # "KELL, June 2 (Reuters) - The ministry said ..." was cited "KELL, June 2".
    # The page's text keeps it, as a plain text does; its block starts after it.
    html = (
        "<html><head><title>Patrols on the Lee</title></head><body><article>"
        f"<h1>Patrols on the Lee</h1><p>KELL, June 2 (Reuters) - {_PATROLS}</p>"
        f"<p>Varnia City, Varnia (KTV) — {_DRILLS}</p>"
        "<p>VRG — The Varnian guard said the boats were new.</p></article></body></html>"
    )
    src = source_from_text(html, path="page.html")
    paras = [(b.text, b.dateline) for b in split_blocks(src.text, src.line_kinds)][1:]
    assert paras == [
        (_PATROLS, True),
        (_DRILLS, True),
        ("VRG — The Varnian guard said the boats were new.", False),  # a label, later on
    ]


def test_html_sentences_that_open_like_furniture_stay():
    story = [
        "By Monday the patrols had begun on the river, the ministry said.",
        "Updated maps of the river were sent to both armies on Tuesday.",
        "The ministry published a photo of the boats. Photo shoots are rare in Kell.",
        "Three reporters contributed reporting that the ministry later denied.",
        "Subscribers to the Kell Times can sign up for the river alerts.",
        "Ana Ruiz, a Kell correspondent, said the boats were new.",
        "The ministry used a photo/video drone over the river.",
        "This report was updated by the ministry every week, officials said.",
        "Written by hand, the letter reached the ministry on Friday.",
        "The deal (NATO officials said) - signed in May - holds.",
        "Contact us if you see the boats, the river police said.",
        "Email the ministry at help@kell.example with questions, officials said.",
    ]
    body = "".join(f"<p>{s}</p>" for s in [_PATROLS, *story])
    assert _read_page(body) == ["Patrols on the Lee", _PATROLS, *story]


def test_html_the_label_of_a_list_of_links_goes_with_the_list():
    # The items went as link furniture one by one; "Read more:" was left as a claim.
    body = (
        f"<p>{_PATROLS}</p><p>{_DRILLS}</p><p>Read more:</p>"
        '<ul><li><a href="/a">Varnia holds snap vote</a></li>'
        '<li><a href="/b">Ostrel buys radars</a></li></ul>'
        "<p>The measures include:</p><ul><li>joint patrols on the river;</li>"
        "<li>shared radar data.</li></ul>"
    )
    assert _read_page(body) == [
        "Patrols on the Lee",
        _PATROLS,
        _DRILLS,
        "The measures include:",
        "- joint patrols on the river;\n- shared radar data.",
    ]


def test_a_plain_text_dateline_is_left_between_units():
    # "KELL, June 2 (dpa) - Varnian shipping firms warned ..." was cited
    # "KELL, June 2 (dpa) - Varnian shipping firms"; offsets still point into the text.
    from newsbrief.analysis import read_with_claims

    text = (
        "Patrols on the Lee\n\n"
        "KELL, June 2 (dpa) - Varnian shipping firms warned that the patrols could slow trade.\n\n"
        "VARNIA CITY (Reuters) — The ministry said the boats were new."
    )
    a, reading = read_with_claims(source_from_text(text))
    claims = [u for u in a.units if u.kind == "claim"]
    assert [u.text for u in claims] == [
        "Varnian shipping firms warned that the patrols could slow trade.",
        "The ministry said the boats were new.",
    ]
    assert all(text[u.start : u.end] == u.text for u in claims)
    sources = [c.attribution for c in reading.claims if a.units[c.unit].kind == "claim"]
    assert sources == ["Varnian shipping firms", "The ministry"]


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("KELL — The ministry said the boats were new.", "The ministry said"),
        ("KELL, Varnia — The ministry said the boats were new.", "The ministry said"),
        ("KELL, June 2 (Reuters) - The ministry said the boats were new.", "The ministry said"),
        ("NATO - The alliance said the boats were new.", None),  # a hyphen, no dateline's dash
        ("Kell — the river town — lost its bridge.", None),
        ("Varnia City, Varnia (KTV) — The ministry said.", "The ministry said"),
        ("BERLIN (dpa) - Varnian firms warned.", "Varnian firms warned"),
        # a subject with its other name in brackets is no dateline
        ("The Lee Patrol (Kell River Guard) — Varnia's force — sailed.", None),
        ("The Varnian Guard (VRG) - Varnia's force - sailed.", None),
    ],
)
def test_a_dateline_is_a_place_in_capitals_or_an_agencys_before_a_dash(line, rest):
    from newsbrief.units import DATELINE

    m = DATELINE.match(line)
    after = line[m.end() :] if m else None
    assert after.startswith(rest) if rest else after is None


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        # a newspaper's dateline opens the story; the text writes the place "Kell"
        ("KELL — The ministry said the boats were new.\n\nKell lies on the Lee.", True),
        # a label in capitals opening a later paragraph is no dateline
        ("The ministry sent boats.\n\nVRG — The guard said it would sail.", False),
        # nor one the text writes in capitals again: an acronym
        ("VRG — The guard said it would sail.\n\nThe VRG has ten boats.", False),
        # a place and its country, or an agency's dateline, is one anywhere
        ("The guard sailed.\n\nKELL, Varnia — The ministry said so.", True),
        ("The guard sailed.\n\nKELL (Reuters) - The ministry said so.", True),
    ],
)
def test_capitals_alone_before_a_dash_are_a_dateline_only_where_the_story_opens(text, cut):
    # "IAEA — The agency said ..." lost its label, and the sentence its subject.
    full = f"Patrols\n\n{text}"
    line = next(x for x in full.split("\n") if "—" in x or " - " in x)
    block = next(b for b in split_blocks(full) if line.endswith(b.text))
    assert block.dateline is cut
    assert block.text.startswith("The ") is cut
