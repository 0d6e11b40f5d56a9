"""A real SMS gateway: Kannel's bearerbox and smsbox (Debian's `kannel`), with the fake SMSC
of `kannel-extras` standing in for the mobile network.

The notification service sends through smsbox's HTTP sendsms interface, exactly as it would to
a production Kannel; bearerbox routes each message to the fake SMSC, which logs every message
it receives (sender, receiver, coding, user data header and text, URL-encoded) to
`<state>/sms/received.log`. That log is the handset the end-to-end tests read.
"""

import shutil
from pathlib import Path

from ombud_stack.config import StackConfig

# Debian installs the boxes in /usr/sbin, which is not on every user's PATH.
_SBIN = "/usr/sbin"
FAKESMSC = Path("/usr/lib/kannel/test/fakesmsc")


def binary(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path=_SBIN)


def installed() -> bool:
    return bool(binary("bearerbox") and binary("smsbox") and FAKESMSC.exists())


def configuration(config: StackConfig) -> str:
    sms_dir = config.sms_dir
    return f"""\
group = core
admin-port = {config.kannel_admin_port}
admin-password = "{config.kannel_password}"
smsbox-port = {config.kannel_smsbox_port}
box-allow-ip = "127.0.0.1"
admin-allow-ip = "127.0.0.1"
log-file = "{config.log_dir / "kannel-bearerbox.log"}"
log-level = 1
access-log = "{sms_dir / "access.log"}"
store-type = spool
store-location = "{sms_dir / "spool"}"

group = smsc
smsc = fake
smsc-id = fake
port = {config.kannel_smsc_port}
connect-allow-ip = "127.0.0.1"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {config.kannel_smsbox_port}
sendsms-port = {config.kannel_sendsms_port}
log-file = "{config.log_dir / "kannel-smsbox.log"}"
log-level = 1

group = sendsms-user
username = "{config.kannel_username}"
password = "{config.kannel_password}"
max-messages = 10
concatenation = true
"""


def commands(config: StackConfig) -> dict[str, list[str]]:
    """bearerbox, the fake SMSC (connects to bearerbox, so starts second) and smsbox."""
    conf = config.sms_dir / "kannel.conf"
    config.sms_dir.mkdir(parents=True, exist_ok=True)
    (config.sms_dir / "spool").mkdir(exist_ok=True)
    conf.write_text(configuration(config))
    return {
        "kannel-bearerbox": [binary("bearerbox") or "bearerbox", "-v", "1", str(conf)],
        # -m 0: it sends nothing itself, only logs what reaches it.
        "kannel-fakesmsc": [
            str(FAKESMSC),
            "-H",
            "127.0.0.1",
            "-r",
            str(config.kannel_smsc_port),
            "-i",
            "0",
            "-m",
            "0",
            "x",
        ],
        "kannel-smsbox": [binary("smsbox") or "smsbox", "-v", "1", str(conf)],
    }
