<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CurationText</name>
    <message numerus="yes">
        <source>There are %Ln annotators here: 1–{last}, or 0 for none.</source>
        <translation>
            <numerusform>There is %Ln annotator here: 1–{last}, or 0 for none.</numerusform>
            <numerusform>There are %Ln annotators here: 1–{last}, or 0 for none.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{left} of %Ln disagreements are not settled. Mark the document curated anyway?</source>
        <translation>
            <numerusform>{left} of %Ln disagreement is not settled. Mark the document curated anyway?</numerusform>
            <numerusform>{left} of %Ln disagreements are not settled. Mark the document curated anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditText</name>
    <message numerus="yes">
        <source>{label} has %Ln relations. Reject it and remove them?</source>
        <translation>
            <numerusform>{label} has %Ln relation. Reject it and remove it?</numerusform>
            <numerusform>{label} has %Ln relations. Reject it and remove them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln {label} candidates in this document?</source>
        <translation>
            <numerusform>Accept %Ln {label} candidate in this document?</numerusform>
            <numerusform>Accept %Ln {label} candidates in this document?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln {label} candidates</source>
        <translation>
            <numerusform>Accept %Ln {label} candidate</numerusform>
            <numerusform>Accept %Ln {label} candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln candidates in this document?</source>
        <translation>
            <numerusform>Accept %Ln candidate in this document?</numerusform>
            <numerusform>Accept %Ln candidates in this document?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln candidates</source>
        <translation>
            <numerusform>Accept %Ln candidate</numerusform>
            <numerusform>Accept %Ln candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidates are still undecided in this document. Mark it done anyway?</source>
        <translation>
            <numerusform>%Ln candidate is still undecided in this document. Mark it done anyway?</numerusform>
            <numerusform>%Ln candidates are still undecided in this document. Mark it done anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditTitleText</name>
    <message numerus="yes">
        <source>Propose %Ln {label} matches</source>
        <translation>
            <numerusform>Propose %Ln {label} match</numerusform>
            <numerusform>Propose %Ln {label} matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesText</name>
    <message numerus="yes">
        <source>… and %Ln more (the command line prints them all)</source>
        <translation>
            <numerusform>… and %Ln more (the command line prints them all)</numerusform>
            <numerusform>… and %Ln more (the command line prints them all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PanelText</name>
    <message numerus="yes">
        <source>{status} · %Ln candidates · {accepted} accepted</source>
        <translation>
            <numerusform>{status} · %Ln candidate · {accepted} accepted</numerusform>
            <numerusform>{status} · %Ln candidates · {accepted} accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message numerus="yes">
        <source>%Ln documents imported ({entities} entities, {relations} relations)</source>
        <translation>
            <numerusform>%Ln document imported ({entities} entities, {relations} relations)</numerusform>
            <numerusform>%Ln documents imported ({entities} entities, {relations} relations)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the project (their {entities} entities and {relations} relations not imported)</source>
        <translation>
            <numerusform>%Ln already in the project (its {entities} entities and {relations} relations not imported)</numerusform>
            <numerusform>%Ln already in the project (their {entities} entities and {relations} relations not imported)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the project</source>
        <translation>
            <numerusform>%Ln already in the project</numerusform>
            <numerusform>%Ln already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files failed</source>
        <translation>
            <numerusform>%Ln file failed</numerusform>
            <numerusform>%Ln files failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln documents ({entities} entities, {relations} relations) to {path}</source>
        <translation>
            <numerusform>Exported %Ln document ({entities} entities, {relations} relations) to {path}</numerusform>
            <numerusform>Exported %Ln documents ({entities} entities, {relations} relations) to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Proposed %Ln {label} candidates; left out {decided} already decided and {already} already proposed.</source>
        <translation>
            <numerusform>Proposed %Ln {label} candidate; left out {decided} already decided and {already} already proposed.</numerusform>
            <numerusform>Proposed %Ln {label} candidates; left out {decided} already decided and {already} already proposed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Proposed %Ln candidates in {documents}; left out {decided} already decided and {already} already proposed.</source>
        <translation>
            <numerusform>Proposed %Ln candidate in {documents}; left out {decided} already decided and {already} already proposed.</numerusform>
            <numerusform>Proposed %Ln candidates in {documents}; left out {decided} already decided and {already} already proposed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents: {added} candidates added, {removed} withdrawn, {skipped} suggester runs skipped as up to date</source>
        <translation>
            <numerusform>%Ln document: {added} candidates added, {removed} withdrawn, {skipped} suggester runs skipped as up to date</numerusform>
            <numerusform>%Ln documents: {added} candidates added, {removed} withdrawn, {skipped} suggester runs skipped as up to date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{settled} of %Ln disagreements settled</source>
        <translation>
            <numerusform>{settled} of %Ln disagreement settled</numerusform>
            <numerusform>{settled} of %Ln disagreements settled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchText</name>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches in {documents}</source>
        <translation>
            <numerusform>%Ln match in {documents}</numerusform>
            <numerusform>%Ln matches in {documents}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %Ln matches (more as you scroll), from {documents} to look in</source>
        <translation>
            <numerusform>the first %Ln match (more as you scroll), from {documents} to look in</numerusform>
            <numerusform>the first %Ln matches (more as you scroll), from {documents} to look in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLineText</name>
    <message numerus="yes">
        <source>Project: {done} of %Ln documents done</source>
        <translation>
            <numerusform>Project: {done} of %Ln document done</numerusform>
            <numerusform>Project: {done} of %Ln documents done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>this document: %Ln candidates left, {accepted} accepted</source>
        <translation>
            <numerusform>this document: %Ln candidate left, {accepted} accepted</numerusform>
            <numerusform>this document: %Ln candidates left, {accepted} accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamText</name>
    <message numerus="yes">
        <source>{name}: %Ln documents -&gt; {path}</source>
        <translation>
            <numerusform>{name}: %Ln document -&gt; {path}</numerusform>
            <numerusform>{name}: %Ln documents -&gt; {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents go to several annotators, for agreement.</source>
        <translation>
            <numerusform>%Ln document goes to several annotators, for agreement.</numerusform>
            <numerusform>%Ln documents go to several annotators, for agreement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln documents into the layer &apos;{layer}&apos;</source>
        <translation>
            <numerusform>{name}: %Ln document into the layer &apos;{layer}&apos;</numerusform>
            <numerusform>{name}: %Ln documents into the layer &apos;{layer}&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents compared · Krippendorff&apos;s alpha {alpha}</source>
        <translation>
            <numerusform>%Ln document compared · Krippendorff&apos;s alpha {alpha}</numerusform>
            <numerusform>%Ln documents compared · Krippendorff&apos;s alpha {alpha}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewText</name>
    <message numerus="yes">
        <source>Candidates below confidence {value} are hidden (%Ln in this document)</source>
        <translation>
            <numerusform>Candidates below confidence {value} are hidden (%Ln in this document)</numerusform>
            <numerusform>Candidates below confidence {value} are hidden (%Ln in this document)</numerusform>
        </translation>
    </message>
</context>
</TS>
