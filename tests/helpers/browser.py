"""Headless Chromium for the report tests: a DOM dump, and a DevTools session over a pipe.

In CI (CLAIMTRACK_CI=1) a missing browser is a failure, never a skip: `.ci/run` installs it.
Locally, without Chromium, the browser tests skip.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# The flags the issue asks for: no sandbox (root in containers), no GPU, no first-run UI and
# no network activity of the browser's own.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
TIMEOUT = 60


def required_tool(name: str, package: str) -> str:
    """The path of ``name``; fails in CI, skips elsewhere, when it is not installed."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed: apt-get install -y {package}"
        if os.environ.get("CLAIMTRACK_CI"):
            pytest.fail(f"{message} (CI must run this test).", pytrace=False)
        pytest.skip(message)
    return path


def chromium() -> str:
    return required_tool("chromium", "chromium")


def dump_dom(page: Path) -> str:
    """The DOM Chromium built from ``page``, serialised after load."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class DevTools:
    """A Chrome DevTools Protocol session with one page, over --remote-debugging-pipe."""

    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                assert "error" not in reply, reply["error"]
                return dict(reply.get("result", {}))

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], TIMEOUT)
            assert ready, f"Chromium did not answer within {TIMEOUT} s"
            chunk = os.read(self._in, 1 << 16)
            assert chunk, "Chromium closed the DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def evaluate(self, expression: str) -> Any:
        """Run JavaScript in the page (DevTools is not bound by the page's CSP)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def open(self, page: Path, *, width: int = 1200, height: int = 900) -> None:
        """Open ``page`` at this viewport size and wait until it has loaded."""
        self.session = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        self.call("Page.navigate", url=page.as_uri())
        deadline = time.monotonic() + TIMEOUT
        while self.evaluate("document.readyState") != "complete":
            assert time.monotonic() < deadline, f"{page} did not finish loading"
            time.sleep(0.05)

    def media(self, media: str) -> None:
        """Emulate a CSS media type ("print", or "" for the screen)."""
        self.call("Emulation.setEmulatedMedia", media=media)


@contextmanager
def devtools() -> Iterator[DevTools]:
    """A headless Chromium driven over a pipe (fds 3 and 4 in the browser), closed afterwards."""
    browser = chromium()
    to_browser_read, to_browser_write = os.pipe()
    from_browser_read, from_browser_write = os.pipe()

    def pipe_fds() -> None:  # runs in the child, before exec
        read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
        os.dup2(read_end, 3)
        os.dup2(write_end, 4)

    with tempfile.TemporaryDirectory() as profile:
        process = subprocess.Popen(
            [browser, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "about:blank"],
            preexec_fn=pipe_fds, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        tools = DevTools(to_browser_write, from_browser_read)
        try:
            yield tools
        finally:
            try:
                tools.session = None
                tools.call("Browser.close")
                process.wait(timeout=TIMEOUT)
            except (AssertionError, OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()
            os.close(to_browser_write)
            os.close(from_browser_read)


# Each text-bearing element's contrast against the first opaque background behind it
# (WCAG 2.x: 4.5:1, or 3:1 for large text: 24px, or 18.66px bold).
CONTRAST = """(() => {
  const rgba = c => {
    const p = c.match(/[\\d.]+/g).map(Number);
    return p.length > 3 ? p : [...p, 1];
  };
  const channel = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const behind = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const failures = []; let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !el.checkVisibility()) continue;
    checked++;
    const style = getComputedStyle(el);
    const a = luminance(rgba(style.color)), b = luminance(behind(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}`);
  }
  return {checked, failures};
})()"""
