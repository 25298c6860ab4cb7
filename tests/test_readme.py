"""The README's examples are tested: every `claimtrail …` command line in it parses with the real CLI
parser, its Python example runs, and the bench scripts and paths it names exist."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from claimtrail.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def command_lines() -> list[str]:
    """Each `claimtrail …` example, read as a user would type it: comments dropped, optional
    ``[--flag X]`` parts left out and (a second reading) put in, the first of ``a|b`` taken."""
    out = []
    for block in blocks("bash"):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            m = re.search(r"(?:^|\|\s*|\.venv/bin/|^[A-Z_]+=\S+\s+)(claimtrail\s.*)$", line)
            if not m or line.startswith("#"):
                continue
            line = m.group(1).split("&&")[0].strip()
            bare = re.sub(r"\s*\[[^\]]*\]", "", line)
            full = re.sub(r"\s*\[[^\]]*\]", "", re.sub(r"\[([^\]|]*)\]", r"\1", line))  # [--flag X] kept
            for cmd in dict.fromkeys((bare, full)):
                out.append(re.sub(r"(\S+)\|\S+", r"\1", cmd))  # jsonl|csv -> jsonl
    return out


COMMANDS = command_lines()


def test_the_readme_shows_every_subcommand() -> None:
    used = {shlex.split(c)[1] for c in COMMANDS}
    sub = next(a for a in _parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(sub.choices) - used == set(), "a subcommand the README never shows"


@pytest.mark.parametrize("cmd", COMMANDS)
def test_readme_command_parses(cmd: str) -> None:
    argv = shlex.split(cmd)[1:]
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on an unknown flag or a bad value
        pytest.fail(f"README example does not parse: {cmd} ({exc})")
    assert callable(getattr(args, "run", None))


def test_readme_bench_scripts_exist() -> None:
    for script in set(re.findall(r"bench/\w+\.py", README)):
        assert (ROOT / script).is_file(), script


@pytest.mark.slow
def test_readme_python_example_runs(capsys) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.model import Article

    text = "Finance minister Greta Holm said on Monday that the budget was balanced."
    code = blocks("python")[0].replace("    ...\n", "    print(type(dossier).__name__)\n")
    exec(code, {"text": text, "articles": [Article("a1", text)]})  # noqa: S102 - our own README
    out = capsys.readouterr().out
    assert "Greta Holm" in out and "Dossier" in out
