#!/usr/bin/env python3
"""Turns the server fix an alert carries into a plan of safe actions for the mail lab.

Usage: fix-plan.py STATE_FILE KEY CONFDIR
       fix-plan.py --self-test    (hostile proposals are refused, genuine ones planned)

Reads the alert KEY ("verdict/subject") from the am-watch.py STATE_FILE and its fix_postfix (and
fix_dovecot) annotations, exactly as Alertmanager holds them. Each line is split into words with
shlex (never handed to a shell) and must be one of a few known shapes with the arguments the
verdict may propose; anything else is refused and nothing is printed (exit status 3). The plan
goes to standard output, one action a line, the argument (if any) after a tab:

  postconf-e <TAB> name = value     run as: postconf -c CONFDIR -e 'name = value'
  postfix-check / postfix-reload    run as: postfix -c CONFDIR check / reload
  dovecot-restart                   restart the lab's Dovecot
  postsuper-hold <TAB> queue id     run as: postsuper -c CONFDIR -h ID

The placeholder CURRENT is replaced by the parameter's current value (postconf -c CONFDIR -h), as
the fix tells a person to do. Attacker-controlled log text never reaches a proposal (the engine
builds commands from validated values only); this check makes sure of it a second time, since an
end-to-end suite that executes what an alert says must not trust it.
"""
import ipaddress
import json
import re
import shlex
import subprocess
import sys

VALUE = re.compile(r"[A-Za-z0-9_.:/\[\], -]*")
ASSIGNMENT = re.compile(r"([a-z_]+) = (.*)")
RESTRICTIONS = {"permit_mynetworks", "permit_sasl_authenticated", "reject_unauth_destination",
                "defer_unauth_destination"}
DOMAIN_LISTS = {"relay_domains", "virtual_mailbox_domains", "mydestination"}
PARAMETER_NAME = re.compile(r"[a-z_]+")
QUEUE_ID = re.compile(r"[0-9A-Za-z]{6,}")
# The suite's networks.internal (scripts/e2e-mailserver.sh, write_site_config).
INTERNAL = [ipaddress.ip_network("127.0.0.0/27"), ipaddress.ip_network("::1/128")]


def network(entry):
    text = entry.replace("[", "").replace("]", "")
    return ipaddress.ip_network(text, strict=False)


def narrowed_mynetworks(value, confdir):
    """An open-relay fix may only keep internal networks no wider than /24 (/64) that the
    current value already covered: it narrows, never widens."""
    have = [network(e) for e in current(confdir, "mynetworks").split()]
    for entry in value.split():
        try:
            net = network(entry)
        except ValueError as e:
            raise Refused(f"mynetworks entry {entry!r} is not a network") from e
        widest = 24 if net.version == 4 else 64
        if net.prefixlen < widest:
            raise Refused(f"mynetworks entry {entry} is wider than /{widest}")
        if not any(net.version == i.version and net.subnet_of(i) for i in INTERNAL):
            raise Refused(f"mynetworks entry {entry} is outside the internal networks")
        if not any(net.version == h.version and net.subnet_of(h) for h in have):
            raise Refused(f"mynetworks entry {entry} was not covered before: not a narrowing")
    return value


class Refused(Exception):
    pass


def current(confdir, name):
    out = subprocess.run(["postconf", "-c", confdir, "-x", "-h", name], check=True,
                         capture_output=True, text=True).stdout.strip()
    if not VALUE.fullmatch(out):
        raise Refused(f"current value of {name} has unexpected characters: {out!r}")
    return out


def single_host(subject):
    address = ipaddress.ip_address(subject)
    return f"{address}/32" if address.version == 4 else f"[{address}]/128"


