"""When the pipeline runs: every day, and whenever the landing folder changes."""


import hashlib
from pathlib import Path

import dagster as dg

from orchestration.settings import landing_dir

pipeline_job = dg.define_asset_job(
    "pipeline",
    selection=dg.AssetSelection.all(),
    description="Every asset: landing folder to served marts.",
)

daily_schedule = dg.ScheduleDefinition(
    name="daily_pipeline", job=pipeline_job, cron_schedule="0 5 * * *", execution_timezone="UTC",
)


def landing_fingerprint(folder: Path) -> str:
    """Changes when any landing file is added, removed, renamed, resized or touched."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


@dg.sensor(job=pipeline_job, minimum_interval_seconds=60, description="Runs the pipeline when the landing folder changes.")
def landing_folder_sensor(context: dg.SensorEvaluationContext):
    folder = landing_dir()
    if not folder.is_dir():
        return dg.SkipReason(f"landing folder {folder} does not exist")
    fingerprint = landing_fingerprint(folder)
    if fingerprint == context.cursor:
        return dg.SkipReason("landing folder unchanged")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"landing-{fingerprint}")
