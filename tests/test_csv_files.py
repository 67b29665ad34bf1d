"""The report's CSV files as an analyst opens them in a spreadsheet (invented text)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.report import _write_tables
from newsbrief.tables import relations_table

TEXT = "Norway’s navy attacked Sweden’s fleet on Monday."


@pytest.fixture(scope="module")
def analysis():
    return analyze(source_from_text(TEXT))


def test_relations_table_names_the_plover_class(analysis):
    table = relations_table(analysis)
    assert list(table.columns[:5]) == ["source", "type", "target", "polarity", "class"]
    row = table.iloc[0]
    assert (row["type"], row["polarity"], row["class"]) == ("attacked", "conflictual", "FIGHT")


def test_csv_files_carry_a_byte_order_mark_for_spreadsheets(analysis, tmp_path: Path):
    _write_tables(analysis, tmp_path)
    for name, first in (("claims.csv", "index"), ("actors.csv", "id"), ("relations.csv", "source")):
        raw = (tmp_path / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + first.encode())
    with (tmp_path / "claims.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["text"] == TEXT
