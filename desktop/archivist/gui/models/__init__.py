"""Qt item models over the archive: they hold ids and fetch rows lazily."""
