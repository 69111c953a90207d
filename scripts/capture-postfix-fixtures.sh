#!/usr/bin/env bash
# Captures real Postfix (with Dovecot SASL) log lines as test fixtures for the relaywatch parser.
#
# Starts a throwaway Postfix instance (own config, queue and data directories under a temporary
# directory, logging through postlogd to its own mail.log, so no syslog daemon is needed) and a
# Dovecot that only serves SASL auth to it, drives SMTP scenarios with swaks from loopback aliases,
# then writes mail.log verbatim plus README.md and expected.yaml to the fixture folder. The system
# Postfix configuration is never read or written; everything is removed on exit. The instance
# itself is set up by scripts/lib/mail-lab.sh, shared with scripts/e2e-mailserver.sh.
#
# Needs root and the Debian packages postfix, dovecot-core, swaks, openssl, libnet-ssleay-perl (for
# swaks STARTTLS) and libio-socket-inet6-perl (for swaks over ::1). All traffic stays on
# 127.0.0.0/8 and ::1: when the kernel allows a private mount namespace, /etc/hosts and
# /etc/resolv.conf are replaced inside it so that even Postfix's reverse lookups cannot leave the
# host; otherwise Postfix's peer name lookup is switched off.
#
# Usage: sudo scripts/capture-postfix-fixtures.sh [OUTPUT_DIR]
#   KEEP_WORK=1 keeps the temporary directory (configs, swaks transcripts, dovecot.log) for debugging.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly OUT_DIR="${1:-$REPO_ROOT/streams/src/test/resources/fixtures/postfix-real}"
readonly SASL_USER=alice
readonly SASL_PASS='correct-horse-7'

LAB_NAME=capture-postfix-fixtures
# shellcheck source=scripts/lib/mail-lab.sh
source "$REPO_ROOT/scripts/lib/mail-lab.sh"
lab_require
lab_enter_private_namespace "$0" "$@"
lab_init

