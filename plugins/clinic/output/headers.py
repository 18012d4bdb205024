"""Security and privacy headers, as data: the Content-Security-Policy every
page carries in a <meta> tag, and the `_headers` file (Netlify / Cloudflare
Pages format) that hosts able to send real headers serve with every file.

Settings and the newsletter form in (the site's own origin, the form's
endpoint), strings out.

Every page gets the site's policy; a kind of page that needs more (the
search page runs WebAssembly) gets its own policy with just that added, and
only that kind gets it: POLICY_KINDS says what each kind adds, KIND_FOLDERS
where its pages live. A template names its kind with `{% set csp_kind = ... %}`.
"""

from pathlib import Path
from urllib.parse import urlsplit

from ..body.links import site_path
from ..files import write_if_changed
from ..images.variants import PICTURES_DIR
from ..settings import with_defaults
from ..site import redirects
from ..site.state import STATE as SITE
from .minify import FINGERPRINTED
from .search_index import BUNDLE
from .state import STATE

REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()"
)
# Two years. Not includeSubDomains: the clinic's other subdomains (mail,
# patient portal, ...) are run by others, and HSTS would lock them to HTTPS.
STRICT_TRANSPORT_SECURITY = "max-age=63072000"

# Cache lifetimes by path (first match wins; the patterns never overlap).
# Theme files carry a content hash in their names, and the resized pictures
# pages show sit in folders named after their source's bytes
# (images/variants.py): a changed file gets a new address, so the old one
# can be cached for good. The writer's own files in /images/ (the link-preview
# picture, the favicon) keep their names when replaced: a week only.
ASSET_CACHE_RULES = (
    ("/theme/*", "public, max-age=31536000, immutable"),
    (f"/{PICTURES_DIR}/*", "public, max-age=31536000, immutable"),
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


# What each kind of page adds to the site's policy.
POLICY_KINDS = {
    "page": {},
    # Pagefind's search runs WebAssembly, in the page and in a worker.
    "search": {"script-src": ["'wasm-unsafe-eval'"], "worker-src": ["'self'"]},
    # The browser editor (Decap CMS, plugins/clinic/editor/): its config
    # validator compiles code at run time (decap-cms issue #2138), it injects
    # its styles at run time (CSS-in-JS), and its media library shows and
    # reads pictures through blob: URLs. Where it saves: editor_sources().
    "admin": {
        "script-src": ["'unsafe-eval'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["blob:"],
        "connect-src": ["blob:"],
    },
}
# Where each kind's pages live: setting naming their URL -> kind. Pages of a
# kind sit in a top-level folder of their own, so `_headers` gives the
# folder its own policy without any rule overlapping another.
KIND_FOLDERS = {"SEARCH_URL": "search", "CLINIC_EDITOR_URL": "admin"}
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"  # beside the writer's name


def csp_directives(settings, form, kind="page"):
    """The policy as an ordered mapping: directive -> list of sources."""
    settings = with_defaults(settings)
    form_sources = ["'self'"]
    form_origin = newsletter_origin(settings, form)
    if form_origin:
        form_sources += [form_origin, *FORM_ORIGIN_ALIASES.get(form_origin, ())]
    script_sources = script_folders(settings) or ["'self'"]
    if settings["CLINIC_LIVERELOAD"] and not settings["CLINIC_PRODUCTION"]:
        # Only `invoke livereload`'s local server sets this: python-livereload
        # injects a small inline loader script into every page it serves.
        script_sources.append("'unsafe-inline'")
    directives = {
        "default-src": ["'self'"],
        "script-src": script_sources,
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": form_sources,
        # Nothing is framed or embedded: no iframe, frame, object or worker
        # (workers fall back to child-src), unless a kind adds one.
        "frame-src": ["'none'"],
        "child-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
    for name, sources in POLICY_KINDS[kind].items():
        directives[name] = [*directives.get(name, []), *sources]
    if kind == "admin":
        for name, sources in editor_sources(settings).items():
            directives[name] = [*directives[name], *sources]
    return directives


def script_folders(settings):
    """The only places scripts may come from, where the site has an address
    of its own (production): the theme's script folder and Pagefind's. A
    file anywhere else on the site, such as a picture that is really a
    script, cannot run. [] for a preview (SITEURL empty): 'self' there."""
    siteurl = urlsplit(settings.get("SITEURL") or "")
    if not siteurl.scheme or not siteurl.netloc:
        return []
    base = settings["SITEURL"].rstrip("/")
    scripts = Path(settings["THEME_STATIC_DIR"]) / Path(FINGERPRINTED["search_script_path"]).parent
    return [f"{base}/{scripts.as_posix()}/", f"{base}/{BUNDLE}/"]


def editor_sources(settings):
    """What the editor adds: its own folder for its scripts, where the site
    has an address of its own (script_folders); where it saves: decap-server
    on this computer when the build says so (CLINIC_EDITOR_LOCAL_BACKEND),
    else GitHub."""
    sources = {}
    if script_folders(settings):
        folder = settings["CLINIC_EDITOR_URL"].strip("/")
        sources["script-src"] = [f"{settings['SITEURL'].rstrip('/')}/{folder}/"]
    local = settings["CLINIC_EDITOR_LOCAL_BACKEND"]
    if local:
        parts = urlsplit(local)
        return {**sources, "connect-src": [f"{parts.scheme}://{parts.netloc}"]}
    return {**sources, "connect-src": [GITHUB_API], "img-src": [GITHUB_AVATARS]}


def serialise(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def content_security_policy(settings, form, kind="page"):
    """The policy for the <meta http-equiv> tag."""
    return serialise(csp_directives(settings, form, kind))


def header_content_security_policy(settings, form, kind="page"):
    """The same policy sent as a header, which can also forbid framing
    (browsers ignore frame-ancestors in a <meta> tag)."""
    return serialise({**csp_directives(settings, form, kind), "frame-ancestors": ["'none'"]})


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
    context, settings = generators[0].context, generators[0].settings
    context["content_security_policies"] = {
        kind: content_security_policy(settings, SITE.newsletter_form, kind) for kind in POLICY_KINDS
    }
    context["referrer_policy"] = REFERRER_POLICY
    context.update(STATE.theme_files)


def headers_file(settings, form, top_level_entries, skip=()):
    """The `_headers` text. `top_level_entries` are the names at the root of
    the output: each that is not an asset folder gets the page cache rule.
    Hosts merge every rule that matches a path, joining repeated headers with
    commas (two policies would both apply), so Cache-Control and
    Content-Security-Policy rules must never overlap, and `/*` has neither."""
    blocks = [
        (
            "/*",
            [
                ("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", REFERRER_POLICY),
                ("Permissions-Policy", PERMISSIONS_POLICY),
            ],
        )
    ]
    kinds = folder_kinds(settings)

    def policy(pattern):
        kind = kinds.get(pattern.strip("/*"), "page")
        return ("Content-Security-Policy", header_content_security_policy(settings, form, kind))

    blocks += [
        (pattern, [policy(pattern), ("Cache-Control", value)])
        for pattern, value in ASSET_CACHE_RULES
    ]
    blocks += [
        (pattern, [policy(pattern), ("Cache-Control", PAGE_CACHE)])
        for pattern in page_patterns(top_level_entries, skip)
    ]
    lines = ["# Written by plugins/clinic/output/headers.py at every build: edit that, not this."]
    path = site_path(settings.get("SITEURL"))  # rules name addresses as visitors ask for them
    for pattern, headers in blocks:
        lines.append(path + pattern)
        lines += [f"  {name}: {value}" for name, value in headers]
    return "\n".join(lines) + "\n"


def folder_kinds(settings):
    """{top-level folder: kind} for the kinds of page with a policy of their own."""
    settings = with_defaults(settings)
    return {settings[name].strip("/").split("/")[0]: kind for name, kind in KIND_FOLDERS.items()}


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
    write_if_changed(output / "_headers", text.encode("utf-8"))
