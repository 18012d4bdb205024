// Serves the sign-in helper (editor-auth/worker.mjs) on a loopback port for
// the browser tests, as Cloudflare would run it: its settings come from this
// process's environment. Prints the port, then serves until stopped.
import http from "node:http";

import worker from "../../editor-auth/worker.mjs";

const env = {
  GITHUB_CLIENT_ID: process.env.GITHUB_CLIENT_ID,
  GITHUB_CLIENT_SECRET: process.env.GITHUB_CLIENT_SECRET,
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS,
  GITHUB_URL: process.env.GITHUB_URL,
};

const server = http.createServer(async (incoming, outgoing) => {
  const headers = incoming.headers.cookie ? { Cookie: incoming.headers.cookie } : {};
  const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
    method: incoming.method,
    headers,
  });
  const response = await worker.fetch(request, env);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
