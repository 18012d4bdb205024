"""The authors list: `content/authors.yml`, keyed by the `author:` value
writers put in front matter. Pelican knows authors only as names, so the
name, credentials and bio live here."""

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class AuthorProfile:
    key: str
    name: str
    credentials: str
    role: str
    bio: str

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class AuthorsFileError(Exception):
    pass


# Only the name is needed to publish; credentials, role and bio may follow
# (an author brought over from WordPress starts with a name alone).
REQUIRED_FIELDS = ("name",)


def load_authors(path):
    """Read the authors file into {key: AuthorProfile}; a bad file is an error
    that names the file, the entry and the fix."""
    path = Path(path)
    if not path.exists():
        raise AuthorsFileError(
            f"{path}: file not found -> create it with one entry per author "
            "(name, credentials, role, bio)"
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise AuthorsFileError(f"{path}: not valid YAML ({error}) -> fix the syntax") from error
    if not isinstance(data, dict):
        raise AuthorsFileError(f"{path}: expected a list of `key: details` entries")
    profiles = {}
    for key, entry in data.items():
        missing = [f for f in REQUIRED_FIELDS if not (entry or {}).get(f)]
        if missing:
            raise AuthorsFileError(
                f"{path}: {key}: missing {', '.join(missing)} -> add them to the entry"
            )
        profiles[key] = AuthorProfile(
            key=key,
            name=str(entry["name"]).strip(),
            credentials=str(entry.get("credentials") or "").strip(),
            role=str(entry.get("role") or "").strip(),
            bio=str(entry.get("bio") or "").strip(),
        )
    return profiles
