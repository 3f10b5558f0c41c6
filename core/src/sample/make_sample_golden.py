#!/usr/bin/python3
"""Reference drift values for the sample (v1 vs v2) from SciPy, for SampleDriftTest.

    /usr/bin/python3 core/src/sample/make_sample_golden.py

Evidently's defaults for a reference over 1000 rows: numeric columns with more than 5 distinct
values -> Wasserstein distance / std(reference) (np.std, ddof=0); categorical -> Jensen-Shannon
distance (natural log) of the category shares. Missing values (empty cells) are dropped first.
Also a small case (reference rows 1-300 of v1, current rows 366-565 of v1): scipy.stats.ks_2samp
for numbers and scipy.stats.chisquare as Evidently calls it (expected = reference counts scaled to
the current total). Writes core/src/test/resources/dataset/sample-drift.json.
"""
import csv
import json
import os
from collections import Counter

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, wasserstein_distance

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, '..', 'main', 'resources', 'io', 'flightdeck', 'core', 'dataset', 'sample')
OUT = os.path.join(HERE, '..', 'test', 'resources', 'dataset')


def load(name):
    with open(os.path.join(SAMPLE, name), newline='') as f:
        return list(csv.DictReader(f))


ref = load('seattle-weather-2012-2014.csv')
cur = load('seattle-weather-2015.csv')
cases = []
for col in ['precipitation', 'temp_max', 'temp_min', 'wind']:
    a = np.array([float(r[col]) for r in ref if r[col] != ''])
    b = np.array([float(r[col]) for r in cur if r[col] != ''])
    value = wasserstein_distance(a, b) / max(np.std(a), 0.001)
    cases.append({'column': col, 'method': 'wasserstein', 'statistic': float(value),
                  'drifted': bool(value >= 0.1), 'referenceRows': len(a), 'currentRows': len(b)})
ca = Counter(r['weather'] for r in ref)
cb = Counter(r['weather'] for r in cur)
keys = sorted(set(ca) | set(cb))
p = np.array([ca[k] for k in keys], dtype=float) / sum(ca.values())
q = np.array([cb[k] for k in keys], dtype=float) / sum(cb.values())
js = float(jensenshannon(p, q))
cases.append({'column': 'weather', 'method': 'jensenshannon', 'statistic': js, 'drifted': bool(js >= 0.1),
              'referenceRows': sum(ca.values()), 'currentRows': sum(cb.values())})
# A small reference (<= 1000 rows): KS for numbers, chi-square for categories (Evidently).
small_ref, small_cur = ref[:300], ref[365:565]
small = []
for col in ['temp_max', 'precipitation', 'wind']:
    a = np.array([float(r[col]) for r in small_ref if r[col] != ''])
    b = np.array([float(r[col]) for r in small_cur if r[col] != ''])
    res = ks_2samp(a, b)
    small.append({'column': col, 'method': 'ks', 'statistic': float(res.statistic),
                  'pValue': float(res.pvalue), 'drifted': bool(res.pvalue <= 0.05)})
ca = Counter(r['weather'] for r in small_ref)
cb = Counter(r['weather'] for r in small_cur)
keys = sorted(set(ca) | set(cb))
k_norm = sum(cb.values()) / sum(ca.values())
res = chisquare([cb[k] for k in keys], [ca[k] * k_norm for k in keys])
small.append({'column': 'weather', 'method': 'chisquare', 'statistic': float(res.statistic),
              'pValue': float(res.pvalue), 'drifted': bool(res.pvalue < 0.05)})
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, 'sample-drift.json'), 'w') as f:
    json.dump({'generator': 'core/src/sample/make_sample_golden.py', 'scipy': scipy.__version__,
               'numpy': np.__version__, 'columns': cases,
               'small': {'referenceRows': '1-300 of v1', 'currentRows': '366-565 of v1', 'columns': small}},
              f, indent=1)
    f.write('\n')
print(json.dumps(cases + small, indent=1))
