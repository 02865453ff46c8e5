"""The team workflow end to end on the Wojood sample, through the command line, for the
README: import, assign to two annotators with full overlap, two annotators' work (amal
takes the gold; omar a perturbed copy: some entities left out, some relabelled), merge,
agreement with an HTML report. With --screenshot, the report is rendered to PNG with a
headless Chromium, when one is installed.

    python build_scripts/team_demo.py OUT_FOLDER [--screenshot docs/agreement-report.png]
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cli(*arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", *arguments], capture_output=True, text=True, cwd=ROOT
    )
    if result.returncode:
        raise SystemExit(f"annotator {' '.join(arguments)} failed:\n{result.stderr}")
    print(f"$ annotator {' '.join(arguments)}\n{result.stdout}", flush=True)
    return result.stdout


def annotate(path: Path, name: str, gold: Path, perturb: float) -> None:
    """`name` annotates their hand-out: the gold of each document, with a share `perturb`
    of the entities left out or relabelled (seeded), then marks it done."""
    from annotator.app import operations
    from annotator.app.workspace import Workspace
    from annotator.model import DocumentStatus, GOLD
    from annotator.store import Project

    rng = random.Random(name)
    with Project.open(gold) as source, Project.open(path, annotator=name) as project:
        workspace = Workspace(project)
        for document in project.documents():
            original = source.document_id_by_sha256(document.sha256)
            for entity in source.entities(original, layer=GOLD):
                roll = rng.random()
                if roll < perturb / 2:
                    continue
                label = entity.label
                if roll < perturb:
                    label = rng.choice([x for x in ("PERS", "ORG", "LOC") if x != label])
                workspace.perform(
                    operations.AddEntity(document.id, entity.start, entity.end, label)
                )
            status = project.document_status(document.id)
            workspace.perform(
                operations.SetDocumentStatus(document.id, DocumentStatus.DONE, status)
            )


def main() -> None:
    out = Path(sys.argv[1]).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    lead = out / "wojood.sqlite"
    cli("init", str(lead))
    cli("import", str(lead), str(ROOT / "resources/wojood/train.txt"), "--format", "conll",
        "--map", "GPE=LOC,FAC=LOC", "--drop", "NORP,OCC,DATE,TIME,EVENT,LAW,CARDINAL,ORDINAL,"
        "PERCENT,QUANTITY,UNIT,MONEY,CURR,LANGUAGE,PRODUCT,WEBSITE", "--sentences-per-document", "20")  # fmt: skip
    cli(
        "assign",
        str(lead),
        "--annotators",
        "amal,omar",
        "--overlap",
        "1",
        "--out",
        str(out / "hand-out"),
    )
    for name, perturb in (("amal", 0.0), ("omar", 0.12)):
        annotate(out / "hand-out" / f"wojood-{name}.sqlite", name, lead, perturb)
    cli("merge", str(lead), *(str(p) for p in sorted((out / "hand-out").glob("*.sqlite"))))
    report = out / "agreement.html"
    cli("agreement", str(lead), "--report", str(report), "--json", str(out / "agreement.json"))
    if "--screenshot" in sys.argv:
        png = Path(sys.argv[sys.argv.index("--screenshot") + 1]).resolve()
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            raise SystemExit("no headless Chromium here to render the report")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--disable-background-networking", "--window-size=1100,1500",
             f"--screenshot={png}", report.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
        print(f"saved {png}")


if __name__ == "__main__":
    main()
