// Progressive enhancement of /report (Components/Pages/Cases/ReportPage.razor). Without this module the form is a
// plain multipart POST that works on its own; with it, the chosen category shows only its own questions, a map pin
// fills the hidden latitude/longitude (Leaflet is fetched only when the map is opened), "use my location" asks the
// browser, open reports of the same kind nearby are listed to follow, photos are checked before they are sent, and a
// second press of the button does not send the form twice. No inline script: texts and URLs come from data-* attributes.

const form = document.getElementById('report-form');
if (form) {
  enhance(form);
}

function enhance(form) {
  const byId = (id) => document.getElementById(id);
  const category = byId('category');
  const latitude = byId('latitude');
  const longitude = byId('longitude');

  byId('error-summary')?.focus();
  const key = byId('client-request-key');
  if (key && !key.value) {
    key.value = 'web-' + (crypto.randomUUID?.() ?? String(Date.now()) + Math.random().toString(16).slice(2));
  }

  const place = setUpPlace(byId, latitude, longitude, () => refreshNearby());
  const photos = setUpPhotos(byId('photos'), byId('photos-client-error'), form.dataset);

  const panels = form.querySelectorAll('fieldset.questions[data-category]');
  const showQuestions = () => {
    for (const panel of panels) {
      const chosen = panel.dataset.category === category.value;
      panel.hidden = !chosen;
      // A disabled fieldset's inputs are not sent: only the chosen category's answers reach the server.
      panel.disabled = !chosen;
    }
  };
  showQuestions();
  category.addEventListener('change', () => {
    showQuestions();
    refreshNearby();
  });

  const nearby = byId('nearby');
  async function refreshNearby() {
    if (!nearby || !category.value || !latitude.value || !longitude.value) {
      return;
    }
    const query = new URLSearchParams({ category: category.value, latitude: latitude.value, longitude: longitude.value });
    try {
      const response = await fetch('/api/v1/cases/nearby?' + query, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        showNearby(nearby, await response.json());
      }
    } catch {
      // The list is a help, not a step: without it the report can still be sent.
    }
  }

  byId('building-query')?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      byId('find-building')?.click();
    }
  });

  let sending = false;
  const submit = byId('submit');
  const submitText = submit?.textContent;
  form.addEventListener('submit', (event) => {
    const submitter = event.submitter;
    const filing = !submitter || (submitter.name === 'intent' && submitter.value === 'submit');
    if (filing && !photos.check()) {
      event.preventDefault();
      byId('photos').focus();
      return;
    }
    if (sending) {
      event.preventDefault();
      return;
    }
    sending = true;
    if (filing && submit) {
      // After this turn of the event loop, so the pressed button's own name and value are still sent.
      setTimeout(() => {
        submit.disabled = true;
        submit.textContent = form.dataset.sending ?? submitText;
      });
    }
  });
  // Back from the case page, the browser may show this page from its cache with the button still disabled.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && submit) {
      sending = false;
      submit.disabled = false;
      submit.textContent = submitText;
    }
  });

  place.restore();
}

function setUpPhotos(input, message, settings) {
  const maxPhotos = Number(settings.maxPhotos ?? 3);
  const maxBytes = Number(settings.maxBytes ?? 5 * 1024 * 1024);
  const describedBy = input?.getAttribute('aria-describedby') ?? '';
  const invalid = input?.getAttribute('aria-invalid');

  const check = () => {
    if (!input || !message) {
      return true;
    }
    const files = [...input.files];
    let problem = '';
    if (files.length > maxPhotos) {
      problem = settings.tooMany ?? '';
    } else {
      // Some phones give no type for a photo; the server decodes every file anyway, so only a known non-image is refused here.
      const notImage = files.find((file) => file.type && !file.type.startsWith('image/'));
      const tooLarge = files.find((file) => file.size > maxBytes);
      if (notImage) {
        problem = (settings.notImage ?? '').replace('{0}', notImage.name);
      } else if (tooLarge) {
        problem = (settings.tooLarge ?? '').replace('{0}', tooLarge.name);
      }
    }
    message.textContent = problem;
    message.hidden = !problem;
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', (describedBy + ' ' + message.id).trim());
    } else {
      setOrRemove(input, 'aria-invalid', invalid);
      setOrRemove(input, 'aria-describedby', describedBy);
    }
    return !problem;
  };
  input?.addEventListener('change', check);
  return { check };
}

