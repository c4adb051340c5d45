// The map on /tree/{code}: draws the node and its children from data-geojson-url with Leaflet, which the page loads
// (deferred) just before this module. Children are clickable and open their own page; the list beside the map gives
// the same links to keyboard and screen-reader users. No inline script: everything comes from the data-* attributes.
//
// The dashboard (/dashboard/{code}) uses the same map with three more attributes: data-shades ({code: {fill, label}},
// a fill colour and tooltip per child), data-link-base ("/dashboard/") and data-link-query (the period to keep).

const element = document.getElementById('map');
if (element) {
  draw(element);
}

async function draw(element) {
  const status = document.getElementById('map-status');
  const say = (key) => {
    if (status) {
      status.textContent = status.dataset[key] ?? '';
    }
  };

  const L = window.L;
  if (!L) {
    say('failed');
    return;
  }

  let collection;
  try {
    const response = await fetch(element.dataset.geojsonUrl, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    collection = await response.json();
  } catch {
    say('failed');
    return;
  }

  const features = (collection.features ?? []).filter((feature) => feature.geometry);
  if (features.length === 0) {
    element.hidden = true;
    say('empty');
    return;
  }

  const english = document.documentElement.lang.startsWith('en');
  const nameOf = (properties) => (english && properties.nameEn) || properties.name;
  const self = element.dataset.nodeCode;
  const tileUrl = element.dataset.tileUrl;
  const shades = element.dataset.shades ? JSON.parse(element.dataset.shades) : {};
  const linkBase = element.dataset.linkBase ?? '/tree/';
  const linkQuery = element.dataset.linkQuery ?? '';

  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', element.dataset.label ?? '');

  const map = L.map(element, { zoomControl: false, attributionControl: Boolean(tileUrl), zoomSnap: 0.25 });
  L.control.zoom({
    zoomInTitle: element.dataset.zoomIn ?? 'Zoom in',
    zoomOutTitle: element.dataset.zoomOut ?? 'Zoom out',
  }).addTo(map);

  // Tiles only when configured (Map:TileUrl): without them the shapes still draw on a plain background.
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
  }

  const layer = L.geoJSON(features, {
    style: (feature) => feature.properties.code === self
      ? { color: '#0b4f8a', weight: 3, dashArray: '6 4', fill: false, interactive: false }
      : shades[feature.properties.code]
        ? { color: '#0b4f8a', weight: 2, fillColor: shades[feature.properties.code].fill, fillOpacity: 0.8 }
        : { color: '#0b4f8a', weight: 2, fillColor: '#3d8bd4', fillOpacity: 0.3 },
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7 }),
    onEachFeature: (feature, featureLayer) => {
      const properties = feature.properties;
      if (properties.code === self) {
        return;
      }
      featureLayer.bindTooltip(shades[properties.code]?.label ?? nameOf(properties), { sticky: true });
      featureLayer.on('click', () => {
        window.location.assign(linkBase + encodeURIComponent(properties.code) + linkQuery);
      });
    },
  }).addTo(map);

  // Extra room on the left keeps the outline clear of the zoom buttons.
  map.fitBounds(layer.getBounds(), { paddingTopLeft: [52, 20], paddingBottomRight: [20, 20], maxZoom: 19 });
  element.dataset.drawn = String(features.length);
  if (features.some((feature) => feature.properties.code !== self)) {
    say('ready');
  } else if (status) {
    status.textContent = '';
  }
}
