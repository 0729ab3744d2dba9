"""Claims on a team catalogue (issue 18 on issue 19's PostgreSQL): one member's import, another's ledger."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.team.members import connect_two
from tests.team.postgres_server import Server


def test_claims_imported_by_one_member_conflict_for_the_other(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    a.run("import", SEEDS)
    data = b.json("claims", "--what", "civilians killed")
    values = {claim["id"]: claim["value"] for claim in data["claims"]}
    assert {frozenset(values[i] for i in conflict["claims"]) for conflict in data["conflicts"]} == {
        frozenset(pair) for pair in (("624", "4,734"), ("624", "7,000"), ("4,734", "7,000"))}
    ledger = b.json("claims", "--ledger")["ledger"]
    assert ledger[0]["what"] == "civilian killed" and ledger[0]["documents"] == 2
    found = b.run("claims", "--rebuild").stdout
    assert found.startswith("found ") and postgres.scalar(database, "select count(*) from claims") == len(
        b.json("claims")["claims"])
