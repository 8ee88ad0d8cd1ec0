"""When the pipeline runs: every day, and whenever files in the landing folder are new or changed."""

import hashlib
from pathlib import Path

import dagster as dg

from orchestration.assets.articles import LandingFolder
from orchestration.raw_store import served_landing
from orchestration.resources import Warehouse
from transforms.events import EXTRACTOR_VERSION
from transforms.ingest import read_manifest, scan_landing

pipeline_job = dg.define_asset_job(
    "pipeline",
    selection=dg.AssetSelection.all(),
    description="Every asset: the landing folder's new and changed files merged into the warehouse, marts rebuilt and served.",
)

daily_schedule = dg.ScheduleDefinition(
    name="daily_pipeline",
    job=pipeline_job,
    cron_schedule="0 5 * * *",
    execution_timezone="UTC",
    # On as soon as the UI's daemon (or `dagster-daemon run`) starts: a fresh deployment keeps itself current.
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def landing_run_key(folder: Path, served: Path, max_bytes: int) -> tuple[str | None, int]:
    """(run key, files changed): None when the served warehouse already reflects the folder.

    The key names each changed file's name, size, mtime and content hash, and the extractor
    version when stored articles need it: a file replaced again gives a new key, and the
    same pending change never starts a second run.
    """
    ledger, stale = served_landing(served)
    manifest, _ = read_manifest(folder)
    changed = scan_landing(folder, ledger, manifest, max_bytes).changed
    if not changed and not stale:
        return None, 0
    digest = hashlib.sha256(f"extractor {EXTRACTOR_VERSION} stale {stale}\n".encode())
    for landed in changed:
        digest.update(f"{landed.name}\0{landed.byte_size}\0{landed.modified_ns}\0{landed.content_hash}\n".encode())
    return f"landing-{digest.hexdigest()[:24]}", len(changed)


@dg.sensor(
    job=pipeline_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Runs the pipeline when landing files are new or changed, or stored articles need the new extractor.",
)
def landing_folder_sensor(context: dg.SensorEvaluationContext, landing: LandingFolder, warehouse: Warehouse):
    folder = Path(landing.directory)
    if not folder.is_dir():
        return dg.SkipReason(f"landing folder {folder} does not exist")
    run_key, changed = landing_run_key(folder, warehouse.served_db, landing.max_bytes)
    if run_key is None:
        return dg.SkipReason("the served warehouse reflects every landing file")
    return dg.RunRequest(run_key=run_key, tags={"militia/changed_files": str(changed)})
