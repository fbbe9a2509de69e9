"""`cop coppig` sends an edition once, through a real SMTP server (aiosmtpd on 127.0.0.1, STARTTLS and AUTH with
a throwaway certificate), records it, and leaves the record untouched when sending fails. The server can be told to
misbehave (answer QUIT with 421, drop the connection after the data, refuse the data), to prove that an edition it
accepted is recorded once and sent once."""

from __future__ import annotations

import datetime as dt
import email
import re
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from lxml import html
from mailsite import mail_site

from coplimburg.dates import dutch_date
from coplimburg.editors.cli import main
from coplimburg.editors.coppig_command import first_working_day
from coplimburg.feeds.sent_state import SENT_FILE, Sending, SentState, read_sent, write_sent

HOST = "127.0.0.1"
USER, PASSWORD = "coppig", "geheim-wachtwoord"
BUILD_DATE = "2024-07-02"


ACCEPTED = "250 Bericht aangenomen"
NO_REPLY = "(verbinding verbroken, geen antwoord)"


@dataclass
class Mailbox:
    """What the test server accepted: (envelope sender, recipients, message bytes) per message; `answers` holds its
    answer to every message whose data arrived, accepted or not. The faults are set by the tests."""

    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    # The answer to the end of the data; NO_REPLY closes the connection without one.
    after_data: str = ACCEPTED
    # The answer to QUIT.
    quit_reply: str = "221 Tot ziens"

    def heal(self) -> None:
        self.refuse.clear()
        self.after_data, self.quit_reply = ACCEPTED, "221 Tot ziens"

    async def handle_RCPT(self, server: Any, session: Session, envelope: Envelope, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.answers.append(self.after_data)
        if self.after_data == NO_REPLY:
            server.transport.abort()  # the data arrived; the answer never leaves
        elif self.after_data.startswith("2"):
            self.received.append((str(envelope.mail_from), list(envelope.rcpt_tos), envelope.content))
        return self.after_data

    async def handle_QUIT(self, server: Any, session: Session, envelope: Envelope) -> str:
        return self.quit_reply


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 (openssl), valid for a day."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}"),
            *("-addext", f"subjectAltName=IP:{HOST}", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _authenticate(server: Any, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
    good = isinstance(data, LoginPassword) and (data.login, data.password) == (USER.encode(), PASSWORD.encode())
    return AuthResult(success=good, handled=False)


@pytest.fixture
def smtp_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Mailbox, int]]:
    """An SMTP server on 127.0.0.1 that demands STARTTLS before AUTH, and AUTH before mail."""
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(*map(str, certificate))
    mailbox = Mailbox()
    controller = Controller(
        mailbox,
        hostname=HOST,
        port=_free_port(),
        tls_context=tls,
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=_authenticate,
    )
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path], smtp_server: tuple[Mailbox, int]):
    """The variables the publish workflow sets from the repository's secrets, pointing at the test server."""
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)
    for name, value in {
        "COP_SMTP_HOST": HOST,
        "COP_SMTP_PORT": str(smtp_server[1]),
        "COP_SMTP_USER": USER,
        "COP_SMTP_PASSWORD": PASSWORD,
        "COP_SMTP_SECURITY": "starttls",
        "COP_SMTP_CA_FILE": str(certificate[0]),
    }.items():
        monkeypatch.setenv(name, value)
    return smtp_server[0]


def cop(config: Path, *arguments: str) -> int:
    return main(["coppig", "--config", str(config), *arguments])


