select
    id as location_id,
    kind as location_kind,
    name_en,
    country,
    governorate,
    lat as latitude,
    lon as longitude
from {{ source('raw', 'locations') }}
