// The MapLibre map: no tile server; a plain background, the areas as a GeoJSON choropleth, hatched
// suppressed areas, the district outline, the selected area and an optional hot-spot layer. An
// optional raster tile URL (?tiles=) goes underneath.
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import { HOTSPOT } from './colours.js';

const EMPTY = { type: 'FeatureCollection', features: [] };

function hatchImage() {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      const v = on ? 110 : 225;
      data[i] = v; data[i + 1] = v; data[i + 2] = v; data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

export function bboxOf(fc) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      if (c[0] < minX) minX = c[0]; if (c[0] > maxX) maxX = c[0];
      if (c[1] < minY) minY = c[1]; if (c[1] > maxY) maxY = c[1];
    } else for (const x of c) visit(x);
  };
  for (const f of fc?.features || []) if (f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}

export class AtlasMap {
  constructor(container, { tiles, onHover, onClick, onTileError }) {
    setWorkerUrl(new URL('maplibre-gl-worker.js', document.baseURI).href);
    const sources = {};
    const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f2f1' } }];
    if (tiles) {
      sources.tiles = { type: 'raster', tiles: [tiles], tileSize: 256 };
      layers.push({ id: 'tiles', type: 'raster', source: 'tiles', paint: { 'raster-opacity': 0.9 } });
    }
    this.ready = new Promise((resolve) => { this._resolveReady = resolve; });
    this.map = new MlMap({
      container,
      style: { version: 8, sources, layers },
      center: [0.12, 52.2],
      zoom: 10,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    this.map.on('load', () => this._setup(onHover, onClick));
    // A background tile that cannot be fetched (no internet, wrong address) is said once, not logged
    // for every tile; other map errors still reach the console.
    this.map.on('error', (e) => {
      if (e.sourceId === 'tiles' || /tiles/.test(e.source?.id || '')) { onTileError?.(e.error?.message || 'unreachable'); return; }
      console.error(e.error || e);
    });
    const canvas = this.map.getCanvas();
    canvas.setAttribute('aria-label', 'Map of the areas; use the arrow keys to pan and + or − to zoom. The ranking table below is the text equivalent.');
  }

  _setup(onHover, onClick) {
    const m = this.map;
    m.addImage('hatch', hatchImage(), { pixelRatio: 1 });
    m.addSource('areas', { type: 'geojson', data: EMPTY });
    m.addSource('district', { type: 'geojson', data: EMPTY });
    m.addSource('hotspots', { type: 'geojson', data: EMPTY });
    m.addLayer({ id: 'areas-fill', type: 'fill', source: 'areas', filter: ['!=', ['get', 'state'], 'suppressed'],
      paint: { 'fill-color': ['coalesce', ['get', 'fill'], '#bfc1c3'], 'fill-opacity': 0.85 } });
    m.addLayer({ id: 'areas-hatch', type: 'fill', source: 'areas', filter: ['==', ['get', 'state'], 'suppressed'],
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': 0.9 } });
    m.addLayer({ id: 'hotspots-fill', type: 'fill', source: 'hotspots', layout: { visibility: 'none' },
      paint: { 'fill-color': ['match', ['get', 'class'], ...Object.entries(HOTSPOT).flat(), '#ffffff'], 'fill-opacity': 0.8,
        'fill-outline-color': 'rgba(0,0,0,0.15)' } });
    m.addLayer({ id: 'hotspots-line', type: 'line', source: 'hotspots', layout: { visibility: 'none' },
      paint: { 'line-color': ['case', ['in', 'hot', ['get', 'class']], '#67000d', '#053061'], 'line-width': 0.6 } });
    m.addLayer({ id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': '#505a5f', 'line-width': 0.8 } });
    m.addLayer({ id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#0b0c0c', 'line-width': 2.5 } });
    m.addLayer({ id: 'hover-line', type: 'line', source: 'areas', filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#0b0c0c', 'line-width': 2 } });
    m.addLayer({ id: 'selected-casing', type: 'line', source: 'areas', filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#ffdd00', 'line-width': 8 } });
    m.addLayer({ id: 'selected-line', type: 'line', source: 'areas', filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#0b0c0c', 'line-width': 3 } });

    const layers = ['areas-fill', 'areas-hatch'];
    let hovered = '';
    m.on('mousemove', (e) => {
      const f = m.queryRenderedFeatures(e.point, { layers })[0];
      const code = f?.properties?.code || '';
      if (code !== hovered) { hovered = code; m.setFilter('hover-line', ['==', ['get', 'code'], code]); }
      m.getCanvas().style.cursor = code ? 'pointer' : '';
      onHover(code || null, e.point);
    });
    m.on('mouseout', () => { hovered = ''; m.setFilter('hover-line', ['==', ['get', 'code'], '']); onHover(null); });
    m.on('click', (e) => {
      const f = m.queryRenderedFeatures(e.point, { layers })[0];
      if (f) onClick(f.properties.code);
    });
    this._resolveReady();
  }

  async setAreas(fc) { await this.ready; this.map.getSource('areas').setData(fc); }
  async setDistrict(fc, fit = false) {
    await this.ready;
    this.map.getSource('district').setData(fc || EMPTY);
    if (fit) {
      const b = bboxOf(fc);
      if (b) this.map.fitBounds(b, { padding: 24, animate: false });
    }
  }
  async fitTo(fc) { await this.ready; const b = bboxOf(fc); if (b) this.map.fitBounds(b, { padding: 24, animate: false }); }
  async setSelected(code) {
    await this.ready;
    const f = ['==', ['get', 'code'], code || ''];
    this.map.setFilter('selected-line', f);
    this.map.setFilter('selected-casing', f);
  }
  async setHotspots(fc, visible) {
    await this.ready;
    if (fc) this.map.getSource('hotspots').setData(fc);
    this.map.setLayoutProperty('hotspots-fill', 'visibility', visible ? 'visible' : 'none');
    this.map.setLayoutProperty('hotspots-line', 'visibility', visible ? 'visible' : 'none');
    // The choropleth steps back so the cells stand out.
    this.map.setPaintProperty('areas-fill', 'fill-opacity', visible ? 0.3 : 0.85);
  }
  /** Resolves when the map has drawn everything it was given. */
  idle() {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving() && this.map.areTilesLoaded()) {
        this.map.once('idle', resolve);
        this.map.triggerRepaint();
      } else this.map.once('idle', resolve);
    });
  }
  resize() { this.map.resize(); }
  canvas() { return this.map.getCanvas(); }
}
