"""The Qt-free core of Archivist: catalogue, file store, extractors, search index, citations.

Nothing in this package may import Qt or ``archivist.gui`` (enforced by a test and import-linter).
"""
