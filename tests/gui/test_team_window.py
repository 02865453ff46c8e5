"""Team work in the window: who is annotating, merge and the agreement table."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableWidget

from annotator.app import operations
from annotator.app.team import assign
from annotator.app.workspace import Workspace
from annotator.gui.app import open_window
from annotator.model import DocumentStatus, Status
from annotator.store import Project

TEXTS = ["زار بوتين موسكو أمس", "وصل الوفد الكوري إلى موسكو صباح اليوم"]


def _lead(tmp_path):
    path = tmp_path / "lead.sqlite"
    with Project.create(path, annotator="lead") as project:
        for number, text in enumerate(TEXTS):
            document = project.add_document(f"d{number}.txt", text)
            start = text.index("موسكو")
            project.add_entity(document.id, start, start + 5, "LOC", status=Status.CANDIDATE,
                               source="gazetteer:cldr")  # fmt: skip
    return path


def _annotate(path, name, label):
    with Project.open(path, annotator=name) as project:
        workspace = Workspace(project)
        for document in project.documents():
            for entity in project.entities(document.id):
                if label != entity.label:
                    workspace.perform(operations.relabel(entity, label))
                workspace.perform(operations.accept(project.entity(entity.id)))
            workspace.perform(
                operations.SetDocumentStatus(document.id, DocumentStatus.DONE, document.status)
            )


def test_merge_and_agreement_from_the_window(qtbot, tmp_path, monkeypatch):
    lead = _lead(tmp_path)
    with Project.open(lead) as project:
        files = assign(project, ["amal", "omar"], tmp_path / "out", overlap=1.0).files
    _annotate(files["amal"], "amal", "LOC")
    _annotate(files["omar"], "omar", "ORG")
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    project = Project.open(lead, annotator="lead")
    window = open_window(project)
    qtbot.addWidget(window)
    assert "lead (layer lead)" in window.status.text()  # a team project: the lead's layer
    assert window.parts.team.merge_files([files["amal"], files["omar"]])
    assert "amal: 2 documents into the layer 'amal'" in said[-1]
    dialogs = []
    monkeypatch.setattr(
        "annotator.gui.team.AgreementDialog.exec", lambda self: dialogs.append(self) or 0
    )
    window.binder.actions["view.agreement"].trigger()
    [dialog] = dialogs
    table: QTableWidget = dialog.pairs
    assert table.item(0, 0).text() == "amal / omar" and table.item(0, 1).text() == "0.000"
    assert dialog.documents.rowCount() == 2
    dialog.close()


def test_who_is_annotating_is_asked_and_kept(make_window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    window, path, _ = make_window("زار بوتين موسكو")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window.files.settings = settings
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("نور", True))
    opened = []
    monkeypatch.setattr(window.files, "switch_project", lambda p: opened.append(p))
    window.binder.actions["file.annotator"].trigger()
    assert settings.value("annotator_name") == "نور" and opened == [path]
