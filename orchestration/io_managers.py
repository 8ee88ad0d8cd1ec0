"""Frames between assets, stored as Parquet (faster and smaller than pickles).

A Polars frame is one file, ``<directory>/<asset>.parquet``. A batch's articles and events are
``transforms.parts.Parts``: an asset writes them part by part into a folder it asks for here
(``new_parts``), and the folder then replaces ``<directory>/<asset>/``, so a step reads its
input a part at a time and no step holds a whole batch.
"""

import contextlib
import shutil
from pathlib import Path

import dagster as dg
import polars as pl

from transforms.parts import Parts

STAGING = ".staging"


class PolarsParquetIOManager(dg.ConfigurableIOManager):
    directory: str

    def _path(self, context: dg.OutputContext | dg.InputContext) -> Path:
        return Path(self.directory, *context.asset_key.path).with_suffix(".parquet")

    def new_parts(self, run_id: str, name: str, schema: dict[str, pl.DataType]) -> Parts:
        """An empty ``Parts`` for an output of run ``run_id``, in a folder of the run's own until the output is stored."""
        return Parts.create(Path(self.directory, STAGING, run_id, name), schema)

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame | Parts) -> None:
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = path.with_suffix("")
        if isinstance(obj, Parts):
            # The old folder goes aside before the new one takes its name; a run killed in between
            # leaves no frame, and its step runs again.
            old = folder.with_name(f".{folder.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            if folder.exists():
                folder.rename(old)
            obj.folder.rename(folder)
            shutil.rmtree(old, ignore_errors=True)
            with contextlib.suppress(OSError):  # the run's staging folder, once its last output is stored
                obj.folder.parent.rmdir()
            path.unlink(missing_ok=True)
            with_parts = Parts.open(folder)
            context.add_output_metadata({"rows": with_parts.height, "parts": len(with_parts), "path": str(folder)})
            return
        staging = path.with_suffix(".parquet.tmp")
        obj.write_parquet(staging)
        staging.replace(path)
        shutil.rmtree(folder, ignore_errors=True)
        context.add_output_metadata({"rows": obj.height, "path": str(path)})

    def load_input(self, context: dg.InputContext) -> pl.DataFrame | Parts:
        path = self._path(context)
        if path.with_suffix("").is_dir():
            return Parts.open(path.with_suffix(""))
        return pl.read_parquet(path)
