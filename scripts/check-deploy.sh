#!/usr/bin/env bash
# Checks the deployment files with the real tools: promtool (rules, rule unit tests, config),
# amtool (Alertmanager config), docker-compose (file schema, no daemon needed) and kustomize
# (the Kubernetes manifests render). Run by .ci/run; needs the Debian packages prometheus,
# prometheus-alertmanager and docker-compose.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "--- promtool: rules and their unit tests"
promtool check rules deploy/prometheus/relaywatch.rules.yml
(cd deploy/prometheus && promtool test rules tests/*.test.yml)

echo "--- promtool: the compose stack's Prometheus config"
# The config names the rules by their path inside the container; check it with the real file.
cp deploy/prometheus/relaywatch.rules.yml "$work/"
sed "s#/etc/prometheus/relaywatch.rules.yml#$work/relaywatch.rules.yml#" \
  deploy/prometheus/prometheus.yml >"$work/prometheus.yml"
promtool check config "$work/prometheus.yml"

echo "--- amtool: Alertmanager config"
amtool check-config deploy/alertmanager/alertmanager.yml

echo "--- docker-compose: file schema"
docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid"

echo "--- kustomize: Kubernetes manifests render"
if command -v kubectl >/dev/null; then
  kubectl kustomize deploy/k8s >"$work/k8s.yaml"
  grep -c '^kind:' "$work/k8s.yaml" | xargs echo "objects rendered:"
else
  echo "kubectl not installed: skipped"
fi
