// Enhances /work/channels/{id}: "use my location", and live messages, pins and read receipts over SignalR.
// Without this script the page still works: the form posts and the page reloads.
(() => {
  const root = document.getElementById('channel');
  if (!root) return;
  const channel = Number(root.dataset.channel);
  const me = root.dataset.user;

  const useLocation = document.querySelector('.use-location');
  if (useLocation && 'geolocation' in navigator) {
    useLocation.hidden = false;
    useLocation.addEventListener('click', () => navigator.geolocation.getCurrentPosition(p => {
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
    }));
  }

  if (!window.signalR) return;
  const list = document.getElementById('messages');
  const readBy = (n, of) => root.dataset.readby.replace('{0}', n).replace('{1}', of);
  const chinaTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const paragraph = (className, text) => { const p = document.createElement('p'); p.className = className; p.textContent = text; return p; };

  const markRead = id => fetch(`/api/v1/channels/${channel}/read`, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upTo: id }),
  }).catch(() => {});

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/channels').withAutomaticReconnect().build();
  const show = m => {
    if (list.querySelector(`[data-id="${m.id}"]`)) return;
    const mine = m.senderId === me;
    const li = document.createElement('li');
    li.className = 'message' + (mine ? ' mine' : '');
    Object.assign(li.dataset, { id: m.id, sender: m.senderId, of: m.of, readby: m.readBy });
    const meta = document.createElement('p');
    meta.className = 'meta';
    const who = document.createElement('strong');
    who.textContent = mine ? root.dataset.me : m.sender;
    const time = document.createElement('time');
    time.dateTime = m.sentAt;
    time.textContent = chinaTime.format(new Date(m.sentAt));
    meta.append(who, ' ', time);
    li.append(meta);
    if (m.text) li.append(paragraph('text', m.text));
    if (m.photoUrl) {
      const img = document.createElement('img');
      img.src = m.photoUrl;
      img.alt = m.sender;
      img.loading = 'lazy';
      li.append(img);
    }
    if (m.latitude != null && m.longitude != null) li.append(paragraph('location', `${m.latitude}, ${m.longitude}`));
    li.append(paragraph('receipt', readBy(m.readBy, m.of)));
    list.append(li);
    document.getElementById('no-messages')?.remove();
    if (!mine && document.visibilityState === 'visible') markRead(m.id);
  };
  connection.on('message', (id, m) => { if (id === channel) show(m); });
  const setReadBy = (li, n) => {
    li.dataset.readby = n;
    li.querySelector('.receipt').textContent = readBy(n, li.dataset.of);
  };
  connection.on('read', e => {
    if (e.channelId !== channel) return;
    document.querySelectorAll('li.message').forEach(li => {
      const id = Number(li.dataset.id);
      if (id > e.from && id <= e.to && li.dataset.sender !== e.readerId) {
        setReadBy(li, Number(li.dataset.readby) + 1);
      }
    });
  });
  connection.on('pin', e => {
    // The pinned list is rendered by the server; reload unless the person is writing.
    if (e.channelId === channel && !document.getElementById('text').value) location.reload();
  });
  // What happened between rendering the page and joining (or while reconnecting) was not pushed to this page: catch up.
  const newest = !new URLSearchParams(location.search).has('before');
  const catchUp = () => fetch(`/api/v1/channels/${channel}/messages`, { credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : null)
    .then(history => {
      if (!history) return;
      history.messages.slice().reverse().forEach(m => {
        const shown = document.querySelectorAll(`li.message[data-id="${m.id}"]`);
        if (shown.length === 0 && newest) show(m);
        shown.forEach(li => setReadBy(li, Math.max(Number(li.dataset.readby), m.readBy))); // read pointers only move on
      });
    }).catch(() => {});
  const join = () => connection.invoke('Join', channel).then(() => catchUp()).then(() => {
    root.dataset.live = 'true';
    document.querySelector('.live-note').hidden = false;
  });
  connection.onreconnected(join);
  connection.start().then(join).catch(() => {});
})();
