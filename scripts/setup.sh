#!/usr/bin/env bash
# The README's first command: `bash scripts/setup.sh`.
#   1. checks Node.js (>= 20.19) and npm;
#   2. makes sure Jupyter's notebook runner (Python nbclient) is there: Debian/Ubuntu as root -> apt-get
#      (python3-nbclient, plus jupyter-notebook to open notebooks); else pip if it can reach its registry
#      (nbclient, jupyterlab); else stops saying exactly what to install;
#   3. npm ci (its postinstall registers this checkout's tslab kernel with Jupyter);
#   4. npm run reproduce (build/notebooks, build/report/index.html, build/tables).
# Options: --no-reproduce (stop after npm ci). Runs unattended (CI=true, no stdin).
set -euo pipefail
cd "$(dirname "$0")/.."

REPRODUCE=1
for arg in "$@"; do
  case "$arg" in
    --no-reproduce) REPRODUCE=0 ;;
    *) echo "usage: bash scripts/setup.sh [--no-reproduce]" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# 1. Node.js and npm -------------------------------------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "Node.js 20.19 or newer is required and was not found: install it from https://nodejs.org/ (or with nvm), then rerun."
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js $(node --version) is too old: 20.19 or newer is required (https://nodejs.org/)."
command -v npm >/dev/null 2>&1 || die "npm was not found (it comes with Node.js): reinstall Node.js from https://nodejs.org/."

# 2. Jupyter's notebook runner ---------------------------------------------------------------------------------
# the same interpreters scripts/notebook/execute.ts tries: $TP_PYTHON, the `jupyter` command's, python3
jupyter_python() {
  local j
  j="$(command -v jupyter 2>/dev/null)" || return 0
  head -n 1 "$j" 2>/dev/null | sed -n 's|^#! *\([^ ]*\)\( \(.*\)\)\{0,1\}$|\1 \3|p' | awk '{ if ($1 ~ /\/env$/ && $2 != "") print $2; else print $1 }'
}
have_nbclient() {
  local py
  for py in "${TP_PYTHON:-}" "$(jupyter_python)" python3 /usr/bin/python3; do
    [ -n "$py" ] || continue
    if "$py" -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; then
      say "Jupyter runner: $py (nbclient $("$py" -c 'import nbclient; print(nbclient.__version__)'))"
      return 0
    fi
  done
  return 1
}
HINT="Install Jupyter's notebook runner, then rerun this script:
  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends python3-nbclient jupyter-notebook
  other systems:  python3 -m pip install nbclient jupyterlab
(If it is installed for a Python that is not on PATH as python3, set TP_PYTHON=/path/to/python.)"

if ! have_nbclient; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Jupyter with apt-get: python3-nbclient jupyter-notebook"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends python3-nbclient jupyter-notebook
  elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    say "installing Jupyter with pip: nbclient jupyterlab"
    # --user outside a virtualenv; a Debian-managed Python refuses both (PEP 668) and we fall through to the hint
    user=--user
    python3 -c 'import sys; sys.exit(0 if sys.prefix != sys.base_prefix else 1)' && user=
    python3 -m pip install $user --timeout 20 --retries 1 nbclient jupyterlab \
      || die "pip could not install nbclient (no access to its registry, or a system-managed Python).
$HINT"
  else
    die "Jupyter's notebook runner (Python package nbclient) is missing.
$HINT"
  fi
  have_nbclient || die "Jupyter was installed but nbclient still cannot be imported.
$HINT"
fi

# 3. npm ci: dependencies, and (postinstall) the tslab kernelspec for this checkout ---------------------------
say "npm ci"
npm ci --no-audit --no-fund
[ -f .jupyter/share/jupyter/kernels/tslab/kernel.json ] || node scripts/register-kernel.mjs

# 4. reproduce -------------------------------------------------------------------------------------------------
if [ "$REPRODUCE" -eq 1 ]; then
  say "npm run reproduce"
  npm run reproduce
  say "done: open build/report/index.html; notebooks: npm run notebook (classic) or npm run lab (JupyterLab)"
else
  say "done: npm run reproduce builds build/report/index.html"
fi
