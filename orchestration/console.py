"""The run log on a terminal: one plain line per message, no colour codes, INFO unless asked for more.

Dagster's default console logger writes the run id and event type on every line and colours
them; a pipeline run then prints hundreds of lines a person cannot read. This one prints the
time, the level, the step and the message, and Dagster's own bookkeeping events only at DEBUG.
A run with nothing new skips every step after the landing step, which says so in one line:
the skipped steps are listed only at DEBUG.
"""

from __future__ import annotations

import logging
import sys

import dagster as dg

CONSOLE_LOGGER = "console"
# Where Dagster warns, outside the run log, for each blocking check a skipped step did not run.
_SKIP_WARNINGS = "dagster._core.execution.plan.active"


class _NoSkipCascade(logging.Filter):
    """Drops the lines of a skip cascade: each skipped step, and each check it did not run."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = (getattr(record, "dagster_meta", None) or {}).get("orig_message") or record.getMessage()
        if "due to skipped dependencies" in message:
            return False
        return not (record.name == _SKIP_WARNINGS and "emitted no result" in message)


_NO_SKIP_CASCADE = _NoSkipCascade()


class _StepFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        meta = getattr(record, "dagster_meta", None) or {}
        step = meta.get("step_key") or meta.get("job_name") or "run"
        message = meta.get("orig_message", record.getMessage())
        event = meta.get("dagster_event")
        if event is not None and getattr(event, "event_specific_data", None) is not None:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                message = f"{message}: {error.message.strip()}"
        return f"{self.formatTime(record, '%H:%M:%S')} {record.levelname:<7} {step}: {message}"


@dg.logger(
    {"log_level": dg.Field(str, default_value="INFO", description="DEBUG shows Dagster's step events and dbt's log.")},
    description="Plain lines on stderr: time, level, step, message.",
)
def plain_console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    # A fresh Logger per run (not logging.getLogger): handlers never pile up across runs in one process.
    logger = logging.Logger("militia", level=init_context.logger_config["log_level"].upper())
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_StepFormatter())
    logger.addHandler(handler)
    if logger.level > logging.DEBUG:
        handler.addFilter(_NO_SKIP_CASCADE)
        logging.getLogger(_SKIP_WARNINGS).addFilter(_NO_SKIP_CASCADE)  # one filter object: added once
    else:
        logging.getLogger(_SKIP_WARNINGS).removeFilter(_NO_SKIP_CASCADE)
    return logger
