"""`annotator search`: the same matches as the window, for scripts."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import main
from annotator.store import Project

TEXT = "👍 قال بُوتِين إن لبوتين\nزار موسكو"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def make(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.create(db) as project:
        project.add_document("one.txt", TEXT)
        project.add_document("two.txt", "لا شيء")
    return db


def test_search_prints_id_name_code_point_offsets_and_context(tmp_path):
    db = make(tmp_path)
    result = run("search", db, "بوتين")
    assert result.exit_code == 0
    start = TEXT.index("بُوتِين")
    assert result.stdout.splitlines() == [
        f"1\tone.txt\t{start}\t{start + 7}\t👍 قال «بُوتِين» إن لبوتين زار موسكو"
    ]
    assert result.stderr.strip() == "1 matches in 1 documents"
    result = run("search", db, "بوتين", "--through-clitics")
    assert [line.split("\t")[2] for line in result.stdout.splitlines()] == [
        str(start),
        str(TEXT.index("لبوتين") + 1),
    ]


def test_search_json_lines(tmp_path):
    db = make(tmp_path)
    result = run("search", db, "زار", "موسكو", "--json")  # several words, unquoted
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line == {
        "document_id": 1,
        "document": "one.txt",
        "start": TEXT.index("زار"),
        "end": len(TEXT),
        "text": "زار موسكو",
        "before": "👍 قال بُوتِين إن لبوتين ",
        "after": "",
    }
    assert TEXT[line["start"] : line["end"]] == line["text"]


def test_search_regex_nothing_found_and_a_bad_pattern(tmp_path):
    db = make(tmp_path)
    result = run("search", db, r"^زار\s\w+", "--regex")
    assert result.exit_code == 0 and "«زار موسكو»" in result.stdout
    result = run("search", db, "طهران")
    assert result.exit_code == 1 and result.stdout == ""
    result = run("search", db, "(", "--regex")
    assert result.exit_code == 2 and "not a valid regular expression" in result.stderr
