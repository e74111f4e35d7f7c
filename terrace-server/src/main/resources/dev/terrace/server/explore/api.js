// Calls to this server's API. The key lives in this tab's sessionStorage and travels only as a
// header: an address with a key in it ends up in logs and histories.

const KEY = "terrace.apiKey";

/** An answer of 401 or 403: the page asks for a (better) key. */
export class AuthError extends Error {}

export function apiKey() {
  return sessionStorage.getItem(KEY) || "";
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export function authHeaders() {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

async function read(response) {
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (response.status === 401 || response.status === 403) {
    throw new AuthError(body.detail || `the service answered ${response.status}`);
  }
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : String(body).slice(0, 200);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

/** Runs an operation by name: POST /v1/op/{name} with the request as the JSON body. */
export async function operation(name, request) {
  const response = await fetch(`/v1/op/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders() },
    body: JSON.stringify(request),
  });
  return read(response);
}

/** A GET of this server, with the key when there is one. */
export async function get(path) {
  return read(await fetch(path, { headers: authHeaders() }));
}

/** Every item of a paged catalog listing, page after page. */
export async function all(name, field) {
  const items = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await operation(name, { limit, offset });
    items.push(...page[field]);
    if (page[field].length === 0 || offset + page.count >= page.total) {
      return items;
    }
  }
}
