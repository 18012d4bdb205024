"""Templates compiled once per process, not once per build.

Every build makes new generators, each with a new Jinja environment, so a
livereload rebuild compiled every template again: about a tenth of a second,
a tenth of what a one-page rebuild may take. Jinja's bytecode cache keeps
each template's compiled code by its file and a checksum of its source, so
a template whose source changed is compiled afresh; here it is kept in
memory for the life of the process.
"""

from jinja2 import BytecodeCache

from ..state import STATE


class _InMemory(BytecodeCache):
    def __init__(self):
        self.compiled = {}  # bucket key -> marshalled code

    def load_bytecode(self, bucket):
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _InMemory()


def use_compiled(generator):
    """`generator_init`: the generator's environment keeps compiled templates here."""
    if STATE.on:
        generator.env.bytecode_cache = _COMPILED
