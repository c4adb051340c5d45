// The patrol route on /volunteers/activities/{id}: draws the GeoJSON LineString in data-route with the vendored Leaflet
// (loaded deferred just before this module). The page states the route in words too, so the map is an extra.

const element = document.getElementById('route-map');
const L = window.L;
if (element && L) {
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', element.dataset.label ?? '');
  const route = JSON.parse(element.dataset.route);
  const map = L.map(element, { zoomControl: false, attributionControl: false });
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn ?? 'Zoom in', zoomOutTitle: element.dataset.zoomOut ?? 'Zoom out' }).addTo(map);
  const line = L.geoJSON(route, { style: { color: '#b3261e', weight: 4 } }).addTo(map);
  map.fitBounds(line.getBounds(), { padding: [16, 16] });
}
