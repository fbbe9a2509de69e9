"""One declaration per collection: everything the site knows about a kind of item, in one place.

Loader, URLs, generated pages, downloads, feeds, reference checks, `cop new`, the JSON Schemas and the
benchmark's synthetic content all derive from `COLLECTIONS` and `SITE_DATA`. A new collection is a model,
a declaration here and an item template in overrides/cop/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coplimburg.content.events import Event
from coplimburg.content.fields import FILE_FOLDER, IMAGE_FOLDER, Item, Strict
from coplimburg.content.posts import Post
from coplimburg.content.products import Product
from coplimburg.content.sitedata import Matrix, Partner, PartnerFile, ProgrammeFile, Vocabularies
from coplimburg.content.tables import Table


@dataclass(frozen=True)
class Reference:
    """A field that names ids of something else: another collection (by key) or a vocabulary."""

    target: str
    what: str  # how editors call one of those, in Dutch: "tafel", "doelgroep"
    single: bool = False  # one id rather than a list
    neuter: bool = False  # a het-word ("het evenement"): "onbekend evenement", not "onbekende"

    @property
    def unknown(self) -> str:
        """How a problem names an id that does not exist: "onbekende tafel", "onbekend product"."""
        return f"onbekend {self.what}" if self.neuter else f"onbekende {self.what}"


@dataclass(frozen=True)
class Overview:
    """The generated overview page of a collection."""

    source: str  # generated Markdown source, e.g. "agenda/index.md"
    title: str
    template: str
    view: str  # which page view of coplimburg.pages.registry it displays; "list" lists the items (cop/list.html)
    description: str


@dataclass(frozen=True)
class Feed:
    """The collection's own feed and its items' category in every feed."""

    position: int  # where its feed is listed, and its items among items of the same date
    term: str  # category term in feeds
    title: str  # appended to the site name: "CoP Limburg: Agenda"
    description: str


@dataclass(frozen=True)
class Example:
    """A field's example in `cop new`: YAML after `name:` ({today}, {id} filled in), a Dutch note, and a
    vocabulary whose ids are listed beside it."""

    value: str
    note: str
    vocabulary: str | None = None
    filled: bool = False  # shown filled in although optional (a check across fields needs it)
    usable: bool = False  # a value an item may keep; otherwise its text is a placeholder `cop check` reports


@dataclass(frozen=True)
class Scaffold:
    """How `cop new KIND` starts an item of this collection."""

    kind: str  # the command's word: event, product, table, post
    guide: str  # the editors' guide page of this collection
    body: str
    examples: dict[str, Example]
    words: tuple[str, ...] = ()  # Dutch words `cop new` takes for `kind` too: evenement, tafel


@dataclass(frozen=True)
class Form:
    """How the browser editor at /admin/ (coplimburg.cms) lists the items and names one in a reference field:
    Decap templates over the item's fields."""

    summary: str = "{{title}}"  # one line per item in lists and in reference fields
    search: tuple[str, ...] = ("title",)  # the fields a reference field searches
    sort: tuple[str, ...] = ("title",)  # what the list can be sorted by


@dataclass(frozen=True)
class Collection:
    key: str  # the name in code: tables, events, products, posts, partners
    model: type[Any]
    name: str  # one item, as editors call it (Dutch)
    plural: str
    section: str  # URL folder of its pages: "agenda" → /agenda/<id>/
    template: str  # item page template
    search_kind: str  # the kind site search shows and filters by (coplimburg.pages.search)
    folder: str | None = None  # content/<folder>/<id>.md; None: the items come from site data
    references: dict[str, Reference] = field(default_factory=dict)
    overview: Overview | None = None
    feed: Feed | None = None
    scaffold: Scaffold | None = None
    form: Form = Form()

    @property
    def items_are_files(self) -> bool:
        return self.folder is not None


@dataclass(frozen=True)
class SiteData:
    """A file of content/site/ and the model it is read into; references name dotted paths through its lists
    (`programme.event`: the event of each edition)."""

    file: str
    model: type[Strict]
    references: dict[str, Reference] = field(default_factory=dict)


SUMMARY_NOTE = "vervang deze tekst; hoogstens 300 tekens"
_IMAGE = Example("images/{id}.jpg", "afbeelding, relatief aan dit bestand")
_IMAGE_ALT = Example("Beschrijving van de afbeelding", "verplicht bij image")

