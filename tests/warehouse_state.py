"""Comparable contents of a warehouse file, for tests that compare runs."""

import duckdb

# Columns that record when a row was written: two runs over the same files differ only there.
RUN_TIMES = {"ingested_at", "rejected_at", "read_at"}


def snapshot(db_path, schemas=("raw", "marts"), keep_times: bool = False) -> dict[str, list[tuple]]:
    """Every table of the given schemas, rows sorted; run timestamps left out unless ``keep_times``."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema in (select unnest(?)) order by 1, 2",
            [list(schemas)],
        ).fetchall()
        state = {}
        for schema, table in tables:
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, table],
                ).fetchall()
                if keep_times or c not in RUN_TIMES
            ]
            rows = con.execute(f'select {", ".join(chr(34) + c + chr(34) for c in columns)} from "{schema}"."{table}"').fetchall()
            state[f"{schema}.{table}"] = sorted(rows, key=repr)
        return state
    finally:
        con.close()
