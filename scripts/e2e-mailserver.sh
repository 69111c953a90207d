#!/usr/bin/env bash
# End to end on a real mail server: Postfix and Dovecot misconfigured seven ways, relaywatch names
# each cause in a real Alertmanager, the fix it proposes is applied as proposed, the mail goes
# through and the alert resolves (docs/e2e.md).
#
# Every part is its own process on loopback: the mail lab of scripts/lib/mail-lab.sh (Postfix 3.x
# with maillog_file, submission on 587 with STARTTLS and Dovecot SASL), `relaywatch kafka`,
# `relaywatch ship` tailing the lab's mail.log, `relaywatch streams`, `relaywatch alerts` with an
# Alertmanager receiver, and Alertmanager itself (Debian's prometheus-alertmanager). Clients are
# swaks runs from loopback aliases. At the end `relaywatch diagnose` reads the same mail.log and must
# reach the verdicts that reached Alertmanager.
#
# Prints the detection latency of each scenario (log line written -> alert listed by Alertmanager)
# and its p50/p95. Needs root, the packages of scripts/lib/mail-lab.sh, prometheus-alertmanager,
# python3 and curl.
#
# Usage: sudo scripts/e2e-mailserver.sh
#   KEEP_WORK=1 keeps the working directory (mail.log, configs, every process's log, the
#   Alertmanager observations in e2e/am-state.json) for debugging.
#   ALERTMANAGER=/path/to/alertmanager overrides the binary.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly LIB="$REPO_ROOT/scripts/lib"
readonly RW="$REPO_ROOT/relaywatch"
readonly ALERTMANAGER="${ALERTMANAGER:-/usr/bin/prometheus-alertmanager}"
LAB_NAME=e2e-mailserver
# shellcheck source=scripts/lib/mail-lab.sh
source "$LIB/mail-lab.sh"
lab_require python3 curl
[[ -x $ALERTMANAGER ]] ||
  die "$ALERTMANAGER not found; apt-get install -y --no-install-recommends prometheus-alertmanager"
lab_enter_private_namespace "$0" "$@"
lab_init
readonly E2E="$WORK/e2e" AM_STATE="$WORK/e2e/am-state.json" SITE="$WORK/e2e/site.yml"
# The domain the scenario "domain missing from mydestination" sends to: local to relaywatch
# (localDomains), unknown to Postfix.
readonly NEW_DOMAIN=newdomain.example
# Services are long-running JVMs on a small shared machine: one GC thread, C1 only, small heaps.
readonly SERVICE_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
PIDS=()
STARTED=$SECONDS

