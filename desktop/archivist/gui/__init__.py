"""The PySide6 desktop application: a thin layer of models, widgets and windows over archivist.core."""
