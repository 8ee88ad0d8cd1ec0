"""docs/COOKBOOK.md as an analyst uses it: every query runs on the sample warehouse, and the SQL
shell (scripts/sql-shell, Harlequin in a real terminal under tmux) answers one, read-only."""

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COOKBOOK = REPO / "docs" / "COOKBOOK.md"
QUERIES = re.findall(r"```sql\n(.*?)```", COOKBOOK.read_text(encoding="utf-8"), re.DOTALL)
# A terminal 200 columns wide shows this many columns of a query without cutting any.
MOST_COLUMNS = 9


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_cookbook_query_answers_on_the_sample(served, query):
    result = served.sql(query)
    assert len(result.columns) <= MOST_COLUMNS
    assert result.fetchall(), "the query found nothing on the sample warehouse"


def test_cookbook_has_the_analysts_questions():
    titles = re.findall(r"^## (.+)$", COOKBOOK.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(titles) == len(QUERIES) >= 5


class Terminal:
    """A tmux server of its own (its own socket and environment) with one 200x50 window."""

    def __init__(self, home: Path, command: list[str]):
        # One socket per terminal: a server the previous test killed may still hold its socket a moment.
        self.socket = f"militia-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # COLUMNS and LINES, when the test process has them (pytest-xdist's workers do: 80 and 24), would
        # override the size of the terminal below for the shell, which then draws its error dialog too small to show the error.
        inherited = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
        env = {
            **inherited,
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "TERM": "xterm-256color",
        }
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "200", "-y", "50", *command], env=env, check=True)

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "send-keys", *keys], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "capture-pane", "-p"], capture_output=True, check=True).stdout.decode(
            "utf-8", "replace"
        )

    def wait_for(self, *expected: str | re.Pattern, limit: float = 90) -> str:
        """The screen once it shows every text and pattern at once; polled, so a slow machine only waits
        longer. A dialog draws its frame before its text: wait for what the test reads, not for its title."""
        patterns = [item if isinstance(item, re.Pattern) else re.compile(re.escape(item)) for item in expected]
        deadline = time.monotonic() + limit
        while True:
            screen = self.screen()
            if all(pattern.search(screen) for pattern in patterns):
                return screen
            assert time.monotonic() < deadline, f"{expected!r} never all appeared; the screen:\n{screen}"
            time.sleep(0.2)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], check=False)


@pytest.fixture
def terminal(pipeline_run, tmp_path):
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed; .ci/run installs it from the system packages")
        pytest.skip("tmux is not installed (apt-get install tmux)")
    opened = []

    def open_shell() -> Terminal:
        opened.append(Terminal(tmp_path, [str(REPO / "scripts" / "sql-shell")]))
        return opened[-1]

    yield open_shell
    for shell in opened:
        shell.close()


def test_sql_shell_answers_a_query(terminal):
    shell = terminal()
    shell.wait_for("Query Editor")
    shell.keys(
        "-l",
        "select base_name, attacks from marts.attack_frequency_per_base where period_type = 'all_time' order by attacks desc, base_name",
    )
    shell.keys("C-j")
    shell.wait_for("Query Results (6 Records)", re.compile(r"Conoco gas field base\s+3"))


def test_sql_shell_is_read_only(terminal):
    shell = terminal()
    shell.wait_for("Query Editor")
    shell.keys("-l", "create table marts.scratch as select 1 as x")
    shell.keys("C-j")
    shell.wait_for("Query Error", re.compile(r"read[- ]only", re.IGNORECASE))
