# shellcheck shell=bash
# A throwaway Postfix (with Dovecot SASL) on loopback, for scripts that drive it with swaks.
#
# Sourced by scripts/capture-postfix-fixtures.sh and scripts/e2e-mailserver.sh. The instance has
# its own config, queue and data directories under a temporary directory and logs through postlogd
# to its own mail.log (maillog_file), so no syslog daemon is needed; Dovecot only serves SASL auth
# to it. The system Postfix configuration is never read or written.
#
# Needs root and the Debian packages in LAB_PACKAGES. All traffic stays on 127.0.0.0/8 and ::1:
# when the kernel allows a private mount namespace (lab_enter_private_namespace), /etc/hosts and
# /etc/resolv.conf are replaced inside it so that even Postfix's reverse lookups cannot leave the
# host; otherwise Postfix's peer name lookup is switched off.
#
# The caller sets LAB_NAME (its name, for messages) and may set SASL_USER / SASL_PASS; lab_init
# sets WORK, CONF, SPOOL, DATA, DOVE, MAILLOG and SWAKS_LOG; lab_start sets PROTOCOLS and
# PEERNAME_LOOKUP. Then: lab_start, scenarios with session / smtp, lab_stop (also safe in a trap).

readonly LAB_PACKAGES='postfix dovecot-core swaks openssl libnet-ssleay-perl libio-socket-inet6-perl'
: "${SASL_USER:=alice}" "${SASL_PASS:=correct-horse-7}"

die() {
  echo "${LAB_NAME:-mail-lab}: $*" >&2
  exit 2
}

# Root, the tools, and a swaks that can do STARTTLS (sets SWAKS_SUPPORT).
lab_require() {
  [[ $EUID -eq 0 ]] || die "must run as root (it starts Postfix and Dovecot)"
  local cmd
  for cmd in postfix postconf dovecot swaks openssl "$@"; do
    command -v "$cmd" >/dev/null ||
      die "'$cmd' not found; apt-get install -y --no-install-recommends $LAB_PACKAGES"
  done
  # Captured first: grep -q would close the pipe early and pipefail would report swaks's SIGPIPE.
  SWAKS_SUPPORT="$(swaks --support 2>&1 || true)"
  readonly SWAKS_SUPPORT
  grep -q '^=== TLS supported' <<<"$SWAKS_SUPPORT" ||
    die "swaks cannot do STARTTLS; apt-get install -y --no-install-recommends libnet-ssleay-perl"
}

# Re-runs the calling script (lab_enter_private_namespace "$0" "$@") inside a private mount
# namespace so that name lookups see only our hosts file. RW_CAPTURE_PARENT_NS holds the namespace
# we left, so the bind mounts of isolate_name_service are only ever made in a namespace that
# differs from it, never over the system's own files. Returns when no namespace can be made.
lab_enter_private_namespace() {
  if [[ -z ${RW_CAPTURE_PARENT_NS:-} ]] && unshare --mount --propagation private true 2>/dev/null; then
    RW_CAPTURE_PARENT_NS="$(readlink /proc/self/ns/mnt)" \
      exec unshare --mount --propagation private "$@"
  fi
}

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Makes the working directory; nothing is started yet.
lab_init() {
  local port
  for port in 25 587 2525; do
    ! port_busy "$port" || die "port $port on 127.0.0.1 is in use; stop the system Postfix first"
  done
  WORK="$(mktemp -d /var/tmp/relaywatch-postfix.XXXXXX)"
  readonly WORK
  readonly CONF="$WORK/etc" SPOOL="$WORK/spool" DATA="$WORK/lib" DOVE="$WORK/dovecot"
  readonly MAILLOG="$WORK/mail.log" SWAKS_LOG="$WORK/swaks.log"
  export TZ=UTC LC_ALL=C
}

