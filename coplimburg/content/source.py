"""Reading content files: UTF-8 text, front matter, and YAML turned into plain data with line numbers.

YAML is composed with PyYAML's safe composer and converted here, node by node, so that no tag can
run code and the YAML 1.1 traps (`13:00` as 780, `no` as false, `010` as 8) are reported instead
of silently accepted. Dates stay text: the models parse them and name impossible ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from coplimburg.content.limits import (
    MAX_NUMBER_DIGITS,
    GuardedLoader,
    OverLimit,
    fast_loader_safe,
    read_bounded,
    tree_problem,
)
from coplimburg.expected import time_without_date
from coplimburg.problems import Problem, visible

Location = tuple[str | int, ...]

_BOOL_WORDS = {"true", "false"}
_MOMENT_FIELDS = {"start", "end", "previous_start", "from", "to"}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_TRAP_HINT = "zet de waarde tussen aanhalingstekens als je tekst bedoelt"
# PyYAML's messages, by pattern, as what an editor most likely did and how to fix it. A message not listed here is
# shown after a Dutch lead, so an editor always reads Dutch first.
_YAML_HINTS = [
    (
        r"mapping values are not allowed here",
        "een dubbele punt midden in een waarde: zet de waarde tussen aanhalingstekens; of een veld dat verder is "
        "ingesprongen dan het veld erboven",
    ),
    (r"could not find expected ':'", "een regel zonder 'veld: waarde'; controleer de dubbele punt"),
    (r"found character '\\t' that cannot start any token", "een tab; gebruik spaties om in te springen"),
    (
        r"found character '(.)' that cannot start any token",
        "een waarde die met {0} begint; zet de waarde tussen aanhalingstekens",
    ),
    (r"found undefined alias", "een * aan het begin van een waarde; zet de waarde tussen aanhalingstekens"),
    (r"expected <block end>, but found '-'", "een lijstregel ('- ') die verkeerd is ingesprongen"),
    (
        r"expected <block end>, but found '<scalar>'",
        "tekst na het sluitende aanhalingsteken: zet de hele waarde tussen de aanhalingstekens",
    ),
    (
        r"expected <block end>, but found '<block mapping start>'",
        "een veld dat anders is ingesprongen dan de velden erboven; lijn velden van hetzelfde niveau uit",
    ),
    (r"expected ',' or '\]'", "een lijst [ … ] die niet met ] is afgesloten"),
    (r"expected ',' or '}'", "een groep { … } die niet met } is afgesloten"),
    (r"found unexpected end of stream", "een aanhalingsteken dat niet is afgesloten"),
    (r"found unknown escape character", "een \\ tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    (
        r"expected chomping or indentation indicators",
        "een waarde die met | of > begint; zet de waarde tussen aanhalingstekens",
    ),
]


@dataclass
class Document:
    """One content file as data: front matter (plain Python values), body and where things stand."""

    path: str
    data: Any
    body: str = ""
    body_line: int = 1
    lines: dict[Location, int] = field(default_factory=dict)
    reported: set[Location] = field(default_factory=set)

    def line_of(self, location: Location) -> int:
        """The line of a value, or of its nearest enclosing value when the value is missing."""
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)


def read_text(file: Path, display: str, problems: list[Problem]) -> str | None:
    raw = read_bounded(file)
    if isinstance(raw, str):
        problems.append(Problem(display, 0, "", raw))
        return None
    return decode(raw, display, problems)


def decode(raw: bytes, display: str, problems: list[Problem]) -> str | None:
    """The file's bytes as UTF-8 text, or None with a problem naming the line of the first undecodable byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                display,
                line,
                "",
                f"het bestand is geen UTF-8-tekst (byte 0x{raw[error.start]:02x} kan niet gelezen "
                "worden); sla het op als UTF-8",
            )
        )
        return None


def read_markdown(file: Path, display: str, problems: list[Problem]) -> Document | None:
    """A Markdown file with front matter; None (and problems) when it cannot be read."""
    text = read_text(file, display, problems)
    return None if text is None else parse_markdown(text, display, problems)


