// The workbench's offline queue. What staff send while the phone has no connection is kept in IndexedDB with the
// request key it was written with, and sent when the connection returns. The pages (work.js) and the service worker
// (sw.js: Background Sync, and forms whose post failed on the way) share this module.
//
// Exactly once: an item keeps one key for life and is retried until the server gives a definite answer; the server
// applies a key once (Idempotency-Key on POST /api/v1/cases, the same header on workbench actions) and answers a
// repeat with the first result. Sends are serialised with a Web Lock where there is one, so two tabs and the worker do
// not send at the same moment — and if they did, the key would still make the second a no-op.

const DB_NAME = 'linli-workbench';
const ITEMS = 'outbox';
const META = 'meta';
const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

/** The form fields that belong to the page's form handling, not to the report or the action. */
const PAGE_FIELDS = new Set(['_handler', '__RequestVerificationToken', 'requestKey', 'clientRequestKey']);

export function newKey() {
  if (globalThis.crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(ITEMS, { keyPath: 'key' });
      request.result.createObjectStore(META);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(name, mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(name, mode);
    const request = work(transaction.objectStore(name));
    transaction.oncomplete = () => {
      db.close();
      resolve(request?.result);
    };
    transaction.onerror = transaction.onabort = () => {
      db.close();
      reject(transaction.error);
    };
  });
}

export const put = (item) => inStore(ITEMS, 'readwrite', (store) => store.put(item));
export const remove = (key) => inStore(ITEMS, 'readwrite', (store) => store.delete(key));

/** Every item for this user, oldest first; sent items older than a day are forgotten. */
export async function list(user) {
  const items = (await inStore(ITEMS, 'readonly', (store) => store.getAll())) ?? [];
  const now = Date.now();
  for (const old of items.filter((i) => i.state === 'sent' && now - i.sentAt > SENT_KEPT_MS)) {
    await remove(old.key);
  }
  return items.filter((i) => i.user === user && !(i.state === 'sent' && now - i.sentAt > SENT_KEPT_MS)).sort((a, b) => a.createdAt - b.createdAt);
}

/** The signed-in user as the last workbench page saw them; the worker sends only their items. */
export const setUser = (user) => inStore(META, 'readwrite', (store) => store.put(user ?? '', 'user'));
export const lastUser = async () => (await inStore(META, 'readonly', (store) => store.get('user'))) || null;

/**
 * A queue item from a workbench form. Reports go to POST /api/v1/cases; an action on /work/cases/{n} goes to
 * POST /api/v1/work/cases/{n}/{action}. The fields are already the API's own names, except the category questions
 * ("q.{category}.{code}"), of which only the chosen category's are sent, as attributes[code].
 */
export function fromForm(pagePath, data, user, action) {
  const report = pagePath.startsWith('/work/report');
  const number = /^\/work\/cases\/(\d+)/.exec(pagePath)?.[1];
  action = action || data.get('_handler');
  if (!report && !(number && action)) {
    return null;
  }

  const key = String(data.get(report ? 'clientRequestKey' : 'requestKey') || newKey());
  const category = String(data.get('category') ?? '');
  const fields = [];
  const files = [];
  for (const [name, value] of data) {
    if (PAGE_FIELDS.has(name)) {
      continue;
    }
    if (typeof value !== 'string') {
      if (value.size > 0) {
        files.push({ field: name, name: value.name || 'photo.jpg', type: value.type, blob: value });
      }
      continue;
    }
    if (value.trim() === '') {
      continue;
    }
    if (name.startsWith('q.')) {
      const rest = name.slice(2);
      if (rest.startsWith(category + '.')) {
        fields.push([`attributes[${rest.slice(category.length + 1)}]`, value]);
      }
      continue;
    }
    fields.push([name, value]);
  }
  fields.push([report ? 'clientRequestKey' : 'requestKey', key]);

  return {
    key,
    user,
    kind: report ? 'report' : 'action',
    url: report ? '/api/v1/cases' : `/api/v1/work/cases/${number}/${action}`,
    caseNumber: number ? Number(number) : null,
    action: report ? null : action,
    summary: report ? String(data.get('description') ?? '').slice(0, 60) : null,
    fields,
    files,
    createdAt: Date.now(),
    state: 'waiting',
  };
}

function send(item) {
  const body = new FormData();
  for (const [name, value] of item.fields) {
    body.append(name, value);
  }
  for (const file of item.files) {
    body.append(file.field, file.blob, file.name);
  }
  return fetch(item.url, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { 'Idempotency-Key': item.key, Accept: 'application/json' },
  });
}

function describe(problem, status) {
  const errors = problem?.errors ? Object.values(problem.errors).flat() : [];
  return errors[0] ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`;
}

/**
 * Sends this user's waiting items, oldest first, and stops at the first that cannot get through (no connection,
 * signed out, server busy) so the order is kept. Returns { results, pending }: pending is true when something waits.
 */
export async function flush(user) {
  const run = async () => {
    const results = [];
    let pending = false;
    for (const item of await list(user)) {
      if (item.state !== 'waiting') {
        continue;
      }
      let response;
      try {
        response = await send(item);
      } catch {
        pending = true;
        break;
      }
      if (response.status === 401 || response.status === 408 || response.status === 429 || response.status >= 500) {
        item.blocked = response.status === 401 ? 'signin' : null;
        await put(item);
        results.push({ item, ok: false });
        pending = true;
        break;
      }
      const body = await response.json().catch(() => null);
      if (response.ok) {
        Object.assign(item, { state: 'sent', sentAt: Date.now(), blocked: null, fields: [], files: [], result: { number: body?.number ?? item.caseNumber, receipt: body?.receipt ?? null } });
      } else {
        // The server refused it for good (bad input, not allowed, or the case has moved on): say so, never resend.
        Object.assign(item, { state: 'failed', error: describe(body, response.status) });
      }
      await put(item);
      results.push({ item, ok: response.ok });
    }
    return { results, pending };
  };
  return globalThis.navigator?.locks ? navigator.locks.request('linli-outbox', run) : run();
}