function setOrRemove(element, name, value) {
  if (value) {
    element.setAttribute(name, value);
  } else {
    element.removeAttribute(name);
  }
}

function showNearby(section, cases) {
  const list = section.querySelector('#nearby-list');
  const states = JSON.parse(section.dataset.states ?? '{}');
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
  list.replaceChildren(...cases.map((item) => {
    const li = document.createElement('li');
    const facts = document.createElement('p');
    facts.className = 'nearby-facts';
    const number = document.createElement('strong');
    number.textContent = '#' + item.number;
    const reported = document.createElement('time');
    reported.dateTime = item.reportedAt;
    reported.textContent = time.format(new Date(item.reportedAt));
    const away = (section.dataset.away ?? '{0} m').replace('{0}', String(Math.round(item.distanceMeters)));
    facts.append(number, ` · ${states[item.state] ?? item.state} · ${away} · `, reported);
    const description = document.createElement('p');
    description.className = 'nearby-description';
    description.textContent = item.description;
    const follow = document.createElement('button');
    follow.type = 'submit';
    follow.name = 'follow';
    follow.value = String(item.number);
    follow.className = 'button secondary';
    follow.textContent = (section.dataset.follow ?? '#{0}').replace('{0}', String(item.number));
    li.append(facts, description, follow);
    return li;
  }));
  section.hidden = cases.length === 0 && !section.querySelector('.field-error');
}

