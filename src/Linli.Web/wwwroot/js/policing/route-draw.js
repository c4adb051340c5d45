// The patrol form on /police/half-days/{id}: the officer taps the route's points on the vendored Leaflet map (loaded
// deferred just before this module) and the GeoJSON LineString is written into the form's textarea. Without script the
// textarea takes the GeoJSON as text, so the form works either way.

const element = document.getElementById('route-draw');
const L = window.L;
const input = element && document.getElementById(element.dataset.input);
if (element && L && input) {
  draw(element, input);
}

async function draw(element, input) {
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', element.dataset.label ?? '');
  const map = L.map(element, { zoomControl: false, attributionControl: Boolean(element.dataset.tileUrl) });
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn ?? 'Zoom in', zoomOutTitle: element.dataset.zoomOut ?? 'Zoom out' }).addTo(map);
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
  }

  const points = readPoints(input.value);
  const line = L.polyline(points, { color: '#b3261e', weight: 4 }).addTo(map);
  const write = () => {
    line.setLatLngs(points);
    input.value = points.length === 0 ? '' : JSON.stringify({ type: 'LineString', coordinates: points.map(([lat, lng]) => [round(lng), round(lat)]) });
  };

  try {
    const response = await fetch(element.dataset.geojsonUrl, { headers: { Accept: 'application/geo+json' } });
    const area = L.geoJSON(await response.json(), { style: { color: '#0b5394', weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map);
    map.fitBounds(area.getBounds(), { padding: [8, 8] });
  } catch {
    map.setView(points[0] ?? [29.53, 106.505], 16);
  }

  map.on('click', (event) => {
    points.push([event.latlng.lat, event.latlng.lng]);
    write();
  });

  const tools = document.createElement('p');
  tools.className = 'quick-actions';
  for (const [label, act] of [[element.dataset.undo, () => points.pop()], [element.dataset.clear, () => points.splice(0)]]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = label;
    button.addEventListener('click', () => {
      act();
      write();
    });
    tools.append(button);
  }
  element.after(tools);
}

function readPoints(text) {
  try {
    const line = JSON.parse(text);
    return line.type === 'LineString' ? line.coordinates.map(([lng, lat]) => [lat, lng]) : [];
  } catch {
    return [];
  }
}

function round(value) {
  return Math.round(value * 1e6) / 1e6;
}
