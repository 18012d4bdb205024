"""What writers run, behind the thin tasks of tasks.py: not part of any
build, so not in the plugin.

    new_article.py   `invoke new`: the article, its picture, the next steps
    live_preview.py  `invoke livereload`: rebuild on every save; while the
                     last build failed, every page is the error page
    error_page.py    that page: theme/templates/build_error.html, rendered

They import the plugin's shared modules (`clinic.*`): tasks.py puts
plugins/ on the import path first, as Pelican does for a build.
"""
