"""Ingest: every input form and every kind of bad input, built by hand in tmp_path."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrail.config import Options
from claimtrail.ingest import checks
from claimtrail.ingest.checks import check_article
from claimtrail.ingest.dates import normalise_date
from claimtrail.ingest.files import is_batch, read_inputs, sniff_stdin
from claimtrail.ingest.language import non_english
from claimtrail.model import Article, Failure

EN = ("The harbour master said on Tuesday that the ferry to the islands would run again from next week. "
      "\"We have repaired the ramp,\" she told reporters, adding that the timetable would stay the same.\n")
DE = ("Die Bürgermeisterin der Stadt erklärte am Dienstag, dass die neue Brücke über den Fluss erst im "
      "kommenden Frühjahr eröffnet werden könne. Die Bauarbeiten hätten sich wegen des nassen Winters "
      "verzögert, sagte sie vor Journalisten im Rathaus. Anwohner zeigten sich enttäuscht und forderten "
      "bessere Informationen über den Zeitplan des Projekts.")
FR = ("Le ministre des transports a annoncé mardi que la nouvelle ligne de tramway ne serait pas ouverte "
      "avant la fin de l'année. Selon lui, les travaux ont pris du retard à cause des intempéries de "
      "l'hiver. Plusieurs associations d'usagers ont dénoncé un manque de transparence et réclamé un "
      "calendrier précis pour la suite du chantier.")
EN_NAMES = ("Nguyen Phu Trong, Xi Jinping, Moon Jae-in and Orbán Viktor met in Hanoi on Tuesday. Trong told "
            "Xi the talks were useful. Moon, 71, said Seoul and Hanoi would sign a deal. Orbán said Budapest "
            "supported it. Lee Soo-ah, Park Min-jun, Kim Dae-jung, Vo Van Thuong, Pham Minh Chinh and Wang "
            "Yi attended the summit in Hanoi, Vietnam, according to Nguyen Thi Lan of Tuoi Tre.")
ACCENTED = ("The café owner in Málaga, José Núñez, said the façade would be repaired before the fiesta. "
            "\"We are not worried,\" he told the local paper, adding that the señora who owns it would pay.\n")
CURLY = ("The mayor of Zürich said on Monday that the “temporary” closure of the bridge would last until "
         "spring — or longer. “It is not ideal,” she said; the city’s engineers agreed… The cost: €2 million.\n")
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry returns</title>
<meta name="author" content="Ana Lima"><meta property="article:published_time" content="2026-04-02T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><article><h1>Ferry returns</h1>
<p>The harbour master said on Tuesday that the ferry to the islands would run again from next week.</p>
<p>"We have repaired the ramp," she told reporters outside the terminal building in the old port.</p>
</article><footer>Copyright The Island Courier</footer></body></html>"""


def one(path: Path, options: Options | None = None, **kw) -> Article | Failure:  # type: ignore[no-untyped-def]
    items = list(read_inputs([path], options or Options(), **kw))
    assert len(items) == 1, items
    return items[0]


def checked(item: Article | Failure, options: Options | None = None) -> Article | Failure:
    [out] = checks.checked([item], options or Options())
    return out


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# --- plain text: bytes, encodings, refusals --------------------------------------------------------

@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"  \n\t\r\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary"),
    (bytes(range(1, 32)) * 200, "binary"),  # control characters without NUL bytes
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 50, "binary"),
])
def test_bad_text_files_fail_with_their_code(tmp_path: Path, data: bytes, code: str) -> None:
    item = checked(one(write(tmp_path, "in.txt", data)))
    assert isinstance(item, Failure) and item.code == code, item
    assert item.origin == str(tmp_path / "in.txt")


@pytest.mark.parametrize("text, encoding", [
    (ACCENTED, "latin-1"), (ACCENTED, "cp1252"), (CURLY, "cp1252"), (CURLY, "utf-8"),
    (EN + "Straße, café, “quotes”.\n", "utf-16"),  # Python writes a BOM for "utf-16"
    (EN + "Straße, café.\n", "utf-16-be"), (EN + "Straße, café.\n", "utf-16-le"),  # no BOM
])
def test_text_is_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    item = one(write(tmp_path, "in.txt", text.encode(encoding)))
    assert isinstance(item, Article) and item.text == text


@pytest.mark.parametrize("bom, encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                                           (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe\x00\x00", "utf-32-le")])
def test_byte_order_marks_are_honoured_and_dropped(tmp_path: Path, bom: bytes, encoding: str) -> None:
    item = one(write(tmp_path, "in.txt", bom + CURLY.encode(encoding)))
    assert isinstance(item, Article) and item.text == CURLY


def test_undecodable_after_bom_is_an_encoding_error(tmp_path: Path) -> None:
    item = one(write(tmp_path, "in.txt", b"\xef\xbb\xbfThe mayor said \xff\xfe no."))
    assert isinstance(item, Failure) and item.code == "encoding"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", EN * 50)
    item = one(path, Options(max_bytes=1000))
    assert isinstance(item, Failure) and item.code == "too-large" and "max-bytes" in item.message
    assert isinstance(one(path, Options(max_bytes=100_000)), Article)


