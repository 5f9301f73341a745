"""Canned Cypher queries: one `queries/<name>.cypher` file each, read and checked at start.

Each file opens with a header::

    // name: brokers_of
    // doc: People who brokered projects tied to a place, body or project.
    // params: $target STRING, $limit INTEGER = 50 in 1..500
    // returns: person, posts, projects, evidence, articles

A parameter is `$name TYPE [= default] [in lo..hi | in a|b|c]`; a default of `null` makes it
optional. TYPE is STRING, INTEGER, FLOAT or BOOLEAN. Loading fails, naming file and line, when
the declared parameters and the `$params` used in the body differ, so a query cannot silently
ignore (or miss) a value. `prepare()` checks and coerces caller values against the declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from opencc import OpenCC

QUERY_DIR = Path(__file__).parent
TYPES = ("STRING", "INTEGER", "FLOAT", "BOOLEAN")
# Entity ids (docs/graph-model.md) are passed through untouched; any other string is a name,
# and names in the graph are Simplified Chinese.
ID_PREFIXES = ("person:", "city:", "org:", "project:", "agreement:", "article:")

_PARAM_SPEC = re.compile(
    r"^\$(?P<name>[A-Za-z_]\w*)\s+(?P<type>[A-Z]+)"
    r"(?:\s*=\s*(?P<default>[^\s]+))?"
    r"(?:\s+in\s+(?P<domain>\S+))?$"
)
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_t2s = OpenCC("t2s")


class QueryFileError(ValueError):
    """A `.cypher` file whose header is malformed or disagrees with its body."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path.name}:{line}: {message}")
        self.path, self.line = path, line


class ParameterError(ValueError):
    """A caller-supplied value that does not fit a query's declared parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


@dataclass(frozen=True)
class Param:
    """One declared parameter: type, optional default, optional range or choices."""

    name: str
    type: str
    required: bool = True
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, raw: Any) -> Any:
        """Check one raw value (str from a URL, or a typed value) and return it typed."""
        if raw is None or (isinstance(raw, str) and not raw.strip() and self.type != "STRING"):
            if self.required:
                raise ParameterError(self.name, "is required")
            return self.default
        value: Any
        try:
            if self.type == "INTEGER":
                if isinstance(raw, (bool, float)):
                    raise ValueError
                value = int(raw)
            elif self.type == "FLOAT":
                value = float(raw)
            elif self.type == "BOOLEAN":
                value = _boolean(raw)
            else:
                value = _string(raw)
        except (TypeError, ValueError):
            raise ParameterError(self.name, f"expected {self.type}, got {raw!r}") from None
        if self.type == "STRING" and not value:
            raise ParameterError(self.name, "must not be empty")
        if self.choices and value not in self.choices:
            raise ParameterError(self.name, f"must be one of {', '.join(self.choices)}")
        if self.minimum is not None and value < self.minimum:
            raise ParameterError(self.name, f"must be ≥ {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ParameterError(self.name, f"must be ≤ {self.maximum}")
        return value

    def describe(self) -> dict[str, Any]:
        """The parameter as shown in the catalogue."""
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "choices": list(self.choices),
        }


@dataclass(frozen=True)
class Query:
    """A canned query: its header and its Cypher text."""

    name: str
    doc: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    cypher: str
    path: Path = field(compare=False)

    def param(self, name: str) -> Param | None:
        """The declared parameter called `name`, if any."""
        return next((p for p in self.params if p.name == name), None)

    def prepare(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate caller values against the declaration; unknown names are an error."""
        unknown = sorted(set(raw) - {p.name for p in self.params})
        if unknown:
            raise ParameterError(unknown[0], f"is not a parameter of {self.name}")
        return {p.name: p.coerce(raw.get(p.name)) for p in self.params}


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ValueError(raw)


