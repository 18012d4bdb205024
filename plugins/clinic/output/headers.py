"""Security and privacy headers, as data: the Content-Security-Policy every
page carries in a <meta> tag, and the `_headers` file (Netlify / Cloudflare
Pages format) that hosts able to send real headers serve with every file.

Settings and the newsletter form in (the site's own origin, the form's
endpoint), strings out.
"""

from pathlib import Path
from urllib.parse import urlsplit

from ..settings import with_defaults
from ..site import redirects
from ..site.state import STATE as SITE
from .state import STATE

REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()"
)
# Two years. Not includeSubDomains: the clinic's other subdomains (mail,
# patient portal, ...) are run by others, and HSTS would lock them to HTTPS.
STRICT_TRANSPORT_SECURITY = "max-age=63072000"

# Cache lifetimes by path (first match wins; the patterns never overlap).
# Theme files carry a content hash in their names, so a changed file gets a
# new name and the old one can be cached for good. Images keep their names
# when a writer replaces one, so they are cached for a week only.
ASSET_CACHE_RULES = (
    ("/theme/*", "public, max-age=31536000, immutable"),
    ("/images/*", "public, max-age=604800"),
)
# Pages (and feeds, sitemap, search index): revalidate on every visit, so a
# deploy or a correction shows at once.
PAGE_CACHE = "public, max-age=0, must-revalidate"

# form-action also governs the redirects that follow a submission (Chromium
# enforces it), so a provider that answers from a second host needs both.
# Buttondown moved from buttondown.email to buttondown.com and redirects
# between the two.
FORM_ORIGIN_ALIASES = {
    "https://buttondown.email": ("https://buttondown.com",),
    "https://buttondown.com": ("https://buttondown.email",),
}


def csp_directives(settings, form):
    """The policy as an ordered mapping: directive -> list of sources."""
    settings = with_defaults(settings)
    form_sources = ["'self'"]
    form_origin = newsletter_origin(settings, form)
    if form_origin:
        form_sources += [form_origin, *FORM_ORIGIN_ALIASES.get(form_origin, ())]
    script_sources = ["'self'", "'wasm-unsafe-eval'"]  # Pagefind search runs WebAssembly
    if settings["CLINIC_LIVERELOAD"] and not settings["CLINIC_PRODUCTION"]:
        # Only `invoke livereload`'s local server sets this: python-livereload
        # injects a small inline loader script into every page it serves.
        script_sources.append("'unsafe-inline'")
    return {
        "default-src": ["'self'"],
        "script-src": script_sources,
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": form_sources,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }


def serialise(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def content_security_policy(settings, form):
    """The policy for the <meta http-equiv> tag."""
    return serialise(csp_directives(settings, form))


def header_content_security_policy(settings, form):
    """The same policy sent as a header, which can also forbid framing
    (browsers ignore frame-ancestors in a <meta> tag)."""
    return serialise({**csp_directives(settings, form), "frame-ancestors": ["'none'"]})


def newsletter_origin(settings, form):
    """The newsletter endpoint's origin when the form posts to another site,
    else None (the preview form posts to our own thank-you page)."""
    if form is None:
        return None
    action = urlsplit(form.action)
    if not action.scheme or not action.netloc:
        return None
    origin = f"{action.scheme}://{action.netloc}"
    own = urlsplit(settings.get("SITEURL") or "")
    return None if own.netloc == action.netloc else origin


def publish_policy(generators):
    """`all_generators_finalized`: the policy and the theme files' names, for
    every template."""
    context = generators[0].context
    policy = content_security_policy(generators[0].settings, SITE.newsletter_form)
    context["content_security_policy"] = policy
    context["referrer_policy"] = REFERRER_POLICY
    context.update(STATE.theme_files)


def headers_file(settings, form, top_level_entries, skip=()):
    """The `_headers` text. `top_level_entries` are the names at the root of
    the output: each that is not an asset folder gets the page cache rule.
    Hosts merge every rule that matches a path, joining repeated headers with
    commas, so Cache-Control rules must never overlap (and `/*` has none)."""
    blocks = [
        (
            "/*",
            [
                ("Content-Security-Policy", header_content_security_policy(settings, form)),
                ("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", REFERRER_POLICY),
                ("Permissions-Policy", PERMISSIONS_POLICY),
            ],
        )
    ]
    blocks += [(pattern, [("Cache-Control", value)]) for pattern, value in ASSET_CACHE_RULES]
    blocks += [
        (pattern, [("Cache-Control", PAGE_CACHE)])
        for pattern in page_patterns(top_level_entries, skip)
    ]
    lines = ["# Written by plugins/clinic/output/headers.py at every build: edit that, not this."]
    for pattern, headers in blocks:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers]
    return "\n".join(lines) + "\n"


def page_patterns(top_level_entries, skip=()):
    """One pattern for the home page and one per top-level file or folder
    that is not an asset folder. Folders in `skip` (holding only redirect
    pages) get the host's default, which also revalidates every time: a site
    with hundreds of old addresses would otherwise pass the hosts' rule limit."""
    asset_roots = {pattern.strip("/*") for pattern, _ in ASSET_CACHE_RULES}
    patterns = ["/"]
    for name, is_folder in sorted(top_level_entries):
        if name in asset_roots or name in skip or name.startswith(("_", ".")):
            continue
        if name != "index.html":
            patterns.append(f"/{name}/*" if is_folder else f"/{name}")
    return patterns


def write_headers_file(pelican):
    """finalized: write `_headers` at the root of the output."""
    output = Path(pelican.output_path)
    entries = [(entry.name, entry.is_dir()) for entry in output.iterdir()]
    skip = redirects.redirect_only_folders(output, pelican.settings)
    text = headers_file(pelican.settings, SITE.newsletter_form, entries, skip)
    (output / "_headers").write_text(text, encoding="utf-8")
