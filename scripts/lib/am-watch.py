#!/usr/bin/env python3
"""Watches an Alertmanager's alert list and records when each alert appears and disappears.

Usage: am-watch.py BASE_URL STATE_FILE [INTERVAL_SECONDS]

Polls GET BASE_URL/api/v2/alerts every INTERVAL (default 0.2 s) until killed. Alertmanager lists
only alerts that have not ended, so an alert that relaywatch resolved (endsAt now) leaves the list.
STATE_FILE (JSON, replaced atomically after every change) maps "alertname/subject" to
{firstSeen, lastSeen, goneAt, labels, annotations, startsAt, endsAt}: times are Unix seconds as
seen by this poller, goneAt is null while the alert is listed. Used by scripts/e2e-mailserver.sh.
"""
import json
import os
import sys
import time
import urllib.request


def poll(url):
    with urllib.request.urlopen(url + "/api/v2/alerts", timeout=5) as response:
        return json.load(response)


def write(path, state):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(state, out, indent=1, sort_keys=True)
    os.replace(tmp, path)


def main():
    url, path = sys.argv[1], sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
    state = {}
    write(path, state)
    while True:
        try:
            alerts = poll(url)
        except OSError:
            time.sleep(interval)
            continue
        now = time.time()
        changed = False
        listed = set()
        for alert in alerts:
            labels = alert.get("labels", {})
            key = labels.get("alertname", "?") + "/" + labels.get("subject", "?")
            listed.add(key)
            entry = state.get(key)
            if entry is None or entry["goneAt"] is not None:
                entry = {"firstSeen": now, "goneAt": None} if entry is None else entry
                entry["goneAt"] = None
                entry["appearances"] = entry.get("appearances", 0) + 1
                changed = True
            if entry.get("annotations") != alert.get("annotations"):
                changed = True
            entry.update(lastSeen=now, labels=labels, annotations=alert.get("annotations", {}),
                         startsAt=alert.get("startsAt"), endsAt=alert.get("endsAt"))
            state[key] = entry
        for key, entry in state.items():
            if key not in listed and entry["goneAt"] is None:
                entry["goneAt"] = now
                changed = True
        if changed:
            write(path, state)
        time.sleep(interval)


if __name__ == "__main__":
    main()
