"""The inputs that are not content files: the settings a build reads from
the environment (the site's address, the newsletter endpoint) and
content/authors.yml. Each problem names the variable or the line, and the fix.

Addresses from the environment end up in every page, in the sitemap, in
the Content-Security-Policy and in `_headers`, so they must be plain https
addresses: nothing that could add a directive (`;`, `,`), break out of an
attribute (quotes, `<`), publish a password (`user:secret@`) or run a
script (`javascript:`). Plain http is allowed for previews on this computer.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem
from ..site import newsletter
from ..site.authors import read_authors
from .sources import display_path

ENVIRONMENT = "environment"
LOCAL_HOSTS = ("localhost", "127.0.0.1")
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_NOT_IN_ADDRESSES = ";,\"'`<>\\"
FIXES = {
    "SITEURL": "set SITEURL to the site's public address, such as "
    "https://www.newpathwaysclinic.org (http:// only for http://localhost previews)",
    "NEWSLETTER_ACTION": "set NEWSLETTER_ACTION to the provider's https:// form endpoint, such "
    "as https://buttondown.email/api/emails/embed-subscribe/<name>",
    "NEWSLETTER_PROVIDER": f"set NEWSLETTER_PROVIDER to one of: {', '.join(newsletter.PRESETS)}",
}


def authors_problems(settings):
    """({key: AuthorProfile} or None when unreadable, [Problem]) for authors.yml."""
    root = Path(settings["PATH"])
    path = root / settings["CLINIC_AUTHORS_FILE"]
    return read_authors(path, display_path(path, root))


def settings_problems(settings):
    """The build: the site's address and the newsletter form as the settings
    give them (publishconf.py reads them from the environment)."""
    production = settings["CLINIC_PRODUCTION"]
    problems = []
    siteurl = settings["SITEURL"] or ""
    if siteurl:
        problems += _address("SITEURL", siteurl, query=False)
    elif production:
        problems.append(_problem("SITEURL", "is empty in a production build"))
    setting = dict(settings["NEWSLETTER"] or {})
    provider = setting.get("provider", "generic")
    if provider not in newsletter.PRESETS:
        return [*problems, _problem("NEWSLETTER_PROVIDER", f"'{provider}' is not a provider")]
    action = newsletter.action_for(provider, setting)
    if action:
        problems += _address("NEWSLETTER_ACTION", action, query=True)
    elif production:
        what = "is not set, so the signup form would post nowhere"
        problems.append(_problem("NEWSLETTER_ACTION", what))
    if action and not problems:
        try:  # what the provider itself needs (Mailchimp's list ids)
            newsletter.build_form(setting, settings["NEWSLETTER_THANK_YOU_URL"], production)
        except newsletter.NewsletterSettingsError as error:
            what, _, fix = str(error).partition(" -> ")
            problems.append(Problem(ENVIRONMENT, "NEWSLETTER_ACTION", what, fix, 0))
    return problems


def environment_problems(environ):
    """`invoke check`: the same rules on whichever of these variables are set."""
    problems = []
    if "SITEURL" in environ:
        problems += _address("SITEURL", environ["SITEURL"], query=False)
    if "NEWSLETTER_ACTION" in environ:
        problems += _address("NEWSLETTER_ACTION", environ["NEWSLETTER_ACTION"], query=True)
    provider = environ.get("NEWSLETTER_PROVIDER")
    if provider is not None and provider not in newsletter.PRESETS:
        problems.append(_problem("NEWSLETTER_PROVIDER", f"'{provider}' is not a provider"))
    return problems


def _address(name, value, query):
    what = address_problem(value, query)
    return [_problem(name, what)] if what else []


def _problem(name, what):
    return Problem(ENVIRONMENT, name, what, FIXES[name], 0)


def address_problem(value, query=False):
    """Why `value` is not a plain https address (http on this computer), or
    None. `query`: whether it may carry a ?query (form endpoints do)."""
    return next(_reasons(value, query), None)


def _reasons(value, query):
    if not value.strip():
        yield "is set but empty"
    if not value.isprintable():
        odd = next(char for char in value if not char.isprintable())
        yield f"contains a control character ({odd!r})"
    if any(char.isspace() for char in value):
        yield f"'{value}' contains a space"
    odd = [char for char in value if char in _NOT_IN_ADDRESSES]
    if odd:
        yield f"'{value}' contains {odd[0]}, which no plain web address needs"
    parts = urlsplit(value)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS):
        yield f"'{value}' is not an https:// address"
    if "@" in parts.netloc:
        yield f"'{value}' contains a user name or password, which every page would publish"
    if not _port_is_a_number(parts):
        yield f"'{value}' has a port that is not a number"
    if not _HOST.match(parts.hostname or ""):
        yield f"'{value}' has no valid host name"
    if parts.fragment or (parts.query and not query) or value.endswith(("?", "#")):
        yield f"'{value}' has a ?query or #fragment, which this address cannot use"


def _port_is_a_number(parts):
    try:
        return parts.port is None or parts.port >= 0  # urlsplit checks it only when asked
    except ValueError:
        return False
