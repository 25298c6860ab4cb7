"""The readable terminal dossier, on hand-built records (no spaCy: fast)."""
from __future__ import annotations

import subprocess
import sys

from claimtrail.model import (Attribution, Content, Document, Dossier, Entity, Failure, Flag, Mention, Role, Source,
                              Span, Timex)
from claimtrail.view import UNATTRIBUTED, render, render_failure, speaker

TEXT = ("Port chief Park Min-jun resigned on Monday. “He left for personal reasons,” said spokeswoman Elena Ruiz. "
        "She denied that Park had been forced out. Local news sites reported that he was questioned last week. "
        "It was reported that the board met. " + "The ministry's long statement went on and on. " * 8)


def find(s: str, start: int = 0) -> tuple[int, int, str]:
    i = TEXT.index(s, start)
    return i, i + len(s), s


def dossier(**over) -> Dossier:  # type: ignore[no-untyped-def]
    park = Entity("E1", "Park Min-jun", "PERSON", mentions=(Mention(*find("Park Min-jun")), Mention(*find("Park", 50))),
                  roles=(Role(*find("Port chief"), title="chief", organization="port"),), gender="m")
    ruiz = Entity("E2", "Elena Ruiz", "PERSON", mentions=(Mention(*find("Elena Ruiz")), Mention(*find("She"), "pronoun")),
                  roles=(Role(*find("spokeswoman"), title="spokeswoman"),), gender="f")
    ministry = Entity("E3", "ministry", "ORG", mentions=(Mention(*find("ministry")),))
    long_content = TEXT.index("The ministry's")
    atts = (
        Attribution("A1", "direct", Source(*find("spokeswoman Elena Ruiz"), entity="E2"), Span(*find("said")),
                    Content(*find("“He left for personal reasons,”")), "assert"),
        Attribution("A2", "indirect", Source(*find("She"), entity="E2"), Span(*find("denied")),
                    Content(*find("that Park had been forced out")), "deny"),
        Attribution("A3", "indirect", Source(*find("Local news sites"), group=True), Span(*find("reported")),
                    Content(*find("he was questioned last week")), "assert"),
        Attribution("A4", "indirect", None, Span(*find("reported", TEXT.index("It was"))),
                    Content(long_content, len(TEXT), TEXT[long_content:]), "speculate"),
    )
    base = dict(
        document=Document("sha256:0123456789abcdef", TEXT, title="Port chief quits", published="2026-03-11",
                          published_basis="given", author="A. Writer"),
        entities=(park, ruiz, ministry), attributions=atts,
        timexes=(Timex(*find("Monday"), id="T1", type="DATE", value="2026-03-09"),
                 Timex(*find("last week"), id="T2", type="DATE", value="2026-W10")),
        flags=(Flag("unbalanced-quotes", "an opening quotation mark at 120 is never closed", 120),),
    )
    base.update(over)
    return Dossier(**base)


def test_header_people_statements_times() -> None:
    out = render(dossier())
    assert out.startswith("Port chief quits\n")
    assert "published 2026-03-11 (given)" in out and "sha256:0123456789abcdef" in out and "by A. Writer" in out
    assert "! unbalanced-quotes: an opening quotation mark" in out
    assert "2 people, 4 statements, 2 times mentioned" in out
    people = out.split("PEOPLE\n")[1].split("\n\n")[0]
    assert "Park Min-jun — chief, port  (2 mentions)" in people
    assert "Elena Ruiz — spokeswoman  (2 mentions, 2 said)" in people
    assert "ministry" not in people  # organisations are listed apart
    assert "ministry (org)" in out.split("ALSO MENTIONED\n")[1]
    times = out.split("TIMES\n")[1]
    assert "Monday     2026-03-09  (date)" in times and "last week  2026-W10" in times


def test_statements_are_grouped_by_speaker_in_order_of_first_statement() -> None:
    out = render(dossier())
    said = out.split("WHO SAID WHAT\n")[1].split("\n\n")[0]
    heads = [line.strip() for line in said.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    assert heads == ["Elena Ruiz", "Local news sites (group)", UNATTRIBUTED]
    assert "- assert (direct, “said”): “He left for personal reasons,”" in said
    assert "- deny (indirect, “denied”, as “She”): that Park had been forced out" in said
    assert "- speculate (indirect, “reported”)" in said
    assert said.rstrip().endswith("…")  # long content shortened; the JSON keeps it whole


def test_fits_an_80_column_terminal_and_is_plain_unless_coloured() -> None:
    out = render(dossier())
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\033[" not in out
    assert "\033[1mPEOPLE\033[0m" in render(dossier(), color=True)


def test_bare_dossier_renders() -> None:
    d = Dossier(document=Document("x", "Short text with nothing in it.", published=None))
    out = render(d)
    assert out.startswith("Short text with nothing in it.\n") and "published unknown" in out
    assert "0 people, 0 statements, 0 times mentioned" in out and "WHO SAID WHAT" not in out


def test_speaker_names_and_failure_line() -> None:
    d = dossier()
    assert [speaker(d, a) for a in d.attributions] == ["Elena Ruiz", "Elena Ruiz", "Local news sites (group)",
                                                      UNATTRIBUTED]
    assert render_failure(Failure("x.txt", "empty", "the article is empty")) == "FAILED  x.txt: the article is empty [empty]\n"


def test_view_does_not_import_spacy() -> None:
    code = "import sys, claimtrail.view, claimtrail.cli; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
