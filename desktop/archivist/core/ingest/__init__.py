"""Import: everything between a path the user gives and a catalogued, indexed document.

``discovery`` finds the files and hashes them, ``workers`` reads them in processes that can be stopped,
``importer`` stores and catalogues them in batches, ``process`` runs a whole import in a child process for
the window, ``activity`` tells whether an import is running, ``log`` is the import log. ``core/extract/``
holds only the format readers these call.
"""
