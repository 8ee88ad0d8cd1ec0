{#-
    True when two reports may name the same actor of one act (ids of the actors seed). Outlets
    attribute one act differently: an unknown actor fits anyone, a generic label fits any actor
    of its side ("iran_aligned" any militia; a US strike is often reported as the coalition's),
    and an umbrella fits the groups that claim under it (the Islamic Resistance in Iraq, whose
    member groups claim under its name). Two different named groups stay apart.
-#}
{% macro actors_compatible(a, b) -%}
({{ a }}, {{ b }}) in (
    select one.actor, other.actor
    from {{ ref('actors') }} as one
    cross join {{ ref('actors') }} as other
    where one.actor = other.actor
        or 'unknown' in (one.specificity, other.specificity)
        or (one.side = other.side and 'generic' in (one.specificity, other.specificity))
        or one.actor = other.member_of
        or other.actor = one.member_of
)
{%- endmacro %}
