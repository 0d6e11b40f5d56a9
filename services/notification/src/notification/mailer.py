"""Email over SMTP (aiosmtplib), with TLS, STARTTLS and authentication as configured."""

from email.message import EmailMessage
from email.utils import formatdate, parseaddr

import aiosmtplib

from notification.failures import PermanentFailure, TransientFailure
from notification.settings import NotificationSettings


class SmtpMailer:
    def __init__(self, settings: NotificationSettings) -> None:
        self._settings = settings
        self._domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "ombud.example"

    def compose(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        to: str,
        subject: str,
        text: str,
        html: str,
        language: str,
    ) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._settings.mail_from
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        # Derived from the notification id: a resend after a crash is recognisably the same mail.
        message["Message-ID"] = f"<{notification_id}@{self._domain}>"
        # Every mail about one complaint names the same thread root, so clients group them.
        message["References"] = f"<complaint-{complaint_id}@{self._domain}>"
        # RFC 3834: automated, so out-of-office replies and autoresponders stay quiet. No
        # Precedence: bulk or List-Unsubscribe: these are transactional messages, not a list.
        message["Auto-Submitted"] = "auto-generated"
        message["X-Auto-Response-Suppress"] = "All"  # the same request in Exchange's terms
        message.set_content(text)
        message.add_alternative(html, subtype="html")
        # After the parts are made: making them moves Content-* headers onto the first part.
        message["Content-Language"] = language
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
        except aiosmtplib.SMTPRecipientsRefused as error:
            codes = {response.code for response in error.recipients}
            if all(500 <= code < 600 for code in codes):
                raise PermanentFailure("smtp_recipient_refused") from error
            raise TransientFailure("smtp_4xx") from error
        except aiosmtplib.SMTPResponseException as error:
            if 500 <= error.code < 600:
                raise PermanentFailure(f"smtp_{error.code}") from error
            raise TransientFailure("smtp_4xx") from error
        except (aiosmtplib.SMTPTimeoutError, TimeoutError) as error:
            raise TransientFailure("timeout") from error
        except (aiosmtplib.SMTPException, OSError) as error:
            raise TransientFailure("unreachable") from error
