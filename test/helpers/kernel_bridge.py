"""One Jupyter kernel, driven line by line from a test (test/helpers/kernel.ts).

Starts the kernel the way Jupyter does (jupyter_client's KernelManager: the kernelspec found on JUPYTER_PATH, a
connection file, the kernel's working directory), then reads one JSON request per line on stdin and answers each with
one JSON line on stdout. Unlike nbclient this lets the caller do other things (write files) while a cell runs, and it
reports output that arrives outside any cell's execution (tslab prints errors from timers and file watchers there).

Usage: python3 kernel_bridge.py --cwd DIR [--kernel tslab] [--timeout SECONDS]
  first line out: {"ready": seconds}
  in  {"id": n, "code": "..."}  out {"id": n, "status": "ok"|"error"|"abort"|"timeout", "idle": bool, "stdout": s,
                                     "stderr": s, "late": [{"parent": id|null, "name": "stdout"|"stderr", "text": s}],
                                     "seconds": s}
"status" is the execute_reply's ("timeout": none came within --timeout); "idle" says whether the kernel's idle status
for the cell came (the reply and the idle status arrive on different channels; a cell is complete with both).
  in  {"close": true, "drain": seconds}  out {"closed": true, "late": [...]}, then the kernel is shut down
"late" holds stream output received since the previous answer that belongs to no running cell (its parent is an
earlier request's id, or null). Exit status 2 if the kernel could not start (message on stderr).
"""
import argparse
import json
import queue
import signal
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=float, default=60, help="per cell, seconds")
    args = ap.parse_args()
    try:
        from jupyter_client.manager import KernelManager
    except ImportError as e:
        print(f"kernel_bridge: {e}; install python3-nbclient (Debian) or `pip install jupyter_client`", file=sys.stderr)
        return 2

    # a SIGTERM from the test (its cleanup) must still shut the kernel down
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    km = KernelManager(kernel_name=args.kernel)
    kc = None
    try:
        t0 = time.monotonic()
        km.start_kernel(cwd=args.cwd)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        out({"ready": time.monotonic() - t0})
        ids = {}  # Jupyter msg_id -> the caller's request id
        late = []

        def note_late(msg):
            if msg["msg_type"] == "stream":
                parent = ids.get(msg.get("parent_header", {}).get("msg_id"))
                late.append({"parent": parent, "name": msg["content"]["name"], "text": msg["content"]["text"]})

        def drain(seconds):
            end = time.monotonic() + seconds
            while True:
                try:
                    note_late(kc.get_iopub_msg(timeout=max(0.0, end - time.monotonic())))
                except queue.Empty:
                    return

        for line in sys.stdin:
            req = json.loads(line)
            if req.get("close"):
                drain(float(req.get("drain", 0)))
                out({"closed": True, "late": late})
                return 0
            drain(0)
            t = time.monotonic()
            msg_id = kc.execute(req["code"])
            ids[msg_id] = req["id"]
            streams = {"stdout": "", "stderr": ""}
            status = None
            idle = False
            deadline = t + args.timeout
            while status is None or not idle:
                left = deadline - time.monotonic()
                if left <= 0:
                    status = status or "timeout"
                    break
                try:
                    msg = kc.get_iopub_msg(timeout=min(left, 0.05))
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        note_late(msg)
                    elif msg["msg_type"] == "stream":
                        streams[msg["content"]["name"]] += msg["content"]["text"]
                    elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                        idle = True
                except queue.Empty:
                    pass
                if status is None:
                    try:
                        reply = kc.get_shell_msg(timeout=0)
                        if reply.get("parent_header", {}).get("msg_id") == msg_id:
                            status = reply["content"]["status"]
                    except queue.Empty:
                        pass
            out({"id": req["id"], "status": status, "idle": idle, **streams, "late": late, "seconds": time.monotonic() - t})
            late = []
        return 0
    except Exception as e:  # kernel did not start, or Jupyter itself failed
        print(f"kernel_bridge: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    finally:
        if kc is not None:
            kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)


def out(obj) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
