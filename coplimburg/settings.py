"""Our settings under `extra.cop` in mkdocs.yml: one typed model, read once, with Dutch errors for bad values."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from coplimburg.content.addresses import web_address_problem
from coplimburg.content.fields import DayField, Label, Strict, Text, Url, validate
from coplimburg.content.source import Document
from coplimburg.dates import AMSTERDAM
from coplimburg.expected import not_a_date, refused_web_address
from coplimburg.problems import ContentError, Problem, describe

CONFIG_FILE = "mkdocs.yml"
BUILD_DATE_VARIABLE = "COP_BUILD_DATE"
ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def _address(value: object) -> object:
    if not isinstance(value, str) or not ADDRESS.fullmatch(value.strip()):
        shown = f"'{value}'" if isinstance(value, str) else repr(value)
        raise ValueError(f"verwacht een e-mailadres zoals coppig@communityofpracticelimburg.nl, gekregen {shown}")
    return value.strip()


EmailAddress = Annotated[str, BeforeValidator(_address), WithJsonSchema({"type": "string", "format": "email"})]
# What a sender's name may not hold: mail clients would read it as (part of) an address or as an encoded name.
_NOT_IN_NAME = ("=?", "<", ">", "@")


def _sender_name(value: object) -> object:
    found = [mark for mark in _NOT_IN_NAME if isinstance(value, str) and mark in value]
    if found:
        raise ValueError(
            f"mag geen {' of '.join(found)} bevatten: deze naam staat als afzender boven de CoPPIG-e-mail, waar "
            f"zulke tekens op een (ander) adres lijken; gekregen {describe(value)}"
        )
    return value


# A name shown beside an e-mail address (the sender of each edition); one line, like every Text.
SenderName = Annotated[Text, BeforeValidator(_sender_name)]


class Newsletter(Strict):
    """How the CoPPIG reaches inboxes (`cop coppig`, docs-redactie/nieuwsbrief.md). Only addresses live here;
    the SMTP server and its password come from environment variables, the subscribers from the list itself."""

    # The mailing list or distribution list that holds the subscribers: the one recipient of each edition.
    list_address: EmailAddress | None = None
    # The sender of each edition (shown with `organisation` as its name).
    from_address: EmailAddress | None = None
    # Where readers unsubscribe: an address (mailto, defaults to from_address) and, optionally, a web page.
    unsubscribe_address: EmailAddress | None = None
    unsubscribe_url: Url | None = None
    # How visitors subscribe, shown on /coppig/abonneren/: a sign-up page of the list, or an address to write to.
    subscribe_url: Url | None = None
    subscribe_address: EmailAddress | None = None

    @property
    def unsubscribe_mailbox(self) -> str | None:
        return self.unsubscribe_address or self.from_address


def _repository(value: object) -> object:
    if not isinstance(value, str) or not _REPOSITORY.fullmatch(value.strip()):
        raise ValueError(f"verwacht de naam van de repository zoals eigenaar/naam, gekregen {describe(value)}")
    return value.strip()


_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")  # GitLab groups nest: groep/subgroep/project
Repository = Annotated[str, BeforeValidator(_repository), WithJsonSchema({"type": "string"})]
# What each git host needs besides the repository (docs-redactie/in-de-browser.md says how to get it).
_HOST_NEEDS = {"github": ("base_url",), "gitlab": ("app_id",), "forgejo": ("app_id", "api_root")}


class GitHost(Strict):
    """The CoP's git host, where the browser editor at /admin/ of the published site saves: every change goes on a
    branch with a pull request (Decap's editorial workflow)."""

    name: Literal["github", "gitlab", "forgejo"]
    repo: Repository
    # GitLab and Forgejo: the id of the OAuth application (PKCE, no server of our own).
    app_id: Text | None = None
    # GitHub: the OAuth proxy that logs editors in; GitLab on a server of its own: that server.
    base_url: Url | None = None
    # GitHub: the proxy's login path, when it is not `auth`.
    auth_endpoint: Text | None = None
    # Forgejo (and GitLab on a server of its own, GitHub Enterprise): the address of the API.
    api_root: Url | None = None

    @model_validator(mode="after")
    def _complete(self) -> GitHost:
        missing = [name for name in _HOST_NEEDS[self.name] if getattr(self, name) is None]
        if missing:
            raise ValueError(
                f"{missing[0]}: verplicht bij name: {self.name}; docs-redactie/in-de-browser.md zegt waar je het vindt"
            )
        return self


class Cms(Strict):
    """The browser editor at /admin/ (coplimburg.cms)."""

    # The branch the site is published from: the editor proposes changes against it, locally and on the git host.
    branch: Label = "main"
    # Where `make cms` runs decap-server on this computer (127.0.0.1), which commits every save.
    local_port: int = Field(default=8081, ge=1024, le=65535)
    # Without a git host, /admin/ of the published site says that only `make cms` is set up yet.
    host: GitHost | None = None


class Settings(Strict):
    content_dir: Text = "content"
    # The day the build calls "today"; COP_BUILD_DATE in the environment wins over it.
    build_date: DayField | None = None
    # Author of every feed item and e-mail edition, and the sender's name on the e-mail.
    organisation: SenderName = "Community of Practice Limburg"
    # How many items each feed carries.
    feed_limit: int = Field(default=20, ge=1, le=1000)
    # The CoPPIG by e-mail; everything optional, nothing is sent unless `cop coppig --verzenden` runs.
    newsletter: Newsletter = Newsletter()
    # The browser editor at /admin/: its git host and the port of its local server.
    cms: Cms = Cms()

    def today(self) -> dt.date:
        """The one build date (COP_BUILD_DATE, else `build_date`, else today in Amsterdam)."""
        return build_date(self.build_date.isoformat() if self.build_date else None)


def build_date(setting: str | None = None, now: dt.datetime | None = None) -> dt.date:
    """The one date the build calls 'today': COP_BUILD_DATE, else the setting, else today in Amsterdam."""
    pinned = os.environ.get(BUILD_DATE_VARIABLE) or setting
    if pinned:
        try:
            return dt.date.fromisoformat(str(pinned))
        except ValueError:
            raise ValueError(f"{BUILD_DATE_VARIABLE}: {not_a_date(pinned, with_time=False)}") from None
    return (now or dt.datetime.now(AMSTERDAM)).astimezone(AMSTERDAM).date()


def read_settings(extra: Any, config_file: Path | None = None, site_url: object = None) -> Settings:
    """`extra.cop` as Settings; ContentError naming mkdocs.yml, the line and the field when a value (or `site_url`,
    when given) is wrong."""
    data = extra.get("cop") if isinstance(extra, dict) else None
    shown = config_file.name if config_file else CONFIG_FILE
    document = Document(path=shown, data=data if data is not None else {})
    problems: list[Problem] = []
    settings: Settings | None = validate(Settings, document, problems)
    address = web_address_problem(str(site_url)) if site_url else None
    if settings is not None and address is None:
        return settings
    lines = config_file.read_text(encoding="utf-8").splitlines() if config_file and config_file.is_file() else []
    found = [
        Problem(shown, _line_of(lines, problem.field), f"extra.cop.{problem.field}".rstrip("."), problem.message)
        for problem in problems
    ]
    if address:
        found.append(Problem(shown, _top_line(lines, "site_url"), "site_url", _site_url_message(site_url, address)))
    raise ContentError(found)


def _site_url_message(site_url: object, problem: str) -> str:
    return f"{refused_web_address(site_url, problem)}; schrijf het adres van de site, zoals https://www.voorbeeld.nl/"


def _line_of(lines: list[str], field: str) -> int:
    """The line of `field:` inside the `cop:` block of mkdocs.yml, or 0 when it is not written there."""
    name = field.split(".")[0].split("[")[0]
    inside = False
    for number, line in enumerate(lines, 1):
        if re.match(r"^\s+cop:\s*$", line):
            inside = True
        elif inside and name and re.match(rf"^\s+{re.escape(name)}:", line):
            return number
    return 0


def _top_line(lines: list[str], name: str) -> int:
    """The line of a top-level `name:` of mkdocs.yml, or 0."""
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{name}:")), 0)


def read_config(file: Path) -> dict[str, Any]:
    """mkdocs.yml as data, without MkDocs: tags such as !ENV or !!python/name read as plain values."""
    loaded = yaml.load(file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return loaded if isinstance(loaded, dict) else {}


def project_today(config_file: Path) -> dt.date:
    """The build date the build of this project would use, for commands that run without MkDocs (`cop check`,
    `cop agenda`): COP_BUILD_DATE, else `extra.cop.build_date` in `config_file`, else today in Amsterdam.
    Raises ContentError for a wrong setting and ValueError when the file is no YAML."""
    if not config_file.is_file():
        return build_date()
    try:
        config = read_config(config_file)
    except yaml.YAMLError as error:
        raise ValueError(f"{config_file.as_posix()}: geen geldige YAML ({error})") from None
    extra = config.get("extra")
    return read_settings(extra if isinstance(extra, dict) else {}, config_file, config.get("site_url")).today()


class _ConfigLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _any_tag)
