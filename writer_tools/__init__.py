"""What writers run, behind the thin tasks of tasks.py: not part of any
build, so not in the plugin.

    new_article.py   `invoke new`: the article, its picture, the next steps

They import the plugin's shared modules (`clinic.*`): tasks.py puts
plugins/ on the import path first, as Pelican does for a build.
"""
