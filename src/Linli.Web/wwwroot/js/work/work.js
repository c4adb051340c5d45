// Progressive enhancement of the workbench pages. Without this script every form posts to the server as usual; with
// it the phone also keeps working without a connection: the service worker keeps the pages and their assets, and a
// form sent while offline waits in the outbox (outbox.js) and is sent, once, when the connection returns.

import * as outbox from './outbox.js';

const section = document.getElementById('outbox');
const live = document.getElementById('work-live');
const user = section?.dataset.user || null;
const text = section?.dataset ?? {};
const actionNames = Object.fromEntries((text.names ?? '').split('|').map((pair) => pair.split('=')));
let sending = false;

const format = (template, ...values) => (template ?? '').replace(/\{(\d)\}/g, (_, i) => values[Number(i)] ?? '');
const notice = document.getElementById('work-notice');

/** Says it once to screen readers (the live region) and leaves it on the page for everyone. */
const say = (message) => {
  if (live) {
    live.textContent = message;
  }
  if (notice) {
    notice.textContent = message;
    notice.hidden = !message;
  }
};

freshKeys(document);
if (new URLSearchParams(location.search).get('queued') === '1') {
  // sw.js kept a form whose post could not get through and sent the browser back here.
  say(text.queued);
}
enhanceForms();
enhanceReportForm();
if (user && 'indexedDB' in window) {
  registerWorker();
  render();
  sendWaiting();
  window.addEventListener('online', sendWaiting);
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type === 'outbox') {
      render();
    }
  });
  setInterval(() => navigator.onLine && sendWaiting(), 30_000);
}

/** Each rendering of a form is one intention: a copy of the page kept for offline use must not reuse an old key. */
function freshKeys(root) {
  for (const input of root.querySelectorAll('input[name="requestKey"], input[name="clientRequestKey"]')) {
    input.value = outbox.newKey();
  }
}

async function registerWorker() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  try {
    await outbox.setUser(user);
    const servedByWorker = navigator.serviceWorker.controller !== null;
    await navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' });
    if (!servedByWorker) {
      // This page came from the network before the worker was in charge: ask it to keep a copy for offline use.
      (await navigator.serviceWorker.ready).active?.postMessage({ type: 'keep', url: location.href });
    }
  } catch {
    // Without a worker the page still queues and sends while it is open; it only loses offline copies of pages.
  }
}

function askForBackgroundSync() {
  navigator.serviceWorker?.ready.then((registration) => registration.sync?.register('linli-outbox')).catch(() => {});
}

function enhanceForms() {
  for (const form of document.querySelectorAll('form[data-queue]')) {
    form.addEventListener('submit', async (event) => {
      // Online, the form posts as it would without script (and sw.js keeps it if the connection drops on the way).
      if (navigator.onLine || !user || !('indexedDB' in window)) {
        return;
      }
      event.preventDefault();
      if (!readyToQueue(form)) {
        return;
      }
      const item = outbox.fromForm(location.pathname, new FormData(form), user, form.dataset.action);
      if (!item) {
        return;
      }
      await outbox.put(item);
      form.reset();
      freshKeys(form);
      document.getElementById('category')?.dispatchEvent(new Event('change'));
      form.closest('details')?.removeAttribute('open');
      say(text.queued);
      await render();
      askForBackgroundSync();
    });
  }
}

/** The checks the server would make first, so that nothing obviously incomplete waits for a connection. */
function readyToQueue(form) {
  form.removeAttribute('novalidate');
  const valid = form.reportValidity();
  form.setAttribute('novalidate', '');
  if (!valid) {
    return false;
  }
  if (form.dataset.queue === 'report') {
    const has = (name) => (form.elements.namedItem(name)?.value ?? '').trim() !== '';
    if (!has('buildingCode') && !(has('latitude') && has('longitude'))) {
      say(text.needsPlace);
      form.elements.namedItem('buildingCode')?.focus();
      return false;
    }
  }
  return true;
}

async function sendWaiting() {
  if (sending || !navigator.onLine) {
    return;
  }
  sending = true;
  try {
    const { results } = await outbox.flush(user);
    const sent = results.filter((r) => r.ok).map((r) => format(text.sent, label(r.item)));
    if (sent.length > 0) {
      say(sent.join(' '));
    }
  } catch {
    // IndexedDB or the lock failed; the next trigger tries again.
  } finally {
    sending = false;
    await render();
  }
}

function label(item) {
  return item.kind === 'report'
    ? format(text.report, item.summary)
    : format(text.action, item.caseNumber, actionNames[item.action] ?? item.action);
}

async function render() {
  if (!section) {
    return;
  }
  const items = await outbox.list(user).catch(() => []);
  section.hidden = items.length === 0;
  section.querySelector('ul').replaceChildren(...items.map(entry));
}

function entry(item) {
  const li = document.createElement('li');
  li.className = `outbox-item is-${item.state}`;
  li.dataset.key = item.key;
  const title = document.createElement('strong');
  title.textContent = label(item);
  const state = document.createElement('span');
  state.className = 'outbox-state';
  li.append(title, ' ', state);
  if (item.state === 'waiting') {
    state.textContent = item.blocked === 'signin' ? text.signin : text.waiting;
  } else if (item.state === 'failed') {
    state.textContent = format(text.failed, item.error);
  } else {
    const number = item.result?.number;
    state.textContent = item.kind === 'report' && number ? format(text.sentReport, number, item.result.receipt ?? '') : format(text.sent, '');
    if (number) {
      const open = document.createElement('a');
      open.href = `/work/cases/${number}`;
      open.textContent = `${text.open} #${number}`;
      li.append(' ', open);
    }
  }
  if (item.state !== 'waiting') {
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link-button';
    discard.textContent = text.discard;
    discard.addEventListener('click', async () => {
      await outbox.remove(item.key);
      await render();
    });
    li.append(' ', discard);
  }
  return li;
}

/** The report form: show the chosen category's questions only, and fill the position from the phone. */
function enhanceReportForm() {
  const category = document.getElementById('category');
  if (category) {
    const showQuestions = () => {
      for (const fieldset of document.querySelectorAll('fieldset[data-category]')) {
        const chosen = fieldset.dataset.category === category.value;
        fieldset.hidden = !chosen;
        fieldset.disabled = !chosen;
      }
    };
    category.addEventListener('change', showQuestions);
    showQuestions();
  }

  const locate = document.getElementById('locate');
  if (locate && 'geolocation' in navigator) {
    locate.closest('.locate').hidden = false;
    const status = document.getElementById('locate-status');
    locate.addEventListener('click', () => {
      status.textContent = locate.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
          document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
          status.textContent = locate.dataset.located;
        },
        () => {
          status.textContent = locate.dataset.failed;
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    });
  }
}
