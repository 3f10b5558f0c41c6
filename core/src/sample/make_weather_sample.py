#!/usr/bin/python3
"""Builds Flightdeck's sample dataset from Debian's python3-vega-datasets seattle-weather.csv.

    apt-get download python3-vega-datasets && dpkg-deb -x python3-vega-datasets_*.deb x
    /usr/bin/python3 core/src/sample/make_weather_sample.py x/usr/lib/python3/dist-packages/vega_datasets/_data/seattle-weather.csv

Version 1 (seattle-weather-2012-2014.csv): the rows of 2012-2014, unchanged.
Version 2 (seattle-weather-2015.csv): the rows of 2015 (real drift: a warmer year, and the source
labels far fewer days as rain), with planted upstream changes a schema contract must catch:
  - wind is now reported in whole km/h instead of m/s (a type change, DECIMAL -> INTEGER, and
    values out of the reference range);
  - every 20th precipitation reading is missing (missing rate 0 -> 5 %);
  - three days are labelled 'hail', a category never seen before;
  - two temp_max readings are 52.1, a sensor glitch far above the reference range.
Deterministic: the same input gives the same bytes.
"""
import csv
import sys

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else 'core/src/main/resources/io/flightdeck/core/dataset/sample'
with open(src, newline='') as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
assert header == ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'], header

v1 = [r for r in data if r[0] < '2015']
v2 = [list(r) for r in data if r[0] >= '2015']
for i, r in enumerate(v2):
    r[4] = str(int(round(float(r[4]) * 3.6)))  # m/s -> km/h, whole numbers
    if i % 20 == 7:
        r[1] = ''
for i in (40, 41, 45):  # February
    v2[i][5] = 'hail'
for i in (200, 201):  # July
    v2[i][2] = '52.1'

for name, body in (('seattle-weather-2012-2014.csv', v1), ('seattle-weather-2015.csv', v2)):
    with open(out + '/' + name, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(body)
    print(name, len(body), 'rows')
