#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-mapnik.py: the 4000 x 3000 sheet beside Mapnik drawing the same layers

Usage: bench-mapnik.py BENCH_EXPORT CAUCASUS_ATLAS BASEMAP_DIR

Mapnik (python3-mapnik, `tools/install-deps.sh --bench`) draws what the sheet's map has, at
the sheet's whole size: the bundled basemap (the coarse world outlines, the detailed region
over them, dashed provinces, the countries' names), the corridors in force today coloured
by kind and dashed by status with their names, the zones in force, and the capitals,
cities and regions with their names, as the map shows them at this zoom; from GeoJSON in Web
Mercator, so that it spends no time projecting, and its styles are loaded before the clock
starts. Timed: rendering and writing the PNG file, as bench-export times ours (painting,
encoding and writing). Ours and Mapnik's alternate, three rounds of seven, and the medians
of the rounds are compared. Prints "name: value unit" lines; where Mapnik is not installed,
says it is skipped.

Mapnik writes "png32" at zlib's default level with no filter, as RGBA; "png32:z=3:t=0" is our
encoding (level 3, no filter, RGB), for the time of the drawing alone.
"""

import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

try:
    import mapnik
except ImportError:
    # Debian's python3-mapnik is for the system's interpreter, which may not be the first on
    # PATH (pyenv, a virtual environment).
    system = '/usr/bin/python3'
    if (os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system)
            and not os.environ.get('ATLAS_MAPNIK_RETRIED')):
        os.environ['ATLAS_MAPNIK_RETRIED'] = '1'
        os.execv(system, [system] + sys.argv)
    print('export_sheet_4000x3000_png_vs_mapnik: skipped (python3-mapnik is not installed; '
          'tools/install-deps.sh --bench installs it)')
    sys.exit(0)

WIDTH, HEIGHT = 4000, 3000
LATITUDE, LONGITUDE, ZOOM = 40.8, 45.5, 6.6   # as bench-export's
ROUNDS, RUNS = 3, 7
EARTH_RADIUS = 6378137.0
MERCATOR = ('+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m '
            '+nadgrids=@null +no_defs')

CORRIDOR_COLOURS = {'rail': '#7d3d9e', 'road': '#bf382b', 'oil-pipeline': '#593f26',
                    'gas-pipeline': '#1c70b5', 'multimodal': '#e6730d'}
STATUS_DASHES = {'proposed': '4,4', 'agreed': '12,4', 'under-construction': '10,3,2,3'}
CAPITALS = ('capital',)
CITIES = ('city', 'port')


def mercator(lon, lat):
    lat = max(-85.0511, min(85.0511, lat))
    return [EARTH_RADIUS * math.radians(lon),
            EARTH_RADIUS * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))]


def read_basemap(path):
    """The features of a basemap file as GeoJSON features in Web Mercator."""
    features = []
    feature = None
    with open(path, encoding='utf-8') as lines:
        lines = iter(lines)
        for line in lines:
            if line.startswith('#') or not line.strip():
                continue
            word, _, rest = line.rstrip('\n').partition(' ')
            if word == 'feature':
                kind, identifier, name = (rest.split(' ', 2) + [''])[:3]
                feature = {'type': 'Feature',
                           'properties': {'kind': kind, 'id': identifier, 'name': name},
                           'geometry': {'type': 'MultiPolygon', 'coordinates': []}}
                features.append(feature)
            elif word in ('ring', 'hole'):
                ring = [mercator(*map(float, next(lines).split())) for _ in range(int(rest))]
                polygons = feature['geometry']['coordinates']
                if word == 'ring':
                    polygons.append([ring])
                else:
                    polygons[-1].append(ring)
    return features


def read_features(store):
    """Corridors, zones and places as the sheet shows them today."""
    today = time.strftime('%Y-%m-%d')
    db = sqlite3.connect(f'file:{store}?mode=ro', uri=True)
    corridors, zones, places = [], [], []
    for identifier, kind, name in db.execute('SELECT id, kind, name FROM corridors'):
        status = db.execute('SELECT status FROM corridor_status WHERE corridor_id = ?'
                            ' AND first_day <= ? ORDER BY first_day DESC LIMIT 1',
                            (identifier, today)).fetchone()
        points = [mercator(lon, lat) for lat, lon in db.execute(
            'SELECT lat, lon FROM corridor_points WHERE corridor_id = ? ORDER BY seq',
            (identifier,))]
        if status is not None and len(points) > 1:
            corridors.append({'type': 'Feature',
                              'properties': {'kind': kind, 'status': status[0], 'name': name},
                              'geometry': {'type': 'LineString', 'coordinates': points}})
    for identifier, kind, name in db.execute(
            'SELECT id, kind, name FROM zones WHERE (valid_from IS NULL OR valid_from <= ?)'
            ' AND (valid_to IS NULL OR valid_to >= ?)', (today, today[:4])):
        ring = [mercator(lon, lat) for lat, lon in db.execute(
            'SELECT lat, lon FROM zone_points WHERE zone_id = ? ORDER BY seq', (identifier,))]
        if len(ring) > 2:
            zones.append({'type': 'Feature', 'properties': {'kind': kind, 'name': name},
                          'geometry': {'type': 'Polygon', 'coordinates': [ring + ring[:1]]}})
    for kind, name, lat, lon in db.execute('SELECT kind, name, lat, lon FROM places'):
        # The ranks the map shows at zoom 6.6: capitals, cities and ports, regions.
        rank = 'capital' if kind in CAPITALS else 'city' if kind in CITIES else kind
        if rank in ('capital', 'city', 'region'):
            places.append({'type': 'Feature', 'properties': {'rank': rank, 'name': name},
                           'geometry': {'type': 'Point', 'coordinates': mercator(lon, lat)}})
    db.close()
    return corridors, zones, places


def write_layer(folder, name, features):
    path = os.path.join(folder, name + '.geojson')
    with open(path, 'w', encoding='utf-8') as out:
        json.dump({'type': 'FeatureCollection', 'features': features}, out)
    return path


def layer(name, style, path):
    return f'''<Layer name="{name}" srs="{MERCATOR}"><StyleName>{style}</StyleName>
      <Datasource><Parameter name="type">geojson</Parameter>
      <Parameter name="file">{path}</Parameter></Datasource></Layer>'''


def map_xml(paths):
    """The sheet's colours, widths and fonts (atlas-painter.c, atlas-map-painter.c)."""
    corridor_rules = ''.join(
        f'''<Rule><Filter>[kind] = '{kind}' and [status] = '{status}'</Filter>
          <LineSymbolizer stroke="white" stroke-opacity="0.7" stroke-width="6"
            stroke-linecap="round" stroke-linejoin="round"/>
          <LineSymbolizer stroke="{colour}" stroke-width="3.5" stroke-linecap="round"
            stroke-linejoin="round" {f'stroke-dasharray="{STATUS_DASHES[status]}"'
                                     if status in STATUS_DASHES else ''}
            stroke-opacity="{0.35 if status == 'suspended' else 1}"/></Rule>'''
        for kind, colour in CORRIDOR_COLOURS.items()
        for status in ('proposed', 'agreed', 'under-construction', 'operational', 'suspended'))
    # Each rule strokes the border too: a rule that matches every feature would leave
    # Mapnik's ElseFilter nothing.
    border = ('<LineSymbolizer stroke="#6b5e57" stroke-opacity="0.9" stroke-width="1.1" '
              'stroke-linejoin="round"/>')
    countries = ''.join(
        f'<Rule><Filter>{condition}</Filter><PolygonSymbolizer fill="{fill}"/>{border}</Rule>'
        for condition, fill in (("[id] = '031'", '#cce3e8'), ("[id] = '051'", '#f5dec2'),
                                ("[id] = '268'", '#e8d6e3'),
                                ("[id] != '031' and [id] != '051' and [id] != '268'", '#f0ede3')))
    return f'''<Map srs="{MERCATOR}" background-color="#abcce3">
      <Style name="countries">{countries}</Style>
      <Style name="country-names"><Rule><TextSymbolizer face-name="DejaVu Sans Bold" size="10"
        fill="#59524d" placement="interior" text-transform="uppercase" character-spacing="1"
        >[name]</TextSymbolizer></Rule></Style>
      <Style name="provinces"><Rule><LineSymbolizer stroke="#73665c" stroke-opacity="0.45"
        stroke-width="0.7" stroke-dasharray="3,2"/></Rule></Style>
      <Style name="zones">
        <Rule><Filter>[kind] = 'peacekeeping'</Filter>
          <PolygonSymbolizer fill="#d45400" fill-opacity="0.18"/></Rule>
        <Rule><Filter>[kind] != 'exclave' and [kind] != 'peacekeeping'</Filter>
          <PolygonSymbolizer fill="#8c59a6" fill-opacity="0.15"/></Rule>
        <Rule><LineSymbolizer stroke="#594066" stroke-opacity="0.9" stroke-width="1.3"
          stroke-dasharray="6,3"/></Rule></Style>
      <Style name="corridors">{corridor_rules}</Style>
      <Style name="corridor-names"><Rule><TextSymbolizer face-name="DejaVu Sans Bold" size="9"
        fill="#595959" placement="line" dy="8" halo-fill="white" halo-radius="1.5"
        >[name]</TextSymbolizer></Rule></Style>
      <Style name="places">
        <Rule><Filter>[rank] = 'region'</Filter><TextSymbolizer face-name="DejaVu Sans Oblique"
          size="9" fill="#66594d">[name]</TextSymbolizer></Rule>
        <Rule><Filter>[rank] = 'capital'</Filter>
          <MarkersSymbolizer fill="white" stroke="#262626" stroke-width="1.5" width="9"
            height="9" allow-overlap="true"/>
          <TextSymbolizer face-name="DejaVu Sans Bold" size="10" fill="#262626" dx="7"
            halo-fill="white" halo-radius="1.5">[name]</TextSymbolizer></Rule>
        <Rule><Filter>[rank] = 'city'</Filter>
          <MarkersSymbolizer fill="white" stroke="#262626" stroke-width="1.2" width="6"
            height="6" allow-overlap="true"/>
          <TextSymbolizer face-name="DejaVu Sans Book" size="9" fill="#262626" dx="7"
            halo-fill="white" halo-radius="1.5">[name]</TextSymbolizer></Rule></Style>
      {layer('world', 'countries', paths['world'])}
      {layer('region', 'countries', paths['region'])}
      {layer('provinces', 'provinces', paths['provinces'])}
      {layer('zones', 'zones', paths['zones'])}
      {layer('corridors', 'corridors', paths['corridors'])}
      {layer('country-names', 'country-names', paths['world'])}
      {layer('corridor-names', 'corridor-names', paths['corridors'])}
      {layer('places', 'places', paths['places'])}
    </Map>'''


