"""The command line of curation and what comes out: `annotator curate --premerge`,
`export --layer` and `export --with-provenance`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.app import curation
from annotator.app.curation_operations import take_version
from annotator.app.workspace import Workspace
from annotator.cli import main
from annotator.model import GOLD
from annotator.store import Project
from tests import curation_fixture as fx


def run(*arguments):
    return CliRunner().invoke(main, ["--annotator", "lead", *map(str, arguments)])


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_premerge_headless_with_a_policy_then_export_gold_with_provenance(tmp_path):
    path = tmp_path / "team.sqlite"
    fx.build(path)
    result = run("curate", path, "--premerge", "--policy", "majority")
    assert result.exit_code == 0, result.output
    assert "Curation policy: majority (saved in the project)" in result.output
    assert "Pre-merged 1 document (majority): 5 entities and 3 relations" in result.output
    again = run("curate", path, "--premerge")
    assert "1 pre-merged before, left as they are" in again.output

    # the curator then prefers amal's longer agency name (key 1 on the first disagreement)
    with Project.open(path, annotator="lead", layer=GOLD) as project:
        state = curation.load(project, 1)
        Workspace(project).perform(take_version(project, state, state.disagreements[0], "amal"))

    out = tmp_path / "gold.jsonl"
    result = run("export", path, out, "--with-provenance")
    assert result.exit_code == 0, result.output
    [document] = lines(out)
    provenance = {
        document["text"][e["start"] : e["end"]]: e["provenance"] for e in document["entities"]
    }
    assert provenance["فلاديمير بوتين"]["decided"] == "agreed"
    assert provenance["فلاديمير بوتين"]["found_in"] == list(fx.ANNOTATORS)
    assert provenance["موسكو"] == {
        "found_in": ["amal", "badr"], "decided": "agreed", "decided_by": "lead"
    }  # fmt: skip
    assert provenance["وكالة Reuters"]["decided"] == "chosen from amal"
    assert provenance["وكالة Reuters"]["found_in"] == ["amal"]
    assert "Reuters" not in provenance  # badr's and huda's version gave way
    relations = {r["type"]: r["provenance"] for r in document["relations"]}
    assert relations["meets"]["decided"] == "agreed"
    assert relations["meets"]["found_in"] == ["amal", "badr"]

    # once curated, agreement scores each annotator against gold
    assert "no curated document yet" in run("agreement", path).output
    with Project.open(path, annotator="lead", layer=GOLD) as project:
        project.set_document_status(1, "done")
    result = run("agreement", path, "--json", tmp_path / "a.json")
    assert result.exit_code == 0, result.output
    with_gold = json.loads((tmp_path / "a.json").read_text())["with_gold"]
    f1 = {name: scores["exact"]["micro"]["f1"] for name, scores in with_gold.items()}
    assert f1["amal"] == 1.0 and f1["badr"] == 0.8
    assert abs(f1["huda"] - 2 * 0.5 * 0.4 / 0.9) < 1e-9
    assert "Against curated gold" in result.output


def test_export_one_annotators_layer_and_refusals(tmp_path):
    path = tmp_path / "team.sqlite"
    fx.build(path)
    out = tmp_path / "huda.jsonl"
    assert run("export", path, out, "--layer", "huda").exit_code == 0
    [document] = lines(out)
    assert {(e["start"], e["end"], e["label"]) for e in document["entities"]} == {
        fx.AGENCY, fx.PUTIN, fx.MOSCOW_ORG, fx.MINISTRY
    }  # fmt: skip
    refused = run("export", path, tmp_path / "x.jsonl", "--layer", "nobody")
    assert refused.exit_code != 0 and "no layer 'nobody'" in refused.output
    refused = run("export", path, tmp_path / "x.conll", "--format", "conll", "--with-provenance")
    assert refused.exit_code != 0 and "cannot carry curation provenance" in refused.output
    assert not (tmp_path / "x.conll").exists()
    # gold is the default, even for the lead whose own layer this is not
    default = tmp_path / "gold.jsonl"
    assert run("export", path, default).exit_code == 0
    assert lines(default)[0]["entities"] == []  # nothing curated yet (one gold candidate)
