#!/usr/bin/env bash
# Runs `relaywatch demo`, points a real Prometheus (Debian package `prometheus`) at its three
# roles, and evaluates every query of the Grafana dashboard through Prometheus' HTTP API: each must
# be valid and return data. Also checks the Prometheus rules load in that Prometheus.
# Usage: scripts/check-dashboard.sh [seconds to let the demo run before querying, default 45]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
settle="${1:-45}"

work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ship_port=$(free_port); streams_port=$(free_port); alerts_port=$(free_port); prom_port=$(free_port)

cleanup() {
  kill "${demo_pid:-}" "${prom_pid:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

./relaywatch demo --duration PT10M --ship-port "$ship_port" --streams-port "$streams_port" \
  --alerts-port "$alerts_port" --kafka-port 0 --no-color >"$work/demo.out" 2>&1 &
demo_pid=$!

cp deploy/prometheus/relaywatch.rules.yml "$work/"
cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 2s, evaluation_interval: 2s}
rule_files: [$work/relaywatch.rules.yml]
scrape_configs:
  - {job_name: relaywatch-ship, static_configs: [{targets: ["127.0.0.1:$ship_port"]}]}
  - {job_name: relaywatch-streams, static_configs: [{targets: ["127.0.0.1:$streams_port"]}]}
  - {job_name: relaywatch-alerts, static_configs: [{targets: ["127.0.0.1:$alerts_port"]}]}
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.out" 2>&1 &
prom_pid=$!

echo "demo and Prometheus started; letting them run for ${settle}s"
for _ in $(seq 1 "$settle"); do
  kill -0 "$demo_pid" 2>/dev/null || { echo "demo exited early:"; cat "$work/demo.out"; exit 1; }
  sleep 1
done

python3 - "$prom_port" deploy/grafana/dashboards/relaywatch.json <<'PY'
import json, sys, urllib.parse, urllib.request
port, dashboard = sys.argv[1], sys.argv[2]
def query(expr):
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return json.load(e)
up = query("up")["data"]["result"]
print("targets:", ", ".join(f'{r["metric"]["job"]}={r["value"][1]}' for r in up))
bad = []
for panel in json.load(open(dashboard))["panels"]:
    for target in panel.get("targets", []):
        answer = query(target["expr"])
        if answer.get("status") != "success":
            bad.append(f'{panel["title"]}: invalid: {answer.get("error")}')
        elif not answer["data"]["result"]:
            bad.append(f'{panel["title"]}: no data: {target["expr"]}')
        else:
            print(f'ok  {panel["title"]}: {len(answer["data"]["result"])} series')
rules = query('ALERTS')  # rules loaded and evaluating; firing ones are listed
print("Prometheus alerts now:", sorted({r["metric"]["alertname"] for r in rules["data"]["result"]}) or "none")
if bad:
    sys.exit("dashboard check failed:\n  " + "\n  ".join(bad))
print("every dashboard query returns data")
PY
