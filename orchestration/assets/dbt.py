"""The dbt project as Dagster assets: `dbt build`, so dbt's tests run as asset checks.

dbt sources in schema raw keep dbt-dagster's default keys (["raw", table]), which are
the keys of the Python landing assets: Dagster draws one connected graph.
"""


from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dbt_setup import dbt_project, parse_dbt_project
from orchestration.resources import Warehouse

dbt_project.prepare_if_dev()
if not dbt_project.manifest_path.exists():
    # Outside `dagster dev` nothing has parsed a fresh clone yet.
    parse_dbt_project()


class MilitiaDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        # Group by layer folder: staging, intermediate, marts.
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else super().get_group_name(dbt_resource_props)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=MilitiaDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    with warehouse.write_lock():
        yield from dbt.cli(["build"], context=context).stream()
