#!/usr/bin/env python3
"""Build the offline basemap text files in data/basemap/ from Natural Earth.

Inputs (public domain Natural Earth data, fetched to /tmp, never kept in the
repository):

  * world-atlas 2.0.2 from npm (Natural Earth 4.1.0 admin-0 countries as
    TopoJSON):
        cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    -> /tmp/package/countries-10m.json, countries-50m.json, countries-110m.json

  * Debian 12's qgis-common (3.22.16+dfsg-1) world_map.gpkg (Natural Earth
    4.1.0 admin-1 states/provinces, generalised by the QGIS project):
        apt-get install -y qgis-common
    -> /usr/share/qgis/resources/data/world_map.gpkg

Outputs (see data/basemap/README.md for the format):

  countries-region.txt   countries-10m clipped to lon 32..58, lat 30..50
  countries-world.txt    countries-50m, whole world, arcs simplified
  provinces-region.txt   gpkg states_provinces touching lon 38..52, lat 36..45,
                         clipped to lon 32..58, lat 30..50

Neither input has lakes, so no lakes file is written.

Only the Python 3 standard library is used.  Run with --check to print the
quality checks (point-in-polygon tests, vertex counts, file sizes); the checks
re-read the written files with a parser as simple as the C one.
"""

import argparse
import json
import math
import os
import sqlite3
import struct
import sys

FORMAT_MAGIC = "# caucasus-atlas basemap 1"

REGION_BOX = (32.0, 30.0, 58.0, 50.0)          # lon_min, lat_min, lon_max, lat_max
PROVINCE_SELECT_BOX = (38.0, 36.0, 52.0, 45.0)  # provinces must overlap this

DEFAULT_WORLD_ATLAS = "/tmp/package"
DEFAULT_GPKG = "/usr/share/qgis/resources/data/world_map.gpkg"
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           os.pardir, "data", "basemap")

WORLD_ATLAS_VERSION = "2.0.2"
NATURAL_EARTH_VERSION = "4.1.0"
QGIS_COMMON_VERSION = "3.22.16+dfsg-1"

# Douglas-Peucker tolerance (degrees) applied per TopoJSON arc for the world
# file, so shared borders stay identical on both sides.
DEFAULT_WORLD_TOLERANCE = 0.035


# --------------------------------------------------------------------------
# Geometry helpers.  A polygon is a list of rings; ring 0 is the exterior,
# the others are holes.  A ring is a list of (lon, lat) tuples, NOT closed
# (the first point is not repeated at the end).


def signed_area(ring):
    """Shoelace area in square degrees; > 0 means counter-clockwise
    (with lon to the right and lat up)."""
    a = 0.0
    n = len(ring)
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        a += x0 * y1 - x1 * y0
    return a / 2.0


def open_ring(points):
    """Drop the closing point if the ring repeats its first point."""
    pts = list(points)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


def clip_ring(ring, box):
    """Sutherland-Hodgman clip of one closed ring against an axis-aligned
    box.  Returns the clipped ring (possibly empty).  The output is closed
    implicitly like the input; parts outside the box are replaced by runs
    along the box edges."""
    xmin, ymin, xmax, ymax = box

    def clip(pts, inside, intersect):
        out = []
        n = len(pts)
        if n == 0:
            return out
        prev = pts[-1]
        prev_in = inside(prev)
        for cur in pts:
            cur_in = inside(cur)
            if cur_in:
                if not prev_in:
                    out.append(intersect(prev, cur))
                out.append(cur)
            elif prev_in:
                out.append(intersect(prev, cur))
            prev, prev_in = cur, cur_in
        return out

    def at_x(x):
        def f(p, q):
            t = (x - p[0]) / (q[0] - p[0])
            return (x, p[1] + t * (q[1] - p[1]))
        return f

    def at_y(y):
        def f(p, q):
            t = (y - p[1]) / (q[1] - p[1])
            return (p[0] + t * (q[0] - p[0]), y)
        return f

    pts = ring
    pts = clip(pts, lambda p: p[0] >= xmin, at_x(xmin))
    pts = clip(pts, lambda p: p[0] <= xmax, at_x(xmax))
    pts = clip(pts, lambda p: p[1] >= ymin, at_y(ymin))
    pts = clip(pts, lambda p: p[1] <= ymax, at_y(ymax))
    return pts