# Writes the configuration and starts Postfix and Dovecot. LAB_SUBMISSION_RELAY_OVERRIDE=no leaves
# out master.cf's smtpd_relay_restrictions override for submission, so main.cf's value governs it.
lab_start() {
  PEERNAME_LOOKUP=no
  if isolate_name_service; then PEERNAME_LOOKUP=yes; fi
  PROTOCOLS=ipv4
  if ipv6_loopback; then PROTOCOLS=all; fi
  mkdir -p "$CONF" "$SPOOL" "$DATA"
  chmod 755 "$WORK"
  chown postfix:postfix "$DATA"
  make_tls_cert
  write_main_cf "$PEERNAME_LOOKUP" "$PROTOCOLS"
  write_master_cf "${LAB_SUBMISSION_RELAY_OVERRIDE:-yes}"
  write_dovecot_conf
  start_postfix
  start_dovecot
}

# Stops whatever runs; for traps, so it never fails.
lab_stop() {
  if postfix_running; then
    postfix -c "$CONF" stop >/dev/null 2>&1 || true
  fi
  stop_dovecot || true
}

# Polls a condition every 0.1 s until it holds or the deadline (seconds) passes.
wait_for() {
  local deadline=$1 what=$2
  shift 2
  local tries=$((deadline * 10))
  until "$@"; do
    ((tries-- > 0)) || die "timed out after ${deadline}s waiting for $what"
    sleep 0.1
  done
}

# Like wait_for, but going on when the deadline passes.
soft_wait() {
  local tries=$(($1 * 10))
  shift
  until "$@"; do
    ((tries-- > 0)) || return 0
    sleep 0.1
  done
}

log_has() {
  [[ -f $MAILLOG ]] && grep -qF -- "$1" "$MAILLOG"
}

log_count_at_least() {
  [[ -f $MAILLOG ]] && (($(grep -cF -- "$1" "$MAILLOG") >= $2))
}

ipv6_loopback() {
  grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 2>/dev/null
}

isolate_name_service() {
  local ns
  ns="$(readlink /proc/self/ns/mnt 2>/dev/null)" || return 1
  [[ -n ${RW_CAPTURE_PARENT_NS:-} && $ns != "$RW_CAPTURE_PARENT_NS" ]] || return 1
  cat >"$WORK/hosts" <<'EOF'
127.0.0.1 localhost
127.0.0.5 app01.example.test
127.0.0.40 laptop.example.test
::1 localhost ip6-localhost
EOF
  # No reachable name server: anything not in the hosts file resolves to nothing, locally.
  echo 'nameserver 127.0.0.1' >"$WORK/resolv.conf"
  mount --bind "$WORK/hosts" /etc/hosts
  mount --bind "$WORK/resolv.conf" /etc/resolv.conf
}

make_tls_cert() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=mx.example.test' \
    -keyout "$CONF/tls.key" -out "$CONF/tls.crt" 2>/dev/null
  chmod 600 "$CONF/tls.key"
}

write_main_cf() {
  local peername=$1 protocols=$2
  cat >"$CONF/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $SPOOL
data_directory = $DATA
maillog_file = $MAILLOG
maillog_file_prefixes = $WORK
myhostname = mx.example.test
mydomain = example.test
myorigin = \$mydomain
mydestination = example.test
mynetworks = 127.0.0.1/32
inet_interfaces = loopback-only
inet_protocols = $protocols
smtpd_peername_lookup = $peername
alias_maps =
alias_database =
local_recipient_maps = inline:{ app=ok, postmaster=ok }
local_transport = discard:
relay_transport = discard:
default_transport = discard:
biff = no
# Rejects would each be delayed by a second; the log lines are the same without the delay.
smtpd_error_sleep_time = 0
smtpd_helo_required = yes
smtpd_client_restrictions =
  check_client_access inline:{ {127.0.0.13 = REJECT Access denied by local policy} }
  warn_if_reject check_client_access inline:{ {127.0.0.9 = REJECT Listed on the local watch list} }
smtpd_helo_restrictions = permit_mynetworks, reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname
smtpd_sender_restrictions = reject_non_fqdn_sender,
  check_sender_access inline:{ {spammer@bad.example = REJECT Sender blocked by local policy} }
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtpd_tls_cert_file = $CONF/tls.crt
smtpd_tls_key_file = $CONF/tls.key
smtpd_tls_security_level = may
smtpd_tls_loglevel = 1
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = no
postscreen_access_list = permit_mynetworks, cidr:$CONF/postscreen_access.cidr
postscreen_blacklist_action = enforce
# A listed client still waits out the greeting delay before postscreen's own SMTP engine answers.
postscreen_greet_wait = 1s
EOF
  printf '127.0.0.70/32 reject\n' >"$CONF/postscreen_access.cidr"
}