def test_check_article_size_limit_covers_texts_from_any_source() -> None:
    fail = check_article(Article(text="é" * 600, origin="x"), Options(max_bytes=1000))
    assert fail is not None and fail.code == "too-large"
    assert check_article(Article(text="é" * 400, origin="x"), Options(max_bytes=1000, check_language=False)) is None


# --- language --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [(DE, "de"), (FR, "fr")])
def test_non_english_text_is_refused_saying_which_language(tmp_path: Path, text: str, lang: str) -> None:
    assert len(text) >= 300
    item = checked(one(write(tmp_path, "in.txt", text)))
    assert isinstance(item, Failure) and item.code == "not-english"
    assert item.message.startswith(f"the text is not English (detected: {lang}, 0.9")


@pytest.mark.parametrize("text", [EN * 3, EN_NAMES, ACCENTED * 3,
                                  # English reporting of a German quote stays English
                                  "„Wir schaffen das, auch wenn es schwierig wird“, sagte die Kanzlerin. " + EN * 2])
def test_english_is_not_refused(text: str) -> None:
    assert non_english(text) is None
    assert check_article(Article(text=text, origin="x"), Options()) is None


def test_short_or_unchecked_texts_are_not_judged() -> None:
    short = DE[:150]
    assert check_article(Article(text=short, origin="x"), Options()) is None
    assert check_article(Article(text=DE, origin="x"), Options(check_language=False)) is None


# --- HTML ------------------------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    item = one(write(tmp_path, "page.html", PAGE))
    assert isinstance(item, Article)
    assert item.title == "Ferry returns" and item.author == "Ana Lima"
    assert (item.published, item.published_basis) == ("2026-04-02", "metadata")
    assert item.text.startswith("The harbour master said on Tuesday")  # headline kept out of the body
    assert "\n\n\"We have repaired the ramp,\"" in item.text  # paragraphs apart
    assert "Home" not in item.text and "Copyright" not in item.text


def test_given_date_wins_over_metadata(tmp_path: Path) -> None:
    item = one(write(tmp_path, "page.htm", PAGE), published="2026-04-05")
    assert isinstance(item, Article) and (item.published, item.published_basis) == ("2026-04-05", "given")


@pytest.mark.parametrize("html", [
    "<p>The harbour master said on Tuesday that the ferry <b>would run again <div>from next week, she told "
    "reporters outside the terminal.</span></table><p>Islanders were relieved, a shopkeeper said.",
    "<html><body><div><p>The harbour master said on Tuesday that the ferry would run again</div></i>"
    "<p>from next week, she told reporters outside the terminal building.</td></html></html>",
])
def test_malformed_html_still_gives_its_text(tmp_path: Path, html: str) -> None:
    item = one(write(tmp_path, "bad.html", html))
    assert isinstance(item, Article), item
    assert "harbour master said on Tuesday" in item.text and "<" not in item.text


@pytest.mark.parametrize("html", [
    "<html><head><title>Only a menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body><script>var x = 1;</script></body></html>",
    "<html><head><title>Cookies</title></head><body><div>We use cookies.</div></body></html>",
])
def test_html_without_body(tmp_path: Path, html: str) -> None:
    item = one(write(tmp_path, "nobody.html", html))
    assert isinstance(item, Failure) and item.code == "no-body"


# --- JSONL -----------------------------------------------------------------------------------------

def test_jsonl_bad_line_in_the_middle_is_recorded_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": EN, "title": "Ferry", "published": "2026-04-02", "url": "https://x.test/a1",
                    "source": "Courier"}),
        '{"id": "a2", "text": "unterminated',
        "",  # blank lines are skipped but counted
        json.dumps({"id": "a3", "html": PAGE}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a5", "title": "no text"}),
        json.dumps({"id": "a6", "text": EN, "published": "last Tuesday"}),
        json.dumps({"id": 7, "text": "", "published": "Thu, 02 Apr 2026 08:00:00 +0000"}),
    ]
    items = list(read_inputs([write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")]))
    origins = [i.origin.rsplit(":", 1)[1] for i in items]
    assert origins == ["1", "2", "4", "5", "6", "7", "8"]
    a1, bad, a3, arr, notext, baddate, a7 = items
    assert isinstance(a1, Article) and a1.id == "a1" and a1.text == EN and a1.title == "Ferry"
    assert (a1.published, a1.published_basis, a1.url, a1.source) == ("2026-04-02", "metadata", "https://x.test/a1", "Courier")
    assert isinstance(bad, Failure) and bad.code == "bad-record" and "not valid JSON" in bad.message
    assert isinstance(a3, Article) and a3.id == "a3" and a3.title == "Ferry returns" and a3.published == "2026-04-02"
    for f, words in ((arr, "not an object"), (notext, "neither"), (baddate, "not a date")):
        assert isinstance(f, Failure) and f.code == "bad-record" and words in f.message, f
    assert baddate.id == "a6"
    assert isinstance(a7, Article) and a7.id == "7" and a7.published == "2026-04-02"
    assert check_article(a7, Options()).code == "empty"  # type: ignore[union-attr]


def test_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "small", "text": EN}), json.dumps({"id": "big", "text": EN * 40}),
             json.dumps({"id": "after", "text": EN})]
    items = list(read_inputs([write(tmp_path, "feed.jsonl", "\n".join(lines))], Options(max_bytes=2000)))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].code == "too-large" and items[2].id == "after"  # type: ignore[union-attr]


