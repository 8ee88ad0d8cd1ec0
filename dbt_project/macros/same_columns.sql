{#- a.c1 = b.c1 and a.c2 = b.c2 ...: two relations agree on the given columns. -#}
{% macro same_columns(a, b, columns) -%}
    {%- for column in columns %}{{ a }}.{{ column }} = {{ b }}.{{ column }}{{ ' and ' if not loop.last }}{% endfor -%}
{%- endmacro %}
