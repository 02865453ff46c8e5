"""The agreement report as one self-contained HTML file.

Everything is inline: CSS in a <style> element, the plots as base64 PNG `data:` images drawn
by matplotlib's Agg canvas (no pyplot, so no global backend is set), no script and no
address to load, so the file opens in a browser without a network. UTF-8 throughout; every
cell that can hold a name (documents, annotators, labels, maybe Arabic) has `dir="auto"`.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from annotator.app.agreement import AgreementReport, F1Counts, Ratio, Scores

STYLE = """
body { font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Amiri",
       sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: start; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
thead th { background: #f2f2f2; } tr.micro td { font-weight: bold; }
.bar { background: #e6e6e6; width: 12em; height: 0.9em; display: inline-block; }
.bar span { background: #2ca02c; height: 100%; display: block; }
.note { color: #555; font-size: 0.92em; max-width: 60em; }
img { max-width: 100%; height: auto; }
"""


def write_html(
    report: AgreementReport,
    out_path: str | os.PathLike[str],
    progress: Mapping[str, tuple[int, int]] | None = None,
    *,
    title: str = "Inter-annotator agreement",
    with_gold: Mapping[str, Scores] | None = None,
) -> Path:
    """Write `report` to `out_path` as HTML and return the path.

    `progress`: annotator -> (documents done, documents assigned), shown as a table with
    bars. `with_gold`: annotator -> their scores against the curated gold (a section of
    its own; `project_agreement.agreement_with_gold`). The file is written beside
    `out_path` and renamed into place, so a failure leaves no half-written report.
    Raises OSError if the folder cannot be written.
    """
    sections = [
        f'<h1 dir="auto">{_e(title)}</h1>',
        _summary(report),
        _progress(progress) if progress else "",
        _overall_section(report),
        _pairs_section(report.pairs),
        _gold_section(with_gold) if with_gold is not None else "",
        _relations_section(report),
        _confusion_section(report.overall),
        _documents_section(report),
        _method_note(),
    ]
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(s for s in sections if s)
        + "\n</body>\n</html>\n"
    )
    return _write_atomically(Path(out_path), page.encode("utf-8"))


# -- sections --------------------------------------------------------------------------------


def _summary(report: AgreementReport) -> str:
    names = _names(report.annotators)
    label = (
        f' Label: <bdi dir="auto">{_e(report.label)}</bdi> only.'
        if report.label is not None
        else ""
    )
    return (
        f"<p>Annotators: {names}. Documents compared (at least two annotators done): "
        f"{len(report.documents)}; tokens: {report.tokens}.{label}</p>"
    )


def _progress(progress: Mapping[str, tuple[int, int]]) -> str:
    rows = []
    for name, (done, total) in progress.items():
        share = done / total if total else 0.0
        bar = f'<span class="bar"><span style="width:{100 * min(share, 1.0):.1f}%"></span></span>'
        rows.append(
            [
                _cell(name),
                _num(done),
                _num(total),
                f'<td class="num">{share:.0%}</td>',
                f"<td>{bar}</td>",
            ]
        )
    return "<h2>Progress</h2>" + _table(["Annotator", "Done", "Assigned", "Share", ""], rows)


def _overall_section(report: AgreementReport) -> str:
    overall = report.overall
    agreement = overall.label_agreement
    rows = [
        [
            _cell(label),
            _f1(overall.exact[label]),
            _f1(overall.relaxed[label]),
            _ratio(agreement[label]),
            _value(overall.kappa[label]),
            _value(report.alpha.get(label)),
        ]
        for label in report.labels
    ]
    rows.append(
        [
            "<td>all labels (micro)</td>",
            _f1(overall.exact_micro),
            _f1(overall.relaxed_micro),
            _ratio(overall.label_agreement_micro),
            _value(overall.kappa_micro),
            _value(report.alpha_micro),
        ]
    )
    headers = [
        "Label",
        "Exact F1",
        "Relaxed F1",
        "Label agreement",
        "Cohen's κ (mean)",
        "Krippendorff's α",
    ]
    chart = _image(_label_chart(report), "Exact F1, relaxed F1 and alpha per label")
    return "<h2>Entities, all pairs</h2>" + _table(headers, rows, micro_last=True) + chart


def _pairs_section(pairs: Sequence[Scores]) -> str:
    rows = [
        [
            "<td>" + _names(p.annotators, " – ") + "</td>",
            _num(p.documents),
            _f1(p.exact_micro),
            _f1(p.relaxed_micro),
            _ratio(p.label_agreement_micro),
            _value(p.kappa_micro),
            _f1(p.relations_micro),
        ]
        for p in pairs
    ]
    headers = [
        "Pair",
        "Documents",
        "Exact F1",
        "Relaxed F1",
        "Label agreement",
        "Cohen's κ",
        "Relation F1",
    ]
    return "<h2>Pairs of annotators (micro over labels)</h2>" + _table(headers, rows)


def _gold_section(with_gold: Mapping[str, Scores]) -> str:
    """Each annotator against the curated gold, or a line saying nothing is curated."""
    title = "<h2>Each annotator against the curated gold</h2>"
    if not with_gold:
        return title + "<p>No document is curated yet (<code>annotator curate</code>).</p>"
    rows = [
        [
            f"<td>{_e(name)}</td>",
            _num(s.documents),
            _f1(s.exact_micro),
            _f1(s.relaxed_micro),
            _value(s.kappa_micro),
            _f1(s.relations_micro),
        ]
        for name, s in with_gold.items()
    ]
    headers = ["Annotator", "Documents", "Exact F1", "Relaxed F1", "Cohen's κ", "Relation F1"]
    return title + _table(headers, rows)


def _relations_section(report: AgreementReport) -> str:
    if not report.relation_types:
        return "<h2>Relations</h2><p>No relation in the compared documents.</p>"
    headers = ["Relation type", "All pairs", *(" – ".join(p.annotators) for p in report.pairs)]
    rows = [
        [
            _cell(kind),
            _f1(report.overall.relations.get(kind, F1Counts())),
            *(_f1(p.relations.get(kind, F1Counts())) for p in report.pairs),
        ]
        for kind in report.relation_types
    ]
    rows.append(
        [
            "<td>all types (micro)</td>",
            _f1(report.overall.relations_micro),
            *(_f1(p.relations_micro) for p in report.pairs),
        ]
    )
    return "<h2>Relations: F1 on (head span, tail span, type)</h2>" + _table(
        headers, rows, micro_last=True
    )


def _confusion_section(overall: Scores) -> str:
    labels = overall.confusion.labels
    matrix = overall.confusion.array()
    rows = [[_cell(row), *(_num(int(v)) for v in matrix[i])] for i, row in enumerate(labels)]
    headers = ["first \\ second", *labels]
    return (
        "<h2>Label confusion, summed over pairs</h2>"
        '<p class="note">Rows: the first annotator of each pair; columns: the second. '
        "“none”: the other annotator marked no span at that position.</p>"
        + _image(_confusion_heat_map(labels, matrix), "Label confusion heat map")
        + _table(headers, rows)
    )


def _documents_section(report: AgreementReport) -> str:
    rows = [
        [
            _cell(d.name),
            "<td>" + _names(d.annotators) + "</td>",
            _f1(d.exact),
            _num(d.disagreements),
            _num(d.entity_disagreements),
            _num(d.relation_disagreements),
        ]
        for d in report.documents
    ]
    headers = ["Document", "Annotators", "Exact F1", "Disagreements", "on entities", "on relations"]
    return "<h2>Documents, most disagreement first</h2>" + _table(headers, rows)


def _method_note() -> str:
    return (
        '<h2>How these numbers are computed</h2><p class="note">'
        "Exact F1: 2|A∩B|/(|A|+|B|), span and label equal. Relaxed F1: same-label spans that "
        "overlap are matched one-to-one (exact matches first, then as many pairs as possible). "
        "Label agreement: share of the spans both annotators marked (same start and end) with "
        "the same label. Cohen's κ (Cohen 1960, scikit-learn's cohen_kappa_score) per pair and "
        "Krippendorff's α, nominal (Krippendorff 2011, “Computing Krippendorff's "
        "Alpha-Reliability”; the krippendorff package) over all annotators, both on IOB tags of "
        "(token, label) units; tokens are camel-tools' words split at every entity boundary. "
        "Relation F1: on (head span, tail span, type). “—”: undefined (nothing to compare, or "
        "only one value in use).</p>"
    )


# -- plots -----------------------------------------------------------------------------------


def _label_chart(report: AgreementReport) -> bytes:
    from matplotlib.figure import Figure

    labels = [*report.labels, "micro"]
    overall = report.overall
    series = {
        "exact F1": [*(overall.exact[x].f1 for x in report.labels), overall.exact_micro.f1],
        "relaxed F1": [*(overall.relaxed[x].f1 for x in report.labels), overall.relaxed_micro.f1],
        "alpha": [*(report.alpha.get(x) for x in report.labels), report.alpha_micro],
    }
    figure = Figure(figsize=(max(4.0, 1.1 * len(labels) + 1.5), 3.2), dpi=100)
    axes = figure.add_subplot()
    positions = np.arange(len(labels))
    for offset, (name, values) in zip((-0.27, 0.0, 0.27), series.items(), strict=True):
        heights = [np.nan if v is None else v for v in values]
        axes.bar(positions + offset, heights, width=0.27, label=name)
    axes.set_xticks(positions, labels)
    lowest = min((v for vs in series.values() for v in vs if v is not None), default=0.0)
    axes.set_ylim(min(0.0, lowest), 1.0)
    axes.axhline(0, color="#888", linewidth=0.8)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False)
    figure.tight_layout()
    return _png(figure)


def _confusion_heat_map(labels: Sequence[str], matrix: np.ndarray) -> bytes:
    from matplotlib.figure import Figure

    size = max(3.5, 0.7 * len(labels) + 1.8)
    figure = Figure(figsize=(size, size * 0.85), dpi=100)
    axes = figure.add_subplot()
    axes.imshow(np.log1p(matrix), cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("second annotator")
    axes.set_ylabel("first annotator")
    top = np.log1p(matrix.max()) if matrix.size else 0
    for (i, j), value in np.ndenumerate(matrix):
        dark = top and np.log1p(value) > 0.6 * top
        axes.text(j, i, str(value), ha="center", va="center", color="white" if dark else "black")
    axes.set_title("counts (colour: log scale)", fontsize="small")
    figure.tight_layout()
    return _png(figure)


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _image(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<p><img alt="{_e(alt)}" src="data:image/png;base64,{data}"></p>'


# -- small HTML helpers ----------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _names(names: Iterable[str], separator: str = ", ") -> str:
    """Each name isolated (<bdi>), so Arabic and Latin names in one line keep their order."""
    return separator.join(f'<bdi dir="auto">{_e(name)}</bdi>' for name in names)


def _cell(text: object) -> str:
    return f'<td dir="auto">{_e(text)}</td>'


def _num(value: int) -> str:
    return f'<td class="num">{value}</td>'


def _value(value: float | None) -> str:
    return f'<td class="num">{"—" if value is None else f"{value:.3f}"}</td>'


def _f1(counts: F1Counts) -> str:
    title = f"matched {counts.matched}; {counts.first} + {counts.second} spans"
    return _value(counts.f1).replace("<td ", f'<td title="{_e(title)}" ', 1)


def _ratio(ratio: Ratio) -> str:
    title = f"{ratio.agreed} of {ratio.total}"
    return _value(ratio.value).replace("<td ", f'<td title="{_e(title)}" ', 1)


def _table(headers: Iterable[str], rows: Iterable[Sequence[str]], micro_last: bool = False) -> str:
    head = "".join(f'<th dir="auto">{_e(h)}</th>' for h in headers)
    body = ["<tr>" + "".join(cells) + "</tr>" for cells in rows]
    if micro_last and body:
        body[-1] = body[-1].replace("<tr>", '<tr class="micro">', 1)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _write_atomically(out: Path, data: bytes) -> Path:
    """Write beside `out`, then rename; the file gets the usual permissions (umask)."""
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return out
