"""The newsletter signup form, as data for the `newsletter_form` macro.

Providers all accept a plain HTML POST, so the form needs no JavaScript. Each
preset knows its provider's field names; `fields` and `hidden` in the
NEWSLETTER setting override them. Nothing about the page the visitor is on is
ever sent: hidden fields are the same on every page.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


class NewsletterSettingsError(Exception):
    pass


@dataclass(frozen=True)
class NewsletterForm:
    action: str
    method: str
    email_field: str
    first_name_field: str
    location_field: str
    honeypot_field: str
    hidden_fields: tuple  # ((name, value), ...), identical on every page
    preview: bool  # True when no provider is configured (local preview only)


# Field names each provider expects; `None` means the provider has no such field.
PRESETS = {
    "generic": {"email": "email", "first_name": "first_name", "location": "location"},
    "mailchimp": {"email": "EMAIL", "first_name": "FNAME", "location": "LOCATION"},
    "buttondown": {
        "email": "email",
        "first_name": "metadata__first_name",
        "location": "metadata__location",
    },
    "kit": {
        "email": "email_address",
        "first_name": "fields[first_name]",
        "location": "fields[location]",
    },
}
SETTING_HELP = (
    "set NEWSLETTER in pelicanconf.py/publishconf.py, e.g. "
    "{'provider': 'buttondown', 'username': 'newpathways'} or "
    "{'provider': 'mailchimp', 'action': 'https://<account>.<dc>.list-manage.com/"
    "subscribe/post?u=<u>&id=<id>'}"
)


def build_form(newsletter, thank_you_url, production):
    """NEWSLETTER setting -> NewsletterForm. A production build without an
    endpoint is an error: we never publish a form that posts nowhere."""
    newsletter = dict(newsletter or {})
    provider = newsletter.get("provider", "generic")
    if provider not in PRESETS:
        raise NewsletterSettingsError(
            f"NEWSLETTER['provider'] is '{provider}' -> use one of {', '.join(PRESETS)}"
        )
    action = action_for(provider, newsletter)
    if not action:
        if production:
            raise NewsletterSettingsError(
                "NEWSLETTER has no endpoint, so the signup form would post nowhere -> "
                + SETTING_HELP
                + " (publishconf.py also reads NEWSLETTER_ACTION from the environment)"
            )
        return _preview_form(thank_you_url)
    _require_web_url(action)
    names = {**PRESETS[provider], **newsletter.get("fields", {})}
    hidden = dict(_preset_hidden(provider))
    if newsletter.get("redirect_field"):
        hidden[newsletter["redirect_field"]] = thank_you_url
    hidden.update(newsletter.get("hidden", {}))
    return NewsletterForm(
        action=action,
        method="post",
        email_field=names["email"],
        first_name_field=names["first_name"],
        location_field=names["location"],
        honeypot_field=newsletter.get("honeypot") or _preset_honeypot(provider, action),
        hidden_fields=tuple((str(k), str(v)) for k, v in hidden.items()),
        preview=False,
    )


def action_for(provider, newsletter):
    """The form's endpoint as the NEWSLETTER setting gives it ("" if none)."""
    if provider == "buttondown" and newsletter.get("username"):
        return "https://buttondown.email/api/emails/embed-subscribe/" + newsletter["username"]
    return (newsletter.get("action") or "").strip()


def _preset_hidden(provider):
    return {"embed": "1"} if provider == "buttondown" else {}


def _preset_honeypot(provider, action):
    """Mailchimp rejects sign-ups whose `b_<u>_<id>` field is filled in."""
    if provider == "mailchimp":
        query = parse_qs(urlsplit(action).query)
        if not (query.get("u") and query.get("id")):
            raise NewsletterSettingsError(
                f"NEWSLETTER['action'] '{action}' lacks the u= and id= parameters -> "
                "copy the form action from Mailchimp's embedded form code"
            )
        return f"b_{query['u'][0]}_{query['id'][0]}"
    return "website"


def _require_web_url(action):
    parts = urlsplit(action)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise NewsletterSettingsError(
            f"NEWSLETTER endpoint '{action}' is not a web address -> "
            "give the full https:// URL of the provider's form endpoint"
        )


def _preview_form(thank_you_url):
    # Local preview only: the form "submits" to the thank-you page so writers
    # can try it; the build marks it as a preview and sends nothing anywhere.
    return NewsletterForm(
        action=thank_you_url,
        method="get",
        email_field="email",
        first_name_field="first_name",
        location_field="location",
        honeypot_field="website",
        hidden_fields=(),
        preview=True,
    )
