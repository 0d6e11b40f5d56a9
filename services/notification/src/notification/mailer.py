"""Email over SMTP (aiosmtplib), with TLS, STARTTLS and authentication as configured."""

from email.message import EmailMessage
from email.utils import formatdate, parseaddr

import aiosmtplib

from notification.settings import NotificationSettings


class PermanentFailure(Exception):
    """The server refused for good (5xx): retrying would fail the same way."""


class TransientFailure(Exception):
    """The server is away or asked us to come back later (4xx, timeouts)."""


class SmtpMailer:
    def __init__(self, settings: NotificationSettings) -> None:
        self._settings = settings
        self._domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "ombud.example"

    def compose(
        self, *, notification_id: str, to: str, subject: str, text: str, language: str
    ) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._settings.mail_from
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        # Derived from the notification id: a resend after a crash is recognisably the same mail.
        message["Message-ID"] = f"<{notification_id}@{self._domain}>"
        message["Content-Language"] = language
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to this
        message["X-Auto-Response-Suppress"] = "All"
        message.set_content(text)
        return message

    async def send(self, message: EmailMessage) -> None:
        settings = self._settings
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
        try:
            await aiosmtplib.send(
                message,
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                username=settings.smtp_username,
                password=password,
                use_tls=settings.smtp_tls,
                start_tls=settings.smtp_starttls,
                timeout=settings.smtp_timeout_seconds,
            )
        except aiosmtplib.SMTPResponseException as error:
            if 500 <= error.code < 600:
                raise PermanentFailure(f"SMTP {error.code}") from error
            raise TransientFailure(f"SMTP {error.code}") from error
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            raise TransientFailure(type(error).__name__) from error
