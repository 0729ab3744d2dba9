"""The bundle's one executable: ``archivist`` is both the command line and the desktop application.

With no arguments it opens the window, because that is how a file manager or a desktop launcher starts a
program; with arguments it is the ``archivist`` command (``archivist gui`` also opens the window).
"""

from __future__ import annotations

import multiprocessing
import sys

# Imports read files in worker processes and index in a child process (forkserver). A frozen program has no
# Python to start them with: the bundle re-runs itself, and freeze_support() (with PyInstaller's runtime
# hook) turns those runs into the forkserver, resource tracker or worker instead of the command line.
multiprocessing.freeze_support()

from archivist.cli import main  # noqa: E402  (after freeze_support: a worker must not parse arguments)

# macOS Finder adds a process serial number (-psn_0_12345) to programs it launches; it is not ours to parse.
arguments = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
sys.exit(main(arguments or ["gui"]))
