// The workbench's service worker, at the site root so it controls /work. It keeps the workbench pages (network first,
// the last copy when offline) and the static assets (cache first), keeps a workbench form whose post fails on the way
// in the outbox, and sends the outbox on Background Sync. A module worker: it shares js/work/outbox.js with the pages.

import * as outbox from './js/work/outbox.js';

const STATIC = 'linli-static-v1';
const PAGES = 'linli-pages-v1';
const SHELL = ['/work', '/work/report'];
const STATIC_PREFIXES = ['/css/', '/js/', '/lib/', '/icons/', '/_content/'];
const STATIC_FILES = ['/favicon.svg', '/manifest.webmanifest'];

// Query parameters that only confirm what a form just did: a kept page should not repeat them.
const ONE_OFF_PARAMETERS = ['done', 'queued', 'filed'];

self.addEventListener('install', (event) => {
  event.waitUntil(precache().finally(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== STATIC && name !== PAGES) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === 'POST' && request.mode === 'navigate') {
    if (url.pathname === '/signout') {
      event.waitUntil(forgetUser());
    } else if (url.pathname.startsWith('/work')) {
      event.respondWith(postOrKeep(request));
    }
    return;
  }
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate' && url.pathname.startsWith('/work')) {
    event.respondWith(networkFirst(request));
  } else if (STATIC_FILES.includes(url.pathname) || STATIC_PREFIXES.some((p) => url.pathname.startsWith(p))) {
    event.respondWith(fromStaticCache(request, event));
  }
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'linli-outbox') {
    event.waitUntil(sendOutbox().then((pending) => {
      if (pending) {
        // Failing the sync event makes the browser try again later, with back-off.
        throw new Error('The outbox still has items waiting.');
      }
    }));
  }
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'flush') {
    event.waitUntil(sendOutbox());
  } else if (event.data?.type === 'keep' && new URL(event.data.url).origin === self.location.origin) {
    event.waitUntil(keepPage(event.data.url));
  }
});

/** The workbench's two entry pages and every asset they name, so that the app opens without a connection. */
async function precache() {
  const pages = await caches.open(PAGES);
  const assets = new Set(['/js/work/outbox.js', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon.svg', '/favicon.svg']);
  for (const path of SHELL) {
    try {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok || response.redirected) {
        continue;
      }
      const html = await response.clone().text();
      // The pages name their assets relative to <base href="/">: "css/app.…css", "js/work/work.…js".
      for (const match of html.matchAll(/(?:href|src)="\/?((?:css|js|lib|icons)\/[^"]+)"/g)) {
        assets.add('/' + match[1]);
      }
      await pages.put(path, response);
    } catch {
      // Offline while installing: the pages are kept on the next visit instead.
    }
  }
  const statics = await caches.open(STATIC);
  await Promise.all([...assets].map((asset) => statics.add(asset).catch(() => {})));
}

async function keepPage(url) {
  if (!new URL(url).pathname.startsWith('/work')) {
    return;
  }
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok && !response.redirected) {
      await (await caches.open(PAGES)).put(pageKey(url), response);
    }
  } catch {
    // Offline already: the page is kept on the next visit.
  }
}

function pageKey(url) {
  const key = new URL(url);
  for (const name of ONE_OFF_PARAMETERS) {
    key.searchParams.delete(name);
  }
  return key.pathname + key.search;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      await cache.put(pageKey(request.url), response.clone());
    }
    return response;
  } catch {
    return (await cache.match(pageKey(request.url))) ?? (await cache.match('/work')) ?? offlinePage();
  }
}

/** Fingerprinted assets never change: cache first. Others are served from the cache and refreshed behind it. */
async function fromStaticCache(request, event) {
  const cache = await caches.open(STATIC);
  const cached = await cache.match(request);
  const fingerprinted = /\.[a-z0-9]{8,}\.[a-z0-9]+$/i.test(new URL(request.url).pathname);
  if (cached && fingerprinted) {
    return cached;
  }
  const refreshed = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refreshed.catch(() => {}));
    return cached;
  }
  return refreshed;
}

/** A workbench form posted while the page thought it was online: if the post cannot get through, keep it. */
async function postOrKeep(request) {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch {
    const url = new URL(request.url);
    const item = outbox.fromForm(url.pathname, await copy.formData(), await outbox.lastUser());
    if (!item || !item.user) {
      return Response.error();
    }
    // The form's own key: if the post did reach the server before the connection dropped, resending it is a no-op.
    await outbox.put(item);
    await self.registration.sync?.register('linli-outbox').catch(() => {});
    return Response.redirect(`${url.pathname}?queued=1`, 303);
  }
}

async function sendOutbox() {
  const user = await outbox.lastUser();
  if (!user) {
    return false;
  }
  const { results, pending } = await outbox.flush(user);
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'outbox', sent: results.filter((r) => r.ok).length });
  }
  return pending;
}

/** Signing out: the kept pages hold the case details of the person who signed out, and the worker must not send for them. */
async function forgetUser() {
  await caches.delete(PAGES);
  await outbox.setUser(null);
}

function offlinePage() {
  const html = '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>离线 Offline</title><main style="font-family:system-ui,sans-serif;padding:1rem"><h1>没有网络 / Offline</h1>'
    + '<p>这个页面还没有保存在手机上。联网后再打开。</p><p lang="en">This page has not been kept on this phone yet. Open it again when you are online.</p>'
    + '<p><a href="/work">工作台 Workbench</a></p></main></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
