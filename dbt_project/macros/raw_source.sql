{#- Where staging reads articles, events and claims: the warehouse's raw tables (the default), or
    with `--vars '{raw_source: lake}'` their Parquet partitions by ingest day (sources in
    models/staging/_lake__sources.yml). The rejected files and the gazetteer exist only in raw. -#}
{% macro raw_source(table) %}
    {{- return(source(var('raw_source', 'raw'), table)) -}}
{% endmacro %}