def _string(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(raw)
    text = raw.strip()
    return text if text.startswith(ID_PREFIXES) else _t2s.convert(text)


def _parse_param(spec: str, path: Path, line: int) -> Param:
    match = _PARAM_SPEC.match(spec.strip())
    if not match:
        raise QueryFileError(path, line, f"bad parameter declaration {spec.strip()!r}")
    name, type_, default, domain = match.group("name", "type", "default", "domain")
    if type_ not in TYPES:
        raise QueryFileError(path, line, f"${name}: unknown type {type_} (one of {', '.join(TYPES)})")
    param = Param(name=name, type=type_)
    minimum = maximum = None
    choices: tuple[str, ...] = ()
    if domain and ".." in domain:
        lo, _, hi = domain.partition("..")
        minimum, maximum = int(lo), int(hi)
    elif domain:
        choices = tuple(domain.split("|"))
    param = Param(name=name, type=type_, minimum=minimum, maximum=maximum, choices=choices)
    if default is None:
        return param
    if default == "null":
        return Param(name, type_, False, None, minimum, maximum, choices)
    try:
        value = param.coerce(default)
    except ParameterError as err:
        raise QueryFileError(path, line, f"default {err}") from None
    return Param(name, type_, False, value, minimum, maximum, choices)


def parse(path: Path) -> Query:
    """Read one `.cypher` file; raise `QueryFileError` naming file and line on any mismatch."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, tuple[int, str]] = {}
    body_start = 0
    last_key = ""
    for number, line in enumerate(lines, 1):
        found = re.match(r"^//\s*(name|doc|params|returns):\s*(.*)$", line)
        if found:
            last_key = found.group(1)
            if last_key in header:
                raise QueryFileError(path, number, f"duplicate header `{last_key}`")
            header[last_key] = (number, found.group(2).strip())
        elif line.startswith("//"):
            if last_key == "doc":  # a comment line right after `doc:` continues it
                header["doc"] = (header["doc"][0], f"{header['doc'][1]} {line[2:].strip()}")
        elif line.strip():
            body_start = number
            break
    for key in ("name", "doc", "params", "returns"):
        if key not in header:
            raise QueryFileError(path, 1, f"missing header `// {key}:`")
    name_line, name = header["name"]
    if name != path.stem:
        raise QueryFileError(path, name_line, f"name {name!r} differs from the file name {path.stem!r}")
    params_line, params_text = header["params"]
    params = tuple(_parse_param(s, path, params_line) for s in params_text.split(",") if s.strip())
    declared = {p.name for p in params}
    if len(declared) != len(params):
        raise QueryFileError(path, params_line, "a parameter is declared twice")
    used: dict[str, int] = {}
    for number in range(body_start, len(lines) + 1):
        code = _STRING_LITERAL.sub("''", lines[number - 1].split("//")[0])
        for use in _PARAM_USE.findall(code):
            used.setdefault(use, number)
    for use, number in sorted(used.items(), key=lambda kv: kv[1]):
        if use not in declared:
            raise QueryFileError(path, number, f"${use} is used but not declared in `// params:`")
    for unused in sorted(declared - set(used)):
        raise QueryFileError(path, params_line, f"${unused} is declared but never used")
    returns = tuple(r.strip() for r in header["returns"][1].split(",") if r.strip())
    cypher = "\n".join(lines[body_start - 1 :]) if body_start else ""
    if not cypher.strip():
        raise QueryFileError(path, len(lines), "no Cypher after the header")
    return Query(name, header["doc"][1], params, returns, cypher, path)


def load(directory: Path = QUERY_DIR) -> dict[str, Query]:
    """Read and check every `.cypher` file in `directory`, by name."""
    return {q.name: q for q in (parse(p) for p in sorted(directory.glob("*.cypher")))}


@lru_cache
def catalogue() -> dict[str, Query]:
    """The project's canned queries (read once)."""
    return load()


def get(name: str) -> Query:
    """One canned query by name; `KeyError` when there is none."""
    return catalogue()[name]
