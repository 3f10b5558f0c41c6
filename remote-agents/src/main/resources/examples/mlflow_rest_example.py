#!/usr/bin/env python3
"""Report a training run to Flightdeck through MLflow's REST API, with the standard library only.

Run it as a Flightdeck command job: the agent sets MLFLOW_TRACKING_URI, MLFLOW_RUN_ID and
MLFLOW_EXPERIMENT_ID and serves the run on 127.0.0.1. The `mlflow` package works the same way
(`mlflow.start_run()` picks the variables up); this script shows the raw calls.

Exit status: 0 when every call behaved as documented, 1 otherwise.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ["MLFLOW_TRACKING_URI"].rstrip("/") + "/api/2.0/mlflow/"
RUN_ID = os.environ["MLFLOW_RUN_ID"]


def call(method, endpoint, body=None, query=None):
    """One REST call; returns (HTTP status, decoded JSON reply)."""
    url = BASE + endpoint
    if query:
        url += "?" + urllib.parse.urlencode(query)
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        sys.exit(1)


now = lambda: int(time.time() * 1000)

status, exp = call("GET", "experiments/get-by-name", query={"experiment_name": "Default"})
expect(status == 200 and exp["experiment"]["experiment_id"] == os.environ["MLFLOW_EXPERIMENT_ID"],
       "experiments/get-by-name")

status, run = call("POST", "runs/create", {"experiment_id": os.environ["MLFLOW_EXPERIMENT_ID"],
                                           "start_time": now(), "run_name": "rest-example",
                                           "tags": [{"key": "framework", "value": "stdlib"}]})
expect(status == 200 and run["run"]["info"]["run_id"] == RUN_ID, "runs/create returns the job's run")

expect(call("POST", "runs/log-parameter", {"run_id": RUN_ID, "key": "lr", "value": "0.01"})[0] == 200,
       "runs/log-parameter")
for step in range(3):
    status, _ = call("POST", "runs/log-metric", {"run_id": RUN_ID, "key": "train/loss",
                                                 "value": 1.0 / (step + 1), "timestamp": now(),
                                                 "step": step})
    expect(status == 200, "runs/log-metric step %d" % step)

status, _ = call("POST", "runs/log-batch", {
    "run_id": RUN_ID,
    "metrics": [{"key": "val/accuracy", "value": 0.9, "timestamp": now(), "step": 2}],
    "params": [{"key": "epochs", "value": "3"}],
    "tags": [{"key": "stage", "value": "demo"}]})
expect(status == 200, "runs/log-batch")

expect(call("POST", "runs/set-tag", {"run_id": RUN_ID, "key": "note", "value": "hello"})[0] == 200,
       "runs/set-tag")

# params are immutable: the same key with another value is refused with HTTP 400
status, err = call("POST", "runs/log-parameter", {"run_id": RUN_ID, "key": "lr", "value": "0.5"})
expect(status == 400 and err.get("error_code") == "INVALID_PARAMETER_VALUE",
       "re-logged param refused: HTTP %d %s" % (status, err.get("message")))

# so is a key that breaks MLflow's naming rules
status, err = call("POST", "runs/log-metric", {"run_id": RUN_ID, "key": "../escape", "value": 1,
                                               "timestamp": now(), "step": 0})
expect(status == 400, "bad key refused: HTTP %d" % status)

status, got = call("GET", "runs/get", query={"run_id": RUN_ID})
params = {p["key"]: p["value"] for p in got["run"]["data"]["params"]}
expect(status == 200 and params == {"lr": "0.01", "epochs": "3"}, "runs/get shows the params")

status, upd = call("POST", "runs/update", {"run_id": RUN_ID, "status": "FINISHED", "end_time": now()})
expect(status == 200 and upd["run_info"]["status"] == "FINISHED", "runs/update")
