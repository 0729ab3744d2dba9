"""The bundle's one executable: ``archivist`` is both the command line and the desktop application.

With no arguments it opens the window, because that is how a file manager or a desktop launcher starts a
program; with arguments it is the ``archivist`` command (``archivist gui`` also opens the window).
"""

from __future__ import annotations

import sys

from archivist.cli import main

# macOS Finder adds a process serial number (-psn_0_12345) to programs it launches; it is not ours to parse.
arguments = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
sys.exit(main(arguments or ["gui"]))
