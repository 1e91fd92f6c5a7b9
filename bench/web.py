"""Step 3: the people list and a bare view under load (gunicorn gthread on loopback, wrk)."""

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie

from bench.common import OUT_DIR, ROOT, BenchError, log

LUA = ROOT / "bench" / "wrk_report.lua"
_RESULT = re.compile(r"^WRK_RESULT (\{.*\})$", re.MULTILINE)
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def preflight() -> None:
    """Fail before any slow step when the load test could not run."""
    if importlib.util.find_spec("gunicorn") is None:
        raise BenchError(f"gunicorn is not installed for {sys.executable} (pip install gunicorn).")
    if shutil.which("wrk") is None:
        raise BenchError("wrk is not installed (Debian package `wrk`; see scripts/system-deps).")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(url: str, *, cookies: dict | None = None, data: dict | None = None, timeout: float = 30):
    """(status, headers, body) of one request; redirects are returned, not followed."""
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers)
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def _set_cookies(headers) -> dict:
    """Cookies set by a response (read by hand: Secure cookies are fine over loopback HTTP here)."""
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {k: morsel.value for k, morsel in jar.items()}


def login(base: str, username: str, password: str) -> dict:
    """Log in through /accounts/login/ like a browser; the cookies of the logged-in session."""
    status, headers, body = request(f"{base}/accounts/login/")
    if status != 200:
        raise BenchError(f"GET /accounts/login/ answered {status}.")
    cookies = _set_cookies(headers)
    token = _CSRF.search(body.decode())
    if not token or "csrftoken" not in cookies:
        raise BenchError("The login page has no CSRF token.")
    status, headers, body = request(
        f"{base}/accounts/login/",
        cookies=cookies,
        data={"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)},
    )
    cookies |= _set_cookies(headers)
    if status != 302 or "sessionid" not in cookies:
        raise BenchError(f"Logging in as {username!r} failed (HTTP {status}); is it a demo login?")
    return {"sessionid": cookies["sessionid"]}


@contextmanager
def gunicorn(*, workers: int, threads: int, env: dict):
    """A gunicorn gthread server on a free loopback port, stopped (whole process group) on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    log_path = OUT_DIR / "gunicorn.log"
    log_path.write_text("")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--chdir",
        str(ROOT),
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
        "--error-logfile",
        str(log_path),
    ]
    log(f"Starting gunicorn ({workers} workers × {threads} threads, gthread) on {base}")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdin=subprocess.DEVNULL)
    try:
        _wait_ready(base, proc, log_path)
        yield base
    finally:
        _stop(proc)
        log("gunicorn stopped")


def _wait_ready(base: str, proc: subprocess.Popen, log_path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"gunicorn exited with status {proc.returncode}; see {log_path}")
        try:
            status, _, _ = request(f"{base}/bench/bare/", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer within {timeout:.0f} s; see {log_path}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wrk(url: str, *, cookies: dict, duration: int, connections: int, threads: int) -> dict:
    """One wrk run; its WRK_RESULT figures. Fails loudly on any non-2xx response or socket error."""
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=30s",
        f"--script={LUA}",
        f"--header=Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}",
        url,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    except FileNotFoundError as exc:
        raise BenchError("wrk is not installed (Debian package `wrk`; see scripts/system-deps).") from exc
    match = _RESULT.search(done.stdout)
    if done.returncode != 0 or not match:
        raise BenchError(f"wrk failed (status {done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = json.loads(match.group(1))
    problems = {
        k: result[k]
        for k in ("non2xx", "connect_errors", "read_errors", "write_errors", "timeouts")
        if result[k]
    }
    if problems:
        raise BenchError(f"wrk {url}: {problems} (see bench/out/gunicorn.log)")
    if not result["requests"]:
        raise BenchError(f"wrk {url}: no request completed.")
    return result


def run(
    *,
    username: str,
    password: str,
    duration: int,
    warmup: int,
    connections: int,
    wrk_threads: int,
    workers: int,
    threads: int,
) -> dict:
    env = os.environ.copy()
    targets = {"people_list": "/people/", "bare": "/bench/bare/"}
    results = {}
    with gunicorn(workers=workers, threads=threads, env=env) as base:
        cookies = login(base, username, password)
        log(f"Logged in as {username!r}")
        for name, path in targets.items():
            status, headers, body = request(base + path, cookies=cookies)
            if status != 200:
                where = headers.get("Location", "")
                raise BenchError(f"GET {path} as {username!r} answered {status} {where}".rstrip())
            if name == "people_list" and b"<table" not in body:
                raise BenchError(f"GET {path} returned a page without a table ({len(body):,} bytes).")
            log(f"GET {path}: 200, {len(body):,} bytes")
            if warmup:
                log(f"Warm-up {path}: {warmup} s")
                wrk(
                    base + path,
                    cookies=cookies,
                    duration=warmup,
                    connections=connections,
                    threads=wrk_threads,
                )
            log(f"wrk {path}: {connections} connections, {wrk_threads} threads, {duration} s …")
            result = wrk(
                base + path, cookies=cookies, duration=duration, connections=connections, threads=wrk_threads
            )
            result["response_bytes"] = len(body)
            results[name] = result
            log(
                f"{path}: {result['requests_per_s']:.1f} req/s, p50 {result['p50_ms']:.1f} ms, "
                f"p95 {result['p95_ms']:.1f} ms, {result['requests']:,} requests, 0 non-2xx"
            )
    people, bare = results["people_list"], results["bare"]
    return {
        "url": "/people/",
        "user": username,
        "connections": connections,
        "duration_s": duration,
        "warmup_s": warmup,
        "wrk_threads": wrk_threads,
        "gunicorn": {"workers": workers, "threads": threads, "worker_class": "gthread"},
        "people_list": people,
        "bare": bare,
        "rps_ratio": people["requests_per_s"] / bare["requests_per_s"],
        "p50_ratio": people["p50_ms"] / bare["p50_ms"],
        "p95_ratio": people["p95_ms"] / bare["p95_ms"],
    }