def make_map(folder, store, basemap):
    corridors, zones, places = read_features(store)
    paths = {
        'world': write_layer(folder, 'world', read_basemap(os.path.join(basemap, 'countries-world.txt'))),
        'region': write_layer(folder, 'region', read_basemap(os.path.join(basemap, 'countries-region.txt'))),
        'provinces': write_layer(folder, 'provinces', read_basemap(os.path.join(basemap, 'provinces-region.txt'))),
        'zones': write_layer(folder, 'zones', zones),
        'corridors': write_layer(folder, 'corridors', corridors),
        'places': write_layer(folder, 'places', places),
    }
    mapnik.register_fonts('/usr/share/fonts/truetype/dejavu/')
    m = mapnik.Map(WIDTH, HEIGHT)
    mapnik.load_map_from_string(m, map_xml(paths))
    centre = mercator(LONGITUDE, LATITUDE)
    metres_per_pixel = 2 * math.pi * EARTH_RADIUS / (256 * 2 ** ZOOM)
    m.zoom_to_box(mapnik.Box2d(centre[0] - WIDTH / 2 * metres_per_pixel,
                               centre[1] - HEIGHT / 2 * metres_per_pixel,
                               centre[0] + WIDTH / 2 * metres_per_pixel,
                               centre[1] + HEIGHT / 2 * metres_per_pixel))
    return m