# Like Debian's master.cf, but nothing chrooted (the instance lives outside /var/spool/postfix),
# with a submission service and postscreen on port 2525. With "$1" = no the submission service has
# no smtpd_relay_restrictions of its own.
write_master_cf() {
  local relay_override="  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject_unauth_destination"
  [[ ${1:-yes} == yes ]] || relay_override=""
  {
    cat <<'EOF'
smtp      inet  n       -       n       -       -       smtpd
submission inet n       -       n       -       -       smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=
  -o smtpd_helo_restrictions=
  -o smtpd_sender_restrictions=
EOF
    [[ -z $relay_override ]] || echo "$relay_override"
    cat <<'EOF'
2525      inet  n       -       n       -       1       postscreen
smtpd     pass  -       -       n       -       -       smtpd
dnsblog   unix  -       -       n       -       0       dnsblog
tlsproxy  unix  -       -       n       -       0       tlsproxy
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
  } >"$CONF/master.cf"
}

write_dovecot_conf() {
  mkdir -p "$DOVE/run" "$DOVE/state"
  printf '%s:{PLAIN}%s\n' "$SASL_USER" "$SASL_PASS" >"$DOVE/users"
  chown root:dovecot "$DOVE/users"
  chmod 640 "$DOVE/users"
  cat >"$DOVE/dovecot.conf" <<EOF
base_dir = $DOVE/run
state_dir = $DOVE/state
log_path = $DOVE/dovecot.log
protocols =
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $DOVE/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=/nonexistent
}
service auth {
  unix_listener $SPOOL/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
}

start_postfix() {
  postfix -c "$CONF" set-permissions >/dev/null 2>&1 || true
  postfix -c "$CONF" check
  postfix -c "$CONF" start >/dev/null
  wait_for 20 "Postfix to start" log_has 'daemon started'
}

postfix_running() {
  local pid
  pid="$(tr -d ' ' <"$SPOOL/pid/master.pid" 2>/dev/null)" || return 1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

postfix_stopped() {
  ! postfix_running
}

stop_postfix() {
  postfix -c "$CONF" stop >/dev/null
  wait_for 30 "Postfix to stop" postfix_stopped
}

start_dovecot() {
  dovecot -c "$DOVE/dovecot.conf"
  wait_for 20 "the Dovecot auth socket" test -S "$SPOOL/private/auth"
}

stop_dovecot() {
  local pid_file="$DOVE/run/master.pid"
  [[ -f $pid_file ]] || return 0
  local pid
  pid="$(<"$pid_file")"
  kill "$pid" 2>/dev/null || true
  wait_for 20 "Dovecot to stop" dovecot_gone "$pid"
  rm -f -- "$pid_file"
}

dovecot_gone() {
  ! kill -0 "$1" 2>/dev/null
}

# One SMTP session. swaks exits non-zero whenever the server refuses something, which is the point;
# its exit status is left in SWAKS_STATUS.
smtp() {
  echo "=== swaks $*" >>"$SWAKS_LOG"
  SWAKS_STATUS=0
  swaks --server "${SERVER:-127.0.0.1}" --hide-all --timeout 20 "$@" >>"$SWAKS_LOG" 2>&1 ||
    SWAKS_STATUS=$?
}

# Every session ends with a disconnect line; waiting for it keeps the log in scenario order.
session() {
  local client=$1
  shift
  local before
  before=$(grep -cF "disconnect from" "$MAILLOG" || true)
  smtp --local-interface "$client" "$@"
  wait_for 20 "the disconnect of $client" log_count_at_least "disconnect from" $((before + 1))
}
