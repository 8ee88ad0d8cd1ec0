-- Every gazetteer place, from the gazetteer itself (raw.locations is loaded from transforms/gazetteer/locations.csv).
select
    location_id,
    location_kind,
    name_en,
    country,
    governorate,
    latitude,
    longitude
from {{ ref('stg_raw__locations') }}
-- A fixed row order: a rerun on the same data writes the same table, Parquet file and exports.
order by location_id
