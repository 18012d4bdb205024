import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuilder import build


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real content, built once per test session with the local settings."""
    return build(tmp_path_factory.mktemp("site"))
