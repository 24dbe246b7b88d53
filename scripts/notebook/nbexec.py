"""Execute one notebook cell by cell through a Jupyter kernel and report, as JSON, where it failed.

Called by scripts/notebook/execute.ts (the TypeScript side does everything else: parameters, report, tables).
Usage: python3 nbexec.py IN.ipynb OUT.ipynb --cwd DIR [--kernel tslab] [--timeout SECONDS] [--kernel-start-only]

Why not `jupyter nbconvert --execute`: tslab replies `status: error` with no ename/evalue (the error text goes to
stderr), so nbconvert says only "<Error>" and writes nothing; and with --allow-errors tslab drops the requests that
arrive in the 200 ms after an error, so the notebook looks complete when it is not. Running the cells one at a time
with nbclient gives the failing cell's index and keeps the partial notebook for inspection.

Writes OUT.ipynb (executed, or partially executed up to and including the failing cell) and prints, on stdout, one
JSON object per line: while it runs, {"kernel": {"pid": p, "pgid": g}} once the kernel is up (the caller ends that
process group if it must stop the run) and {"cell": {"index": i, "number": n, "of": total}} before each code cell;
last, the result:
  {"ok": bool, "kernel_start": s, "cells": [{"index": i, "seconds": s}], "error": {"index": i, "reason": str} | null}
Exit status: 0 ok, 1 a cell failed, 2 the kernel or Jupyter failed (message on stderr), 130/143 stopped by SIGINT or
SIGTERM (the kernel is shut down first: jupyter_client starts it in its own session, so no signal reaches it from
here otherwise, and tslab does not exit when its parent dies).
"""
import argparse
import json
import os
import signal
import sys
import time


class Stopped(BaseException):
    """SIGINT or SIGTERM: unwinds through nbclient's context manager, which shuts the kernel down."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, _frame):
    # a second signal must not interrupt the kernel shutdown that this one starts
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise Stopped(signum)


def emit(obj) -> None:
    print(json.dumps(obj), flush=True)


def kernel_process(client):
    """(pid, pgid) of the kernel process, or None (the attribute names differ between jupyter_client 7 and 8)."""
    km = client.km
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    if pid is None:
        pid = getattr(getattr(km, "kernel", None), "pid", None)
    if pid is None:
        return None
    try:
        return pid, os.getpgid(pid)
    except OSError:
        return pid, None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output", nargs="?")
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=600, help="per cell, seconds")
    ap.add_argument("--kernel-start-only", action="store_true")
    args = ap.parse_args()

    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    except ImportError as e:
        print(f"nbexec: {e}; install python3-nbclient (Debian) or `pip install nbclient`", file=sys.stderr)
        return 2

    nb = nbformat.read(args.input, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=120,
        allow_errors=False,
        record_timing=False,  # no timestamps in cell metadata: executed notebooks diff cleanly between runs
        resources={"metadata": {"path": args.cwd}},
    )
    result = {"ok": True, "kernel_start": None, "cells": [], "error": None}
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    t0 = time.monotonic()
    total = sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())
    try:
        with client.setup_kernel():
            result["kernel_start"] = time.monotonic() - t0
            proc = kernel_process(client)
            if proc:
                emit({"kernel": {"pid": proc[0], "pgid": proc[1]}})
            if not args.kernel_start_only:
                count = 0
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code" or not cell.source.strip():
                        continue
                    count += 1
                    emit({"cell": {"index": index, "number": count, "of": total}})
                    t = time.monotonic()
                    try:
                        # tslab sends no execute_input, so number the cells ourselves
                        client.execute_cell(cell, index, execution_count=count)
                    except CellTimeoutError:
                        result["error"] = {"index": index, "reason": f"timed out after {args.timeout} s"}
                    except DeadKernelError:
                        result["error"] = {"index": index, "reason": "the kernel died"}
                    except CellExecutionError:
                        result["error"] = {"index": index, "reason": "the kernel reported an error"}
                    result["cells"].append({"index": index, "seconds": time.monotonic() - t})
                    if result["error"]:
                        cell["execution_count"] = count
                        result["ok"] = False
                        break
    except Stopped as e:
        print(f"nbexec: stopped by {signal.Signals(e.signum).name}; the kernel was shut down", file=sys.stderr)
        return 128 + e.signum
    except Exception as e:  # kernel did not start, or Jupyter itself failed
        print(f"nbexec: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    if args.output:
        try:
            # trust the outputs we just produced (as `jupyter trust` would), so Jupyter shows the charts when the
            # executed notebook is opened on this machine; not fatal if the user's Jupyter data dir is read-only
            from nbformat.sign import NotebookNotary
            NotebookNotary().sign(nb)
        except Exception as e:
            print(f"nbexec: could not sign {args.output}: {e}", file=sys.stderr)
        nbformat.write(nb, args.output)
    emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
