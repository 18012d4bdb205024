// The browser editor's sign-in helper: a Cloudflare Worker that lets writers
// sign in to /admin/ with GitHub while the site itself stays on GitHub Pages,
// which cannot keep a secret. README, "Browser editor: one-time setup", says
// how to put it online.
//
// Decap CMS opens a window on <this worker>/auth. The worker sends the writer
// to GitHub to approve the clinic's OAuth app; GitHub sends them back to
// /callback with a code, which the worker trades (with the app's secret) for a
// token. The page it returns hands the token to the editor window with
// Decap's handshake: it says "authorizing:github" to the editor, and once the
// editor answers from an allowed origin, posts
// "authorization:github:success:{token, provider}" to that origin alone.
//
// Settings (Cloudflare: Workers > this worker > Settings > Variables):
//   GITHUB_CLIENT_ID      the OAuth app's client ID
//   GITHUB_CLIENT_SECRET  its client secret (a secret, never a plain variable)
//   ALLOWED_ORIGINS       the site's origins, comma-separated, such as
//                         https://www.newpathwaysclinic.org
//   GITHUB_URL            optional: GitHub's address (the tests use a stand-in)

const STATE_COOKIE = "editor_auth_state";
const STATE_LIFETIME = 600; // seconds a writer has to approve on GitHub
const SCOPES = ["repo", "public_repo"]; // what Decap asks for: private or public repositories

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const missing = ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "ALLOWED_ORIGINS"].filter(
      (name) => !env[name],
    );
    if (missing.length) {
      return text(500, `The sign-in helper is missing its settings: ${missing.join(", ")}.`);
    }
    if (request.method !== "GET") return text(405, "Only GET.");
    if (url.pathname === "/auth") return start(url, env);
    if (url.pathname === "/callback") return finish(request, url, env);
    return text(404, "This address is for signing in to the clinic's website editor.");
  },
};

// --- /auth: off to GitHub ----------------------------------------------------

function start(url, env) {
  const provider = url.searchParams.get("provider");
  const scope = url.searchParams.get("scope") || "repo";
  if (provider !== "github") return text(400, "Only GitHub sign-in is offered here.");
  if (!SCOPES.includes(scope)) return text(400, `Unexpected scope: ${scope}.`);
  const state = randomHex(32);
  const authorize = new URL("/login/oauth/authorize", githubUrl(env));
  authorize.search = new URLSearchParams({
    client_id: env.GITHUB_CLIENT_ID,
    redirect_uri: `${url.origin}/callback`,
    scope,
    state,
    allow_signup: "false",
  });
  return new Response(null, {
    status: 302,
    headers: {
      Location: authorize.toString(),
      // Ties the answer GitHub sends back to this browser: a code sent by
      // anyone else (a forged sign-in) finds no matching cookie.
      "Set-Cookie": cookie(state, STATE_LIFETIME),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

// --- /callback: GitHub's answer -> the editor --------------------------------

async function finish(request, url, env) {
  const state = url.searchParams.get("state");
  const code = url.searchParams.get("code");
  const expected = readCookie(request.headers.get("Cookie"), STATE_COOKIE);
  let outcome;
  if (url.searchParams.get("error")) {
    outcome = failure(url.searchParams.get("error_description") || url.searchParams.get("error"));
  } else if (!state || !expected || !sameText(state, expected)) {
    outcome = failure("This sign-in expired or did not start here. Close this window and try again.");
  } else if (!code) {
    outcome = failure("GitHub sent no code. Close this window and try again.");
  } else {
    outcome = await exchange(code, `${url.origin}/callback`, env);
  }
  return handOver(outcome, allowedOrigins(env));
}

async function exchange(code, redirectUri, env) {
  let answer;
  try {
    const response = await fetch(new URL("/login/oauth/access_token", githubUrl(env)), {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "User-Agent": "clinic-editor-auth",
      },
      body: JSON.stringify({
        client_id: env.GITHUB_CLIENT_ID,
        client_secret: env.GITHUB_CLIENT_SECRET,
        code,
        redirect_uri: redirectUri,
      }),
    });
    answer = await response.json();
  } catch {
    return failure("GitHub could not be reached. Try again in a minute.");
  }
  if (!answer || !answer.access_token) {
    return failure((answer && (answer.error_description || answer.error)) || "GitHub refused.");
  }
  return { status: "success", content: { token: answer.access_token, provider: "github" } };
}

function failure(message) {
  return { status: "error", content: { message: String(message) } };
}

// The page in the sign-in window. Its one script is allowed by a nonce; the
// token goes to the allowed origins only, after the editor there answers.
function handOver(outcome, origins) {
  const nonce = randomHex(16);
  const data = {
    origins,
    handshake: "authorizing:github",
    message: `authorization:github:${outcome.status}:${JSON.stringify(outcome.content)}`,
  };
  const shown =
    outcome.status === "success"
      ? "Signed in. This window closes by itself; if it does not, close it."
      : `Signing in did not work: ${outcome.content.message}`;
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signing in to the editor</title></head>
<body>
<p>${escapeHtml(shown)}</p>
<script nonce="${nonce}">
const data = ${scriptJson(data)};
function answer(event) {
  if (!data.origins.includes(event.origin) || event.data !== data.handshake) return;
  window.removeEventListener("message", answer);
  event.source.postMessage(data.message, event.origin);
}
window.addEventListener("message", answer);
if (window.opener) {
  for (const origin of data.origins) window.opener.postMessage(data.handshake, origin);
}
</script>
</body>
</html>`;
  return new Response(page, {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
      "Set-Cookie": cookie("", 0),
    },
  });
}

// --- Small helpers -------------------------------------------------------

function githubUrl(env) {
  return env.GITHUB_URL || "https://github.com";
}

function allowedOrigins(env) {
  return env.ALLOWED_ORIGINS.split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}

function cookie(value, maxAge) {
  return `${STATE_COOKIE}=${value}; Path=/callback; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=Lax`;
}

function readCookie(header, name) {
  for (const part of (header || "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

// Compares without stopping at the first difference.
function sameText(one, two) {
  if (one.length !== two.length) return false;
  let difference = 0;
  for (let i = 0; i < one.length; i++) difference |= one.charCodeAt(i) ^ two.charCodeAt(i);
  return difference === 0;
}

function randomHex(bytes) {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, "0")).join("");
}

function text(status, message) {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// JSON inside <script>: nothing in it may close the element or start a comment.
function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028|\u2029/g, (c) =>
    c === "\u2028" ? "\\u2028" : "\\u2029",
  );
}