def check_assignment(verdict, subject, name, value, confdir):
    """The value to set, or Refused when this verdict may not propose it."""
    if not VALUE.fullmatch(value):
        raise Refused(f"{name}: value {value!r} has characters outside {VALUE.pattern}")
    if verdict == "trusted_sender_not_in_mynetworks" and name == "mynetworks":
        have, want = current(confdir, name).split(), value.split()
        if want != have + [single_host(subject)]:
            raise Refused(f"mynetworks {value!r} is not {have} plus the single host {subject}")
        return value
    if verdict == "server_is_open_relay" and name == "mynetworks":
        return narrowed_mynetworks(value, confdir)
    if verdict == "sasl_not_permitted_for_relay" and name == "smtpd_relay_restrictions":
        words = [w.strip() for w in value.split(",")]
        if not set(words) <= RESTRICTIONS or "permit_sasl_authenticated" not in words \
                or words[-1] not in ("reject_unauth_destination", "defer_unauth_destination"):
            raise Refused(f"smtpd_relay_restrictions {value!r}")
        return value
    if verdict == "sasl_backend_unavailable":
        allowed = {"smtpd_sasl_type": "dovecot", "smtpd_sasl_path": "private/auth"}
        if allowed.get(name) != value:
            raise Refused(f"{name} = {value!r}")
        return value
    if verdict == "domain_not_accepted" and name in DOMAIN_LISTS:
        if value.split() != ["CURRENT", subject]:
            raise Refused(f"{name} = {value!r} is not CURRENT plus {subject}")
        return (current(confdir, name) + " " + subject).strip()
    raise Refused(f"{verdict} may not set {name}")


def plan_command(words, verdict, subject, confdir):
    if words[:2] == ["postconf", "-e"] and len(words) > 2:
        plan = []
        for word in words[2:]:
            m = ASSIGNMENT.fullmatch(word)
            if not m:
                raise Refused(f"not a 'name = value' assignment: {word!r}")
            value = check_assignment(verdict, subject, m.group(1), m.group(2), confdir)
            plan.append(("postconf-e", f"{m.group(1)} = {value}"))
        return plan
    if words == ["postfix", "check"]:
        return [("postfix-check", "")]
    if words == ["postfix", "reload"]:
        return [("postfix-reload", "")]
    if words == ["systemctl", "restart", "dovecot"] and verdict == "sasl_backend_unavailable":
        return [("dovecot-restart", "")]
    # A read-only look at the current values (the domain fix starts with one): nothing to apply.
    if words[:2] in (["postconf", "-n"], ["postconf", "-h"]) and all(
            PARAMETER_NAME.fullmatch(w) for w in words[2:]):
        return []
    if verdict == "server_is_open_relay" and words[:2] == ["postsuper", "-h"] and len(words) == 3:
        if not QUEUE_ID.fullmatch(words[2]):
            raise Refused(f"not a queue id: {words[2]!r}")
        return [("postsuper-hold", words[2])]
    raise Refused(f"not an allowed command: {words!r}")


def plan_line(line, verdict, subject, confdir):
    try:
        words = shlex.split(line, comments=True)
    except ValueError as e:
        raise Refused(f"cannot split {line!r}: {e}") from e
    if not words:
        return []  # a comment: what the fix explains to a person
    plan, command = [], []
    for word in words + ["&&"]:
        if word != "&&":
            command.append(word)
            continue
        if not command:
            raise Refused(f"empty command in {line!r}")
        plan += plan_command(command, verdict, subject, confdir)
        command = []
    return plan


def check_dovecot_block(block):
    wanted = [r"service auth \{", r"unix_listener \S*/private/auth \{", r"mode = 0660",
              r"user = postfix", r"group = postfix"]
    for pattern in wanted:
        if not re.search(pattern, block or ""):
            raise Refused(f"fix_dovecot lacks {pattern!r}: {block!r}")


def plan_alert(alert, confdir):
    verdict, subject = alert["labels"]["alertname"], alert["labels"]["subject"]
    annotations = alert["annotations"]
    if verdict == "sasl_backend_unavailable":
        check_dovecot_block(annotations.get("fix_dovecot"))
    plan = []
    for line in annotations.get("fix_postfix", "").splitlines():
        if line.strip():
            plan += plan_line(line, verdict, subject, confdir)
    if not any(action == "postfix-reload" for action, _ in plan):
        raise Refused("the fix never reloads Postfix")
    return plan


