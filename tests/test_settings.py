"""Our settings under `extra.cop` in mkdocs.yml: typed, with defaults, and Dutch errors naming the line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from sitebuild import build_site

from coplimburg.problems import ContentError
from coplimburg.settings import Settings, read_settings


def test_no_settings_give_the_documented_defaults():
    settings = read_settings({})
    assert settings == Settings(content_dir="content", build_date=None, feed_limit=20)
    assert settings.organisation == "Community of Practice Limburg"


def test_a_pinned_build_date_is_the_build_date_unless_the_environment_pins_another(monkeypatch):
    monkeypatch.delenv("COP_BUILD_DATE", raising=False)
    settings = read_settings({"cop": {"build_date": dt.date(2027, 1, 15)}})
    assert settings.today() == dt.date(2027, 1, 15)
    monkeypatch.setenv("COP_BUILD_DATE", "2026-11-28")
    assert settings.today() == dt.date(2026, 11, 28)


def test_every_bad_setting_is_reported_in_dutch_with_the_line_in_mkdocs_yml(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nextra:\n  cop:\n    feed_limit: veel\n    build_date: morgen\n    colour: rood\n",
        encoding="utf-8",
    )
    extra = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]
    with pytest.raises(ContentError) as raised:
        read_settings(extra, config)
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.yml:4: extra.cop.feed_limit: verwacht een geheel getal, gekregen 'veel'",
        "mkdocs.yml:5: extra.cop.build_date: verwacht een datum zoals 2024-06-13, gekregen 'morgen'",
        "mkdocs.yml:6: extra.cop.colour: onbekend veld",
    ]


def test_a_bad_setting_stops_the_build_with_the_dutch_message_and_no_traceback(project: Path, tmp_path: Path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("feed_limit: 20", "feed_limit: 0"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert "extra.cop.feed_limit: verwacht minstens 1, gekregen getal 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_runs_through_one_hook_file_so_no_hook_order_can_matter():
    config = yaml.safe_load((Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] == ["hooks/cop.py"]


def test_newsletter_addresses_are_optional_and_checked_in_dutch():
    assert read_settings({}).newsletter.list_address is None
    with pytest.raises(ContentError) as raised:
        read_settings({"cop": {"newsletter": {"list_address": "coppig", "unsubscribe_url": "lijst.example.nl/af"}}})
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.yml: extra.cop.newsletter.list_address: verwacht een e-mailadres zoals "
        "coppig@communityofpracticelimburg.nl, gekregen 'coppig'",
        "mkdocs.yml: extra.cop.newsletter.unsubscribe_url: verwacht een webadres dat begint met https://, "
        "gekregen 'lijst.example.nl/af'; bedoelde je https://lijst.example.nl/af?",
    ]


@pytest.mark.parametrize(
    ("organisation", "said"),
    [
        ("=?utf-8?q?Evil_=3Cevil=40evil.example=3E?=", "mag geen =? bevatten"),
        ("CoP Limburg <redactie@evil.example>", "mag geen < of > of @ bevatten"),
        ("CoP Limburg\nReply-To: iemand", "mag maar één regel zijn"),
    ],
    ids=["encoded-word", "address", "line break"],
)
def test_an_organisation_that_could_turn_the_sender_into_another_address_is_refused_with_its_line(
    tmp_path: Path, organisation: str, said: str
):
    config = tmp_path / "mkdocs.yml"
    quoted = json.dumps(organisation)  # a JSON string is a YAML string
    config.write_text(
        f"site_name: x\nextra:\n  cop:\n    feed_limit: 20\n    organisation: {quoted}\n", encoding="utf-8"
    )
    extra = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]
    with pytest.raises(ContentError) as raised:
        read_settings(extra, config)
    (problem,) = raised.value.problems
    assert (problem.path, problem.line, problem.field) == ("mkdocs.yml", 5, "extra.cop.organisation")
    assert problem.message.startswith(said)
