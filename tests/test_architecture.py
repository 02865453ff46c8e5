"""The package's shape: no import cycles (function-level imports included), SQL only in the
store, no mixins. The layers themselves are import-linter's contract in pyproject.toml."""

from __future__ import annotations

import re
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("annotator", exclude_type_checking_imports=True)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(imported=module, importer=imported):
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                cycles.append(" -> ".join([module, *chain]))
    # a package's __init__ re-exporting its own modules is not a cycle between modules
    cycles = [
        c for c in cycles if not re.search(r"\.__init__|^annotator\.\w+ -> annotator\.\w+\.", c)
    ]
    assert cycles == []


def test_only_the_store_runs_sql():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.relative_to(PACKAGE).parts[:1]
        and re.search(r"\.execute(many)?\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_mixins_share_self():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"class \w*Mixin\b|\(\w*Mixin,", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