def parse_markdown(text: str, display: str, problems: list[Problem]) -> Document | None:
    """The text of a Markdown file as front matter and body; None (and problems) when it has no front matter."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        problems.append(
            Problem(
                display,
                1,
                "",
                "verwacht front matter: het bestand moet beginnen met een regel '---', "
                "dan de velden, dan weer een regel '---'",
            )
        )
        return None
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), None)
    if closing is None:
        problems.append(
            Problem(
                display,
                1,
                "",
                "de front matter is niet afgesloten: zet een regel '---' na het laatste veld "
                "(anders verschijnt de front matter als tekst op de pagina)",
            )
        )
        return None
    document = parse_yaml("".join(lines[1:closing]), display, problems, first_line=2)
    if document is None:
        return None
    document.body = "".join(lines[closing + 1 :])
    document.body_line = closing + 2
    if document.data is None:
        document.data = {}
    return document


def read_yaml(file: Path, display: str, problems: list[Problem]) -> Document | None:
    text = read_text(file, display, problems)
    return None if text is None else parse_yaml_file(text, display, problems)


def parse_yaml_file(text: str, display: str, problems: list[Problem]) -> Document | None:
    """The text of a whole YAML file (site data) as a document."""
    return parse_yaml(text.removeprefix("\ufeff"), display, problems, first_line=1)


def parse_yaml(text: str, display: str, problems: list[Problem], first_line: int) -> Document | None:
    try:
        node = _compose(text)
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow (NUL, other control characters): its line, in one Dutch sentence.
        line = first_line + text[: error.position].count("\n")
        character = visible(chr(error.character) if isinstance(error.character, int) else str(error.character))
        problems.append(
            Problem(display, line, "", f"het teken '{character}' mag niet in een YAML-bestand staan; verwijder het")
        )
        return None
    except OverLimit as error:  # a bound of limits.py, already in Dutch
        line = first_line + error.problem_mark.line if error.problem_mark else first_line
        problems.append(Problem(display, line, "", str(error.problem)))
        return None
    except RecursionError:  # a last resort: the guarded composer stops long before Python's limit
        problems.append(Problem(display, first_line, "", "de waarden zijn te diep genest; maak de structuur platter"))
        return None
    except yaml.MarkedYAMLError as error:
        # At the end of the text, where something was never closed, the place it was opened says more.
        ended = "end of stream" in (error.problem or "") and error.context_mark
        mark = error.context_mark if ended else error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        column = f" (kolom {mark.column + 1})" if mark else ""
        problems.append(Problem(display, line, "", f"YAML-fout{column}: {yaml_hint(error.problem or error.context)}"))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(display, first_line, "", f"YAML-fout: {yaml_hint(str(error))}"))
        return None
    if node is not None and (bound := tree_problem(node)):
        where, message = bound
        problems.append(Problem(display, first_line + where.start_mark.line, "", message))
        return None
    document = Document(path=display, data=None)
    if node is not None:
        document.data = _convert(node, (), document, problems, first_line)
    return document


def yaml_hint(detail: str | None) -> str:
    """PyYAML's message as what an editor most likely did, in Dutch; its own text only after a Dutch lead."""
    for pattern, hint in _YAML_HINTS:
        if found := re.match(pattern, detail or ""):
            return "waarschijnlijk " + (hint.replace("{0}", f"'{visible(found.group(1))}'") if found.groups() else hint)
    return (
        "dit is geen geldige YAML; controleer aanhalingstekens, dubbele punten en inspringing "
        f"(de YAML-lezer meldt: {visible(detail or 'onleesbaar', 200)})"
    )


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree, composed by libyaml where PyYAML has it (about ten times faster: the benchmark
    showed the pure-Python scanner as 90 % of the content check). On an error the pure-Python parser
    reads the text again, because its messages are the ones `_YAML_HINTS` translates."""
    if not fast_loader_safe(text):  # libyaml recurses on the C stack and builds the whole tree first
        return yaml.compose(text, Loader=GuardedLoader)
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=GuardedLoader)


def dotted(location: Location) -> str:
    """`('repeat', 'moved', 0, 'to')` as editors read it: `repeat.moved[0].to`."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _convert(node: yaml.Node, location: Location, document: Document, problems: list[Problem], first_line: int) -> Any:
    line = first_line + node.start_mark.line
    document.lines[location] = line
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
        document.reported.add(location)
        problems.append(
            Problem(document.path, line, dotted(location), f"onbekend YAML-label {visible(node.tag, 80)}; laat het weg")
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key == "<<":
                problems.append(Problem(document.path, line, dotted(location), "samenvoegen met '<<' kan hier niet"))
                continue
            if key in result:
                problems.append(
                    Problem(
                        document.path,
                        first_line + key_node.start_mark.line,
                        dotted((*location, key)),
                        "dit veld staat twee keer in het bestand; laat er één staan",
                    )
                )
            result[key] = _convert(value_node, (*location, key), document, problems, first_line)
            document.lines[(*location, key)] = first_line + key_node.start_mark.line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*location, index), document, problems, first_line) for index, item in enumerate(node.value)
        ]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, location, document, problems, line)


