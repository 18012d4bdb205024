"""A small client for Pagefind's service mode (`pagefind --service`): one
long-lived Pagefind process that parses pages while Pelican renders the
rest, on the other core.

Why not the `pagefind` Python package's own client: its response loop sleeps
0.1 s per message it reads, so 1,000 pages would take 100 s. The protocol is
small: each message is base64(JSON) followed by a comma, on stdin for
requests ({"message_id": n, "payload": {...}}) and on stdout for answers
(same shape, same message_id; {"type": "Error", "message": ...} on failure).
Pagefind answers in the order it was asked, one message at a time.

One reader thread drains stdout into a dict of answers, so the pipe never
fills; the caller sends without waiting and collects answers when it needs
them. `pause()` ends that thread while Pagefind waits between requests (the
next request starts it again). stderr goes to a temporary file (no second
pipe to drain).
"""

import base64
import contextlib
import json
import os
import selectors
import subprocess
import tempfile
import threading

# Longer than any real GetFiles (about 1.5 s at 1,000 pages): only a hung
# Pagefind reaches it, and then the build stops instead of hanging forever.
ANSWER_TIMEOUT = 300

# Pagefind allocates with jemalloc, which gives each thread an arena of its
# own and keeps freed pages for ten seconds. Building the index at 1,000
# articles, that kept its process near 320 MiB at its peak; with one arena
# and freed pages handed back at once it peaks near 240 MiB, for about 0.2 s
# more, and the index is the same byte for byte (benchmarks/build-notes.md).
# The variable is the one Pagefind's jemalloc (tikv-jemallocator) reads.
ALLOCATOR_ENVIRONMENT = {"_RJEM_MALLOC_CONF": "narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0"}


class PagefindServiceError(Exception):
    """Pagefind stopped, answered an error, or did not answer."""


class PagefindService:
    def __init__(self, command):
        # Closed in close(): it lives as long as the process writing to it.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env={**os.environ, **ALLOCATOR_ENVIRONMENT},
            )
        except OSError:
            self._stderr.close()
            raise
        self._answers = {}  # message_id -> payload
        self._stopped = False  # stdout reached its end: Pagefind has exited
        self._arrived = threading.Condition()
        self._last_id = 0
        self._pending = bytearray()  # an answer not yet complete (GetFiles sends megabytes)
        # Written to by pause(): the reader thread wakes and ends.
        self._wake_read, self._wake_write = os.pipe()
        self._reader = None
        self._start_reading()

    def _start_reading(self):
        self._reader = threading.Thread(
            target=self._read_answers, name="pagefind-answers", daemon=True
        )
        self._reader.start()

    def pause(self):
        """Stop the thread reading answers, once every answer asked for has
        arrived; Pagefind keeps running, with its indexes, and the next
        request starts the thread again. livereload keeps one Pagefind for
        its rebuilds, and no thread may run while its page writers fork."""
        if self._reader is not None and self._reader.is_alive():
            os.write(self._wake_write, b"x")
            self._reader.join()
        self._reader = None

    @property
    def pid(self):
        return self._process.pid

    @property
    def running(self):
        """Pagefind has not exited (nor stopped answering)."""
        return self._process.poll() is None and not self._stopped

    def send(self, payload):
        """Send one request without waiting; returns its message id."""
        if None in self._answers:
            # Pagefind could not read an earlier request and reads no more.
            raise PagefindServiceError(f"Pagefind answered an error: {self._answers[None]}")
        if self._reader is None and not self._stopped:
            self._start_reading()
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()
        except OSError as error:  # BrokenPipeError: Pagefind has exited
            raise PagefindServiceError(self._stopped_reason()) from error
        return self._last_id

    def answer(self, message_id):
        """The answer to a request sent earlier; an Error answer raises."""
        timeout = ANSWER_TIMEOUT
        with self._arrived:
            arrived = self._arrived.wait_for(
                lambda: message_id in self._answers or None in self._answers or self._stopped,
                timeout,
            )
            # An answer without a message_id means Pagefind could not read a request.
            # Taken out once read: a Pagefind kept for a livereload session answers
            # thousands of requests, and each index is megabytes.
            payload = self._answers.pop(message_id, None) or self._answers.get(None)
        if payload is None:
            if not arrived:
                raise PagefindServiceError(f"Pagefind did not answer within {timeout} s")
            raise PagefindServiceError(self._stopped_reason())
        if payload.get("type") == "Error":
            raise PagefindServiceError(f"Pagefind answered an error: {payload.get('message')}")
        return payload

    def request(self, payload):
        return self.answer(self.send(payload))

    def close(self):
        """Stop Pagefind (it exits when its stdin closes) and reap it."""
        with contextlib.suppress(OSError):  # it had already exited: nothing to tell it
            self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._reader is not None:
            self._reader.join()
        self._stderr.close()
        for fd in (self._wake_read, self._wake_write):
            with contextlib.suppress(OSError):
                os.close(fd)

    def kill(self):
        """Stop at once, mid-work (a build that failed before writing its index)."""
        self._process.kill()
        self.close()

    def _read_answers(self):
        answers = self._process.stdout.fileno()
        ended = True  # stdout closed (Pagefind exited), or an answer could not be read
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(answers, selectors.EVENT_READ)
                selector.register(self._wake_read, selectors.EVENT_READ)
                while True:
                    ready = {key.fd for key, _ in selector.select()}
                    if answers in ready:
                        chunk = os.read(answers, 1 << 16)
                        if not chunk:
                            break
                        self._take(chunk)
                    elif self._wake_read in ready:  # pause(): Pagefind has answered all
                        os.read(self._wake_read, 1)
                        ended = False
                        break
        finally:
            if ended:  # waiters must not hang
                with self._arrived:
                    self._stopped = True
                    self._arrived.notify_all()

    def _take(self, chunk):
        if b"," not in chunk:
            self._pending += chunk
            return
        first, *rest = chunk.split(b",")
        messages = [bytes(self._pending + first), *rest[:-1]]
        self._pending = bytearray(rest[-1])
        decoded = [json.loads(base64.b64decode(m)) for m in messages]
        with self._arrived:
            for message in decoded:
                self._answers[message.get("message_id")] = message["payload"]
            self._arrived.notify_all()

    def _stopped_reason(self):
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None  # still running, but it stopped talking
        self._stderr.seek(0)
        said = self._stderr.read().decode("utf-8", "replace").strip()
        reason = (
            "Pagefind stopped answering" if code is None else f"Pagefind stopped (exit code {code})"
        )
        return f"{reason}: {said}" if said else reason