// The map and the pin. Leaflet (about 40 kB compressed) is fetched the first time the map is opened.
function setUpPlace(byId, latitude, longitude, placed) {
  const element = byId('report-map');
  const status = byId('pin-status');
  const tools = byId('map-tools');
  const showButton = byId('show-map');
  const locateButton = byId('use-location');
  const clearButton = byId('clear-pin');
  const noop = { restore() {} };
  if (!element || !status || !tools) {
    return noop;
  }

  tools.hidden = false;
  if (!('geolocation' in navigator)) {
    locateButton.hidden = true;
  }

  const say = (key, ...values) => {
    let text = status.dataset[key] ?? '';
    values.forEach((value, i) => {
      text = text.replace(`{${i}}`, value);
    });
    status.textContent = text;
    status.classList.toggle('map-status-error', ['failed', 'outside', 'geoDenied', 'geoFailed'].includes(key));
  };

  let map = null;
  let marker = null;
  let opening = null;
  let buildingsLayer = null;
  let buildingsGrid = null;
  let leaflet = null;
  const english = document.documentElement.lang.startsWith('en');
  const nameOf = (node) => (english && node.nameEn) || node.name;

  function loadLeaflet() {
    if (window.L) {
      return Promise.resolve(window.L);
    }
    leaflet ??= new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = element.dataset.leafletCss;
      document.head.append(css);
      const script = document.createElement('script');
      script.src = element.dataset.leafletJs;
      script.onload = () => resolve(window.L);
      script.onerror = () => {
        leaflet = null;
        reject(new Error('Leaflet did not load'));
      };
      document.head.append(script);
    });
    return leaflet;
  }

  function openMap() {
    opening ??= draw().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function draw() {
    if (map) {
      return map;
    }
    element.hidden = false;
    showButton.hidden = true;
    say('loading');
    let L;
    try {
      L = await loadLeaflet();
    } catch {
      element.hidden = true;
      showButton.hidden = false;
      say('failed');
      return null;
    }

    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', element.dataset.label ?? '');
    const tileUrl = element.dataset.tileUrl;
    map = L.map(element, { zoomControl: false, attributionControl: Boolean(tileUrl), zoomSnap: 0.25 });
    L.control.zoom({ zoomInTitle: element.dataset.zoomIn ?? 'Zoom in', zoomOutTitle: element.dataset.zoomOut ?? 'Zoom out' }).addTo(map);
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
    }
    map.setView([0, 0], 2);
    map.on('click', (event) => setPin(event.latlng));

    // The area's outlines give a map without tiles its bearings; they let taps through to the map.
    const start = element.dataset.startCode;
    if (start) {
      const area = await geoJson(`/api/v1/tree/nodes/${encodeURIComponent(start)}/map`);
      if (area) {
        const layer = L.geoJSON(area.features.filter((feature) => feature.geometry), {
          interactive: false,
          style: (feature) => feature.properties.code === start
            ? { color: '#0b4f8a', weight: 3, dashArray: '6 4', fill: false }
            : { color: '#0b4f8a', weight: 1.5, fillColor: '#3d8bd4', fillOpacity: 0.12 },
          pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 4 }),
        }).addTo(map);
        if (layer.getLayers().length > 0) {
          map.fitBounds(layer.getBounds(), { padding: [12, 12] });
        }
      }
    }
    element.dataset.ready = 'true';
    say('ready');
    return map;
  }

  async function setPin(latlng) {
    const L = window.L;
    if (!marker) {
      marker = L.marker(latlng, { draggable: true, autoPan: true, alt: element.dataset.label ?? '' }).addTo(map);
      marker.on('dragend', () => setPin(marker.getLatLng()));
    } else {
      marker.setLatLng(latlng);
    }
    latitude.value = latlng.lat.toFixed(6);
    longitude.value = latlng.lng.toFixed(6);
    clearButton.hidden = false;
    say('locating');
    await describe(latlng);
    placed();
  }

  async function describe(latlng) {
    try {
      const response = await fetch(`/api/v1/tree/locate?lat=${latlng.lat}&long=${latlng.lng}`, { headers: { Accept: 'application/json' } });
      if (response.status === 404) {
        say('outside');
        return;
      }
      if (!response.ok) {
        say('placed', `${latlng.lat.toFixed(5)}, ${latlng.lng.toFixed(5)}`);
        return;
      }
      const found = await response.json();
      const community = found.ancestors.find((node) => node.kind === 'community');
      const where = [community, found.grid].filter(Boolean).map(nameOf).join(' · ');
      if (found.nearestBuilding) {
        say('placedNear', where, nameOf(found.nearestBuilding));
      } else {
        say('placed', where);
      }
      await showBuildings(found.grid.code);
    } catch {
      say('placed', `${latlng.lat.toFixed(5)}, ${latlng.lng.toFixed(5)}`);
    }
  }

  // The pin's grid with its buildings, so a resident can see which building the pin is at; tapping one moves the pin there.
  async function showBuildings(gridCode) {
    if (buildingsGrid === gridCode) {
      return;
    }
    const grid = await geoJson(`/api/v1/tree/nodes/${encodeURIComponent(gridCode)}/map`);
    if (!grid) {
      return;
    }
    const L = window.L;
    buildingsLayer?.remove();
    buildingsGrid = gridCode;
    buildingsLayer = L.geoJSON(grid.features.filter((feature) => feature.geometry), {
      style: (feature) => feature.properties.code === gridCode
        ? { color: '#0b4f8a', weight: 2, dashArray: '4 4', fill: false, interactive: false }
        : { color: '#083a66', weight: 1, fillColor: '#3d8bd4', fillOpacity: 0.35 },
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7, color: '#083a66', weight: 1, fillColor: '#3d8bd4', fillOpacity: 0.6 }),
      onEachFeature: (feature, layer) => {
        if (feature.properties.code === gridCode) {
          return;
        }
        layer.bindTooltip(nameOf(feature.properties));
        layer.on('click', (event) => {
          L.DomEvent.stopPropagation(event);
          setPin(event.latlng);
        });
      },
    }).addTo(map);
  }

  async function geoJson(url) {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/geo+json' } });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  }

  showButton.addEventListener('click', () => {
    openMap();
  });

  locateButton.addEventListener('click', () => {
    say('locating');
    navigator.geolocation.getCurrentPosition(async (position) => {
      const shown = await openMap();
      if (!shown) {
        return;
      }
      const latlng = window.L.latLng(position.coords.latitude, position.coords.longitude);
      shown.setView(latlng, 18);
      await setPin(latlng);
    }, (error) => say(error.code === error.PERMISSION_DENIED ? 'geoDenied' : 'geoFailed'), { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  clearButton.addEventListener('click', () => {
    marker?.remove();
    marker = null;
    latitude.value = '';
    longitude.value = '';
    clearButton.hidden = true;
    say('removed');
  });

  return {
    // A form shown again with a pin in it: open the map at the pin.
    async restore() {
      const lat = Number.parseFloat(latitude.value);
      const lng = Number.parseFloat(longitude.value);
      if (Number.isFinite(lat) && Number.isFinite(lng)) {
        const shown = await openMap();
        if (shown) {
          const latlng = window.L.latLng(lat, lng);
          shown.setView(latlng, 18);
          await setPin(latlng);
        }
      }
    },
  };
}
