"""Team archives (issue 19): ``connect``, ``migrate-to`` and ``config user``."""

from __future__ import annotations

import argparse
from pathlib import Path

from archivist.cli.context import add_json_flag, print_json
from archivist.core.archive import Archive
from archivist.core.paths import resolve_archive_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds connect, migrate-to and config."""
    parser = subparsers.add_parser("connect", help="make the archive folder a member of a team catalogue "
                                   "on PostgreSQL")
    parser.add_argument("url", metavar="URL", help="postgresql://user@host[:port]/database (a password here is "
                        "used once, never kept: later commands read ~/.pgpass or PGPASSWORD)")
    parser.add_argument("--store", type=Path, metavar="PATH", help="the shared folder of originals (the first "
                        "member names it; later members only when they mount it elsewhere)")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_connect, needs_archive=False)

    parser = subparsers.add_parser("migrate-to", help="move this local archive into a new team catalogue")
    parser.add_argument("url", metavar="URL", help="postgresql://user@host[:port]/database (an empty one)")
    parser.add_argument("--store", type=Path, metavar="PATH", required=True, help="the shared folder of originals")
    add_json_flag(parser)
    parser.set_defaults(func=cmd_migrate_to)

    parser = subparsers.add_parser("config", help="settings of this archive folder")
    settings = parser.add_subparsers(dest="setting", metavar="SETTING")
    settings.required = True
    user = settings.add_parser("user", help="the name your highlights, notes and imports are recorded under")
    user.add_argument("name", nargs="?", metavar="NAME", help="omit to print the current name")
    user.set_defaults(func=cmd_config_user, needs_archive=False)


def cmd_connect(args: argparse.Namespace, _archive: None) -> int:
    from archivist.core.team.connect import connect

    root = resolve_archive_dir(args.archive)
    connected = connect(root, args.url, args.store)
    if args.json:
        print_json(connected.to_json())
        return 0
    role = "created the team catalogue" if connected.created else "joined the team catalogue"
    print(f"{root} {role} {connected.url}: {connected.documents} document(s), originals in {connected.store}")
    if connected.password_in_url:
        print("the password was not saved: later commands read it from ~/.pgpass or PGPASSWORD")
    return 0


def cmd_migrate_to(args: argparse.Namespace, archive: Archive) -> int:
    from archivist.core.team.migrate import migrate_to

    migrated = migrate_to(archive, args.url, args.store)
    if args.json:
        print_json(migrated.to_json())
        return 0
    counts = ", ".join(f"{count} {name}" for name, count in migrated.counts.items() if count)
    print(f"moved into {migrated.url} (counts match: {counts}); {migrated.files_copied} original(s) copied to "
          f"{migrated.store}; the local catalogue is kept as {migrated.kept}")
    return 0


def cmd_config_user(args: argparse.Namespace, _archive: None) -> int:
    from archivist.core.team.user import set_user_name, user_name

    root = resolve_archive_dir(args.archive)
    if args.name is None:
        print(user_name(root) or "(unknown)")
        return 0
    print(f"your highlights, notes and imports in {root} are recorded as {set_user_name(root, args.name)}")
    return 0
