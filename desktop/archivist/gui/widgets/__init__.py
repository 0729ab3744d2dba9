"""Widgets of the main window, each with one job."""
