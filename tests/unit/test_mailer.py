from notification.mailer import SmtpMailer
from notification.settings import NotificationSettings


def test_mail_is_multipart_with_the_headers_automated_mail_carries():
    mailer = SmtpMailer(NotificationSettings(mail_from="Ombud <no-reply@ombud.example>"))

    message = mailer.compose(
        notification_id="0f1e2d3c-0000-0000-0000-000000000001",
        complaint_id="c-1",
        to="r@example.com",
        subject="Subject",
        text="Plain words",
        html="<p>Plain words</p>",
        language="nl",
    )

    assert message["Message-ID"] == "<0f1e2d3c-0000-0000-0000-000000000001@ombud.example>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["Content-Language"] == "nl"
    assert message["References"] == "<complaint-c-1@ombud.example>"
    assert message["List-Unsubscribe"] is None  # transactional mail, not a list
    assert message.get_content_type() == "multipart/alternative"
    assert message.get_body(("plain",)).get_content().strip() == "Plain words"
    assert message.get_body(("html",)).get_content().strip() == "<p>Plain words</p>"