cleanup() {
  local status=$? pid i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    soft_wait 15 process_gone "$pid"
    kill -KILL "$pid" 2>/dev/null || true
  done
  lab_stop
  if [[ $status -ne 0 ]]; then
    local f
    for f in "$MAILLOG" "$E2E"/*.log; do
      [[ -f $f ]] || continue
      echo "--- last lines of $f ---" >&2
      tail -n 15 "$f" >&2 || true
    done
  fi
  if [[ -n ${KEEP_WORK:-} ]]; then
    echo "kept $WORK" >&2
  else
    rm -rf -- "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT

say() {
  printf '[%3ds] %s\n' $((SECONDS - STARTED)) "$*"
}

now() {
  date +%s.%N
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts a process in the background, its output in $E2E/NAME.log, and remembers its pid.
start() {
  local name=$1
  shift
  "$@" >"$E2E/$name.log" 2>&1 &
  PIDS+=($!)
}

process_gone() {
  ! kill -0 "$1" 2>/dev/null
}

http_ok() {
  curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
}

start_alertmanager() {
  AM_PORT=$(free_port)
  mkdir -p "$E2E/alertmanager"
  # Alerts only need to be stored and listed; no notification leaves Alertmanager.
  cat >"$E2E/alertmanager.yml" <<'EOF'
route:
  receiver: blackhole
  group_wait: 1s
receivers:
  - name: blackhole
EOF
  start alertmanager "$ALERTMANAGER" --config.file="$E2E/alertmanager.yml" \
    --storage.path="$E2E/alertmanager" --web.listen-address="127.0.0.1:$AM_PORT" \
    --cluster.listen-address= --log.level=warn
  AM_URL="http://127.0.0.1:$AM_PORT"
}

start_kafka() {
  RELAYWATCH_JAVA_OPTS="$SERVICE_JAVA_OPTS -Xmx384m" start kafka "$RW" kafka \
    --data-dir "$E2E/kafka" --port 0
  wait_for 120 "the Kafka broker" grep -qs 'listening on' "$E2E/kafka.log"
  BOOTSTRAP="$(sed -n 's/.*listening on //p' "$E2E/kafka.log" | head -n 1)"
}

# One settings file for streams, alerts and diagnose. 127.0.0.0/27 and ::1 are "ours", so 127.0.0.66
# and 127.0.0.70-73 are outside clients. Small windows, so that an alert resolves within about
# alerts.window + alerts.resolveAfter of the last denial.
write_site_config() {
  cat >"$SITE" <<EOF
kafka:
  bootstrapServers: "$BOOTSTRAP"
networks:
  internal: [127.0.0.0/27, "::1/128"]
localDomains: [example.test, $NEW_DOMAIN]
postfix:
  mynetworks: 127.0.0.1/32
mta: postfix
streams:
  partitions: 1
aggregation:
  windowSizes: [10s]
alerts:
  window: 60s
  aggregateWindowSize: 10s
  evaluationInterval: 2s
  resendInterval: 20s
  resolveAfter: 15s
  partitions: 1
  alertmanager:
    urls: ["$AM_URL"]
EOF
}

start_relaywatch() {
  local streams_port alerts_port
  streams_port=$(free_port)
  alerts_port=$(free_port)
  RELAYWATCH_JAVA_OPTS="$SERVICE_JAVA_OPTS -Xmx256m" start streams "$RW" streams --config "$SITE" \
    --state-dir "$E2E/streams" --http-port "$streams_port" --zone UTC
  ALERTS_PORT=$alerts_port
  start_alerts
  start ship "$RW" ship --bootstrap-servers "$BOOTSTRAP" --file "$MAILLOG" \
    --state-dir "$E2E/ship" --host mx --metrics-port -1
  wait_for 120 "relaywatch streams to be healthy" http_ok "http://127.0.0.1:$streams_port/healthz"
  wait_for 120 "relaywatch alerts to be healthy" http_ok "http://127.0.0.1:$alerts_port/healthz"
  wait_for 60 "Alertmanager to be ready" http_ok "$AM_URL/-/ready"
  start am-watch python3 "$LIB/am-watch.py" "$AM_URL" "$AM_STATE"
}

start_alerts() {
  RELAYWATCH_JAVA_OPTS="$SERVICE_JAVA_OPTS -Xmx256m" start alerts "$RW" alerts --config "$SITE" \
    --state-dir "$E2E/alerts" --http-port "$ALERTS_PORT"
  ALERTS_PID=${PIDS[-1]}
}

# Records when the log line that should raise alert KEY (verdict/subject) was written.
mark() {
  echo "$1 $(now)" >>"$E2E/marks"
}

# Refused relay: 554 5.7.1 from reject_unauth_destination, 454 4.7.1 from defer_unauth_destination.
client_denials() {
  grep -F "[$1]: " "$MAILLOG" | grep -c 'Relay access denied' || true
}

client_accepted() {
  grep -cE ": client=[^ ]*\[${1//./\\.}\]" "$MAILLOG" || true
}

# The misconfiguration under test for authenticated clients: the relay restrictions (which the lab's
# submission service takes from main.cf) lose permit_sasl_authenticated. And after the SASL backend
# scenario kills smtpd, master refuses the service for service_throttle_time (60s by default, a
# reload does not reset it): shorter here, or the fixed service would answer only a minute later.
configure_lab() {
  postconf -c "$CONF" -e 'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination' \
    'service_throttle_time = 5s'
  reload_postfix
}

reload_postfix() {
  local before
  before=$(grep -cF 'reload -- version' "$MAILLOG" || true)
  postfix -c "$CONF" reload >/dev/null 2>&1
  wait_for 20 "Postfix to reload" log_count_at_least 'reload -- version' $((before + 1))
}

# The clients, one loopback address per scenario.
readonly APP=127.0.0.5 PROBER=127.0.0.66 NOAUTH=127.0.0.20 BADPASS=127.0.0.30 AUTHED=127.0.0.45
readonly BACKEND=127.0.0.50 OUTSIDE_MTAS=(127.0.0.70 127.0.0.71 127.0.0.72 127.0.0.73)
# The alert (verdict/subject) each scenario must raise, in the order they are played.
readonly K_APP="trusted_sender_not_in_mynetworks/$APP" K_PROBER="open_relay_probe/$PROBER"
readonly K_NOAUTH="client_not_authenticating/$NOAUTH" K_BADPASS="sasl_auth_failing/$BADPASS"
readonly K_AUTHED="sasl_not_permitted_for_relay/$AUTHED" K_DOMAIN="domain_not_accepted/$NEW_DOMAIN"
readonly K_BACKEND="sasl_backend_unavailable/mx"
readonly KEYS=("$K_APP" "$K_PROBER" "$K_NOAUTH" "$K_BADPASS" "$K_AUTHED" "$K_DOMAIN" "$K_BACKEND")
# Alerts whose cause is fixed (server or client side): each must resolve. The prober's is not.
readonly FIXED=("$K_APP" "$K_NOAUTH" "$K_BADPASS" "$K_AUTHED" "$K_DOMAIN" "$K_BACKEND")

app_mail() { # to RECIPIENTS
  session "$APP" --port 25 --helo app01.example.test --from app@example.test --to "$1"
}

prober_mail() { # from SENDER to RECIPIENTS
  session "$PROBER" --port 25 --helo probe.example.net --from "$1" --to "$2"
}

submission() { # CLIENT swaks-args...: port 587 after STARTTLS
  local client=$1
  shift
  session "$client" --port 587 -tls --helo "client-${client//./-}.example.test" "$@"
}

outside_mta_mail() { # CLIENT
  session "$1" --port 25 --helo "mta-${1//./-}.sender.example" \
    --from "news@sender-${1//./-}.example" --to "app@$NEW_DOMAIN"
}

# Each scenario's mail, marking when the line that should raise its alert was written (the
# session's disconnect has been logged by then).
run_failing_scenarios() {
  app_mail a1@outside.example,a2@outside.example,a3@outside.example
  mark "$K_APP"
  prober_mail spoof@foreign.example victim@outside.example,admin@outside2.example,test@outside3.example
  mark "$K_PROBER"
  prober_mail another@foreign2.example info@outside4.example,root@outside5.example
  submission "$NOAUTH" --from app@example.test --to n1@outside.example,n2@outside.example,n3@outside.example
  mark "$K_NOAUTH"
  # --auth-optional: the session goes on to MAIL and RCPT after the failed AUTH, as mail clients do.
  submission "$BADPASS" --auth-optional PLAIN --auth-user "$SASL_USER" \
    --auth-password wrong-password --from alice@example.test --to friend@outside.example
  submission "$BADPASS" --auth-optional PLAIN --auth-user "$SASL_USER" \
    --auth-password wrong-password --from alice@example.test --to friend@outside.example
  mark "$K_BADPASS"
  submission "$AUTHED" --auth PLAIN --auth-user "$SASL_USER" --auth-password "$SASL_PASS" \
    --from alice@example.test --to friend@outside.example
  mark "$K_AUTHED"
  local mta
  for mta in "${OUTSIDE_MTAS[@]}"; do
    outside_mta_mail "$mta"
    # The third outside client is the one the verdict needs.
    [[ $mta != "${OUTSIDE_MTAS[2]}" ]] || mark "$K_DOMAIN"
  done
  # Last: Dovecot stopped and its socket gone; smtpd processes started after the reload find no
  # SASL backend.
  stop_dovecot
  rm -f -- "$SPOOL/private/auth"
  reload_postfix
  # In the background: swaks waits on after smtpd has logged the failure and died.
  smtp --local-interface "$BACKEND" --port 587 -tls --helo client-backend.example.test \
    --auth PLAIN --auth-user "$SASL_USER" --auth-password "$SASL_PASS" \
    --from alice@example.test --to friend@outside.example &
  local swaks_pid=$!
  wait_for 30 "the SASL backend failure" log_has 'SASL: Connect to'
  mark "$K_BACKEND"
  wait "$swaks_pid" || true
}

# python3 over the Alertmanager observations: $1 is the program, the rest its arguments.
am_query() {
  local program=$1
  shift
  python3 -c "import json, sys; state = json.load(open(sys.argv[1])); $program" "$AM_STATE" "$@"
}

am_listed() {
  am_query 'sys.exit(0 if all(k in state and state[k]["goneAt"] is None for k in sys.argv[2:]) else 1)' "$@"
}

am_gone() {
  am_query 'sys.exit(0 if all(k in state and state[k]["goneAt"] is not None for k in sys.argv[2:]) else 1)' "$@"
}

await_alerts() {
  local key
  for key in "${KEYS[@]}"; do
    wait_for 90 "alert $key in Alertmanager" am_listed "$key"
    say "alert listed: $key"
  done
  # Nothing else: every alert in Alertmanager is one a scenario should raise.
  am_query '
extra = sorted(set(state) - set(sys.argv[2:]))
sys.exit("unexpected alerts in Alertmanager: %s" % extra if extra else 0)' "${KEYS[@]}"
}

# What each alert carries: labels, the fix parts that apply, and no mynetworks for the prober.
check_proposals() {
  am_query '
problems = []
def need(ok, what):
    if not ok:
        problems.append(what)
for key in sys.argv[2:]:
    verdict, subject = key.split("/", 1)
    a = state[key]
    labels, notes = a["labels"], a["annotations"]
    need(labels.get("verdict") == verdict and labels.get("service") == "relaywatch", f"{key}: labels {labels}")
    need(labels.get("severity") in ("warning", "critical"), f"{key}: severity {labels}")
    need(notes.get("summary") and notes.get("runbook_url"), f"{key}: summary/runbook {sorted(notes)}")
    client_fix, server_fix = notes.get("fix_client", ""), notes.get("fix_postfix", "")
    if verdict in ("client_not_authenticating", "sasl_auth_failing"):
        need("587" in client_fix and "STARTTLS" in client_fix, f"{key}: fix_client {client_fix!r}")
    if verdict in ("trusted_sender_not_in_mynetworks", "sasl_not_permitted_for_relay",
                   "domain_not_accepted", "sasl_backend_unavailable"):
        need("postconf -e" in server_fix, f"{key}: fix_postfix {server_fix!r}")
    if verdict != "trusted_sender_not_in_mynetworks":
        need("mynetworks =" not in json.dumps(notes), f"{key}: proposes mynetworks: {notes}")
    if verdict == "open_relay_probe":
        need(labels.get("client_ip") == subject and subject in server_fix,
             f"{key}: probe fix {server_fix!r}")
sys.exit("proposals wrong:\n  " + "\n  ".join(problems) if problems else 0)' "${KEYS[@]}"
  say "every alert carries its verdict and fix; the prober gets no mynetworks proposal"
}

# Applies the server fix of alert KEY as proposed, through fix-plan.py's allow-list: each action
# becomes a fixed command with the proposal's value as a single argument, never shell text.
apply_fix() {
  local key=$1 plan action argument
  plan="$(python3 "$LIB/fix-plan.py" "$AM_STATE" "$key" "$CONF")" || die "no safe fix for $key"
  while IFS=$'\t' read -r action argument; do
    case $action in
      postconf-e) postconf -c "$CONF" -e "$argument" ;;
      postfix-check) postfix -c "$CONF" check ;;
      postfix-reload) reload_postfix ;;
      dovecot-restart) stop_dovecot && start_dovecot ;;
      # The lab delivers at once, so the message may be gone: holding it is then moot.
      postsuper-hold) postsuper -c "$CONF" -h "$argument" || true ;;
      *) die "unknown action '$action' in the plan for $key" ;;
    esac
    say "  $key: $action${argument:+ '$argument'}"
  done <<<"$plan"
}

apply_server_fixes() {
  local key
  # Otherwise a resolution later would prove nothing about the fixes.
  am_listed "${FIXED[@]}" || die "an alert resolved before its fix was applied"
  for key in "$K_BACKEND" "$K_AUTHED" "$K_APP" "$K_DOMAIN"; do
    apply_fix "$key"
  done
}

# Runs a scenario's mail again: it must be accepted (swaks exit 0, a queue id for the client) and
# add no relay denial.
expect_accepted() { # KEY CLIENT mail-function args...
  local key=$1 client=$2
  shift 2
  local denied accepted
  denied=$(client_denials "$client")
  accepted=$(client_accepted "$client")
  "$@"
  ((SWAKS_STATUS == 0)) || die "$key: mail from $client still refused after the fix (swaks $SWAKS_STATUS)"
  (($(client_accepted "$client") == accepted + 1)) || die "$key: no queued mail from $client"
  (($(client_denials "$client") == denied)) || die "$key: new relay denials for $client"
  say "  $key: mail from $client accepted"
}

verify_fixes() {
  expect_accepted "$K_BACKEND" "$BACKEND" submission "$BACKEND" --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from alice@example.test \
    --to friend@outside.example
  expect_accepted "$K_AUTHED" "$AUTHED" submission "$AUTHED" --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from alice@example.test \
    --to friend@outside.example
  expect_accepted "$K_APP" "$APP" app_mail a1@outside.example,a2@outside.example,a3@outside.example
  local mta
  for mta in "${OUTSIDE_MTAS[@]}"; do
    expect_accepted "$K_DOMAIN" "$mta" outside_mta_mail "$mta"
  done
  # Client-side fixes: port 587, STARTTLS and the mailbox's credentials (the right password).
  expect_accepted "$K_NOAUTH" "$NOAUTH" submission "$NOAUTH" --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from app@example.test \
    --to n1@outside.example,n2@outside.example,n3@outside.example
  expect_accepted "$K_BADPASS" "$BADPASS" submission "$BADPASS" --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from alice@example.test \
    --to friend@outside.example
  # The prober: nothing was applied for it, and relaying stays closed.
  local denied
  denied=$(client_denials "$PROBER")
  prober_mail spoof@foreign.example victim@outside.example
  ((SWAKS_STATUS != 0)) || die "$K_PROBER: the prober's mail was accepted"
  (($(client_denials "$PROBER") == denied + 1)) || die "$K_PROBER: no relay denial on the re-run"
  [[ " $(postconf -c "$CONF" -h mynetworks) " != *" $PROBER"* ]] || die "$K_PROBER: in mynetworks"
  say "  $K_PROBER: relaying still refused, mynetworks = $(postconf -c "$CONF" -h mynetworks)"
}

await_resolutions() {
  local key
  for key in "${FIXED[@]}"; do
    wait_for 180 "alert $key to resolve" am_gone "$key"
    say "alert resolved: $key"
  done
  # Listed once and resolved once: no alert flapped on the way.
  am_query '
flapped = sorted(k for k, a in state.items() if a["appearances"] != 1)
sys.exit("alerts listed more than once: %s" % flapped if flapped else 0)'
}

# relaywatch diagnose over the same mail.log must name the same (verdict, subject) pairs as the
# alerts that reached Alertmanager (resolved ones included). Read up to the moment the alerts were
# listed, exactly the same. Read to the end it has no window: 127.0.0.20 authenticated in its later
# session (the client-side fix), so over the whole log it is no longer a client that never tries
# AUTH, and that verdict alone is absent.
check_diagnose() {
  "$RW" diagnose --zone UTC --json --config "$SITE" "$E2E/mail-before-fixes.log" \
    >"$E2E/diagnose-before-fixes.json"
  "$RW" diagnose --zone UTC --json --config "$SITE" "$MAILLOG" >"$E2E/diagnose.json"
  am_query '
live = set(state)
def verdicts(path):
    return {f["verdict"] + "/" + f["subject"] for f in json.load(open(path))}
before, after = verdicts(sys.argv[2]), verdicts(sys.argv[3])
print("diagnose, log up to the alerts:", ", ".join(sorted(before)))
print("diagnose, whole log:           ", ", ".join(sorted(after)))
problems = []
if before != live:
    problems.append(f"before the fixes: only live {sorted(live - before)}, only diagnose {sorted(before - live)}")
if after != live - {sys.argv[4]}:
    problems.append(f"whole log: only live {sorted(live - after)}, only diagnose {sorted(after - live)}")
sys.exit("diagnose and Alertmanager differ:\n  " + "\n  ".join(problems) if problems else 0)' \
    "$E2E/diagnose-before-fixes.json" "$E2E/diagnose.json" "$K_NOAUTH"
  say "relaywatch diagnose on mail.log gives the verdicts that reached Alertmanager"
}

# relaywatch audit --live on the lab's configuration (issue 7): before the fixes it must name the
# relay restrictions that lack permit_sasl_authenticated; after them, none of the configuration
# causes of the scenarios may remain, and no proposal may widen mynetworks beyond the internal
# networks.
check_audit() { # before|after
  local when="$1" out="$E2E/audit-$1.json"
  "$RW" audit --live --config-dir "$CONF" --config "$SITE" --json >"$out" ||
    die "relaywatch audit --live failed ($when the fixes)"
  python3 - "$when" "$out" <<'PY' || die "relaywatch audit disagrees with the lab ($when the fixes)"
import json, sys
when, path = sys.argv[1], sys.argv[2]
found = {f["verdict"] for f in json.load(open(path))}
print(f"audit --live {when} the fixes:", ", ".join(sorted(found)) or "nothing")
causes = {"sasl_not_permitted_for_relay", "relay_restrictions_not_closed", "mynetworks_too_wide",
          "sasl_backend_unavailable"}
if when == "before" and "sasl_not_permitted_for_relay" not in found:
    sys.exit("expected sasl_not_permitted_for_relay before the fixes")
if when == "after" and found & causes:
    sys.exit(f"still found after the fixes: {sorted(found & causes)}")
PY
  say "relaywatch audit --live $when the fixes agrees with the lab"
}

# Issue 9, an actual open relay: mynetworks is widened to 127.0.0.0/8 while relaywatch's internal
# networks stay 127.0.0.0/27, so Postfix relays for 127.0.0.99, a stranger. relaywatch must raise
# server_is_open_relay with the queue id; its mynetworks proposal is applied as proposed; then the
# stranger is refused while an internal client still relays, and the alert resolves.
readonly OUTSIDER=127.0.0.99 K_OPEN="server_is_open_relay/127.0.0.99"

open_relay_mail() { # CLIENT
  session "$1" --port 25 --helo "host-${1//./-}.example.net" --from "someone@stranger.example" \
    --to victim@outside.example
}

check_open_relay() {
  postconf -c "$CONF" -e 'mynetworks = 127.0.0.0/8'
  reload_postfix
  # Before any mail: the audit already calls the configuration an open relay.
  "$RW" audit --live --config-dir "$CONF" --config "$SITE" --json >"$E2E/audit-open.json" || true
  python3 -c 'import json, sys; sys.exit(0 if any(f["verdict"] == "mynetworks_too_wide" for f in json.load(open(sys.argv[1]))) else 1)' \
    "$E2E/audit-open.json" || die "relaywatch audit did not flag mynetworks = 127.0.0.0/8"
  say "relaywatch audit --live flags mynetworks = 127.0.0.0/8 before any mail arrives"
  # The site settings say what mynetworks is today, as an admin keeps them; alerts re-reads them.
  sed -i 's#^  mynetworks: .*#  mynetworks: 127.0.0.0/8#' "$SITE"
  kill -TERM "$ALERTS_PID"
  wait_for 60 "relaywatch alerts to stop" process_gone "$ALERTS_PID"
  start_alerts
  wait_for 120 "relaywatch alerts to be healthy again" http_ok "http://127.0.0.1:$ALERTS_PORT/healthz"
  local accepted
  accepted=$(client_accepted "$OUTSIDER")
  open_relay_mail "$OUTSIDER"
  ((SWAKS_STATUS == 0 && $(client_accepted "$OUTSIDER") == accepted + 1)) ||
    die "$K_OPEN: the misconfigured Postfix did not relay for $OUTSIDER"
  local queue_id
  queue_id=$(grep -E ": client=[^ ]*\[${OUTSIDER//./\\.}\]" "$MAILLOG" | tail -n 1 |
    sed -E 's/.*: ([0-9A-Za-z]+): client=.*/\1/')
  wait_for 60 "message $queue_id to leave the queue" log_has "$queue_id: removed"
  mark "$K_OPEN"
  wait_for 90 "alert $K_OPEN in Alertmanager" am_listed "$K_OPEN"
  say "alert listed: $K_OPEN"
  am_query '
a = state[sys.argv[2]]
fix = a["annotations"].get("fix_postfix", "")
problems = [f"no {w!r} in fix_postfix" for w in ("mynetworks = 127.0.0.0/27", "postsuper -h " + sys.argv[3]) if w not in fix]
if a["labels"].get("severity") != "critical":
    problems.append("severity " + a["labels"].get("severity", "?"))
sys.exit("; ".join(problems) if problems else 0)' "$K_OPEN" "$queue_id" ||
    die "$K_OPEN: the alert lacks the narrowed mynetworks or the hold of $queue_id"
  apply_fix "$K_OPEN"
  local denied
  denied=$(client_denials "$OUTSIDER")
  open_relay_mail "$OUTSIDER"
  ((SWAKS_STATUS != 0 && $(client_denials "$OUTSIDER") == denied + 1)) ||
    die "$K_OPEN: $OUTSIDER still relays after the fix"
  expect_accepted "$K_OPEN" "$APP" app_mail internal@outside.example
  say "  $K_OPEN: $OUTSIDER refused, $APP still relays, mynetworks = $(postconf -c "$CONF" -h mynetworks)"
  check_audit after
  wait_for 180 "alert $K_OPEN to resolve" am_gone "$K_OPEN"
  say "alert resolved: $K_OPEN"
}

