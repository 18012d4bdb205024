"""Front matter read with libyaml, not PyYAML's pure-Python parser.

pelican-yaml-metadata reads each file's YAML with `yaml.safe_load`, PyYAML's
pure-Python loader: about a tenth of a preview build's time at 1,000
articles (benchmarks/build-notes.md). libyaml's loader (`yaml.CSafeLoader`)
builds the same values with the same constructors several times faster; the
content check (sources.py) already reads every file with it, and stops the
build on any front matter it cannot read. Everything else is the plugin's own
code: only the call that parses the YAML text changes.
"""

import logging

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

_log = logging.getLogger(__name__)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LibYAMLMetadataReader(YAMLMetadataReader):
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


def use_libyaml(readers):
    """`readers_init`, after pelican-yaml-metadata installed its reader."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is YAMLMetadataReader:
            readers.reader_classes[extension] = LibYAMLMetadataReader
