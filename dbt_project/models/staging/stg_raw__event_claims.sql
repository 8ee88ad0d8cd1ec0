select
    event_id,
    source,
    munition_count,
    killed,
    injured
from {{ raw_source('event_claims') }}