def _scalar(node: yaml.ScalarNode, location: Location, document: Document, problems: list[Problem], line: int) -> Any:
    value: str = node.value
    tag = node.tag
    quoted = getattr(node, "style", None) not in (None, "")

    def trap(reading: str) -> str:
        document.reported.add(location)
        shown = visible(value, 80)
        problems.append(
            Problem(
                document.path, line, dotted(location), f"YAML leest {shown} als {reading}; {_TRAP_HINT} ('{shown}')"
            )
        )
        return value

    def refuse(message: str) -> None:
        document.reported.add(location)
        problems.append(Problem(document.path, line, dotted(location), message))

    if quoted or tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        if value.lower() in _BOOL_WORDS:
            return value.lower() == "true"
        return trap(f"ja/nee-waarde {'true' if value.lower() in ('yes', 'y', 'on') else 'false'}")
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and len(value) > MAX_NUMBER_DIGITS:
        return refuse(f"een getal van {len(value)} tekens is te lang (hoogstens {MAX_NUMBER_DIGITS}); {_TRAP_HINT}")
    try:
        number = _number(node)
    except (ValueError, IndexError):  # `!!int` or `!!float` on text the label does not fit, or on nothing
        label = "!!int" if tag.endswith("int") else "!!float"
        return refuse(f"het label {label} past niet bij '{visible(value, 80)}'; laat het label weg")
    if tag == "tag:yaml.org,2002:int":
        if ":" in value:
            if location and location[-1] in _MOMENT_FIELDS and re.fullmatch(r"\d{1,2}:\d{2}", value):
                # A time alone where a moment belongs: quoting it would only fail next on the missing date.
                document.reported.add(location)
                problems.append(
                    Problem(
                        document.path,
                        line,
                        dotted(location),
                        time_without_date(value, value),
                    )
                )
                return value
            return trap(f"het getal {number} (een tijd in YAML 1.1 is een zestigtallig getal)")
        if re.fullmatch(r"[-+]?0[0-7_]+", value):
            return trap(f"het getal {number} (een voorloopnul maakt er een achttallig getal van)")
        return number
    if tag == "tag:yaml.org,2002:float":
        if ":" in value:
            return trap("een zestigtallig getal")
        return number
    document.reported.add(location)
    problems.append(
        Problem(document.path, line, dotted(location), f"onbekend YAML-label {visible(tag, 80)}; laat het label weg")
    )
    return value


def _number(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:int":
        return yaml.SafeLoader.construct_yaml_int(_CONSTRUCTOR, node)
    if node.tag == "tag:yaml.org,2002:float":
        return yaml.SafeLoader.construct_yaml_float(_CONSTRUCTOR, node)
    return None


_CONSTRUCTOR = yaml.SafeLoader("")
_FAST_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
