"""Sign a demo account in through the real sign-in pages and print a Cookie header value for wrk.

    /usr/bin/python3 bench/lib/sign-in.py BASE_URL EMAIL LOG [LOG ...]

Demo mode writes each demo account's password and authenticator key to the log when it seeds (compact JSON in
Production); this reads them from the LOGs (the migrate command's, or the server's), posts the e-mail and password, then the current TOTP code, and prints
the cookies the portal set ("name=value; name=value"). Standard library only.
"""
import base64, hashlib, hmac, html, http.cookiejar, json, re, struct, sys, time, urllib.parse, urllib.request

base, email, logs = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]


def demo_credentials(paths):
    """The last password and key logged for EMAIL in any of the logs (a re-seed logs them again)."""
    found = (None, None)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if email not in line or "authenticator key" not in line:
                    continue
                try:
                    entry = json.loads(line)
                    found = (entry.get("Password"), entry.get("Key"))
                except json.JSONDecodeError:
                    m = re.search(r'password "([^"]*)", authenticator key (\S+)', line)
                    if m:
                        found = (m.group(1), m.group(2))
    return found


password, key = demo_credentials(logs)
if not password or not key:
    sys.exit(f"no demo password or authenticator key for {email} in {' '.join(logs)}")


def totp(secret: str) -> str:
    raw = base64.b32decode(secret.upper().replace(" ", "") + "=" * (-len(secret) % 8))
    digest = hmac.new(raw, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Answer with the redirect itself, so its Location can be checked and cookies fixed before going on."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), KeepRedirects())


def insecure_cookies() -> None:
    """The portal marks its cookies Secure; the benchmark talks plain HTTP on 127.0.0.1, so send them anyway."""
    for cookie in jar:
        cookie.secure = False


def form_token(path: str) -> str:
    body = opener.open(base + path).read().decode("utf-8")
    insecure_cookies()
    m = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', body)
    if not m:
        sys.exit(f"no antiforgery token on {path}")
    return html.unescape(m.group(1))


def post(path: str, fields: dict) -> str:
    data = urllib.parse.urlencode({**fields, "__RequestVerificationToken": form_token(path)}).encode()
    try:
        opener.open(urllib.request.Request(base + path, data=data))
    except urllib.error.HTTPError as redirect:
        if redirect.code not in (302, 303):
            raise
        insecure_cookies()
        return redirect.headers["Location"]
    sys.exit(f"POST {path} did not redirect (a validation message on the page?)")


if "/account/sign-in/two-factor" not in post("/account/sign-in", {"Email": email, "Password": password}):
    sys.exit(f"the password step for {email} did not lead to the security code step")
landed = post("/account/sign-in/two-factor", {"Code": totp(key)})
if "/account/" in landed:
    sys.exit(f"sign-in as {email} did not complete (ended at {landed})")
print("; ".join(f"{c.name}={c.value}" for c in jar))
