select
    id as location_id,
    kind as location_kind,
    name_en,
    country,
    governorate,
    lat,
    lon
from {{ source('raw', 'locations') }}
