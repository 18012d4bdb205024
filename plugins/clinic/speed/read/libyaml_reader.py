"""Front matter read with libyaml, not PyYAML's pure-Python parser.

pelican-yaml-metadata reads each file's YAML with `yaml.safe_load`, PyYAML's
pure-Python loader: about a tenth of a preview build's time at 1,000
articles (benchmarks/build-notes.md). libyaml's loader (`yaml.CSafeLoader`)
builds the same values with the same constructors several times faster; the
content check (checks/sources.py) already reads every file with it, and stops the
build on any front matter it cannot read. Everything else is the plugin's own
code: only the call that parses the YAML text changes.

When parallel.py has had a worker read a file and convert its Markdown (with
`convert_body`, which converts it as YAMLMetadataReader.read does), the
reader takes that body and the front matter's text from there and only parses
the front matter; otherwise it reads the file as pelican-yaml-metadata does.
"""

import logging

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE, YAMLMetadataReader
from pelican.utils import pelican_open

from ..state import STATE
from . import parallel

_log = logging.getLogger(__name__)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LibYAMLMetadataReader(YAMLMetadataReader):
    def read(self, source_path):
        converted = parallel.converted_body(source_path)
        if converted is None:  # not converted ahead: read it all here
            return super().read(source_path)
        front_matter, body = converted
        metadata = self._load_yaml_metadata(front_matter, source_path)
        # As YAMLMetadataReader.read does: Markdown's Meta, as the meta extension sets it.
        self._md.Meta = {key: _as_meta(value) for key, value in metadata.items()}
        return body, metadata

    def convert_body(self, source_path):
        """(the front matter's text, the HTML of the Markdown after it, as
        YAMLMetadataReader.read makes it), or None for a file without front
        matter (read() handles those)."""
        with pelican_open(source_path) as text:
            match = HEADER_RE.fullmatch(text)
        if not match:
            return None
        return match.group("metadata"), self._md.reset().convert(match.group("content"))

    def _load_yaml_metadata(self, text, source_path):
        # As YAMLMetadataReader._load_yaml_metadata, with libyaml's loader.
        try:
            metadata = yaml.load(text, Loader=_LOADER)
        except Exception:
            _log.error("Error parsing YAML for file '%s", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            _log.error("YAML header didn't parse as a dict for file '%s'", source_path)
            _log.debug("YAML data: %r", metadata)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def _as_meta(value):
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def use_libyaml(readers):
    """`readers_init`, after pelican-yaml-metadata installed its reader."""
    if not STATE.on:
        return
    for extension, reader in list(readers.reader_classes.items()):
        if reader is YAMLMetadataReader:
            readers.reader_classes[extension] = LibYAMLMetadataReader
