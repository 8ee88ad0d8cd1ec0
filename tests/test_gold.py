"""The gold annotation itself is checked: a broken gold file would make every score meaningless."""

import subprocess
import sys

from conftest import GOLD


def test_gold_annotation_is_consistent_with_events_md():
    result = subprocess.run([sys.executable, str(GOLD / "validate_gold.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
