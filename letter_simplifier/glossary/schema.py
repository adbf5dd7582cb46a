"""Check a raw glossary entry against `glossary/schema.json`.

jsonschema is not a dependency; the term schema uses a handful of keywords,
and this module reads exactly those from the file. A keyword it does not know
raises, so a schema change can never be ignored silently.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .. import GLOSSARY_DIR
from ..errors import UnsupportedSchema

SCHEMA_PATH = GLOSSARY_DIR / "schema.json"
# Keywords that only describe; they never reject a value.
ANNOTATIONS = {"$schema", "$id", "title", "description"}
KNOWN = ANNOTATIONS | {"type", "required", "additionalProperties", "properties", "minLength",
                       "maxLength", "enum", "items", "uniqueItems"}
TYPES = {"object": dict, "array": list, "string": str}
TYPE_NAMES = {"object": "een tabel", "array": "een lijst", "string": "tekst"}


# The maintainers' form's own Dutch names for the fields; messages use these.
FIELD_LABELS = {"term": "Woord", "variants": "Andere vormen", "plain": "Uitleg",
                "alternative": "Gewoon woord", "example": "Voorbeeldzin", "category": "Onderwerp",
                "related": "Hoort bij", "source": "Bron"}


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


@lru_cache(maxsize=4)
def load_schema(path: Path = SCHEMA_PATH) -> dict:
    schema = json.loads(path.read_text(encoding="utf-8"))
    check_supported(schema)
    return schema


def check_supported(schema: dict) -> None:
    unknown = set(schema) - KNOWN
    if unknown:
        raise UnsupportedSchema(f"schema keywords not supported: {sorted(unknown)}")
    for sub in schema.get("properties", {}).values():
        check_supported(sub)
    if isinstance(schema.get("items"), dict):
        check_supported(schema["items"])


def schema_errors(value, schema: dict | None = None, where: str = "") -> list[tuple[str, str]]:
    """(field, Dutch message) for every way `value` breaks the schema."""
    schema = schema if schema is not None else load_schema()
    name = label(where) if where else "het woord"
    kind = schema.get("type")
    if kind and not isinstance(value, TYPES[kind]):
        return [(where, f"{name} moet {TYPE_NAMES[kind]} zijn.")]
    errors: list[tuple[str, str]] = []
    if isinstance(value, dict):
        errors += object_errors(value, schema)
    if isinstance(value, list):
        if schema.get("uniqueItems") and len(set(map(repr, value))) < len(value):
            errors.append((where, f"{name}: er staat iets twee keer in."))
        for item in value:
            errors += schema_errors(item, schema.get("items", {}), where)
    if isinstance(value, str):
        errors += string_errors(value, schema, name, where)
    return errors


def object_errors(value: dict, schema: dict) -> list[tuple[str, str]]:
    errors = [(key, f"Het veld {label(key)} ontbreekt.") for key in schema.get("required", [])
              if key not in value]
    properties = schema.get("properties", {})
    if schema.get("additionalProperties") is False:
        errors += [(key, f"Het veld {key} bestaat niet.") for key in value
                   if key not in properties]
    for key, sub in properties.items():
        if key in value:
            errors += schema_errors(value[key], sub, key)
    return errors


def string_errors(value: str, schema: dict, name: str, where: str) -> list[tuple[str, str]]:
    errors = []
    if len(value) < schema.get("minLength", 0):
        errors.append((where, f"{name} is leeg."))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append((where, f"{name} is te lang: {len(value)} tekens. "
                              f"Het mag hooguit {schema['maxLength']} tekens zijn."))
    if "enum" in schema and value not in schema["enum"]:
        errors.append((where, f"{name} moet een van deze zijn: {', '.join(schema['enum'])}."))
    return errors