def parsed(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def sent_file(config: Path) -> Path:
    return config.parent / "content/site/coppig-sent.yml"


def test_the_previous_months_edition_arrives_as_text_and_html_with_list_headers(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mail_site(content)
    assert cop(config, "--verzenden") == 0
    ((sender, recipients, data),) = environment.received
    assert (sender, recipients) == ("redactie@communityofpracticelimburg.nl", ["coppig@lijst.example.nl"])
    message = parsed(data)
    assert message["Subject"] == "CoPPIG juni 2024"
    assert message["Message-ID"] == "<coppig-2024-06@communityofpracticelimburg.nl>"
    assert message["List-Id"] == "CoPPIG <coppig.communityofpracticelimburg.nl>"
    assert message["List-Unsubscribe"].strip() == (
        "<mailto:redactie@communityofpracticelimburg.nl?subject=Afmelden%20CoPPIG>, <https://lijst.example.nl/afmelden>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text, page = message.iter_parts()
    assert (text.get_content_type(), page.get_content_type()) == ("text/plain", "text/html")
    assert {text.get_content_charset(), page.get_content_charset()} == {"utf-8"}
    assert "Groot klankbord <2025> & meer" in text.get_content()
    document = html.document_fromstring(page.get_content())
    links = [anchor.get("href") for anchor in document.iter("a")]
    assert links and all(urlsplit(link).scheme in ("https", "mailto") for link in links)
    assert next(heading.text_content() for heading in document.iter("h2")) == "Groot klankbord <2025> & meer"
    assert "Verzonden naar coppig@lijst.example.nl" in capsys.readouterr().out
    assert "message_id: <coppig-2024-06@communityofpracticelimburg.nl>" in sent_file(config).read_text(encoding="utf-8")


def test_an_edition_is_sent_once_unless_asked_again_and_keeps_its_message_id(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mail_site(content)
    assert cop(config, "--verzenden") == 0
    recorded = sent_file(config).read_text(encoding="utf-8")
    assert cop(config, "--verzenden") == 0
    assert len(environment.received) == 1
    assert "al verzonden" in capsys.readouterr().out
    assert sent_file(config).read_text(encoding="utf-8") == recorded
    assert cop(config, "--verzenden", "--opnieuw") == 0
    first, again = (parsed(data) for _, _, data in environment.received)
    assert first["Message-ID"] == again["Message-ID"]
    assert first.as_bytes() == again.as_bytes()


def test_a_dry_run_is_the_default_and_sends_and_records_nothing(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = mail_site(content)
    eml = tmp_path / "coppig.eml"
    assert cop(config, "--eml", str(eml)) == 0
    assert environment.received == []
    assert not sent_file(config).exists()
    output = capsys.readouterr().out
    assert "Proefdraai: er is niets verzonden" in output
    assert parsed(eml.read_bytes())["Subject"] == "CoPPIG juni 2024"


def test_a_dry_run_works_before_the_newsletter_is_set_up_and_says_what_sending_needs(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # As in the repository's mkdocs.yml, whose newsletter settings are commented out: the README's first try.
    config = mail_site(content, newsletter={})
    eml = tmp_path / "coppig.eml"
    assert cop(config, "--eml", str(eml)) == 0
    message = parsed(eml.read_bytes())
    assert (message["Subject"], message["From"], message["To"]) == (
        "CoPPIG juni 2024",
        None,
        "undisclosed-recipients:;",
    )
    assert message.get_body(("html",)) is not None
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Nog niet ingesteld in {config.as_posix()} (nodig om te verzenden): extra.cop.newsletter.list_address (de "
        "lijst die de CoPPIG krijgt) en extra.cop.newsletter.from_address (de afzender); zie "
        "docs-redactie/nieuwsbrief.md."
    )
    assert cop(config, "--verzenden") == 2
    assert capsys.readouterr().err.startswith(
        f"Niet verzonden: {config.as_posix()} mist extra.cop.newsletter.list_address"
    )
    assert environment.received == [] and not sent_file(config).exists()


def test_the_eml_file_holds_exactly_the_bytes_that_are_sent(
    content: Callable[..., Path], environment: Mailbox, tmp_path: Path
) -> None:
    config = mail_site(content)
    eml = tmp_path / "coppig.eml"
    assert cop(config, "--eml", str(eml), "--verzenden") == 0
    ((_, _, data),) = environment.received
    assert data.rstrip(b"\r\n") == eml.read_bytes().rstrip(b"\r\n")


def test_a_month_without_items_is_not_sent(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mail_site(content)
    assert cop(config, "--maand", "2024-04", "--verzenden") == 0
    assert environment.received == []
    assert "Geen CoPPIG voor april 2024" in capsys.readouterr().out
    assert not sent_file(config).exists()


def test_a_month_that_has_not_ended_is_not_sent(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    config = mail_site(content)
    monkeypatch.setenv("COP_BUILD_DATE", "2024-06-25")
    assert cop(config, "--maand", "2024-06", "--verzenden") == 2
    assert environment.received == []
    assert "nog niet voorbij" in capsys.readouterr().err


def test_the_scheduled_send_waits_for_the_first_working_day(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    config = mail_site(content)
    monkeypatch.setenv("COP_BUILD_DATE", "2024-06-01")  # a Saturday; the first working day is Monday 3 June
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert environment.received == []
    assert "maandag 3 juni 2024" in capsys.readouterr().out
    monkeypatch.setenv("COP_BUILD_DATE", "2024-06-03")
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert parsed(environment.received[0][2])["Subject"] == "CoPPIG mei 2024"


def _server_down(monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox) -> None:
    monkeypatch.setenv("COP_SMTP_PORT", str(_free_port()))


def _wrong_password(monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox) -> None:
    monkeypatch.setenv("COP_SMTP_PASSWORD", "fout")


def _recipient_refused(monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox) -> None:
    mailbox.refuse.add("coppig@lijst.example.nl")


@pytest.mark.parametrize(
    ("break_it", "said"),
    [
        (_server_down, "niet bereikbaar"),
        (_wrong_password, "weigerde de aanmelding als coppig"),
        (_recipient_refused, "weigerde het adres coppig@lijst.example.nl"),
    ],
    ids=["server down", "authentication refused", "recipient refused"],
)
def test_a_failed_send_exits_non_zero_in_dutch_keeps_the_record_and_can_be_retried(
    content: Callable[..., Path],
    environment: Mailbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    break_it: Callable[[pytest.MonkeyPatch, Mailbox], None],
    said: str,
) -> None:
    config = mail_site(content)
    assert cop(config, "--maand", "2024-05", "--verzenden") == 0
    recorded = sent_file(config).read_bytes()
    capsys.readouterr()
    with monkeypatch.context() as broken:
        break_it(broken, environment)
        assert cop(config, "--verzenden") == 1
        error = capsys.readouterr().err
        assert error.startswith("Niet verzonden: ") and said in error
        assert "coppig-sent.yml is niet gewijzigd" in error
        assert sent_file(config).read_bytes() == recorded
    environment.heal()
    assert cop(config, "--verzenden") == 0
    assert [parsed(data)["Subject"] for _, _, data in environment.received] == ["CoPPIG mei 2024", "CoPPIG juni 2024"]
    assert "2024-06:" in sent_file(config).read_text(encoding="utf-8")


def recorded(config: Path) -> dict[str, Sending]:
    """The state file as `cop coppig` reads it."""
    return dict(read_sent(config.parent / "content").editions)


def test_an_edition_the_server_accepted_is_recorded_and_sent_once_even_when_quit_is_answered_with_421(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mail_site(content)
    environment.quit_reply = "421 4.3.2 Dienst wordt afgesloten"
    assert cop(config, "--verzenden") == 0
    output = capsys.readouterr()
    assert output.out.splitlines()[-2].startswith("Verzonden naar coppig@lijst.example.nl via 127.0.0.1:")
    assert output.err == ""
    assert recorded(config)["2024-06"].status == "verzonden"
    # The nightly job runs the same command again, every night.
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert "al verzonden" in capsys.readouterr().out
    assert environment.answers == [ACCEPTED]
    assert [parsed(data)["Subject"] for _, _, data in environment.received] == ["CoPPIG juni 2024"]


def test_a_connection_lost_after_the_data_is_recorded_as_uncertain_and_resent_only_when_asked(
    content: Callable[..., Path],
    environment: Mailbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = mail_site(content)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    environment.after_data = NO_REPLY
    # Exit 0: the publish workflow commits the state file only after a successful step.
    assert cop(config, "--verzenden") == 0
    output = capsys.readouterr()
    first, *rest = output.err.splitlines()
    assert first.startswith("Mogelijk verzonden, maar dat is onzeker: de verbinding met 127.0.0.1:")
    # In Dutch, whether the server closed the connection or reset it.
    assert re.search(
        r"viel weg nadat het hele bericht was verstuurd en voordat de server antwoordde "
        r"\((de server sloot de verbinding|verbinding verbroken)\)\.$",
        first,
    )
    assert "'onzeker'" in rest[0] and "archief van de lijst coppig@lijst.example.nl" in rest[1]
    assert rest[1].endswith("cop coppig --maand 2024-06 --verzenden --opnieuw")
    (annotation,) = [line for line in output.out.splitlines() if line.startswith("::")]
    assert annotation.startswith("::warning title=CoPPIG onzeker::Mogelijk verzonden") and "%0A" in annotation
    uncertain = recorded(config)["2024-06"]
    assert uncertain.status == "onzeker"
    environment.heal()
    # Neither the nightly job nor a dry run sends it again; both say it is uncertain and how to check.
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert cop(config) == 0
    notes = capsys.readouterr().err.split("Deze editie")[1:]
    assert len(notes) == 2
    for said in notes:
        assert said.startswith(f" is mogelijk verzonden op {dutch_date(uncertain.sent)} naar coppig@lijst.example.nl")
        assert "maar dat is onzeker" in said and said.rstrip().endswith("--verzenden --opnieuw")
    assert environment.answers == [NO_REPLY]
    assert environment.received == []
    assert cop(config, "--verzenden", "--opnieuw") == 0
    assert environment.answers == [NO_REPLY, ACCEPTED]
    assert [parsed(data)["Subject"] for _, _, data in environment.received] == ["CoPPIG juni 2024"]
    assert recorded(config)["2024-06"].status == "verzonden"


@pytest.mark.parametrize("answer", ["554 5.6.0 Bericht geweigerd", "451 4.3.0 Probeer het later"])
def test_a_message_refused_after_its_data_is_not_recorded_and_the_next_run_sends_it(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    config = mail_site(content)
    environment.after_data = answer
    assert cop(config, "--verzenden") == 1
    error = capsys.readouterr().err
    assert error.startswith("Niet verzonden: 127.0.0.1:")
    assert f"(STARTTLS) weigerde het bericht ({answer})" in error and "coppig-sent.yml is niet gewijzigd" in error
    assert not sent_file(config).exists()
    environment.heal()
    assert cop(config, "--verzenden", "--vanaf-eerste-werkdag") == 0
    assert environment.answers == [answer, ACCEPTED]
    assert [parsed(data)["Subject"] for _, _, data in environment.received] == ["CoPPIG juni 2024"]
    assert recorded(config)["2024-06"].status == "verzonden"


def test_a_state_file_written_before_the_status_existed_still_reads_as_sent(
    content: Callable[..., Path], environment: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mail_site(content)
    sent_file(config).write_text(
        "editions:\n  2024-06:\n    sent: '2024-07-01T09:00:03+02:00'\n"
        "    message_id: <coppig-2024-06@communityofpracticelimburg.nl>\n    to: coppig@lijst.example.nl\n"
        "    items: 3\n",
        encoding="utf-8",
    )
    assert recorded(config)["2024-06"].status == "verzonden"
    assert cop(config, "--verzenden") == 0
    assert "al verzonden op maandag 1 juli 2024" in capsys.readouterr().out
    assert environment.received == []


def test_the_state_file_is_replaced_whole_or_not_at_all(content: Callable[..., Path], monkeypatch) -> None:
    root = mail_site(content).parent / "content"
    sending = Sending(sent=dt.datetime(2024, 7, 1, 9, tzinfo=dt.UTC), message_id="<a@b.nl>", to="c@d.nl", items=1)
    write_sent(root, SentState().record("2024-05", sending))
    before = (root / SENT_FILE).read_bytes()

    def interrupted(source: object, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("coplimburg.content.state_files.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_sent(root, read_sent(root).record("2024-06", sending))
    assert (root / SENT_FILE).read_bytes() == before
    assert sorted(path.name for path in (root / SENT_FILE).parent.iterdir() if "coppig" in path.name) == [
        "coppig-sent.yml"
    ]


@pytest.mark.parametrize(
    ("ca_file", "said"),
    [
        ("bestaat-niet.pem", "bestaat niet"),
        ("geen-certificaat.pem", "bevat geen certificaat; verwacht een PEM-bestand"),
    ],
)
def test_a_ca_file_that_is_missing_or_no_certificate_stops_before_connecting(
    content: Callable[..., Path],
    environment: Mailbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    ca_file: str,
    said: str,
) -> None:
    config = mail_site(content)
    (tmp_path / "geen-certificaat.pem").write_text("Dit is geen certificaat.\n", encoding="utf-8")
    monkeypatch.setenv("COP_SMTP_CA_FILE", str(tmp_path / ca_file))
    assert cop(config, "--verzenden") == 2
    error = capsys.readouterr().err
    assert error.startswith("COP_SMTP_CA_FILE: ") and str(tmp_path / ca_file) in error and said in error
    assert environment.answers == []


def test_the_message_is_the_same_on_every_run_for_the_same_build_date(
    content: Callable[..., Path], environment: Mailbox, tmp_path: Path
) -> None:
    config = mail_site(content)
    first, second = tmp_path / "1.eml", tmp_path / "2.eml"
    assert cop(config, "--eml", str(first)) == 0
    assert cop(config, "--eml", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()
    assert parsed(first.read_bytes())["Date"].datetime == dt.datetime(
        2024, 7, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_the_first_working_day_skips_weekends_and_new_years_day():
    assert first_working_day(2024, 6) == dt.date(2024, 6, 3)  # 1 June 2024 was a Saturday
    assert first_working_day(2024, 7) == dt.date(2024, 7, 1)
    assert first_working_day(2025, 1) == dt.date(2025, 1, 2)
    assert first_working_day(2028, 1) == dt.date(2028, 1, 3)  # Saturday 1st, Sunday 2nd


@pytest.fixture
def implicit_tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Mailbox, int]]:
    """An SMTP server on 127.0.0.1 that speaks TLS from the first byte (port 465 style)."""
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(*map(str, certificate))
    mailbox = Mailbox()
    controller = Controller(
        mailbox, hostname=HOST, port=_free_port(), ssl_context=tls, auth_require_tls=False, authenticator=_authenticate
    )
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


def test_an_edition_can_go_over_implicit_tls(
    content: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    certificate: tuple[Path, Path],
    implicit_tls_server: tuple[Mailbox, int],
) -> None:
    config = mail_site(content)
    mailbox, port = implicit_tls_server
    monkeypatch.setenv("COP_BUILD_DATE", BUILD_DATE)
    for name, value in {
        "COP_SMTP_HOST": HOST,
        "COP_SMTP_PORT": str(port),
        "COP_SMTP_USER": USER,
        "COP_SMTP_PASSWORD": PASSWORD,
        "COP_SMTP_SECURITY": "tls",
        "COP_SMTP_CA_FILE": str(certificate[0]),
    }.items():
        monkeypatch.setenv(name, value)
    assert cop(config, "--verzenden") == 0
    assert [parsed(data)["Subject"] for _, _, data in mailbox.received] == ["CoPPIG juni 2024"]