def time_mapnik(m, path, image_format):
    times = []
    for _ in range(RUNS):
        start = time.monotonic()
        image = mapnik.Image(WIDTH, HEIGHT)
        mapnik.render(m, image)
        image.save(path, image_format)
        times.append((time.monotonic() - start) * 1000)
    return statistics.median(times)


def time_ours(bench_export, name, folder):
    out = subprocess.run([bench_export, '--only', name, folder], check=True,
                         capture_output=True, text=True).stdout
    figures = dict(line.split(': ', 1) for line in out.splitlines())
    return float(figures[f'export_{name}_median'].split()[0])


def main():
    bench_export, program, basemap = sys.argv[1:4]
    with tempfile.TemporaryDirectory(prefix="atlas-mapnik-") as folder:
        store = os.path.join(folder, 'atlas.db')
        # A store that does not exist yet is made and filled with the bundled data.
        subprocess.run([program, '--db', store, '--list', 'sources'], check=True,
                       stdout=subprocess.DEVNULL)
        m = make_map(folder, store, basemap)
        outputs = {'png32': os.path.join(folder, 'mapnik.png'),
                   'png32:z=3:t=0': os.path.join(folder, 'mapnik-z3.png')}
        mapnik.render(m, mapnik.Image(WIDTH, HEIGHT))   # fonts and caches, once

        rounds = {'sheet': [], 'map': [], 'png32': [], 'png32:z=3:t=0': []}
        for _ in range(ROUNDS):
            rounds['sheet'].append(time_ours(bench_export, 'sheet_4000x3000_png', folder))
            rounds['map'].append(time_ours(bench_export, 'map_4000x3000_png', folder))
            for image_format, path in outputs.items():
                rounds[image_format].append(time_mapnik(m, path, image_format))
        median = {name: statistics.median(times) for name, times in rounds.items()}

        print(f'mapnik_version: {mapnik.mapnik_version()}')
        print(f'mapnik_4000x3000_png32_median: {median["png32"]:.1f} ms')
        print(f'mapnik_4000x3000_png32_size: {os.path.getsize(outputs["png32"])} bytes')
        print(f'mapnik_4000x3000_png32_z3_rgb_median: {median["png32:z=3:t=0"]:.1f} ms')
        print(f'mapnik_4000x3000_png32_z3_rgb_size: {os.path.getsize(outputs["png32:z=3:t=0"])} bytes')
        print(f'export_sheet_4000x3000_png_median: {median["sheet"]:.1f} ms')
        print(f'export_sheet_4000x3000_png_size: '
              f'{os.path.getsize(os.path.join(folder, "sheet_4000x3000_png.png"))} bytes')
        print(f'export_map_4000x3000_png_median: {median["map"]:.1f} ms')
        print(f'export_sheet_4000x3000_png_vs_mapnik: {median["sheet"] / median["png32"]:.2f} '
              'ratio (goal: 0.8 at most)')
        print(f'export_map_4000x3000_png_vs_mapnik: {median["map"] / median["png32"]:.2f} ratio')
        print(f'export_map_4000x3000_png_vs_mapnik_same_encoding: '
              f'{median["map"] / median["png32:z=3:t=0"]:.2f} ratio')


if __name__ == '__main__':
    main()
