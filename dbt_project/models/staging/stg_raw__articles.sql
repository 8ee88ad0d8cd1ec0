-- The article text stays in raw: the marts carry each event's evidence sentences instead.
select
    article_id,
    file as article,
    published_on,
    published_on_source,
    url,
    outlet,
    language,
    encoding,
    byte_size,
    ingested_at
from {{ raw_source('articles') }}
