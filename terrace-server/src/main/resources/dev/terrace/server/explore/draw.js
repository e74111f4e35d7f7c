// Drawing a point, a rectangle or a polygon on the map with Leaflet's own events, or taking a
// GeoJSON file. Keyboard: with the map focused, the arrows pan, Space puts a point, a corner or a
// vertex at the map's centre, Enter closes a polygon, Backspace takes back its last vertex and
// Escape cancels.

const STYLE = { color: "#d6336c", weight: 2, fillOpacity: 0.12, interactive: false };
const CLOSE_PX = 10;

const round = (v) => Math.round(v * 1e6) / 1e6;
const position = (latlng) => [round(latlng.lng), round(latlng.lat)];

export class DrawTool {
  /**
   * @param map the Leaflet map
   * @param onGeometry called with the GeoJSON geometry drawn, or null when cleared
   * @param onStatus called with a sentence saying what to do next
   */
  constructor(map, onGeometry, onStatus) {
    this.map = map;
    this.onGeometry = onGeometry;
    this.onStatus = onStatus;
    this.shape = L.layerGroup().addTo(map);
    this.sketch = L.layerGroup().addTo(map);
    this.mode = null;
    this.vertices = [];
    this.handlers = {
      click: (e) => this.click(e.latlng, e.containerPoint),
      mousedown: (e) => this.press(e.latlng),
      mousemove: (e) => this.move(e.latlng),
      mouseup: (e) => this.release(e.latlng),
      dblclick: () => this.finishPolygon(),
    };
    document.addEventListener("keydown", (e) => this.key(e));
  }

  start(mode) {
    this.cancel();
    this.mode = mode;
    this.vertices = [];
    this.corner = null;
    for (const [name, handler] of Object.entries(this.handlers)) {
      this.map.on(name, handler);
    }
    // The drag and the double click are the drawing's now, not the map's.
    if (mode === "rectangle") {
      this.map.dragging.disable();
    }
    this.map.doubleClickZoom.disable();
    this.map.getContainer().classList.add("drawing");
    this.onStatus(
      {
        point: "Click the map (or Space at its centre) to put the point. Escape cancels.",
        rectangle: "Drag a rectangle on the map (or Space at two corners). Escape cancels.",
        polygon:
          "Click the vertices; click the first one, double-click or press Enter to close. Escape cancels.",
      }[mode],
      mode,
    );
  }

  /** Stops drawing without a new geometry; the last one drawn stays. */
  cancel() {
    if (!this.mode) {
      return;
    }
    this.stop();
    this.onStatus("Drawing cancelled.", null);
  }

  stop() {
    for (const [name, handler] of Object.entries(this.handlers)) {
      this.map.off(name, handler);
    }
    this.map.dragging.enable();
    this.map.doubleClickZoom.enable();
    L.DomUtil.enableTextSelection();
    this.map.getContainer().classList.remove("drawing");
    this.sketch.clearLayers();
    this.mode = null;
    this.vertices = [];
    this.corner = null;
  }

  clear() {
    this.stop();
    this.shape.clearLayers();
    this.onGeometry(null);
    this.onStatus("Pick a tool, then draw on the map.", null);
  }

  click(latlng, point) {
    if (this.mode === "point") {
      this.done({ type: "Point", coordinates: position(latlng) });
    } else if (this.mode === "polygon") {
      this.addVertex(latlng, point);
    }
  }

  addVertex(latlng, point) {
    const n = this.vertices.length;
    if (n >= 3 && this.map.latLngToContainerPoint(this.vertices[0]).distanceTo(point) <= CLOSE_PX) {
      this.finishPolygon();
      return;
    }
    // The two clicks of a double click put one vertex, not two.
    if (n > 0 && this.map.latLngToContainerPoint(this.vertices[n - 1]).distanceTo(point) < 3) {
      return;
    }
    this.vertices.push(latlng);
    this.drawSketch(null);
    this.onStatus(
      `${this.vertices.length} vertices; ${this.vertices.length >= 3 ? "click the first one or press Enter to close." : "go on clicking."}`,
      "polygon",
    );
  }

  press(latlng) {
    if (this.mode === "rectangle") {
      this.corner = latlng;
      // With the map's own dragging off, a drag would select the page's text instead.
      L.DomUtil.disableTextSelection();
    }
  }

