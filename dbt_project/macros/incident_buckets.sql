{#- The actors of one role (at a place and day) joined to the first-published bucket among
    `buckets` whose actor theirs fits (actors_compatible), else a bucket of their own. -#}
{% macro join_first_bucket(role, buckets, cell) -%}
    select * exclude (target), coalesce(target, actor) as bucket_actor
    from (
        select
            candidate.*,
            arg_min(bucket.bucket_actor, (bucket.first_published, bucket.first_event_id)) as target
        from cell_actors as candidate
        left join {{ buckets }} as bucket
            on {{ same_columns('candidate', 'bucket', cell) }}
            and {{ actors_compatible('candidate.actor', 'bucket.bucket_actor') }}
        where candidate.role = '{{ role }}'
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
