"""What the speed part puts into the seams the other parts leave open, when a
build starts: its body runner (body/steps.py), its page writer
(site/state.py), its compressor (output/compress.py), and worker processes
or threads for minify (output/minify.py) and the output check
(checks/output.py); or the defaults back when CLINIC_SPEED is off."""

from ..body import steps
from ..checks import output as output_check
from ..checks import run as content_check
from ..output import compress, minify, search_index
from ..settings import with_defaults
from ..site import context, navigation
from ..site.state import STATE as SITE
from . import cache_guard, kept_index, output_cache
from .read import body_cache, check_cache, kept_documents, parallel, related_cache
from .state import STATE
from .write import kept_pages, page_writer


def install(pelican):
    """`initialized`, before the generators load any cache: on or off for this build."""
    settings = with_defaults(pelican.settings)
    STATE.on = settings["CLINIC_SPEED"]
    STATE.cache_path = settings["CACHE_PATH"]
    STATE.written.clear()
    if not STATE.on:
        steps.RUNNER.reset()
        SITE.use_writer(None)
        for seam in (
            compress.RUNNER,
            minify.RUNNER,
            output_check.SCAN,
            navigation.RELATED,
            content_check.READ,
            content_check.CHECK_FRONT,
            content_check.CHECK_BODY,
            context.ARTICLE_PARTS,
            search_index.INDEX,
        ):
            seam.reset()
        return
    inputs = cache_guard.fingerprint(settings)
    body_cache.load(settings, inputs_changed=cache_guard.inputs_changed(settings, inputs))
    STATE.site_key = bytes.fromhex(inputs)
    kept_pages.start(settings)
    STATE.fingerprints = None
    steps.RUNNER.use(run_body)
    SITE.use_writer(page_writer.ParallelPageWriter)
    compress.RUNNER.use(output_cache.compress_kept)
    minify.RUNNER.use(output_cache.minify_kept)
    output_check.SCAN.use(output_cache.scans_kept)
    navigation.RELATED.use(related_cache.related_kept)
    check_cache.forget_unused()
    check_cache.load_body_checks(settings["CACHE_PATH"])
    content_check.READ.use(check_cache.read_kept)
    content_check.CHECK_FRONT.use(check_cache.front_kept)
    content_check.CHECK_BODY.use(check_cache.check_kept)
    context.ARTICLE_PARTS.use(kept_documents.parts_kept)
    search_index.INDEX.use(kept_index.open_kept)


def run_body(instance, then):
    """The speed part's body runner: a worker's result (later), else a kept
    one, else computed here and kept."""
    if parallel.defer(instance, then):
        return
    then(instance, body_cache.for_body(instance._content, instance.settings["SITEURL"]))