def ring_bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_overlaps(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def bbox_inside(a, b):
    return a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]


def clip_polygons(polygons, box):
    """Clip a list of polygons against box.  A polygon whose exterior ring
    vanishes is dropped with its holes; vanished holes are dropped."""
    out = []
    for poly in polygons:
        new_poly = []
        for i, ring in enumerate(poly):
            bb = ring_bbox(ring)
            if bbox_inside(bb, box):
                clipped = list(ring)
            elif not bbox_overlaps(bb, box):
                clipped = []
            else:
                clipped = clip_ring(ring, box)
            if len(clipped) < 3 or signed_area(clipped) == 0.0:
                if i == 0:
                    break      # exterior gone: drop the whole polygon
                continue
            new_poly.append(clipped)
        if new_poly:
            out.append(new_poly)
    return out


def _on_same_box_edge(a, b, c, box):
    for k, v in ((0, box[0]), (0, box[2]), (1, box[1]), (1, box[3])):
        if a[k] == v and b[k] == v and c[k] == v:
            return True
    return False


def round_ring(ring, decimals, box=None):
    """Round to `decimals`, drop repeated points and, if box is given,
    middle points of straight runs along a box edge (clipping artefacts).
    Returns None if fewer than 3 distinct points or zero area remain."""
    pts = []
    for x, y in ring:
        p = (round(x, decimals), round(y, decimals))
        if not pts or pts[-1] != p:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    rb = box and tuple(round(v, decimals) for v in box)
    if rb and len(pts) > 3 and any(x in (rb[0], rb[2]) or y in (rb[1], rb[3])
                                   for x, y in pts):
        # Drop the middle point of any three consecutive points on the same
        # box edge: zero-area detours, so the filled region is unchanged.
        for _ in range(2):          # second pass handles the wrap-around
            keep = []
            for p in pts:
                while len(keep) >= 2 and _on_same_box_edge(keep[-2], keep[-1], p, rb):
                    keep.pop()
                keep.append(p)
            h = len(keep) // 2      # rotate so the seam moves inside
            pts = keep[h:] + keep[:h]
        while len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
    if len(pts) < 3 or signed_area(pts) == 0.0:
        return None
    return pts


def round_polygons(polygons, decimals, box=None):
    out = []
    for poly in polygons:
        ext = round_ring(poly[0], decimals, box)
        if ext is None:
            continue
        new_poly = [ext]
        for hole in poly[1:]:
            h = round_ring(hole, decimals, box)
            if h is not None:
                new_poly.append(h)
        out.append(new_poly)
    return out


def point_in_ring(lon, lat, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat):
            x = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if lon < x:
                inside = not inside
        j = i
    return inside


def point_in_feature(lon, lat, rings):
    """Even-odd test over all rings (exteriors and holes) of a feature."""
    inside = False
    for _, pts in rings:
        if point_in_ring(lon, lat, pts):
            inside = not inside
    return inside


def distance_to_feature(lon, lat, rings):
    """Smallest planar distance in degrees from a point to any ring edge."""
    best = math.inf
    for _, pts in rings:
        n = len(pts)
        for i in range(n):
            ax, ay = pts[i - 1]
            bx, by = pts[i]
            dx, dy = bx - ax, by - ay
            dd = dx * dx + dy * dy
            t = 0.0 if dd == 0 else max(0.0, min(1.0, ((lon - ax) * dx + (lat - ay) * dy) / dd))
            best = min(best, math.hypot(ax + t * dx - lon, ay + t * dy - lat))
    return best


def douglas_peucker(points, tol):
    """Simplify an open polyline keeping both end points."""
    n = len(points)
    if n <= 2 or tol <= 0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        if b <= a + 1:
            continue
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        dd = dx * dx + dy * dy
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if dd == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / dd
                t = max(0.0, min(1.0, t))
                qx, qy = ax + t * dx, ay + t * dy
                d2 = (px - qx) ** 2 + (py - qy) ** 2
            if d2 > best:
                best, best_i = d2, i
        if best > tol2:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep) if k]