TABLES = Collection(
    key="tables",
    model=Table,
    name="innovatietafel",
    search_kind="tafel",
    plural="tafels",
    section="innovatietafels",
    template="cop/table.html",
    folder="tables",
    references={
        "lead.organisation": Reference("partners", "partner", single=True),
        "members": Reference("partners", "partner"),
        "sounding_board": Reference("sounding_board", "klankbordgroep"),
    },
    overview=Overview(
        "innovatietafels/index.md",
        "Innovatietafels",
        "cop/tables.html",
        "tables",
        "De innovatietafels van de CoP Limburg: elk een eigen thema, met onderwijs, bedrijven en experts aan tafel.",
    ),
    scaffold=Scaffold(
        "table",
        "docs-redactie/tafel.md",
        "Beschrijf hier de tafel: de vraag waar ze aan werkt, wie er aan tafel zit en wat ze wil opleveren.",
        {
            "code": Example("", "unieke code van de tafel, zoals 2A of 5"),
            "title": Example("", "de naam van de tafel"),
            "theme": Example("Het thema van de tafel in één zin.", SUMMARY_NOTE),
            "lead": Example(
                "\n  role: Projectleider\n  organisation: vista-college\n  # name: Voornaam Achternaam",
                "trekker: rol, partner-id en (alleen met toestemming) naam",
            ),
            "members": Example("[vista-college]", "partner-id's van de leden"),
            "sounding_board": Example("[studenten]", "klankbord", vocabulary="sounding_board"),
            "cadence": Example("Elke 8 weken afstemming", "hoe vaak de tafel samenkomt", usable=True),
            "status": Example("actief", "actief of afgerond"),
        },
        words=("tafel", "innovatietafel"),
    ),
    form=Form(summary="Tafel {{code}}: {{title}}", search=("code", "title"), sort=("code", "title")),
)

EVENTS = Collection(
    key="events",
    model=Event,
    name="evenement",
    search_kind="evenement",
    plural="evenementen",
    section="agenda",
    template="cop/event.html",
    folder="events",
    references={
        "kind": Reference("event_kinds", "soort", single=True),
        "tables": Reference("tables", "tafel"),
        "partners": Reference("partners", "partner"),
        "outcomes": Reference("products", "product", neuter=True),
    },
    overview=Overview(
        "agenda/index.md",
        "Agenda",
        "cop/agenda.html",
        "agenda",
        "De komende bijeenkomsten van de CoP Limburg en het archief van CoPpisch, klankborden en tafelafstemmingen.",
    ),
    feed=Feed(2, "agenda", "Agenda", "Nieuw aangekondigde evenementen: CoPpisch, klankborden en tafelbijeenkomsten."),
    scaffold=Scaffold(
        "event",
        "docs-redactie/evenement.md",
        "Beschrijf hier het evenement: het programma, voor wie het is en wat deelnemers kunnen verwachten.",
        {
            "title": Example("", "de naam van het evenement"),
            "summary": Example("Vat het evenement samen in één of twee zinnen.", SUMMARY_NOTE),
            "kind": Example("overig", "soort evenement", vocabulary="event_kinds"),
            "start": Example("{today} 13:00", "datum, of datum en tijd"),
            "end": Example("{today} 17:00", "einde; niet vóór start, net als start met of zonder tijd"),
            "location": Example("Naam van de locatie, plaats", "verplicht, tenzij online is ingevuld", filled=True),
            "address": Example("Straat 1, 1234 AB Plaats", "adres voor de routebeschrijving"),
            "online": Example("https://example.org/deelnemen", "link voor online deelname"),
            "tables": Example("[tafel-3]", "tafel-id's (bestandsnamen in content/tables/)"),
            "partners": Example(
                "[vista-college]", "organisatoren en gastheren: partner-id's (content/site/partners.yml)"
            ),
            "registration": Example("https://example.org/aanmelden", "aanmeldlink"),
            "status": Example("gepland", "gepland, geannuleerd of verplaatst"),
            "previous_start": Example("{today} 10:00", "bij verplaatst: de oude start"),
            "published": Example("{today}", "datum van aankondiging"),
            "outcomes": Example("[blokkendoos-ibo]", "product-id's die hier gepresenteerd zijn"),
            "image": _IMAGE,
            "image_alt": _IMAGE_ALT,
            "repeat": Example(
                "\n  interval: 8\n  unit: weken\n  until: {today}\n  except: []\n  moved: []",
                "een reeks: elke interval weken of maanden tot en met until",
            ),
        },
        words=("evenement",),
    ),
    form=Form(summary="{{start}} · {{title}}", sort=("start", "title", "published")),
)

