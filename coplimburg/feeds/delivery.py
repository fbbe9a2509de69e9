"""Handing a message to an SMTP server, configured only by environment variables (never by the repository).

COP_SMTP_HOST, COP_SMTP_PORT (587), COP_SMTP_USER, COP_SMTP_PASSWORD and COP_SMTP_SECURITY: `starttls`
(default, port 587) or `tls` (implicit TLS, port 465). The server's certificate is always verified; a
server with a certificate of its own authority names that authority in COP_SMTP_CA_FILE. Every failure
becomes a DeliveryError with a Dutch message that says what to check.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass

TIMEOUT = 30
SECURITY = ("starttls", "tls")


class DeliveryError(Exception):
    """Sending failed; the message is Dutch and nothing was delivered."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str | None
    password: str | None
    security: str
    ca_file: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Server:
        env = os.environ if environ is None else environ
        host = env.get("COP_SMTP_HOST", "").strip()
        if not host:
            raise DeliveryError("COP_SMTP_HOST ontbreekt: zet de naam van de mailserver in deze omgevingsvariabele")
        security = env.get("COP_SMTP_SECURITY", "").strip().lower() or (
            "tls" if env.get("COP_SMTP_PORT", "").strip() == "465" else "starttls"
        )
        if security not in SECURITY:
            raise DeliveryError(f"COP_SMTP_SECURITY: verwacht starttls of tls, gekregen '{security}'")
        port_text = env.get("COP_SMTP_PORT", "").strip() or ("465" if security == "tls" else "587")
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise DeliveryError(f"COP_SMTP_PORT: verwacht een poortnummer zoals 587, gekregen '{port_text}'")
        user, password = env.get("COP_SMTP_USER") or None, env.get("COP_SMTP_PASSWORD") or None
        if bool(user) != bool(password):
            raise DeliveryError("COP_SMTP_USER en COP_SMTP_PASSWORD horen samen: zet ze allebei, of geen van beide")
        return cls(host, int(port_text), user, password, security, env.get("COP_SMTP_CA_FILE") or None)

    @property
    def shown(self) -> str:
        return f"{self.host}:{self.port} ({'STARTTLS' if self.security == 'starttls' else 'TLS'})"


def deliver(server: Server, sender: str, recipient: str, message: bytes) -> None:
    """Send `message` as it is to one recipient; DeliveryError unless the server accepted it."""
    context = ssl.create_default_context(cafile=server.ca_file)
    try:
        if server.security == "tls":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT, context=context)
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
        with connection:
            if server.security == "starttls":
                connection.starttls(context=context)
            if server.user and server.password:
                connection.login(server.user, server.password)
            connection.sendmail(sender, [recipient], message)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(
            f"{server.shown} weigerde de aanmelding als {server.user} ({_reply(error)}): "
            "controleer COP_SMTP_USER en COP_SMTP_PASSWORD"
        ) from error
    except smtplib.SMTPRecipientsRefused as error:
        reply = "; ".join(f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values())
        raise DeliveryError(
            f"{server.shown} weigerde het adres {recipient} ({reply}): controleer extra.cop.newsletter.list_address "
            "en of de verzender op deze lijst mag posten"
        ) from error
    except smtplib.SMTPSenderRefused as error:
        raise DeliveryError(
            f"{server.shown} weigerde de afzender {sender} ({_reply(error)}): controleer "
            "extra.cop.newsletter.from_address en of het account van COP_SMTP_USER namens dit adres mag versturen"
        ) from error
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryError(
            f"{server.shown} biedt geen {'STARTTLS' if server.security == 'starttls' else 'aanmelding'} aan: "
            "controleer COP_SMTP_PORT en COP_SMTP_SECURITY"
        ) from error
    except smtplib.SMTPException as error:
        raise DeliveryError(f"{server.shown} weigerde het bericht: {_reply(error)}") from error
    except ssl.SSLError as error:
        raise DeliveryError(
            f"beveiligde verbinding met {server.shown} mislukt ({error.reason or error}): controleer COP_SMTP_SECURITY "
            "en het certificaat van de server"
        ) from error
    except OSError as error:
        raise DeliveryError(
            f"mailserver {server.shown} niet bereikbaar ({_reason(error)}): controleer COP_SMTP_HOST en "
            "COP_SMTP_PORT, en probeer het later opnieuw"
        ) from error


def _reason(error: OSError) -> str:
    """Why a connection failed, in Dutch for the usual cases, else the system's own words."""
    if isinstance(error, socket.gaierror):
        return "onbekende servernaam"
    if isinstance(error, TimeoutError):
        return f"geen antwoord binnen {TIMEOUT} seconden"
    if isinstance(error, ConnectionRefusedError):
        return "verbinding geweigerd"
    if isinstance(error, ConnectionError):
        return "verbinding verbroken"
    return str(error.strerror or error)


def _reply(error: smtplib.SMTPException) -> str:
    code = getattr(error, "smtp_code", None)
    text = getattr(error, "smtp_error", b"")
    detail = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {detail}".strip() if code else str(error)