  move(latlng) {
    if (this.mode === "rectangle" && this.corner) {
      this.sketch.clearLayers();
      L.rectangle(L.latLngBounds(this.corner, latlng), STYLE).addTo(this.sketch);
    } else if (this.mode === "polygon" && this.vertices.length > 0) {
      this.drawSketch(latlng);
    }
  }

  release(latlng) {
    if (this.mode !== "rectangle" || !this.corner) {
      return;
    }
    const a = this.map.latLngToContainerPoint(this.corner);
    const b = this.map.latLngToContainerPoint(latlng);
    if (a.distanceTo(b) < 3) {
      return;
    }
    this.rectangle(this.corner, latlng);
  }

  rectangle(one, two) {
    const bounds = L.latLngBounds(one, two);
    const [w, s] = position(bounds.getSouthWest());
    const [e, n] = position(bounds.getNorthEast());
    this.done({
      type: "Polygon",
      coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
    });
  }

  drawSketch(cursor) {
    this.sketch.clearLayers();
    const line = cursor ? [...this.vertices, cursor] : this.vertices;
    L.polyline(line, STYLE).addTo(this.sketch);
    this.vertices.forEach((v, i) =>
      L.circleMarker(v, { ...STYLE, radius: i === 0 ? 6 : 4, fillOpacity: 1, fillColor: "#fff" }).addTo(this.sketch),
    );
  }

  finishPolygon() {
    if (this.mode !== "polygon") {
      return;
    }
    if (this.vertices.length < 3) {
      this.onStatus("A polygon needs at least 3 vertices.", "polygon");
      return;
    }
    const ring = this.vertices.map(position);
    ring.push(ring[0]);
    this.done({ type: "Polygon", coordinates: [ring] });
  }

  key(e) {
    if (!this.mode) {
      return;
    }
    const onMap = document.activeElement === this.map.getContainer();
    if (e.key === "Escape") {
      e.preventDefault();
      this.cancel();
    } else if (e.key === "Enter" && this.mode === "polygon") {
      e.preventDefault();
      this.finishPolygon();
    } else if (e.key === "Backspace" && this.mode === "polygon" && this.vertices.length > 0) {
      e.preventDefault();
      this.vertices.pop();
      this.drawSketch(null);
    } else if (e.key === " " && onMap) {
      e.preventDefault();
      const centre = this.map.getCenter();
      if (this.mode === "rectangle") {
        if (this.corner) {
          this.rectangle(this.corner, centre);
        } else {
          this.corner = centre;
          this.onStatus("First corner put; move the map and press Space at the opposite one.", "rectangle");
        }
      } else {
        this.click(centre, this.map.latLngToContainerPoint(centre));
      }
    }
  }

  /** Takes a geometry from a GeoJSON text: a geometry, a feature, or a collection's first feature. */
  load(text) {
    const json = JSON.parse(text);
    let geometry = json;
    let note = "";
    if (json.type === "FeatureCollection") {
      if (!json.features || json.features.length === 0) {
        throw new Error("the FeatureCollection has no features");
      }
      geometry = json.features[0].geometry;
      if (json.features.length > 1) {
        note = ` (the first of ${json.features.length} features; extract.batch takes them all)`;
      }
    } else if (json.type === "Feature") {
      geometry = json.geometry;
    }
    if (!geometry || !geometry.type || !geometry.coordinates) {
      throw new Error("no GeoJSON geometry in the file");
    }
    this.stop();
    this.done(geometry, `Geometry from the file: a ${geometry.type}${note}.`);
    if (geometry.type === "Point") {
      // A point has no extent to fit: keep the zoom, which suits the dataset shown.
      this.map.panTo([geometry.coordinates[1], geometry.coordinates[0]], { animate: false });
    } else {
      this.map.fitBounds(L.geoJSON(geometry).getBounds(), { maxZoom: 12, padding: [20, 20], animate: false });
    }
  }

  done(geometry, message) {
    this.stop();
    this.shape.clearLayers();
    L.geoJSON(geometry, {
      style: () => STYLE,
      pointToLayer: (_, latlng) => L.circleMarker(latlng, { ...STYLE, radius: 7, fillOpacity: 0.9 }),
      interactive: false,
    }).addTo(this.shape);
    this.onGeometry(geometry);
    this.onStatus(message || `A ${geometry.type.toLowerCase()} is drawn. Run extracts under it.`, null);
  }
}