GENUINE = [
    ("trusted_sender_not_in_mynetworks", "127.0.0.5",
     "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32'\npostfix check && postfix reload"),
    ("sasl_not_permitted_for_relay", "127.0.0.45",
     "postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated,"
     " defer_unauth_destination'\npostfix check && postfix reload"),
    ("domain_not_accepted", "newdomain.example",
     "postconf -n mydestination relay_domains\npostconf -e 'relay_domains = CURRENT"
     " newdomain.example'\npostfix check && postfix reload"),
    ("server_is_open_relay", "127.0.0.99",
     "postconf -h smtpd_relay_restrictions   # must end in reject_unauth_destination\n"
     "# mynetworks lets 127.0.0.99 in through: 127.0.0.0/8\n"
     "postconf -e 'mynetworks = 127.0.0.0/27'\npostfix check && postfix reload\n"
     "# emergency: hold exactly these messages\npostsuper -h 4F2A31C2B"),
]
HOSTILE = [
    ("trusted_sender_not_in_mynetworks", "127.0.0.5", line) for line in [
        "postconf -e 'mynetworks = 0.0.0.0/0'",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.0/8'",
        "postconf -e 'mynetworks = 127.0.0.5/32'",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32'; touch /tmp/pwned",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32' && touch /tmp/pwned",
        "postconf -e \"mynetworks = 127.0.0.1/32 $(touch /tmp/pwned)\"",
        "postconf -e 'mynetworks = 127.0.0.1/32 `touch /tmp/pwned`'",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32' 'smtpd_relay_restrictions = permit'",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32\nx = y'",
        "postconf -c /etc/postfix -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32'",
        "postfix reload | sh",
        "postfix check > /etc/passwd",
        "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.5/32",
    ]
] + [
    ("open_relay_probe", "127.0.0.66", "postconf -e 'mynetworks = 127.0.0.1/32 127.0.0.66/32'"
     "\npostfix reload"),
    ("open_relay_probe", "127.0.0.66", "echo '127.0.0.66/32 reject' >> /etc/postfix/x.cidr"),
    ("sasl_not_permitted_for_relay", "127.0.0.45",
     "postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit'\npostfix reload"),
    ("domain_not_accepted", "newdomain.example",
     "postconf -e 'relay_domains = CURRENT evil.example'\npostfix reload"),
    ("domain_not_accepted", "newdomain.example",
     "postconf -e 'mynetworks = CURRENT newdomain.example'\npostfix reload"),
    ("sasl_backend_unavailable", "mx", "systemctl restart dovecot\npostfix reload"),
    ("server_is_open_relay", "127.0.0.99", "postconf -e 'mynetworks = 127.0.0.0/24'\npostfix reload"),
    ("server_is_open_relay", "127.0.0.99", "postconf -e 'mynetworks = 10.0.0.1/32'\npostfix reload"),
    ("server_is_open_relay", "127.0.0.99", "postsuper -d ALL\npostfix reload"),
    ("server_is_open_relay", "127.0.0.99", "postsuper -h '4F2A;rm'\npostfix reload"),
    ("trusted_sender_not_in_mynetworks", "127.0.0.5", "systemctl restart dovecot\npostfix reload"),
]


def self_test():
    import tempfile
    failures = []
    with tempfile.TemporaryDirectory() as confdir:
        with open(confdir + "/main.cf", "w", encoding="utf-8") as main_cf:
            main_cf.write("compatibility_level = 3.6\nmynetworks = 127.0.0.1/32\n")
        open_relay_conf = tempfile.mkdtemp(dir=confdir)
        with open(open_relay_conf + "/main.cf", "w", encoding="utf-8") as main_cf:
            main_cf.write("compatibility_level = 3.6\nmynetworks = 127.0.0.0/8\n")
        for verdict, subject, text in GENUINE + HOSTILE:
            alert = {"labels": {"alertname": verdict, "subject": subject},
                     "annotations": {"fix_postfix": text}}
            try:
                plan_alert(alert, open_relay_conf if verdict == "server_is_open_relay" else confdir)
                refused = False
            except Refused:
                refused = True
            if refused != ((verdict, subject, text) in HOSTILE):
                failures.append(f"{'refused' if refused else 'planned'}: {verdict} {text!r}")
    if failures:
        sys.exit("fix-plan self-test failed:\n  " + "\n  ".join(failures))
    print(f"fix-plan self-test: {len(GENUINE)} genuine fixes planned, {len(HOSTILE)} hostile refused")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    state_file, key, confdir = sys.argv[1:4]
    alert = json.load(open(state_file, encoding="utf-8"))[key]
    try:
        plan = plan_alert(alert, confdir)
    except Refused as e:
        print(f"fix-plan: refused the fix of {key}: {e}", file=sys.stderr)
        sys.exit(3)
    for action, argument in plan:
        print(f"{action}\t{argument}")


if __name__ == "__main__":
    main()
