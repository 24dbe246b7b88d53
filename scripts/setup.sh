#!/usr/bin/env bash
# The README's first command: `npm run setup` (bash scripts/setup.sh).
#   1. checks Node.js (>= 20.19) and npm;
#   2. makes sure Jupyter's notebook runner (Python nbclient) is there: Debian/Ubuntu as root -> apt-get
#      (python3-nbclient, plus jupyter-notebook, the classic Notebook); else pip; else stops saying what to install;
#   3. installs JupyterLab and its Plotly extension (the `plotly` wheel ships it) where it can:
#      `python3 -m pip install --retries 0 jupyterlab plotly` (Debian 12 does not package JupyterLab); when pip cannot
#      (no index, a system-managed Python), says how, and carries on;
#   4. npm ci (its postinstall registers this checkout's tslab kernel with Jupyter);
#   5. npm run reproduce (build/notebooks, build/report/index.html, build/tables);
#   6. recommends the client it made work: `npm run lab` (JupyterLab), else `npm run notebook` (the classic
#      Notebook), else the report.
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

# --user outside a virtualenv, unless the Python's own site-packages is writable (root, pyenv); --retries 0 everywhere:
# without it pip spends minutes retrying an unreachable index
pip_user_flag() {
  python3 -c 'import os, sys, sysconfig; sys.exit(0 if sys.prefix != sys.base_prefix or os.access(sysconfig.get_paths()["purelib"], os.W_OK) else 1)' || echo --user
}

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
  other systems:  python3 -m pip install --retries 0 nbclient jupyterlab plotly
(If it is installed for a Python that is not on PATH as python3, set TP_PYTHON=/path/to/python.)"

if ! have_nbclient; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Jupyter with apt-get: python3-nbclient jupyter-notebook"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends python3-nbclient jupyter-notebook
  elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    say "installing Jupyter with pip: nbclient jupyterlab plotly"
    # a Debian-managed Python refuses (PEP 668) and we fall through to the hint
    python3 -m pip install $(pip_user_flag) --retries 0 --timeout 20 nbclient jupyterlab plotly \
      || die "pip could not install nbclient (no access to its registry, or a system-managed Python).
$HINT"
  else
    die "Jupyter's notebook runner (Python package nbclient) is missing.
$HINT"
  fi
  have_nbclient || die "Jupyter was installed but nbclient still cannot be imported.
$HINT"
fi

# 3. JupyterLab and the Plotly extension -------------------------------------------------------------------------
# JupyterLab is the recommended client; the plotly package brings its Plotly extension (Plotly's own renderer)
have_lab() { jupyter lab --version >/dev/null 2>&1; }
have_plotly_extension() { jupyter labextension list 2>&1 | grep 'jupyterlab-plotly.*enabled' >/dev/null; }  # no -q: under pipefail an early exit of grep fails the pipe
LAB_HINT="To work in JupyterLab (the recommended client), install it with its Plotly extension into a Python of your own:
  python3 -m venv ~/.venvs/jupyter && ~/.venvs/jupyter/bin/pip install --retries 0 jupyterlab plotly
  export PATH=\"\$HOME/.venvs/jupyter/bin:\$PATH\"   # then: npm run lab"
if have_lab && have_plotly_extension; then
  say "JupyterLab $(jupyter lab --version) with the Plotly extension: found"
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
  say "installing JupyterLab and the Plotly extension with pip: jupyterlab plotly"
  # a Debian-managed Python refuses (PEP 668): then the hint
  if python3 -m pip install $(pip_user_flag) --retries 0 --timeout 20 jupyterlab plotly; then
    hash -r
    have_lab || say "JupyterLab was installed but \`jupyter lab\` does not run: is $(python3 -c 'import site; print(site.USER_BASE)')/bin on PATH?"
  else
    say "pip could not install JupyterLab (no access to its index, or a system-managed Python); carrying on without it."
    say "$LAB_HINT"
  fi
else
  say "no pip for python3: JupyterLab not installed."
  say "$LAB_HINT"
fi

# 4. npm ci: dependencies, and (postinstall) the tslab kernelspec for this checkout ---------------------------
say "npm ci"
npm ci --no-audit --no-fund
[ -f .jupyter/share/jupyter/kernels/tslab/kernel.json ] || node scripts/register-kernel.mjs

# 5. reproduce -------------------------------------------------------------------------------------------------
if [ "$REPRODUCE" -eq 1 ]; then
  say "npm run reproduce"
  npm run reproduce
  say "done: the report is build/report/index.html"
else
  say "done: npm run reproduce builds build/report/index.html"
fi

# 6. the client to work in -------------------------------------------------------------------------------------
if have_lab; then
  say "work in JupyterLab $(jupyter lab --version): npm run lab"
elif jupyter notebook --version >/dev/null 2>&1; then
  say "work in the classic Notebook $(jupyter notebook --version): npm run notebook (JupyterLab could not be installed)"
  say "$LAB_HINT"
else
  say "no Jupyter client to work in: read the report (build/report/index.html)."
  say "$LAB_HINT"
fi
