"""Handing a message to an SMTP server, configured only by environment variables (never by the repository).

COP_SMTP_HOST, COP_SMTP_PORT (587), COP_SMTP_USER, COP_SMTP_PASSWORD and COP_SMTP_SECURITY: `starttls`
(default, port 587) or `tls` (implicit TLS, port 465). The server's certificate is always verified; a
server with a certificate of its own authority names that authority in COP_SMTP_CA_FILE. `deliver` returns
what became of the message as a `Delivery`: accepted, refused (with a Dutch reason that says what to check),
or uncertain when the connection was lost after the whole message was sent and before the server answered.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

TIMEOUT = 30
SECURITY = ("starttls", "tls")
# A line of the message that starts with a dot gets a second one (RFC 5321 4.5.2); a lone dot ends the data.
_LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)


class DeliveryError(Exception):
    """The environment variables name no usable server; the message is Dutch and nothing was sent."""


class Outcome(Enum):
    # The server answered 2xx to the end of the data: it took the message, whatever happens after.
    ACCEPTED = "verzonden"
    # The whole message went out but no answer came back: it may or may not have arrived.
    UNCERTAIN = "onzeker"
    # Refused or failed before the end of the data: nothing arrived, sending again is safe.
    REFUSED = "niet verzonden"


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    # Why, in Dutch, when the message was not accepted.
    reason: str = ""


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
        ca_file = env.get("COP_SMTP_CA_FILE") or None
        try:
            ssl.create_default_context(cafile=ca_file)
        except FileNotFoundError:
            raise DeliveryError(f"COP_SMTP_CA_FILE: het certificaatbestand {ca_file} bestaat niet") from None
        except ssl.SSLError:
            raise DeliveryError(
                f"COP_SMTP_CA_FILE: {ca_file} bevat geen certificaat; verwacht een PEM-bestand "
                "(tekst die begint met -----BEGIN CERTIFICATE-----)"
            ) from None
        except OSError as error:
            raise DeliveryError(f"COP_SMTP_CA_FILE: {ca_file} is niet te lezen ({error.strerror or error})") from None
        return cls(host, int(port_text), user, password, security, ca_file)

    @property
    def shown(self) -> str:
        return f"{self.host}:{self.port} ({'STARTTLS' if self.security == 'starttls' else 'TLS'})"


def deliver(server: Server, sender: str, recipient: str, message: bytes) -> Delivery:
    """Send `message` as it is to one recipient and say what became of it; never raises for a server's doing."""
    context = ssl.create_default_context(cafile=server.ca_file)
    try:
        connection = _connect(server, context)
    except (smtplib.SMTPException, OSError) as error:
        return Delivery(Outcome.REFUSED, _refusal(error, server, sender, recipient))
    try:
        try:
            _send_up_to_the_reply(connection, server, context, sender, recipient, message)
        except (smtplib.SMTPException, OSError) as error:
            # The data was not sent whole (its final dot goes last), so the server cannot have taken it.
            return Delivery(Outcome.REFUSED, _refusal(error, server, sender, recipient))
        try:
            code, reply = connection.getreply()
        except (smtplib.SMTPException, OSError) as error:
            return Delivery(
                Outcome.UNCERTAIN,
                f"de verbinding met {server.shown} viel weg nadat het hele bericht was verstuurd en voordat de server "
                f"antwoordde ({_lost(error)})",
            )
        if 200 <= code < 300:
            return Delivery(Outcome.ACCEPTED)
        return Delivery(Outcome.REFUSED, f"{server.shown} weigerde het bericht ({_text(code, reply)})")
    finally:
        _close(connection)


def _connect(server: Server, context: ssl.SSLContext) -> smtplib.SMTP:
    if server.security == "tls":
        return smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT, context=context)
    return smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)


def _send_up_to_the_reply(
    connection: smtplib.SMTP, server: Server, context: ssl.SSLContext, sender: str, recipient: str, message: bytes
) -> None:
    """Everything before the server's verdict on the message, as smtplib's sendmail does it, but stopping after
    the data went out: only then does a lost connection leave the outcome open."""
    if server.security == "starttls":
        connection.starttls(context=context)
    if server.user and server.password:
        connection.login(server.user, server.password)
    connection.ehlo_or_helo_if_needed()
    code, reply = connection.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = connection.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = connection.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    data = _LEADING_DOT.sub(b"..", message)
    connection.send(data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n")


def _close(connection: smtplib.SMTP) -> None:
    """Say goodbye; what the server answers (a 421, or nothing) no longer changes the outcome."""
    try:
        connection.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        connection.close()


def _refusal(error: smtplib.SMTPException | OSError, server: Server, sender: str, recipient: str) -> str:
    """Why the message did not arrive, in Dutch, with what to check."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"{server.shown} weigerde de aanmelding als {server.user} ({_reply(error)}): "
            "controleer COP_SMTP_USER en COP_SMTP_PASSWORD"
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        reply = "; ".join(_text(code, text) for code, text in error.recipients.values())
        return (
            f"{server.shown} weigerde het adres {recipient} ({reply}): controleer extra.cop.newsletter.list_address "
            "en of de verzender op deze lijst mag posten"
        )
    if isinstance(error, smtplib.SMTPSenderRefused):
        return (
            f"{server.shown} weigerde de afzender {sender} ({_reply(error)}): controleer "
            "extra.cop.newsletter.from_address en of het account van COP_SMTP_USER namens dit adres mag versturen"
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return (
            f"{server.shown} biedt geen {'STARTTLS' if server.security == 'starttls' else 'aanmelding'} aan: "
            "controleer COP_SMTP_PORT en COP_SMTP_SECURITY"
        )
    if isinstance(error, smtplib.SMTPConnectError):
        return f"{server.shown} weigerde de verbinding ({_reply(error)}): probeer het later opnieuw"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return f"de verbinding met {server.shown} viel weg voordat het bericht helemaal was verstuurd ({_lost(error)})"
    if isinstance(error, smtplib.SMTPException):
        return f"{server.shown} weigerde het bericht ({_reply(error)})"
    if isinstance(error, ssl.SSLError):
        return (
            f"beveiligde verbinding met {server.shown} mislukt ({error.reason or error}): controleer COP_SMTP_SECURITY "
            "en het certificaat van de server"
        )
    return (
        f"mailserver {server.shown} niet bereikbaar ({_reason(error)}): controleer COP_SMTP_HOST en "
        "COP_SMTP_PORT, en probeer het later opnieuw"
    )


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


def _lost(error: smtplib.SMTPException | OSError) -> str:
    """How a connection was lost. smtplib reports it as SMTPServerDisconnected (an OSError itself), raised while
    handling the socket's own OSError when there was one; without one, the server closed the connection."""
    cause = error.__context__ if isinstance(error, smtplib.SMTPException) else error
    return _reason(cause) if isinstance(cause, OSError) else "de server sloot de verbinding"


def _reply(error: smtplib.SMTPException) -> str:
    code = getattr(error, "smtp_code", None)
    text = getattr(error, "smtp_error", b"")
    return _text(code, text) if code else str(error)


def _text(code: int, text: bytes | str) -> str:
    detail = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {detail}".strip()