def simplify_arc(points, tol):
    """Douglas-Peucker on one TopoJSON arc.  Closed arcs (islands) are split
    at the point farthest from the start and keep at least 4 points."""
    if tol <= 0 or len(points) <= 4:
        return list(points)
    jumps = [i for i in range(1, len(points))
             if abs(points[i][0] - points[i - 1][0]) > 180]
    if jumps:
        # crosses lon +-180: simplify each continuous piece on its own and
        # keep the points on both sides of every jump
        out = []
        for a, b in zip([0] + jumps, jumps + [len(points)]):
            out.extend(douglas_peucker(points[a:b], tol))
        return out
    if points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(len(points)),
                  key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
        first = douglas_peucker(points[:far + 1], tol)
        second = douglas_peucker(points[far:], tol)
        out = first + second[1:]
        if len(out) < 4:
            # keep a triangle: start, the farthest point and one more
            mid = max(range(1, len(points) - 1),
                      key=lambda i: abs(signed_area([points[0], points[far], points[i]])))
            idx = sorted({0, far, mid})
            out = [points[i] for i in idx] + [points[0]]
        return out
    return douglas_peucker(points, tol)


# --------------------------------------------------------------------------
# TopoJSON (world-atlas)


def load_topojson_countries(path, simplify_tol=0.0):
    """Return a list of (id, name, polygons) from objects.countries."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    tr = topo.get("transform")
    raw_arcs = []
    for arc in topo["arcs"]:
        pts = []
        if tr:
            sx, sy = tr["scale"]
            tx, ty = tr["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        raw_arcs.append(pts)
    if simplify_tol > 0:
        simple_arcs = [simplify_arc(a, simplify_tol) for a in raw_arcs]
    else:
        simple_arcs = raw_arcs

    def ring_from_arcs(idx_list):
        ring = stitch(idx_list, simple_arcs)
        if simple_arcs is not raw_arcs:
            raw = stitch(idx_list, raw_arcs)
            a, b = signed_area(ring), signed_area(raw)
            if len(ring) < 3 or a == 0.0 or (a > 0) != (b > 0):
                ring = raw      # tiny ring collapsed or flipped: keep it as is
        return ring

    def stitch(idx_list, arcs):
        pts = []
        for k, idx in enumerate(idx_list):
            arc = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
            if k > 0 and pts:
                pts.pop()           # shared point with the previous arc
            pts.extend(arc)
        return open_ring(pts)

    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        gtype = geom.get("type")
        if gtype == "Polygon":
            polys_arcs = [geom["arcs"]]
        elif gtype == "MultiPolygon":
            polys_arcs = geom["arcs"]
        else:
            continue
        polygons = []
        for poly_arcs in polys_arcs:
            rings = [ring_from_arcs(r) for r in poly_arcs]
            if rings and len(rings[0]) >= 3:
                polygons.append([r for r in rings if len(r) >= 3])
        name = (geom.get("properties") or {}).get("name", "")
        fid = geom.get("id")
        out.append((fid, name, split_antimeridian(polygons)))
    return out


def unwrap_ring(ring):
    """Make longitudes continuous (no jump of more than 180 degrees between
    neighbours) by adding multiples of 360.  A ring around a pole does not
    close after unwrapping: it is closed through that pole.  Returns
    (points, wraps_pole)."""
    out = [ring[0]]
    off = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        d = x1 - x0
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        out.append((x1 + off, y1))
    # closing edge from the last point back to the first
    d = ring[0][0] - ring[-1][0]
    wrap = off + (-360 if d > 180 else 360 if d < -180 else 0)
    if wrap:
        pole = -90.0 if sum(p[1] for p in ring) < 0 else 90.0
        first_x = out[0][0] + wrap     # where the first point is reached again
        out += [(first_x, out[0][1]), (first_x, pole), (out[0][0], pole)]
    return out, bool(wrap)


def crosses_antimeridian(ring):
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:] + ring[:1]))


def split_antimeridian(polygons):
    """TopoJSON from world-atlas is stitched for spherical rendering: some
    rings jump across lon +-180, and the Antarctic mainland is a hole in a
    zero-width exterior ring around the South Pole at lat -89.999.  Turn
    them into planar polygons within lon -180..180: unwrap, close polar rings
    through the pole, clip into 360-degree windows and shift back.  A
    degenerate polar exterior is dropped and its polar holes become
    exteriors (they already have the exteriors' orientation once closed)."""
    if not any(crosses_antimeridian(r) for poly in polygons for r in poly):
        return polygons
    unwrapped = []
    lo, hi = math.inf, -math.inf
    for poly in polygons:
        ext, ext_polar = unwrap_ring(poly[0])
        holes = [unwrap_ring(h) for h in poly[1:]]
        if ext_polar and all(abs(y) >= 89.9 for _, y in poly[0]):
            groups = [[h] for h, polar in holes if polar]
            if len(groups) != len(holes):
                raise ValueError("unexpected non-polar hole in a polar ring")
        else:
            ex0, _, ex1, _ = ring_bbox(ext)
            centre = (ex0 + ex1) / 2
            group = [ext]
            for h, _ in holes:
                hx0, _, hx1, _ = ring_bbox(h)
                k = round((centre - (hx0 + hx1) / 2) / 360)
                group.append([(x + 360 * k, y) for x, y in h])
            groups = [group]
        for g in groups:
            for r in g:
                bb = ring_bbox(r)
                lo, hi = min(lo, bb[0]), max(hi, bb[2])
            unwrapped.append(g)
    out = []
    for k in range(math.floor((lo + 180) / 360), math.floor((hi + 180) / 360) + 1):
        box = (360 * k - 180, -91.0, 360 * k + 180, 91.0)
        for poly in clip_polygons(unwrapped, box):
            out.append([[(x - 360 * k, y) for x, y in r] for r in poly])
    return out


def fallback_country_id(name):
    slug = "".join(c.lower() if c.isalnum() else "-" for c in name)
    slug = "-".join(s for s in slug.split("-") if s)
    return "x-" + slug


# --------------------------------------------------------------------------
# GeoPackage


def parse_gpkg_geometry(blob):
    """Parse a GeoPackage geometry blob; return a list of polygons."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    hdr_endian = "<" if flags & 1 else ">"
    if flags & 0x10:            # empty geometry
        return []
    env = (flags >> 1) & 7
    env_doubles = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}.get(env)
    if env_doubles is None:
        raise ValueError("bad envelope indicator %d" % env)
    struct.unpack_from(hdr_endian + "i", blob, 4)   # srs_id, unused
    return parse_wkb(blob, 8 + 8 * env_doubles)[0]


def parse_wkb(buf, off):
    """Parse (possibly nested) WKB at off; returns (polygons, new_off)."""
    e = "<" if buf[off] == 1 else ">"
    off += 1
    (gtype,) = struct.unpack_from(e + "I", buf, off)
    off += 4
    has_z = has_m = False
    if gtype & 0x80000000:      # EWKB flags
        has_z = True
    if gtype & 0x40000000:
        has_m = True
    if gtype & 0x20000000:      # EWKB SRID
        off += 4
    gtype &= 0x0FFFFFFF
    if gtype >= 1000:
        dim = gtype // 1000
        gtype %= 1000
        has_z = has_z or dim in (1, 3)
        has_m = has_m or dim in (2, 3)
    ndim = 2 + has_z + has_m
    stride = 8 * ndim

    def read_ring(off):
        (n,) = struct.unpack_from(e + "I", buf, off)
        off += 4
        pts = []
        for _ in range(n):
            x, y = struct.unpack_from(e + "dd", buf, off)
            pts.append((x, y))
            off += stride
        return pts, off

    if gtype == 3:              # Polygon
        (nrings,) = struct.unpack_from(e + "I", buf, off)
        off += 4
        rings = []
        for _ in range(nrings):
            r, off = read_ring(off)
            r = open_ring(r)
            if len(r) >= 3:
                rings.append(r)
        return ([rings] if rings else []), off
    if gtype in (6, 7):         # MultiPolygon, GeometryCollection
        (n,) = struct.unpack_from(e + "I", buf, off)
        off += 4
        polys = []
        for _ in range(n):
            p, off = parse_wkb(buf, off)
            polys.extend(p)
        return polys, off
    if gtype == 1:              # Point: skip
        return [], off + stride
    if gtype == 2:              # LineString: skip
        (n,) = struct.unpack_from(e + "I", buf, off)
        return [], off + 4 + n * stride
    raise ValueError("unsupported WKB geometry type %d" % gtype)


def load_provinces(gpkg_path):
    con = sqlite3.connect("file:%s?mode=ro" % gpkg_path, uri=True)
    con.row_factory = sqlite3.Row
    (geom_col,) = con.execute(
        "SELECT column_name FROM gpkg_geometry_columns "
        "WHERE table_name = 'states_provinces'").fetchone()
    rows = con.execute(
        'SELECT fid, "%s" AS geom, iso_a2, name, fips, gn_name, woe_name, '
        "adm0_a3, admin FROM states_provinces ORDER BY fid" % geom_col).fetchall()
    con.close()
    return rows


# --------------------------------------------------------------------------
# Output


def fmt_num(v, decimals):
    s = "%.*f" % (decimals, v)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    return s


def write_basemap(path, comments, features, decimals):
    """features: list of dicts with kind, id, name, extra (list of lines),
    polygons.  Returns (features written, rings, vertices)."""
    n_feat = n_rings = n_vert = 0
    lines = [FORMAT_MAGIC]
    lines += ["# " + c if c else "#" for c in comments]
    for f in features:
        if not f["polygons"]:
            continue
        n_feat += 1
        lines.append("feature %s %s %s" % (f["kind"], f["id"], f["name"]))
        lines.extend(f.get("extra", []))
        for poly in f["polygons"]:
            for i, ring in enumerate(poly):
                lines.append("%s %d" % ("ring" if i == 0 else "hole", len(ring)))
                n_rings += 1
                n_vert += len(ring)
                for x, y in ring:
                    lines.append("%s %s" % (fmt_num(x, decimals), fmt_num(y, decimals)))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
    return n_feat, n_rings, n_vert


def read_basemap(path):
    """Line-by-line reader, as simple as the C one.  Returns a list of
    features: dict(kind, id, name, extra, rings=[(is_hole, pts)])."""
    feats = []
    cur = None
    remaining = 0
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
        if first != FORMAT_MAGIC:
            raise ValueError("%s: bad magic line %r" % (path, first))
        for lineno, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if remaining:
                x, y = line.split(" ")
                cur["rings"][-1][1].append((float(x), float(y)))
                remaining -= 1
                continue
            if not line or line.startswith("#"):
                continue
            word, _, rest = line.partition(" ")
            if word == "feature":
                kind, fid, name = (rest.split(" ", 2) + ["", ""])[:3]
                cur = dict(kind=kind, id=fid, name=name, extra={}, rings=[])
                feats.append(cur)
            elif word in ("ring", "hole"):
                remaining = int(rest)
                cur["rings"].append((word == "hole", []))
            else:                       # parent, altname, ...: key value
                cur["extra"][word] = rest
    if remaining:
        raise ValueError("%s: truncated ring" % path)
    return feats


# --------------------------------------------------------------------------
# Builders


def orientation_summary(features):
    cw = ccw = hcw = hccw = 0
    for f in features:
        for poly in f["polygons"]:
            for i, ring in enumerate(poly):
                a = signed_area(ring)
                if i == 0:
                    ccw += a > 0
                    cw += a < 0
                else:
                    hccw += a > 0
                    hcw += a < 0
    return cw, ccw, hcw, hccw


def describe_orientation(features):
    cw, ccw, hcw, hccw = orientation_summary(features)
    return ("orientation (lon right, lat up): exterior rings %d clockwise, "
            "%d counter-clockwise; holes %d clockwise, %d counter-clockwise"
            % (cw, ccw, hcw, hccw))


def build_countries_region(wa_dir, out_dir):
    src = os.path.join(wa_dir, "countries-10m.json")
    feats = []
    for fid, name, polys in load_topojson_countries(src):
        clipped = round_polygons(clip_polygons(polys, REGION_BOX), 4, REGION_BOX)
        if clipped:
            feats.append(dict(kind="country", id=fid or fallback_country_id(name),
                              name=name, polygons=clipped))
    comments = [
        "countries of Natural Earth %s 1:10m admin-0 (public domain)" % NATURAL_EARTH_VERSION,
        "source: npm world-atlas@%s countries-10m.json (TopoJSON, ISC licence)" % WORLD_ATLAS_VERSION,
        "clipped (Sutherland-Hodgman) to lon %g..%g, lat %g..%g; 4 decimals"
        % (REGION_BOX[0], REGION_BOX[2], REGION_BOX[1], REGION_BOX[3]),
        "segments lying on the clip box edges are clipping artefacts, not borders",
        describe_orientation(feats),
        "generated by tools/make-basemap.py; do not edit by hand",
    ]
    path = os.path.join(out_dir, "countries-region.txt")
    return path, write_basemap(path, comments, feats, 4)


def build_countries_world(wa_dir, out_dir, source, tol):
    src = os.path.join(wa_dir, "countries-%s.json" % source)
    feats = []
    for fid, name, polys in load_topojson_countries(src, simplify_tol=tol):
        rounded = round_polygons(polys, 3)
        if rounded:
            feats.append(dict(kind="country", id=fid or fallback_country_id(name),
                              name=name, polygons=rounded))
    comments = [
        "countries of Natural Earth %s 1:%s admin-0 (public domain)" % (NATURAL_EARTH_VERSION, source),
        "source: npm world-atlas@%s countries-%s.json (TopoJSON, ISC licence)" % (WORLD_ATLAS_VERSION, source),
        "whole world, unclipped; arcs simplified (Douglas-Peucker, %g deg); 3 decimals" % tol,
        describe_orientation(feats),
        "generated by tools/make-basemap.py; do not edit by hand",
    ]
    path = os.path.join(out_dir, "countries-world.txt")
    return path, write_basemap(path, comments, feats, 3)


def country_numeric_ids(wa_dir):
    """name -> ISO numeric from world-atlas 10m, to link provinces to the
    country features."""
    ids = {}
    for fid, name, _ in load_topojson_countries(os.path.join(wa_dir, "countries-10m.json")):
        if fid:
            ids.setdefault(name, fid)
    return ids


# Attribute errors in the gpkg's states_provinces, keyed by fid and checked
# against the geometry: fid 4563 lies at Lachin (39.66N 46.42E, gn_name
# "Lacin Rayonu") but is named "Lankaran"; fids 8130 (Stepanakert/Khankendi
# city, 0.002 deg2) and 6458 (Khojaly district) have swapped gn_name values.
PROVINCE_OVERRIDES = {
    4563: {"name": "Laçın"},
    8130: {"gn_name": "Xankandi Sahari"},
    6458: {"gn_name": "Xocali Rayonu"},
}


def province_ids(rows):
    """fid -> id.  The FIPS 10-4 code when unique; when several rows share
    one, the single row whose FIPS prefix is its country's usual prefix keeps
    the plain code and the others get FIPS~fid."""
    by_fips = {}
    prefixes = {}
    for r in rows:
        by_fips.setdefault(r["fips"], []).append(r)
        if r["fips"]:
            c = prefixes.setdefault(r["adm0_a3"], {})
            c[r["fips"][:2]] = c.get(r["fips"][:2], 0) + 1
    usual = {a3: max(c, key=c.get) for a3, c in prefixes.items()}
    ids = {}
    for fips, group in by_fips.items():
        if not fips:
            for r in group:
                ids[r["fid"]] = "%s~%d" % (r["adm0_a3"], r["fid"])
            continue
        regular = [r for r in group if usual.get(r["adm0_a3"]) == fips[:2]]
        for r in group:
            if len(group) == 1 or (len(regular) == 1 and r is regular[0]):
                ids[r["fid"]] = fips
            else:
                ids[r["fid"]] = "%s~%d" % (fips, r["fid"])
    return ids


def build_provinces_region(gpkg, wa_dir, out_dir):
    rows = [dict(r) for r in load_provinces(gpkg)]
    for r in rows:
        r.update(PROVINCE_OVERRIDES.get(r["fid"], {}))
    numeric = country_numeric_ids(wa_dir)
    ids = province_ids(rows)
    feats = []
    for r in rows:
        polys = parse_gpkg_geometry(r["geom"])
        if not clip_polygons(polys, PROVINCE_SELECT_BOX):
            continue
        clipped = round_polygons(clip_polygons(polys, REGION_BOX), 4, REGION_BOX)
        if not clipped:
            continue
        pid = ids[r["fid"]]
        name = r["name"] or r["gn_name"] or r["woe_name"] or pid
        extra = ["parent %s %s %s" % (numeric.get(r["admin"], "-"),
                                      r["adm0_a3"], r["admin"])]
        if r["gn_name"] and r["gn_name"] != name:
            extra.append("altname %s" % r["gn_name"])
        feats.append(dict(kind="province", id=pid, name=name, extra=extra,
                          polygons=clipped, sort=(r["adm0_a3"], name, r["fid"])))
    feats.sort(key=lambda f: f["sort"])
    comments = [
        "first-level divisions of Natural Earth %s 1:10m admin-1 (public domain),"
        % NATURAL_EARTH_VERSION,
        "  generalised by QGIS; source: Debian qgis-common %s world_map.gpkg,"
        % QGIS_COMMON_VERSION,
        "  table states_provinces (fields fid, fips, name, gn_name, adm0_a3, admin)",
        "divisions overlapping lon %g..%g, lat %g..%g, clipped to lon %g..%g, lat %g..%g; 4 decimals"
        % (PROVINCE_SELECT_BOX[0], PROVINCE_SELECT_BOX[2], PROVINCE_SELECT_BOX[1],
           PROVINCE_SELECT_BOX[3], REGION_BOX[0], REGION_BOX[2], REGION_BOX[1], REGION_BOX[3]),
        "id: FIPS 10-4 code, or FIPS~fid (gpkg fid) where the FIPS code is not unique",
        "parent <ISO numeric or -> <ISO alpha-3> <country name>; altname <GeoNames name>",
        "names corrected from the source: %s" % ", ".join(
            "fid %d %s" % (k, "/".join(sorted(v))) for k, v in sorted(PROVINCE_OVERRIDES.items())),
        "segments lying on the clip box edges are clipping artefacts, not borders",
        describe_orientation(feats),
        "generated by tools/make-basemap.py; do not edit by hand",
    ]
    path = os.path.join(out_dir, "provinces-region.txt")
    return path, write_basemap(path, comments, feats, 4)


# --------------------------------------------------------------------------
# Checks

# file, lat, lon, label, expected feature name, tolerance in degrees: a
# point outside every feature still passes if it lies within that distance
# of the expected one (coarse world coastlines put some coastal capitals
# just offshore).
POINT_CHECKS = [
    ("countries-region.txt", 40.18, 44.51, "Yerevan", "Armenia", 0),
    ("countries-region.txt", 39.21, 45.41, "Nakhchivan city", "Azerbaijan", 0),
    ("countries-region.txt", 40.41, 49.87, "Baku", "Azerbaijan", 0),
    ("countries-region.txt", 41.72, 44.79, "Tbilisi", "Georgia", 0),
    ("countries-region.txt", 38.90, 46.25, "Meghri", "Armenia", 0),
    ("countries-world.txt", 38.90, -77.04, "Washington", "United States of America", 0.1),
    ("countries-world.txt", 39.90, 116.40, "Beijing", "China", 0.1),
    ("countries-world.txt", 55.68, 12.57, "Copenhagen", "Denmark", 0.1),
    ("countries-world.txt", 40.18, 44.51, "Yerevan (world file)", "Armenia", 0.1),
    ("countries-world.txt", 40.41, 49.87, "Baku (world file)", "Azerbaijan", 0.1),
    ("countries-world.txt", 41.72, 44.79, "Tbilisi (world file)", "Georgia", 0.1),
    ("provinces-region.txt", 39.20, 46.40, "Meghri/Kapan", "Syunik", 0),
    ("provinces-region.txt", 40.18, 44.51, "Yerevan", "Erevan", 0),
    ("provinces-region.txt", 41.72, 44.79, "Tbilisi", "Tbilisi", 0),
    ("provinces-region.txt", 40.41, 49.87, "Baku", "Bakı", 0),
]

INFO_POINTS = [
    ("countries-region.txt", 39.82, 46.75, "Stepanakert/Khankendi"),
    ("countries-region.txt", 43.00, 41.02, "Sukhumi"),
    ("countries-region.txt", 42.23, 43.97, "Tskhinvali"),
    ("countries-region.txt", 44.95, 34.10, "Simferopol"),
    ("provinces-region.txt", 39.21, 45.41, "Nakhchivan city"),
    ("provinces-region.txt", 40.79, 43.85, "Gyumri"),
]


def run_checks(out_dir):
    ok = True
    cache = {}

    def feats(name):
        if name not in cache:
            cache[name] = read_basemap(os.path.join(out_dir, name))
        return cache[name]

    def containing(name, lat, lon):
        return [f for f in feats(name) if point_in_feature(lon, lat, f["rings"])]

    print("== files")
    for name in sorted(os.listdir(out_dir)):
        if not name.endswith(".txt"):
            continue
        fs = feats(name)
        rings = sum(len(f["rings"]) for f in fs)
        holes = sum(1 for f in fs for h, _ in f["rings"] if h)
        verts = sum(len(p) for f in fs for _, p in f["rings"])
        size = os.path.getsize(os.path.join(out_dir, name))
        print("%-22s %8d bytes  %4d features  %5d rings (%d holes)  %7d vertices"
              % (name, size, len(fs), rings, holes, verts))

    print("== point in polygon")
    for fname, lat, lon, label, expect, tol in POINT_CHECKS:
        hits = containing(fname, lat, lon)
        names = [f["name"] for f in hits]
        good = names == [expect]
        how = "in " + (", ".join(names) or "nothing")
        if not names and tol > 0:
            d = min((distance_to_feature(lon, lat, f["rings"])
                     for f in feats(fname) if f["name"] == expect), default=math.inf)
            good = d <= tol
            how = "in nothing, %.3f deg from %s" % (d, expect)
        ok &= good
        print("%-4s %-22s (%.2fN %.2fE) %-20s expected %s: %s"
              % ("ok" if good else "FAIL", label, lat, lon, fname, expect, how))
    for fname, lat, lon, label in INFO_POINTS:
        hits = containing(fname, lat, lon)
        print("info %-22s (%.2fN %.2fE) in %-20s: %s"
              % (label, lat, lon, fname,
                 ", ".join("%s %s" % (f["id"], f["name"]) for f in hits) or "nothing"))

    print("== rings of Armenia, Azerbaijan, Georgia (countries-region.txt)")
    for f in feats("countries-region.txt"):
        if f["name"] not in ("Armenia", "Azerbaijan", "Georgia"):
            continue
        for is_hole, pts in f["rings"]:
            a = signed_area(pts)
            cx = sum(p[0] for p in pts) / len(pts)
            cy = sum(p[1] for p in pts) / len(pts)
            print("  %-10s %-4s %5d pts  area %9.5f deg2 (%s)  centre %.3fN %.3fE"
                  % (f["name"], "hole" if is_hole else "ring", len(pts), abs(a),
                     "ccw" if a > 0 else "cw", cy, cx))
    print("== checks %s" % ("passed" if ok else "FAILED"))
    return ok


# --------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gpkg", nargs="?", default=DEFAULT_GPKG,
                    help="Natural Earth GeoPackage (default: %(default)s)")
    ap.add_argument("--world-atlas", default=DEFAULT_WORLD_ATLAS,
                    help="directory with world-atlas countries-*.json (default: %(default)s)")
    ap.add_argument("--out", default=os.path.normpath(DEFAULT_OUT),
                    help="output directory (default: %(default)s)")
    ap.add_argument("--world-source", choices=("50m", "110m"), default="50m",
                    help="world-atlas resolution for countries-world.txt (default: %(default)s)")
    ap.add_argument("--world-tolerance", type=float, default=DEFAULT_WORLD_TOLERANCE,
                    help="Douglas-Peucker tolerance in degrees for the world file, "
                         "0 to keep every point (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="after writing, print point-in-polygon checks, counts and sizes")
    ap.add_argument("--check-only", action="store_true",
                    help="only check the files already in --out")
    args = ap.parse_args(argv)

    if not args.check_only:
        os.makedirs(args.out, exist_ok=True)
        for label, (path, (nf, nr, nv)) in (
                ("countries-region", build_countries_region(args.world_atlas, args.out)),
                ("countries-world", build_countries_world(args.world_atlas, args.out,
                                                          args.world_source,
                                                          args.world_tolerance)),
                ("provinces-region", build_provinces_region(args.gpkg, args.world_atlas,
                                                            args.out))):
            print("wrote %s: %d features, %d rings, %d vertices, %d bytes"
                  % (os.path.relpath(path), nf, nr, nv, os.path.getsize(path)))
    if args.check or args.check_only:
        return 0 if run_checks(args.out) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