PRODUCTS = Collection(
    key="products",
    model=Product,
    name="product",
    search_kind="product",
    plural="producten",
    section="coppyright",
    template="cop/product.html",
    folder="coppyright",
    references={
        "type": Reference("types", "soort product", single=True),
        "tables": Reference("tables", "tafel"),
        "partners": Reference("partners", "partner"),
        "audiences": Reference("audiences", "doelgroep"),
        "levels": Reference("levels", "niveau", neuter=True),
        "domains": Reference("domains", "domein", neuter=True),
        "license": Reference("licenses", "licentie", single=True),
    },
    overview=Overview(
        "coppyright/index.md",
        "CoPyright",
        "cop/catalogue.html",
        "catalogue",
        "CoPyright: curricula, modules, IBO's, methodieken, tools en onderzoek van de CoP Limburg, vrij te gebruiken.",
    ),
    feed=Feed(3, "coppyright", "CoPyright", "Nieuw gepubliceerde producten in CoPyright, vrij te gebruiken."),
    scaffold=Scaffold(
        "product",
        "docs-redactie/product.md",
        "Beschrijf hier het product: wat het is, voor wie, en hoe je het gebruikt.",
        {
            "title": Example("", "de naam van het product"),
            "summary": Example("Vat het product samen in één of twee zinnen.", SUMMARY_NOTE),
            "type": Example("tool", "soort product", vocabulary="types"),
            "tables": Example("[tafel-2b]", "tafel-id's"),
            "partners": Example("[vista-college]", "partner-id's uit content/site/partners.yml"),
            "audiences": Example("[docenten]", "doelgroepen", vocabulary="audiences"),
            "levels": Example("[mbo-4]", "niveaus", vocabulary="levels"),
            "domains": Example("[procestechniek]", "domeinen", vocabulary="domains"),
            "license": Example("CC-BY-SA-4.0", "licentie", vocabulary="licenses"),
            "version": Example('"1.0"', "versie, tussen aanhalingstekens"),
            "published": Example("{today}", "datum van verschijnen"),
            "updated": Example("{today}", "datum van de laatste bijwerking; niet vóór published"),
            "files": Example(
                "\n  - path: files/{id}/document.pdf\n    title: Titel van de download",
                "downloads: paden relatief aan dit bestand, binnen content/",
            ),
            "image": _IMAGE,
            "image_alt": _IMAGE_ALT,
        },
    ),
    form=Form(sort=("title", "published")),
)

POSTS = Collection(
    key="posts",
    model=Post,
    name="nieuwsbericht",
    search_kind="nieuws",
    plural="nieuwsberichten",
    section="coppig/nieuws",
    template="cop/post.html",
    folder="news",
    references={
        "categories": Reference("news_categories", "categorie"),
        "tables": Reference("tables", "tafel"),
        "events": Reference("events", "evenement", neuter=True),
    },
    overview=Overview(
        "coppig/index.md",
        "CoPPIG",
        "cop/news.html",
        "news",
        "CoPPIG, de nieuwsbrief van de CoP Limburg: nieuws van de innovatietafels, CoPpisch en CoPyright.",
    ),
    feed=Feed(1, "nieuws", "Nieuws", "De nieuwsberichten van de CoPPIG."),
    scaffold=Scaffold(
        "post",
        "docs-redactie/nieuws.md",
        "Schrijf hier het bericht. Begin met de kern: wat er gebeurd is of gaat gebeuren.",
        {
            "title": Example("", "de kop van het bericht"),
            "summary": Example("Vat het bericht samen in één of twee zinnen.", SUMMARY_NOTE),
            "published": Example("{today}", "publicatiedatum"),
            "categories": Example("[coppisch]", "categorieën", vocabulary="news_categories"),
            "tables": Example("[tafel-3]", "tafel-id's"),
            "events": Example("[groot-klankbord]", "evenement-id's waarop het bericht terugblikt"),
            "image": _IMAGE,
            "image_alt": _IMAGE_ALT,
        },
        words=("nieuws", "nieuwsbericht", "bericht"),
    ),
    form=Form(summary="{{published}} · {{title}}", sort=("published", "title")),
)

PARTNERS = Collection(
    key="partners",
    model=Partner,
    name="partner",
    search_kind="partner",
    plural="partners",
    section="partners",
    template="cop/partner.html",
    references={"kind": Reference("partner_kinds", "soort", single=True)},
    form=Form(summary="{{name}}", search=("name",), sort=("name",)),
)

# In the order feeds list their items on the same date, and `cop check` counts them.
COLLECTIONS: dict[str, Collection] = {
    collection.key: collection for collection in (TABLES, EVENTS, PRODUCTS, POSTS, PARTNERS)
}
FILE_COLLECTIONS: dict[str, Collection] = {key: one for key, one in COLLECTIONS.items() if one.items_are_files}
FEED_COLLECTIONS: dict[str, Collection] = {
    one.key: one
    for one in sorted(COLLECTIONS.values(), key=lambda one: one.feed.position if one.feed else 0)
    if one.feed
}
SCAFFOLDS: dict[str, Collection] = {one.scaffold.kind: one for one in COLLECTIONS.values() if one.scaffold}

SITE_DATA: dict[str, SiteData] = {
    data.file: data
    for data in (
        SiteData("partners.yml", PartnerFile),
        SiteData("vocabularies.yml", Vocabularies),
        SiteData(
            "programme.yml",
            ProgrammeFile,
            {"programme.event": Reference("events", "evenement", single=True, neuter=True)},
        ),
        SiteData("matrix.yml", Matrix, {"columns.partner": Reference("partners", "partner", single=True)}),
    )
}
SITE_FOLDER = "site"
# Folders beside the items that hold their downloads and images, not items.
ASSET_FOLDERS = (FILE_FOLDER, IMAGE_FOLDER)


def by_folder(folder: str) -> Collection | None:
    """The collection whose items live in content/<folder>/."""
    return next((one for one in FILE_COLLECTIONS.values() if one.folder == folder), None)


def item_model(collection: Collection) -> type[Item]:
    model: type[Item] = collection.model
    return model
