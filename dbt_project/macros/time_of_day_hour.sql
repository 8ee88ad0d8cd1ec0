{#-
    A representative clock hour for a reported time of day, so that lags between two acts
    whose times of day are both known can be given in hours. Night is late evening: the
    contract dates a night by the day it begins on.
-#}
{% macro time_of_day_hour(time_of_day) -%}
case {{ time_of_day }}
    when 'dawn' then 5
    when 'morning' then 9
    when 'afternoon' then 15
    when 'evening' then 19
    when 'night' then 23
end
{%- endmacro %}
