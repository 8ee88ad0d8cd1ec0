{#-
    True when two reports may name the same actor of one act. Outlets attribute one act
    differently: "unknown" fits anyone, "iran_aligned" fits any militia, the Islamic
    Resistance in Iraq is the umbrella its member groups claim under, and a US strike is
    often reported as the coalition's. Two different named groups stay apart.
-#}
{% macro actors_compatible(a, b) -%}
(
    {{ a }} = {{ b }}
    or 'unknown' in ({{ a }}, {{ b }})
    or ({{ a }} in {{ militia_actors() }} and {{ b }} in {{ militia_actors() }}
        and ('iran_aligned' in ({{ a }}, {{ b }})
             or ('islamic_resistance_iraq' in ({{ a }}, {{ b }})
                 and ({{ a }} in ('kataib_hezbollah', 'nujaba') or {{ b }} in ('kataib_hezbollah', 'nujaba')))))
    or ({{ a }} in ('us', 'coalition') and {{ b }} in ('us', 'coalition'))
)
{%- endmacro %}

{% macro militia_actors() -%}
('islamic_resistance_iraq', 'kataib_hezbollah', 'nujaba', 'pmf', 'irgc', 'iran_aligned')
{%- endmacro %}
