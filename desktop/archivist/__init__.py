"""Archivist: an offline desktop research archive."""

APP_ID = "org.archivist.Archivist"
APP_NAME = "Archivist"
__version__ = "0.1.0"
