"""Team archives (issue 19): one catalogue on PostgreSQL, originals in a shared store, every member's search local.

A member's archive folder holds ``team.json`` (the catalogue's URL without its password, the store's path on this
machine, the member's id) and its own Whoosh index, which follows the catalogue's change sequence
(``follower``). Nothing here is imported for a local SQLite archive.
"""
