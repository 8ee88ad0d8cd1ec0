"""The gold annotation itself is checked: a broken gold file would make every score meaningless."""

import subprocess
import sys

import pytest

from conftest import GOLD


@pytest.mark.parametrize("validator", [GOLD / "validate_gold.py", GOLD.parent / "gold_dev" / "validate_gold.py"])
def test_gold_annotation_is_consistent_with_events_md(validator):
    result = subprocess.run([sys.executable, str(validator)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
