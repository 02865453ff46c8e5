"""The application layer: every operation a person can make, Qt-free.

Each operation is one transaction that knows its inverse (`operations`), kept on a
per-document undo history (`history`); the `Workspace` performs them and announces every
committed change as a typed event (`events`). The window and the command line both work
through it; so do import, export and suggestion runs (`importing`, `exporting`,
`suggesting`).
"""
