"""The site as the build publishes it on its build date: settings read, content loaded and validated, scheduled
items held back, and CoPPIG (feeds, e-mail editions) prepared from what remains. `Build.start` and `cop coppig`
both start here, so an e-mail edition never carries what the site does not show yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coplimburg.content.cache import LoadCache
from coplimburg.content.loader import load
from coplimburg.content.publication import as_published_on
from coplimburg.content.site import Site
from coplimburg.feeds.channels import FeedSettings
from coplimburg.feeds.syndication import Syndication, prepare
from coplimburg.pages.cache import cache_folder
from coplimburg.pages.images import Originals
from coplimburg.settings import Settings, read_settings


@dataclass(frozen=True)
class Published:
    settings: Settings
    today: dt.date
    # The content folder (`extra.cop.content_dir` beside the configuration file).
    content: Path
    site: Site
    # The items' images as the build publishes them (re-encoded, in .cache/images/).
    originals: Originals
    feed_settings: FeedSettings
    syndication: Syndication


def published(
    config_file: Path,
    site_url: str,
    site_name: str,
    site_description: str,
    extra: Mapping[str, Any],
    show_scheduled: bool | None = None,
) -> Published:
    """Read settings and content; raises ContentError (or ValueError for the build date) in Dutch.

    Scheduled items are left out unless `show_scheduled` (None: as COP_PREVIEW_SCHEDULED says, for the preview)."""
    settings = read_settings(dict(extra), config_file, site_url)
    today = settings.today()
    content = config_file.parent / settings.content_dir
    site = as_published_on(load(content, today, LoadCache.of_project(config_file.parent)), today, show_scheduled)
    originals = Originals(cache_folder(config_file.parent, "images"))
    feed_settings = FeedSettings(
        title=site_name,
        description=site_description,
        organisation=settings.organisation,
        limit=settings.feed_limit,
    )
    return Published(
        settings=settings,
        today=today,
        content=content,
        site=site,
        originals=originals,
        feed_settings=feed_settings,
        syndication=prepare(site, site_url, feed_settings, today, originals, settings.newsletter),
    )