cleanup() {
  local status=$?
  lab_stop
  if [[ $status -ne 0 && -f $MAILLOG ]]; then
    echo "--- last lines of $MAILLOG ---" >&2
    tail -n 20 "$MAILLOG" >&2 || true
  fi
  if [[ -n ${KEEP_WORK:-} ]]; then
    echo "kept $WORK" >&2
  else
    rm -rf -- "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT

run_scenarios() {
  local helo=app01.example.test
  # 1. An internal application outside mynetworks, sending as the local domain: relay denied.
  session 127.0.0.5 --port 25 --helo "$helo" --from app@example.test --to x@outside.example
  # 2. A prober: foreign senders, several outside domains, two sessions.
  session 127.0.0.66 --port 25 --helo probe.example.net --from spoof@foreign.example \
    --to victim@outside.example,admin@outside2.example,test@outside3.example
  session 127.0.0.66 --port 25 --helo probe.example.net --from another@foreign2.example \
    --to info@outside4.example,root@outside5.example
  # 3. Submission without AUTH (after STARTTLS): relay denied by postfix/submission/smtpd.
  session 127.0.0.20 --port 587 -tls --helo client20.example.test --from app@example.test \
    --to x@outside.example
  # 3b. Submission without STARTTLS: MAIL is refused before any RCPT.
  session 127.0.0.21 --port 587 --helo client21.example.test --from app@example.test \
    --to x@outside.example
  # 4. Wrong password, PLAIN and LOGIN.
  session 127.0.0.30 --port 587 -tls --helo client30.example.test --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password wrong-password --from alice@example.test \
    --to friend@outside.example
  session 127.0.0.31 --port 587 -tls --helo client31.example.test --auth LOGIN \
    --auth-user "$SASL_USER" --auth-password wrong-password --from alice@example.test \
    --to friend@outside.example
  # 5. Successful AUTH and an accepted message.
  session 127.0.0.40 --port 587 -tls --helo laptop.example.test --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from alice@example.test \
    --to friend@outside.example
  # 6. Unknown local recipient.
  session 127.0.0.6 --port 25 --helo "$helo" --from someone@outside.example \
    --to nobody@example.test
  # 7. HELO rejections: not a valid name, not fully qualified.
  session 127.0.0.7 --port 25 --helo 'bad_helo!' --from someone@outside.example \
    --to app@example.test
  session 127.0.0.8 --port 25 --helo localhost --from someone@outside.example \
    --to app@example.test
  # 8. Sender rejections: non-FQDN sender, check_sender_access.
  session 127.0.0.10 --port 25 --helo mail.outside.example --from app --to app@example.test
  session 127.0.0.11 --port 25 --helo mail.bad.example --from spammer@bad.example \
    --to app@example.test
  # 9. warn_if_reject: logged as reject_warning, the mail goes through.
  session 127.0.0.9 --port 25 --helo mail.watched.example --from someone@watched.example \
    --to app@example.test
  # 10. A client refused outright by check_client_access.
  session 127.0.0.13 --port 25 --helo mail.blocked.example --from someone@blocked.example \
    --to app@example.test
  # 11. Accepted from mynetworks to a local user, for contrast.
  session 127.0.0.1 --port 25 --helo localhost --from root@example.test --to app@example.test
  # 12. postscreen on port 2525: a client on its access list is refused by postscreen itself.
  smtp --local-interface 127.0.0.70 --port 2525 --helo mail.listed.example \
    --from someone@listed.example --to app@example.test
  wait_for 20 "postscreen's disconnect of 127.0.0.70" log_has 'DISCONNECT [127.0.0.70]'
  # 13. IPv6 loopback (outside mynetworks): relay denied.
  if [[ $PROTOCOLS == all ]] && grep -q '^=== IPv6 supported' <<<"$SWAKS_SUPPORT"; then
    SERVER=::1 session ::1 --port 25 --helo "$helo" --from app@example.test \
      --to x6@outside.example
  fi
  wait_for 30 "queued mail to be delivered" log_count_at_least ': removed' 3
  # 14. Last, because smtpd dies without its SASL backend and master throttles the service.
  stop_dovecot
  rm -f -- "$SPOOL/private/auth"
  # Running smtpd processes keep their auth connection; new ones must find the socket gone.
  postfix -c "$CONF" reload >/dev/null 2>&1
  wait_for 20 "Postfix to reload" log_has 'reload -- version'
  smtp --local-interface 127.0.0.50 --port 587 -tls --helo client50.example.test --auth PLAIN \
    --auth-user "$SASL_USER" --auth-password "$SASL_PASS" --from alice@example.test \
    --to friend@outside.example
  wait_for 30 "the SASL backend failure" log_has 'SASL: Connect to'
  # master's report of the dead smtpd follows; its wording varies between versions.
  soft_wait 5 log_has 'throttling'
}

versions() {
  POSTFIX_VERSION="$(postconf -d -h mail_version)"
  DOVECOT_VERSION="$(dovecot --version)"
  SWAKS_VERSION="$(swaks --version 2>&1 | head -n 1)"
}

write_fixtures() {
  mkdir -p "$OUT_DIR"
  cp -- "$MAILLOG" "$OUT_DIR/mail.log"
  local reference
  reference="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  write_expected "$reference" >"$OUT_DIR/expected.yaml"
  write_readme "$reference" >"$OUT_DIR/README.md"
}

# The events the parser must produce. Substrings avoid client host names, pids and queue ids, which
# differ between runs and between hosts with and without the private hosts file.
write_expected() {
  cat <<EOF
# Generated by scripts/capture-postfix-fixtures.sh together with mail.log; regenerate, do not edit.
# Every 'line' is a substring; under 'events' it must match exactly one line of mail.log, under
# 'ignored' at least one, and every line it matches must be ignored by the parser. 'expect' lists
# JSON fields of the event (a subset; nested objects are subsets too); 'common' is merged into every
# 'expect'. Each event's timestamp is checked against its header read in 'zone', in the year of
# 'reference'.
reference: "$1"
zone: UTC
common: {mta: postfix, instance: postfix, host: mx}
events:
  - scenario: relay-denied-port25
    line: "[127.0.0.5]: 554 5.7.1 <x@outside.example>: Relay access denied"
    expect: {type: reject, action: reject, reason: relay_denied, service: smtpd,
             program: postfix/smtpd, stage: RCPT, clientIp: 127.0.0.5, smtpCode: 554,
             enhancedCode: 5.7.1, sender: app@example.test, recipient: x@outside.example,
             recipientDomain: outside.example, helo: app01.example.test, proto: ESMTP}
  - scenario: relay-denied-port25
    line: "[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"
    expect: {type: session_end, service: smtpd, clientIp: 127.0.0.5,
             commands: {ehlo: {ok: 1, total: 1}, mail: {ok: 1, total: 1},
                        rcpt: {ok: 0, total: 1}, quit: {ok: 1, total: 1}}}
  - scenario: prober
    line: "[127.0.0.66]: 554 5.7.1 <victim@outside.example>: Relay access denied"
    expect: {type: reject, action: reject, reason: relay_denied, service: smtpd,
             clientIp: 127.0.0.66, sender: spoof@foreign.example,
             recipient: victim@outside.example, recipientDomain: outside.example}
  - scenario: prober
    line: "[127.0.0.66]: 554 5.7.1 <admin@outside2.example>: Relay access denied"
    expect: {type: reject, reason: relay_denied, clientIp: 127.0.0.66,
             recipientDomain: outside2.example}
  - scenario: prober
    line: "[127.0.0.66]: 554 5.7.1 <test@outside3.example>: Relay access denied"
    expect: {type: reject, reason: relay_denied, clientIp: 127.0.0.66,
             recipientDomain: outside3.example}
  - scenario: prober
    line: "[127.0.0.66] ehlo=1 mail=1 rcpt=0/3"
    expect: {type: session_end, clientIp: 127.0.0.66, commands: {rcpt: {ok: 0, total: 3}}}
  - scenario: prober
    line: "[127.0.0.66]: 554 5.7.1 <root@outside5.example>: Relay access denied"
    expect: {type: reject, reason: relay_denied, clientIp: 127.0.0.66,
             sender: another@foreign2.example, recipientDomain: outside5.example}
  - scenario: submission-no-auth
    line: "[127.0.0.20]: 554 5.7.1 <x@outside.example>: Relay access denied"
    expect: {type: reject, action: reject, reason: relay_denied, service: submission,
             program: postfix/submission/smtpd, stage: RCPT, clientIp: 127.0.0.20,
             smtpCode: 554, helo: client20.example.test}
  - scenario: submission-no-auth
    line: "[127.0.0.20] ehlo=2 starttls=1 mail=1 rcpt=0/1"
    expect: {type: session_end, service: submission, clientIp: 127.0.0.20,
             commands: {ehlo: {ok: 2, total: 2}, starttls: {ok: 1, total: 1},
                        rcpt: {ok: 0, total: 1}}}
  - scenario: submission-no-starttls
    line: "[127.0.0.21] ehlo=1 mail=0/1 quit=1"
    expect: {type: session_end, service: submission, clientIp: 127.0.0.21,
             commands: {mail: {ok: 0, total: 1}}}
  - scenario: sasl-wrong-password
    line: "[127.0.0.30]: SASL PLAIN authentication failed"
    expect: {type: sasl_auth_failed, service: submission, program: postfix/submission/smtpd,
             clientIp: 127.0.0.30, saslMethod: PLAIN, saslUsername: alice}
  - scenario: sasl-wrong-password
    line: "[127.0.0.30] ehlo=2 starttls=1 auth=0/1"
    expect: {type: session_end, service: submission, clientIp: 127.0.0.30,
             commands: {auth: {ok: 0, total: 1}}}
  - scenario: sasl-wrong-password
    line: "[127.0.0.31]: SASL LOGIN authentication failed"
    expect: {type: sasl_auth_failed, service: submission, clientIp: 127.0.0.31,
             saslMethod: LOGIN, saslUsername: alice}
  - scenario: sasl-login
    line: "[127.0.0.40], sasl_method=PLAIN, sasl_username=alice"
    expect: {type: sasl_login, service: submission, program: postfix/submission/smtpd,
             clientIp: 127.0.0.40, saslMethod: PLAIN, saslUsername: alice}
  - scenario: sasl-login
    line: "[127.0.0.40] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8"
    expect: {type: session_end, service: submission, clientIp: 127.0.0.40,
             commands: {auth: {ok: 1, total: 1}, data: {ok: 1, total: 1}}}
  - scenario: unknown-recipient
    line: "[127.0.0.6]: 550 5.1.1 <nobody@example.test>: Recipient address rejected"
    expect: {type: reject, action: reject, reason: unknown_recipient, service: smtpd,
             stage: RCPT, clientIp: 127.0.0.6, smtpCode: 550, enhancedCode: 5.1.1,
             recipient: nobody@example.test, recipientDomain: example.test}
  - scenario: helo-invalid
    line: "[127.0.0.7]: 501 5.5.2 <bad_helo!>: Helo command rejected"
    expect: {type: reject, action: reject, reason: helo_rejected, clientIp: 127.0.0.7,
             smtpCode: 501, helo: "bad_helo!"}
  - scenario: helo-not-fqdn
    line: "[127.0.0.8]: 504 5.5.2 <localhost>: Helo command rejected"
    expect: {type: reject, action: reject, reason: helo_rejected, clientIp: 127.0.0.8,
             smtpCode: 504, helo: localhost}
  - scenario: sender-not-fqdn
    line: "[127.0.0.10]: 504 5.5.2 <app>: Sender address rejected"
    expect: {type: reject, action: reject, reason: sender_rejected, clientIp: 127.0.0.10,
             sender: app}
  - scenario: sender-access-map
    line: "[127.0.0.11]: 554 5.7.1 <spammer@bad.example>: Sender address rejected"
    expect: {type: reject, action: reject, reason: sender_rejected, clientIp: 127.0.0.11,
             sender: spammer@bad.example}
  - scenario: warn-if-reject
    line: "NOQUEUE: reject_warning: RCPT from"
    expect: {type: reject, action: reject_warning, reason: client_rejected, service: smtpd,
             stage: RCPT, clientIp: 127.0.0.9, smtpCode: 554}
  - scenario: client-access-map
    line: "[127.0.0.13]: 554 5.7.1 <unknown[127.0.0.13]>: Client host rejected"
    expect: {type: reject, action: reject, reason: client_rejected, clientIp: 127.0.0.13}
  - scenario: accepted-from-mynetworks
    line: "[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"
    expect: {type: session_end, clientIp: 127.0.0.1,
             commands: {rcpt: {ok: 1, total: 1}, data: {ok: 1, total: 1}}}
  - scenario: postscreen-access-list
    line: "RCPT from [127.0.0.70]:"
    expect: {type: reject, action: reject, reason: client_rejected, service: postscreen,
             program: postfix/postscreen, stage: RCPT, clientIp: 127.0.0.70, smtpCode: 550,
             enhancedCode: 5.3.2, sender: someone@listed.example, recipient: app@example.test,
             helo: mail.listed.example, proto: ESMTP}
EOF
  if log_has '[::1]: 554 5.7.1'; then
    cat <<'EOF'
  - scenario: relay-denied-ipv6
    line: "[::1]: 554 5.7.1 <x6@outside.example>: Relay access denied"
    expect: {type: reject, action: reject, reason: relay_denied, service: smtpd,
             clientIp: "::1", recipientDomain: outside.example}
EOF
  fi
  # Without reverse lookups even 127.0.0.1 is "unknown".
  local name_of_127_0_0_1=localhost
  [[ $PEERNAME_LOOKUP == yes ]] || name_of_127_0_0_1=unknown
  cat <<EOF
  - scenario: sasl-backend-down
    line: "SASL: Connect to Dovecot auth socket 'private/auth' failed"
    expect: {type: sasl_backend_unavailable, service: submission,
             program: postfix/submission/smtpd}
  - scenario: sasl-backend-down
    line: "fatal: no SASL authentication mechanisms"
    expect: {type: sasl_backend_unavailable, service: submission}
  - scenario: accepted-from-mynetworks
    line: "client=$name_of_127_0_0_1[127.0.0.1]"
    expect: {type: message_received, service: smtpd, clientIp: 127.0.0.1}
  - scenario: warn-if-reject
    line: "client=unknown[127.0.0.9]"
    expect: {type: message_received, service: smtpd, clientIp: 127.0.0.9}
  - scenario: sasl-login
    line: "from=<alice@example.test>, size="
    expect: {type: message_queued, program: postfix/qmgr, sender: alice@example.test}
  - scenario: sasl-login
    line: "to=<friend@outside.example>, relay=none"
    expect: {type: message_delivery, program: postfix/discard, message: sent,
             recipientDomain: outside.example, enhancedCode: 2.0.0}
ignored:
  - {scenario: any, line: "Anonymous TLS connection established from"}
  - {scenario: any, line: ": connect from"}
  - {scenario: any, line: "postfix/cleanup["}
  - {scenario: any, line: "postfix/anvil["}
  - {scenario: any, line: "postfix/postfix-script["}
  - {scenario: postscreen-access-list, line: "CONNECT from [127.0.0.70]"}
  - {scenario: postscreen-access-list, line: "DISCONNECT [127.0.0.70]"}
  - {scenario: postscreen-access-list, line: "full cleanup: retained="}
  - {scenario: any, line: ": daemon started -- version"}
  - {scenario: any, line: ": reload -- version"}
EOF
}

write_readme() {
  local reference=$1 ipv6=no maillog_params
  if log_has '[::1]'; then ipv6=yes; fi
  maillog_params="$(postconf -d | grep '^maillog_' | sed 's/^/    /')"
  cat <<EOF
# Real Postfix log lines

\`mail.log\` was written by a real Postfix, byte for byte as its \`postlogd\` wrote it
(\`maillog_file\`, no syslog daemon): nothing was edited, re-timed or anonymised. It is made by

    sudo scripts/capture-postfix-fixtures.sh

which starts a throwaway Postfix instance and a Dovecot serving only SASL auth under a temporary
directory, drives the scenarios below with swaks from loopback aliases, and writes this folder
(\`mail.log\`, \`expected.yaml\`, this README). Nothing leaves 127.0.0.0/8 and ::1. Run it again to
regenerate all three; \`RealPostfixFixtureTest\` checks the parser against \`expected.yaml\`.

| What | Value |
|---|---|
| Captured | $reference |
| Postfix | $POSTFIX_VERSION (\`postconf -d mail_version\`, Debian package) |
| Dovecot | $DOVECOT_VERSION (\`dovecot --version\`) |
| swaks | $SWAKS_VERSION |
| smtpd_peername_lookup | $PEERNAME_LOOKUP (yes only inside a private mount namespace with its own /etc/hosts) |
| IPv6 (::1) case | $ipv6 |

## Timestamps

Postfix's \`maillog_file\` lines have an RFC 3164 header, \`Mmm dd HH:MM:SS host program[pid]: text\`:
day padded with a space, no year, no zone, no fraction of a second; \`host\` is the first label of
\`myhostname\` (\`mx\`). This Postfix has no setting for another format (\`postconf -d | grep maillog\`):

$maillog_params

The instance ran with \`TZ=UTC\`, so read the fixture in zone UTC with a reference time in the
capture year (\`expected.yaml\` gives both).

## Scenarios

Each client uses its own loopback address, so each scenario's lines are easy to find.
\`mynetworks\` is \`127.0.0.1/32\` only, so every other 127.0.0.x is an outside client. All
transports are \`discard:\`: accepted mail goes nowhere.

| Client | Port | Scenario | Lines it produces |
|---|---|---|---|
| 127.0.0.5 | 25 | relay-denied-port25: an internal app outside mynetworks, sender app@example.test, outside recipient | \`NOQUEUE: reject: RCPT ... 554 5.7.1 ... Relay access denied\`, \`disconnect ... rcpt=0/1\` |
| 127.0.0.66 | 25 | prober: two sessions, foreign senders, five outside domains | five relay denials, two disconnects |
| 127.0.0.20 | 587 | submission-no-auth: STARTTLS, no AUTH, outside recipient | relay denial from \`postfix/submission/smtpd\` |
| 127.0.0.21 | 587 | submission-no-starttls: MAIL before STARTTLS (refused, but not logged as a reject) | \`disconnect ... mail=0/1\` |
| 127.0.0.30 | 587 | sasl-wrong-password, PLAIN | \`warning: ...: SASL PLAIN authentication failed: ...\`, \`auth=0/1\` |
| 127.0.0.31 | 587 | sasl-wrong-password, LOGIN | \`SASL LOGIN authentication failed\` |
| 127.0.0.40 | 587 | sasl-login: right password, message accepted | \`client=..., sasl_method=PLAIN, sasl_username=alice\` |
| 127.0.0.6 | 25 | unknown-recipient | \`550 5.1.1 ... User unknown in local recipient table\` |
| 127.0.0.7 | 25 | helo-invalid (\`reject_invalid_helo_hostname\`) | \`501 5.5.2 <bad_helo!>: Helo command rejected: Invalid name\` |
| 127.0.0.8 | 25 | helo-not-fqdn (\`reject_non_fqdn_helo_hostname\`) | \`504 5.5.2 <localhost>: Helo command rejected\` |
| 127.0.0.10 | 25 | sender-not-fqdn (\`reject_non_fqdn_sender\`) | \`504 5.5.2 <app>: Sender address rejected\` |
| 127.0.0.11 | 25 | sender-access-map (\`check_sender_access\`) | \`554 5.7.1 <spammer@bad.example>: Sender address rejected\` |
| 127.0.0.9 | 25 | warn-if-reject (\`warn_if_reject check_client_access\`): the mail is still accepted | \`NOQUEUE: reject_warning: RCPT ...\` |
| 127.0.0.13 | 25 | client-access-map (\`check_client_access\`) | \`554 5.7.1 ... Client host rejected\` |
| 127.0.0.1 | 25 | accepted-from-mynetworks: an ordinary delivery, for contrast | \`client=localhost[127.0.0.1]\` (no SASL), cleanup, qmgr, discard |
| 127.0.0.70 | 2525 | postscreen-access-list: postscreen (\`postscreen_access_list\` cidr \`reject\`, \`postscreen_blacklist_action = enforce\`) | \`CONNECT from\`, \`DENYLISTED\`, \`NOQUEUE: reject: RCPT from [127.0.0.70]:port: 550 5.3.2 Service currently unavailable; from=<..>, to=<..>, proto=ESMTP, helo=<..>\`, \`DISCONNECT\` |
| ::1 | 25 | relay-denied-ipv6 (when the host has ::1) | relay denial from \`[::1]\` |
| 127.0.0.50 | 587 | sasl-backend-down: Dovecot stopped, its socket removed, Postfix reloaded, then AUTH | \`warning: SASL: Connect to Dovecot auth socket 'private/auth' failed\`, \`fatal: no SASL authentication mechanisms\`, master's \`exit status 1\` and \`throttling\` warnings |

Dovecot's own log is not part of the fixture (it has no syslog header when written to a file).

EOF
  if [[ $PEERNAME_LOOKUP == yes ]]; then
    echo "Reverse lookups saw only a private hosts file naming 127.0.0.1 (localhost), 127.0.0.5 and"
    echo "127.0.0.40; other clients are \`unknown[ip]\`, as on a server whose clients lack reverse DNS."
  else
    echo "No mount namespace was available to hide the system resolver, so reverse lookups were off"
    echo "(\`smtpd_peername_lookup = no\`) and every client is \`unknown[ip]\`."
  fi
}

main() {
  lab_start
  local started=$SECONDS
  run_scenarios
  stop_postfix
  versions
  export POSTFIX_VERSION DOVECOT_VERSION SWAKS_VERSION PROTOCOLS PEERNAME_LOOKUP
  write_fixtures
  echo "wrote $OUT_DIR ($(wc -l <"$OUT_DIR/mail.log") lines; scenarios took $((SECONDS - started))s)"
}

main
