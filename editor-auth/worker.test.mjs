// Tests of the sign-in helper, with Node's own test runner and a stand-in
// for GitHub: `node --test editor-auth/worker.test.mjs` (tests/editor runs it).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import worker from "./worker.mjs";

const SITE = "https://www.clinic.example";
const HELPER = "https://editor-auth.clinic.example";
const ENV = {
  GITHUB_CLIENT_ID: "client-id",
  GITHUB_CLIENT_SECRET: "client-secret",
  ALLOWED_ORIGINS: `${SITE}, https://clinic.example/`,
  GITHUB_URL: "https://github.stand-in",
};
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function get(path, headers = {}, env = ENV) {
  return worker.fetch(new Request(`${HELPER}${path}`, { headers }), env);
}

/** GitHub's token endpoint, answering `answer`; records what it was sent. */
function standInGitHub(answer) {
  const sent = [];
  globalThis.fetch = async (url, init) => {
    sent.push({ url: String(url), init });
    return new Response(JSON.stringify(answer), {
      headers: { "Content-Type": "application/json" },
    });
  };
  return sent;
}

async function signInStarted() {
  const response = await get("/auth?provider=github&site_id=www.clinic.example&scope=repo");
  const location = new URL(response.headers.get("Location"));
  const state = location.searchParams.get("state");
  return { response, location, state, cookie: `editor_auth_state=${state}` };
}

/** The data the sign-in page's script works with. */
function pageData(html) {
  return JSON.parse(html.match(/const data = (.*);\n/)[1]);
}

test("/auth sends the writer to GitHub, tied to this browser by a cookie", async () => {
  const { response, location, state } = await signInStarted();
  assert.equal(response.status, 302);
  assert.equal(location.origin + location.pathname, "https://github.stand-in/login/oauth/authorize");
  assert.equal(location.searchParams.get("client_id"), "client-id");
  assert.equal(location.searchParams.get("redirect_uri"), `${HELPER}/callback`);
  assert.equal(location.searchParams.get("scope"), "repo");
  assert.match(state, /^[0-9a-f]{64}$/);
  const cookie = response.headers.get("Set-Cookie");
  assert.ok(cookie.startsWith(`editor_auth_state=${state};`));
  for (const part of ["HttpOnly", "Secure", "SameSite=Lax", "Path=/callback", "Max-Age=600"]) {
    assert.ok(cookie.includes(part), part);
  }
  assert.equal(response.headers.get("Cache-Control"), "no-store");
  assert.notEqual((await signInStarted()).state, state, "a new state every time");
});

test("/auth refuses other providers and scopes", async () => {
  assert.equal((await get("/auth?provider=gitlab")).status, 400);
  assert.equal((await get("/auth?provider=github&scope=admin:org")).status, 400);
  assert.equal((await get("/auth?provider=github&scope=public_repo")).status, 302);
});

test("the callback trades the code for a token and hands it to the allowed origins only", async () => {
  const { state, cookie } = await signInStarted();
  const sent = standInGitHub({ access_token: "gho_token", token_type: "bearer", scope: "repo" });
  const response = await get(`/callback?code=the-code&state=${state}`, { Cookie: cookie });
  assert.equal(response.status, 200);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].url, "https://github.stand-in/login/oauth/access_token");
  assert.deepEqual(JSON.parse(sent[0].init.body), {
    client_id: "client-id",
    client_secret: "client-secret",
    code: "the-code",
    redirect_uri: `${HELPER}/callback`,
  });
  const html = await response.text();
  const data = pageData(html);
  assert.deepEqual(data.origins, [SITE, "https://clinic.example"]);
  assert.equal(data.handshake, "authorizing:github");
  assert.equal(
    data.message,
    'authorization:github:success:{"token":"gho_token","provider":"github"}',
  );
  // The token is posted to event.origin only after checking it is allowed.
  assert.match(html, /if \(!data\.origins\.includes\(event\.origin\)/);
  assert.doesNotMatch(html, /postMessage\([^)]*"\*"/);
  const policy = response.headers.get("Content-Security-Policy");
  const nonce = html.match(/<script nonce="([0-9a-f]+)">/)[1];
  assert.ok(policy.startsWith(`default-src 'none'; script-src 'nonce-${nonce}';`));
  assert.ok(policy.includes("frame-ancestors 'none'"));
  assert.equal(response.headers.get("Cache-Control"), "no-store");
  assert.ok(response.headers.get("Set-Cookie").includes("Max-Age=0"), "the state is used up");
});

test("a callback without this browser's state is refused before GitHub is asked", async () => {
  const { state } = await signInStarted();
  const sent = standInGitHub({ access_token: "never" });
  for (const cookie of [undefined, "editor_auth_state=someone-elses", "other=1"]) {
    const headers = cookie ? { Cookie: cookie } : {};
    const response = await get(`/callback?code=c&state=${state}`, headers);
    const data = pageData(await response.text());
    assert.ok(data.message.startsWith("authorization:github:error:"), data.message);
    assert.match(data.message, /expired or did not start here/);
  }
  assert.equal(sent.length, 0);
});

test("GitHub's refusal or silence reaches the editor as an error it shows", async () => {
  const { state, cookie } = await signInStarted();
  standInGitHub({ error: "bad_verification_code", error_description: "The code has expired." });
  let data = pageData(await (await get(`/callback?code=c&state=${state}`, { Cookie: cookie })).text());
  assert.equal(data.message, 'authorization:github:error:{"message":"The code has expired."}');
  globalThis.fetch = async () => {
    throw new TypeError("network down");
  };
  data = pageData(await (await get(`/callback?code=c&state=${state}`, { Cookie: cookie })).text());
  assert.match(data.message, /GitHub could not be reached/);
  const denied = await get("/callback?error=access_denied&error_description=The+user+said+no");
  assert.match(pageData(await denied.text()).message, /The user said no/);
});

test("nothing GitHub says can break out of the page's script or text", async () => {
  const { state, cookie } = await signInStarted();
  standInGitHub({ error: "x", error_description: "</script><script>alert(1)</script>" });
  const html = await (await get(`/callback?code=c&state=${state}`, { Cookie: cookie })).text();
  assert.equal(html.match(/<script/g).length, 1);
  assert.equal(html.match(/<\/script>/g).length, 1);
  assert.match(pageData(html).message, /<\/script><script>alert\(1\)<\/script>/);
});

test("missing settings, other paths and methods get a plain answer", async () => {
  const broken = await get("/auth?provider=github", {}, { ...ENV, GITHUB_CLIENT_SECRET: "" });
  assert.equal(broken.status, 500);
  assert.match(await broken.text(), /missing its settings: GITHUB_CLIENT_SECRET/);
  assert.equal((await get("/")).status, 404);
  const post = await worker.fetch(new Request(`${HELPER}/auth`, { method: "POST" }), ENV);
  assert.equal(post.status, 405);
});
