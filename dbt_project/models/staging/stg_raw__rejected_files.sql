select
    file,
    reason,
    byte_size,
    first_bytes_hex,
    duplicate_of,
    rejected_at
from {{ source('raw', 'rejected_files') }}
