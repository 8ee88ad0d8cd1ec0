"""The gold annotation itself is checked: a broken gold file would make every score meaningless."""

import subprocess
import sys

import pytest
from conftest import GOLD


@pytest.mark.parametrize("folder", ["gold", "gold_dev", "gold_dev3", "gold_heldout"])
def test_gold_annotation_is_consistent_with_events_md(folder):
    result = subprocess.run(
        [sys.executable, str(GOLD / "validate_gold.py"), str(GOLD.parent / folder)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
