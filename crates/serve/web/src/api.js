// The JSON API of sitrep serve (crates/serve/API.md).

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** Query string from an object, leaving out null, undefined and empty values. */
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') p.set(k, String(v));
  const str = p.toString();
  return str ? `?${str}` : '';
}

export async function api(path, options) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (e) {
    throw new ApiError(`the server cannot be reached (${e.message})`, 0);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new ApiError(body?.error || `${res.status} ${res.statusText}`, res.status);
  return body;
}

export const getEvents = (params) => api(`/api/events${qs(params)}`);
export const getEvent = (id) => api(`/api/events/${encodeURIComponent(id)}`);
export const getTimeline = (params) => api(`/api/timeline${qs(params)}`);
export const getHealth = () => api('/api/health');
export const extract = (body) =>
  api('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Every event matching the filters, all pages (the map shows them all). */
export async function getAllEvents(params, pageSize = 500) {
  const first = await getEvents({ ...params, limit: pageSize, offset: 0 });
  const events = [...first.events];
  while (events.length < first.total) {
    const page = await getEvents({ ...params, limit: pageSize, offset: events.length });
    if (!page.events.length) break;
    events.push(...page.events);
  }
  return { total: first.total, events };
}
