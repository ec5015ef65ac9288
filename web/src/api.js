// The JSON API of csa serve (docs/ATLAS_API.md). Errors carry the server's message.
export class ApiError extends Error {
  constructor(status, message, path) { super(message); this.status = status; this.path = path; }
}

const cache = new Map();

export async function api(path, params = {}, { cached = true } = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
  const url = `api/${path}${qs ? '?' + qs : ''}`;
  if (cached && cache.has(url)) return cache.get(url);
  const p = (async () => {
    let res;
    try { res = await fetch(url, { headers: { Accept: 'application/json' } }); }
    catch (e) { throw new ApiError(0, `The atlas server did not answer (${e.message}). Is csa serve still running?`, url); }
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (!res.ok) throw new ApiError(res.status, body?.error || `${res.status} ${res.statusText}`, url);
    if (body == null) throw new ApiError(res.status, `The answer to ${url} was not JSON`, url);
    return body;
  })();
  cache.set(url, p);
  p.catch(() => cache.delete(url));
  return p;
}
