{#- The actors of one group (at a place and day) joined to the first-published bucket among
    `buckets` that passes `bucket_filter`, else a bucket of their own. -#}
{% macro join_first_bucket(actor_group, buckets, cell, bucket_filter='true') -%}
    select * exclude (target), coalesce(target, actor_group) as bucket_actor
    from (
        select
            actor.*,
            arg_min(bucket.bucket_actor, (bucket.first_published, bucket.first_event_id)) as target
        from actors as actor
        left join {{ buckets }} as bucket
            on {{ same_columns('actor', 'bucket', cell) }}
            and {{ bucket_filter }}
        where actor.actor_group = '{{ actor_group }}'
        group by all
    )
{%- endmacro %}

{#- The buckets of several assignments, one row per (place, day, bucket actor), with the bucket's
    first-published report. -#}
{% macro merge_buckets(relations, cell) -%}
    select
        {{ cell | join(', ') }},
        bucket_actor,
        min(first_published) as first_published,
        arg_min(first_event_id, (first_published, first_event_id)) as first_event_id
    from (
        {%- for relation in relations %}
        select {{ cell | join(', ') }}, bucket_actor, first_published, first_event_id from {{ relation }}
        {{ 'union all' if not loop.last }}
        {%- endfor %}
    )
    group by all
{%- endmacro %}
