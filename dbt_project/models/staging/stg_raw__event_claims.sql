select
    event_id,
    source,
    munition_count,
    killed,
    injured
from {{ source('raw', 'event_claims') }}
