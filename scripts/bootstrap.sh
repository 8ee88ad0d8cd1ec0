# Sourced by the scripts in this folder, never by a person's shell: it sets `-euo pipefail`
# and changes directory, which would stay in an interactive shell (the next failing command
# would close the terminal). It makes a project virtualenv in .venv with the project installed,
# reinstalling only when pyproject.toml changes so that repeated runs start fast.
case $- in
  *i*)
    echo "scripts/bootstrap.sh is for the scripts; run ./scripts/dagster-ui, ./scripts/run-pipeline or ./scripts/sql-shell" >&2
    return 1 ;;
esac
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.install-stamp"
want="$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  echo "$want" > "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
export GX_ANALYTICS_ENABLED=false
DAGSTER_HOME="$(python -m orchestration.instance)"
export DAGSTER_HOME