line_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(line_text, min_size=1, max_size=6), ascii_only=st.booleans())
def test_jsonl_round_trip_gives_text_back_exactly(tmp_path: Path, texts: list[str], ascii_only: bool) -> None:
    path = tmp_path / "rt.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=ascii_only) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    items = list(read_inputs([path]))
    assert [(i.id, i.text) for i in items] == [(f"r{i}", t) for i, t in enumerate(texts)]  # type: ignore[union-attr]


# --- folders, paths, stdin -------------------------------------------------------------------------

def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", EN)
    write(tmp_path, "a/z.html", PAGE)
    write(tmp_path, "a/c.jsonl", json.dumps({"id": "j1", "text": EN}) + "\n" + json.dumps({"id": "j2", "text": EN}))
    write(tmp_path, "a/notes.md", "# not an article")
    write(tmp_path, "a/img.png", b"\x89PNG\x00")
    write(tmp_path, ".hidden/x.txt", EN)
    write(tmp_path, "C.TXT", EN)
    items = list(read_inputs([tmp_path]))
    rel = [Path(i.origin).relative_to(tmp_path).as_posix() for i in items]
    assert rel == ["C.TXT", "a/c.jsonl:1", "a/c.jsonl:2", "a/z.html", "b.txt"]
    assert is_batch([tmp_path]) and is_batch([tmp_path / "a/c.jsonl"]) and not is_batch([tmp_path / "b.txt"])


def test_missing_paths_and_empty_folders_are_failures_in_place(tmp_path: Path) -> None:
    (tmp_path / "void").mkdir()
    ok = write(tmp_path, "ok.txt", EN)
    items = list(read_inputs([tmp_path / "nope.txt", tmp_path / "void", ok]))
    assert [getattr(i, "code", "ok") for i in items] == ["not-found", "no-input", "ok"]


def test_unknown_suffix_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "story.md", EN)), Article)


@pytest.mark.parametrize("data, fmt, expect", [
    (EN.encode(), "auto", [("<stdin>", EN)]),
    (b"\n" + json.dumps({"id": "s1", "text": EN}).encode() + b"\n{oops\n", "auto", [("<stdin>:2", EN), ("<stdin>:3", None)]),
    (PAGE.encode(), "auto", [("<stdin>", None)]),
    (b'{"looks": "like json"} but is text', "text", [("<stdin>", '{"looks": "like json"} but is text')]),
])
def test_stdin(data: bytes, fmt: str, expect: list) -> None:  # type: ignore[type-arg]
    items = list(read_inputs(["-"], stdin=io.BytesIO(data), stdin_format=fmt))
    assert [i.origin for i in items] == [o for o, _ in expect]
    for item, (_, text) in zip(items, expect):
        if text is None:
            continue
        assert isinstance(item, Article) and item.text == text
    if data.startswith(b"<!DOCTYPE"):
        assert items[0].title == "Ferry returns"  # type: ignore[union-attr]


def test_sniffing_stdin_keeps_every_byte() -> None:
    data = b"\n\n" + json.dumps({"id": "s", "text": EN}).encode() + b"\n" + b'{"id": "t", "text": "x"}'
    fmt, stream = sniff_stdin(io.BytesIO(data))
    assert fmt == "jsonl" and stream.read() == data
    fmt, stream = sniff_stdin(io.BytesIO(EN.encode()))
    assert fmt == "text" and [i.text for i in read_inputs(["-"], stdin=stream, stdin_format=fmt)] == [EN]  # type: ignore[union-attr]


def test_stdin_over_the_limit() -> None:
    items = list(read_inputs(["-"], Options(max_bytes=100), stdin=io.BytesIO(EN.encode() * 3)))
    assert [(i.origin, i.code) for i in items] == [("<stdin>", "too-large")]  # type: ignore[union-attr]


# --- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expect", [
    ("2026-04-02", "2026-04-02"), ("2026-04-02T23:30:00+02:00", "2026-04-02"), ("2026-04-02T08:00:00Z", "2026-04-02"),
    ("2026-04-02 08:00", "2026-04-02"), ("Thu, 02 Apr 2026 08:00:00 GMT", "2026-04-02"),
    ("2026-02-30", None), ("last Tuesday", None), ("", None), (None, None), (20260402, None),
])
def test_normalise_date(value: object, expect: str | None) -> None:
    assert normalise_date(value) == expect