# Detection latency: from the scenario's decisive log line to the alert's first listing.
report_latency() {
  am_query '
marks = dict(line.split() for line in open(sys.argv[2]))
rows = sorted((state[k]["firstSeen"] - float(t), k) for k, t in marks.items())
for latency, key in rows:
    print(f"  latency {latency:6.2f} s  {key}")
values = sorted(r[0] for r in rows)
def rank(p):  # nearest rank
    return values[max(0, -(-len(values) * p // 100) - 1)]
print(f"latency over {len(values)} scenarios: p50 {rank(50):.2f} s, p95 {rank(95):.2f} s, max {values[-1]:.2f} s")' \
    "$E2E/marks" | tee "$E2E/latency.txt"
}

main() {
  mkdir -p "$WORK/e2e"
  python3 "$LIB/fix-plan.py" --self-test
  "$RW" kafka --help >/dev/null # builds the CLI first when it is missing or stale
  LAB_SUBMISSION_RELAY_OVERRIDE=no lab_start
  configure_lab
  say "mail lab up (Postfix $(postconf -d -h mail_version), Dovecot $(dovecot --version | cut -d' ' -f1))"
  start_alertmanager
  start_kafka
  write_site_config
  start_relaywatch
  say "relaywatch kafka, ship, streams, alerts and Alertmanager up ($BOOTSTRAP, $AM_URL)"
  run_failing_scenarios
  say "scenarios played; waiting for their alerts"
  await_alerts
  cp -- "$MAILLOG" "$E2E/mail-before-fixes.log"
  check_proposals
  check_audit before
  apply_server_fixes
  verify_fixes
  check_audit after
  say "fixes applied and verified; waiting for the alerts to resolve"
  await_resolutions
  check_diagnose
  check_open_relay
  report_latency
  say "end to end passed"
}

main
