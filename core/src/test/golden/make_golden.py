#!/usr/bin/python3
"""Golden reference values for Flightdeck's statistics (package io.flightdeck.core.stats).

Run with Debian's Python, which sees python3-scipy, python3-numpy and python3-sklearn
(the `python3` first on PATH may be another interpreter that cannot see them):

    apt-get install -y python3-scipy python3-numpy python3-sklearn
    /usr/bin/python3 core/src/test/golden/make_golden.py

It writes JSON files into core/src/test/resources/stats/. The Java tests read only those files, so
building Flightdeck never needs Python. Every case carries its input: real data (iris, wine,
breast cancer from scikit-learn's bundled CSVs, see resources/stats/README.md) inline, and large
generated samples as a small spec that Java regenerates bit for bit with the same SplitMix64
generator (`gen` below; io.flightdeck.core.stats.GoldenData is its Java twin).

Reference semantics:
- scipy.stats.ks_2samp(method='auto'), scipy.stats.kstwo.sf, scipy.special.smirnov/ndtr/erfc,
  scipy.stats.chi2.sf, scipy.special.gammaln/gammainc/gammaincc;
- scipy.stats.chisquare as Evidently's chisquare stattest calls it (expected = reference counts *
  len(current) / len(reference)); Evidently's proportions_diff_z_test;
- scipy.stats.wasserstein_distance, normed by max(np.std(reference), 0.001) as Evidently does;
- scipy.spatial.distance.jensenshannon (natural log unless a case says otherwise), scipy.stats.entropy
  (KL) and PSI over Evidently's get_binned_data (re-implemented below with numpy, since Evidently and
  pandas are not installed here): numeric columns with more than 20 reference values use
  np.histogram_bin_edges(concat, 'sturges'), others one bin per value; empty bins become 0.0001
  (or min/1e6 when the smallest non-empty share is <= 0.0001) for PSI and KL, not for JS;
- numpy.percentile (linear), np.mean, np.std(ddof=1), np.histogram;
- NannyML's StandardDeviationThreshold (np.nanmean +- k * np.nanstd) with value limits.
NaN and +-inf are dropped before every drift test, as Evidently does.
"""
import json
import math
import os
from collections import Counter

import numpy as np
import scipy
import scipy.special as sp
import scipy.stats as st
import sklearn
from scipy.spatial import distance

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'resources', 'stats'))
DATA = '/usr/lib/python3/dist-packages/sklearn/datasets/data'
PERCENTS = [1, 5, 25, 50, 75, 95, 99]

# ---------------------------------------------------------------- data


def load(name):
    # First line is "n_samples,n_features,class names", not a header.
    arr = np.loadtxt(os.path.join(DATA, name), delimiter=',', skiprows=1)
    return arr[:, :-1], arr[:, -1].astype(int)


IRIS_X, IRIS_Y = load('iris.csv')
WINE_X, WINE_Y = load('wine_data.csv')
BC_X, BC_Y = load('breast_cancer.csv')
IRIS_NAMES = ['setosa', 'versicolor', 'virginica']
BC_NAMES = ['malignant', 'benign']

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_double(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        return (z >> 11) * 2.0 ** -53


def gen(spec):
    """Numeric sample from a spec; GoldenData.numeric(spec) in Java does the same IEEE operations."""
    rng = SplitMix64(spec['seed'])
    loc, scale, shape = spec['loc'], spec['scale'], spec['shape']
    digits = spec.get('round')
    nan_every = spec.get('nan_every', 0)
    out = []
    for i in range(spec['n']):
        if shape == 'uniform':
            x = loc + scale * rng.next_double()
        elif shape == 'bell':
            u = rng.next_double() + rng.next_double()
            u = u + rng.next_double()
            u = u + rng.next_double()
            x = loc + scale * (u - 2.0)
        elif shape == 'skew':
            u = rng.next_double() * rng.next_double()
            x = loc + scale * u
        else:
            raise ValueError(shape)
        if digits is not None:
            f = float(10 ** digits)
            x = math.floor(x * f) / f
        if nan_every and i % nan_every == nan_every - 1:
            x = float('nan')
        out.append(x)
    return np.array(out)


def gen_cat(spec):
    """Categorical sample: 'c<i>' with probability weights[i] (cumulative sums left to right)."""
    rng = SplitMix64(spec['seed'])
    cum, total = [], 0.0
    for w in spec['weights']:
        total = total + w
        cum.append(total)
    out = []
    for _ in range(spec['n']):
        u = rng.next_double() * total
        k = next((i for i, c in enumerate(cum) if u < c), len(cum) - 1)
        out.append('c%d' % k)
    return out


def spec(seed, n, shape='bell', loc=0.0, scale=1.0, **extra):
    s = {'seed': seed, 'n': n, 'shape': shape, 'loc': loc, 'scale': scale}
    s.update(extra)
    return s


def sample(value):
    """(json form, numpy array) of an inline list or a generator spec."""
    if isinstance(value, dict):
        return {'gen': value}, gen(value)
    arr = np.asarray(value, dtype=float)
    return [float(v) for v in arr], arr


def finite(a):
    a = np.asarray(a, dtype=float)
    return a[np.isfinite(a)]


def write(name, payload):
    payload = {'generator': 'core/src/test/golden/make_golden.py',
               'versions': {'scipy': scipy.__version__, 'numpy': np.__version__,
                            'sklearn': sklearn.__version__},
               **payload}
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
        f.write('\n')
    print('%-28s %7d bytes' % (name, os.path.getsize(path)))

# ---------------------------------------------------------------- special functions


def special():
    ndtr = [[x, float(sp.ndtr(x))] for x in
            list(np.round(np.linspace(-38, 9, 95), 6)) + [-0.70710678, 0.70710678, 1e-300, -1e-10, 0.0]]
    erfc = [[x, float(sp.erfc(x))] for x in
            [-5.0, -1.5, -0.9, -0.2, 0.0, 1e-8, 0.3, 0.99, 1.0, 1.7, 3.3, 7.9, 8.0, 12.5, 26.0, 27.3]]
    chi2 = []
    for df in [1, 2, 3, 4, 5, 7, 10, 19, 30, 49, 100, 250, 999, 4000]:
        for f in [0.0, 0.001, 0.05, 0.3, 0.7, 0.95, 1.0, 1.05, 1.3, 2.0, 3.5, 8.0]:
            x = f * df
            chi2.append([x, df, float(st.chi2.sf(x, df))])
    for x in [1e-12, 40.0, 120.0, 700.0]:
        chi2.append([x, 1, float(st.chi2.sf(x, 1))])
    gammaln = [[x, float(sp.gammaln(x))] for x in
               [1e-8, 0.1, 0.5, 0.999, 1.0, 1.5, 2.0, 2.5, 3.7, 9.99, 10.5, 33.3, 171.5, 1e4, 2.5e6]]
    kstwo = []
    for n in [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 200, 500, 1000, 5000, 20000, 100000, 100001,
              250000, 1000000, 1000001, 3000000]:
        ds = set()
        for z in [0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 1.1, 1.22, 1.36, 1.48, 1.6, 2.0, 3.0, 5.0, 19.0]:
            ds.add(z / math.sqrt(n))
        ds.update([0.7 / n, 1.0 / n, 0.99, 0.5, 0.55, 1 - 1.5 / n, 0.3])
        for d in sorted(ds):
            if 0 < d < 1:
                kstwo.append([d, n, float(st.kstwo.sf(d, n))])
    smirnov = []
    for n in [1, 2, 5, 10, 13, 60, 140, 1012, 1013, 5000, 100000, 500000]:
        for z in [0.1, 0.5, 1.0, 1.2, 1.5, 2.0, 3.0, 6.0]:
            d = z / math.sqrt(n)
            if d < 1:
                smirnov.append([n, d, float(sp.smirnov(n, d))])
        for d in [0.5 / n, 1.0 / n, 0.6, 0.999]:
            if d < 1:
                smirnov.append([n, d, float(sp.smirnov(n, d))])
    gammainc = []
    for a in [0.5, 1.0, 3.0, 12.5, 60.0, 500.0]:
        for f in [0.01, 0.5, 0.9, 1.0, 1.1, 2.0, 6.0]:
            x = a * f
            gammainc.append([a, x, float(sp.gammainc(a, x)), float(sp.gammaincc(a, x))])
    write('special.json', {'ndtr': ndtr, 'erfc': erfc, 'chi2_sf': chi2, 'gammaln': gammaln,
                           'kstwo_sf': kstwo, 'smirnov': smirnov, 'gammainc': gammainc})

# ---------------------------------------------------------------- KS


def ks_cases():
    cases = []

    def add(name, ref, cur):
        rj, ra = sample(ref)
        cj, ca = sample(cur)
        ra, ca = finite(ra), finite(ca)
        res = st.ks_2samp(ra, ca)  # method='auto'
        mode = 'exact' if max(len(ra), len(ca)) <= 10000 else 'asymp'
        cases.append({'name': name, 'reference': rj, 'current': cj, 'mode': mode,
                      'statistic': float(res.statistic), 'pvalue': float(res.pvalue)})

    for col in range(4):
        add('iris col%d setosa vs versicolor' % col, IRIS_X[IRIS_Y == 0, col], IRIS_X[IRIS_Y == 1, col])
        add('iris col%d versicolor vs virginica' % col, IRIS_X[IRIS_Y == 1, col], IRIS_X[IRIS_Y == 2, col])
    add('iris col2 rows 0-59 vs 60-149', IRIS_X[:60, 2], IRIS_X[60:, 2])
    add('iris col1 even vs odd rows', IRIS_X[::2, 1], IRIS_X[1::2, 1])
    for col in [0, 4, 12]:
        add('wine col%d class0 vs class1' % col, WINE_X[WINE_Y == 0, col], WINE_X[WINE_Y == 1, col])
    add('wine col9 class1 vs class2', WINE_X[WINE_Y == 1, 9], WINE_X[WINE_Y == 2, 9])
    add('wine col7 rows 0-99 vs 100-177', WINE_X[:100, 7], WINE_X[100:, 7])
    for col in [0, 1, 4, 9]:
        add('breast_cancer col%d malignant vs benign' % col, BC_X[BC_Y == 0, col], BC_X[BC_Y == 1, col])
    add('breast_cancer col9 rows 0-299 vs 300-568', BC_X[:300, 9], BC_X[300:, 9])
    add('one vs one', [1.0], [2.0])
    add('one vs five', [0.5], [0.1, 0.2, 0.7, 0.9, 1.3])
    add('identical samples', [3.0, 1.0, 2.0], [2.0, 3.0, 1.0])
    add('with NaN and inf (dropped)', [0.1, float('nan'), 0.4, 0.35, float('inf'), 0.8, 0.2],
        [0.5, 0.9, float('-inf'), 0.75, 0.6, float('nan')])
    add('gen 7 vs 13', spec(1, 7), spec(2, 13, loc=0.3))
    add('gen 20 vs 20 shifted', spec(3, 20), spec(4, 20, loc=1.0))
    add('gen 100 vs 37 ties', spec(5, 100, round=1), spec(6, 37, round=1, loc=0.2))
    add('gen 500 vs 400 skew', spec(7, 500, 'skew'), spec(8, 400, 'skew', scale=1.1))
    add('gen 3000 vs 2500', spec(9, 3000), spec(10, 2500, loc=0.02))
    add('gen 3000 vs 2500 shifted', spec(11, 3000), spec(12, 2500, loc=0.1))
    add('gen 10000 vs 10000 square', spec(13, 10000), spec(14, 10000, loc=0.03))
    add('gen 10000 vs 9000 ties', spec(15, 10000, round=1), spec(16, 9000, round=1))
    add('gen 10001 vs 10001 asymp en 5000.5', spec(17, 10001), spec(18, 10001, loc=0.02))
    add('gen 12000 vs 300 asymp', spec(19, 12000), spec(20, 300, loc=0.1))
    add('gen 12000 vs 300 asymp same', spec(21, 12000), spec(22, 300))
    add('gen 20000 vs 15000 same', spec(23, 20000), spec(24, 15000))
    add('gen 20000 vs 15000 small shift', spec(25, 20000), spec(26, 15000, loc=0.04))
    add('gen 20000 vs 15000 shift', spec(27, 20000), spec(28, 15000, loc=0.25))
    add('gen 30000 vs 60 asymp small en', spec(29, 30000), spec(30, 60, loc=0.3))
    add('gen 30000 vs 130 asymp', spec(31, 30000), spec(32, 130, loc=0.05))
    add('gen 40000 vs 40000 ties', spec(33, 40000, round=2), spec(34, 40000, round=2, loc=0.015))
    write('ks_2samp.json', {'cases': cases})

# ---------------------------------------------------------------- categorical


def chi_evidently(ref, cur):
    keys = sorted(set(ref) | set(cur))
    rc, cc = Counter(ref), Counter(cur)
    k_norm = len(cur) / len(ref)
    f_exp = [rc[k] * k_norm for k in keys]
    f_obs = [cc[k] for k in keys]
    with np.errstate(divide='ignore', invalid='ignore'):
        res = st.chisquare(f_obs, f_exp)
    return float(res.statistic), float(res.pvalue)


def z_evidently(ref, cur):
    if len(set(ref)) == 1 and len(set(cur)) == 1 and ref[0] == cur[0]:
        return None, 1.0
    first = sorted(set(ref) | set(cur))[0]
    r = np.array([0 if x == first else 1 for x in ref])
    c = np.array([0 if x == first else 1 for x in cur])
    n1, n2 = len(r), len(c)
    p1, p2 = float(sum(r)) / n1, float(sum(c)) / n2
    p = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * (1 - st.norm.cdf(np.abs(z))))


def fill_zeroes(a):
    a = a.copy()
    nz = a[a != 0]
    fill = nz.min() / 10 ** 6 if nz.min() <= 0.0001 else 0.0001
    np.place(a, a == 0, fill)
    return a


def binned(ref, cur, numeric):
    """Evidently's get_binned_data without the zero filling."""
    if numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins='sturges')
        return 'sturges', len(bins) - 1, np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur)
    keys = sorted(set(ref.tolist() if numeric else ref) | set(cur.tolist() if numeric else cur))
    rc = Counter(ref.tolist() if numeric else ref)
    cc = Counter(cur.tolist() if numeric else cur)
    return ('values', len(keys), np.array([rc[k] / len(ref) for k in keys]),
            np.array([cc[k] / len(cur) for k in keys]))


def divergences(ref, cur, numeric):
    kind, bins, rp, cp = binned(ref, cur, numeric)
    js = float(distance.jensenshannon(rp, cp))
    js2 = float(distance.jensenshannon(rp, cp, 2.0))
    rf, cf = fill_zeroes(rp), fill_zeroes(cp)
    psi = float(np.sum((rf - cf) * np.log(rf / cf)))
    kl = float(st.entropy(rf, cf))
    return {'binning': kind, 'bins': bins, 'jensenshannon': js, 'jensenshannon_base2': js2,
            'psi': psi, 'kl': kl}


def categorical():
    cases = []

    def add(name, ref, cur):
        rj = ref if isinstance(ref, list) else {'gen_cat': ref}
        cj = cur if isinstance(cur, list) else {'gen_cat': cur}
        ra = ref if isinstance(ref, list) else gen_cat(ref)
        ca = cur if isinstance(cur, list) else gen_cat(cur)
        chi, chi_p = chi_evidently(ra, ca)
        z, z_p = z_evidently(ra, ca)
        case = {'name': name, 'reference': rj, 'current': cj,
                'chisquare': {'statistic': chi, 'pvalue': chi_p},
                'ztest': {'statistic': z, 'pvalue': z_p}}
        case.update(divergences(ra, ca, False))
        cases.append(case)

    species = [IRIS_NAMES[i] for i in IRIS_Y]
    add('iris species every third row vs rest', species[::3], [s for i, s in enumerate(species) if i % 3])
    add('iris species rows 0-99 vs 50-149 (new category)', species[:100], species[50:])
    add('iris species rows 0-119 vs 30-149', species[:120], species[30:])
    wine = ['class_%d' % c for c in WINE_Y]
    add('wine class rows 0-88 vs 89-177', wine[:89], wine[89:])
    add('wine class all vs rows 40-99', wine, wine[40:100])
    bc = [BC_NAMES[c] for c in BC_Y]
    add('breast_cancer target rows 0-299 vs 300-568', bc[:300], bc[300:])
    add('breast_cancer target even vs odd rows', bc[::2], bc[1::2])
    add('gen binary 800 vs 900', {'seed': 41, 'n': 800, 'weights': [0.3, 0.7]},
        {'seed': 42, 'n': 900, 'weights': [0.35, 0.65]})
    add('gen binary 500 vs 500 same', {'seed': 43, 'n': 500, 'weights': [0.5, 0.5]},
        {'seed': 44, 'n': 500, 'weights': [0.5, 0.5]})
    add('gen five categories', {'seed': 45, 'n': 1000, 'weights': [0.4, 0.3, 0.15, 0.1, 0.05]},
        {'seed': 46, 'n': 700, 'weights': [0.35, 0.3, 0.15, 0.1, 0.1]})
    add('gen 12 categories one rare', {'seed': 47, 'n': 5000, 'weights': [1.0] * 11 + [0.01]},
        {'seed': 48, 'n': 4000, 'weights': [1.0] * 11 + [0.0]})
    add('single category both sides', ['a'] * 10, ['a'] * 7)
    add('ref only a, cur only b', ['a'] * 10, ['b'] * 7)
    add('category only in reference', ['a', 'b', 'c', 'a', 'b', 'c', 'a'], ['a', 'b', 'a', 'b', 'a'])
    write('categorical.json', {'cases': cases})

# ---------------------------------------------------------------- numeric distances


def numeric_drift():
    cases = []

    def add(name, ref, cur):
        rj, ra = sample(ref)
        cj, ca = sample(cur)
        ra, ca = finite(ra), finite(ca)
        w = float(st.wasserstein_distance(ra, ca))
        norm = max(np.std(ra), 0.001)
        case = {'name': name, 'reference': rj, 'current': cj, 'wasserstein': w,
                'wasserstein_normed': float(st.wasserstein_distance(ra, ca) / norm)}
        case.update(divergences(ra, ca, True))
        cases.append(case)

    for col in [0, 3]:
        add('iris col%d setosa vs versicolor' % col, IRIS_X[IRIS_Y == 0, col], IRIS_X[IRIS_Y == 1, col])
    add('iris col2 all vs virginica', IRIS_X[:, 2], IRIS_X[IRIS_Y == 2, 2])
    add('wine col12 class0 vs class1', WINE_X[WINE_Y == 0, 12], WINE_X[WINE_Y == 1, 12])
    add('wine col6 rows 0-99 vs 100-177', WINE_X[:100, 6], WINE_X[100:, 6])
    add('breast_cancer col0 malignant vs benign', BC_X[BC_Y == 0, 0], BC_X[BC_Y == 1, 0])
    add('breast_cancer col3 rows 0-299 vs 300-568', BC_X[:300, 3], BC_X[300:, 3])
    add('with NaN and inf (dropped)', [0.1, float('nan'), 0.4, 0.35, float('inf'), 0.8, 0.2],
        [0.5, 0.9, float('-inf'), 0.75, 0.6, float('nan')])
    add('constant reference (std 0)', [2.0] * 8, [2.0, 2.5, 3.0])
    add('both constant and equal', [1.5] * 5, [1.5] * 4)
    add('gen 2000 vs 3000', spec(51, 2000), spec(52, 3000, loc=0.1, scale=1.2))
    add('gen 5000 vs 4000 same', spec(53, 5000, 'skew'), spec(54, 4000, 'skew'))
    add('gen 1500 vs 1500 ties', spec(55, 1500, round=1), spec(56, 1500, round=1, loc=0.05))
    write('numeric_drift.json', {'cases': cases})

# ---------------------------------------------------------------- profiles


def profiles():
    cases = []

    def add(name, values):
        vj, va = sample(values)
        fa = finite(va)
        case = {'name': name, 'values': vj,
                'nan': int(np.isnan(va).sum()), 'pos_inf': int(np.isposinf(va).sum()),
                'neg_inf': int(np.isneginf(va).sum()), 'finite': int(len(fa))}
        if len(fa):
            h10, e10 = np.histogram(fa, bins=10)
            hs, es = np.histogram(fa, bins='sturges')
            case.update({'min': float(fa.min()), 'max': float(fa.max()), 'mean': float(np.mean(fa)),
                         'std': float(np.std(fa, ddof=1)) if len(fa) > 1 else None,
                         'percents': PERCENTS,
                         'percentiles': [float(v) for v in np.percentile(fa, PERCENTS)],
                         'hist10': {'counts': h10.tolist(), 'edges': e10.tolist()},
                         'hist_sturges': {'counts': hs.tolist(), 'edges': es.tolist()}})
        cases.append(case)

    for col in range(4):
        add('iris col%d' % col, IRIS_X[:, col])
    add('wine col12 proline', WINE_X[:, 12])
    add('breast_cancer col3 area', BC_X[:, 3])
    add('breast_cancer col9 fractal dimension', BC_X[:, 9])
    add('with NaN and infinities', [1.0, float('nan'), -2.5, float('inf'), 7.25, float('-inf'),
                                     0.0, float('nan'), 3.0])
    add('single value', [42.0])
    add('two values', [-1.0, 1.0])
    add('all equal', [0.3] * 6)
    add('large magnitude offset', [1e9 + v for v in IRIS_X[:, 0]])
    add('gen 20000 bell with NaN', spec(61, 20000, nan_every=97))
    add('gen 30000 skew ties', spec(62, 30000, 'skew', round=2))
    cat = []
    for name, values in [('wine class', ['class_%d' % c for c in WINE_Y]),
                         ('iris species', [IRIS_NAMES[i] for i in IRIS_Y])]:
        counts = sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))
        cat.append({'name': name, 'values': values, 'distinct': len(counts),
                    'top': [[k, v] for k, v in counts]})
    write('profiles.json', {'numeric': cases, 'categorical': cat})

# ---------------------------------------------------------------- thresholds and dataset drift


def thresholds():
    cases = []

    def add(name, reference, analysis, lower_mult=3.0, upper_mult=3.0, lower_limit=None, upper_limit=None):
        ref = np.asarray(reference, dtype=float)
        lower = float(np.nanmean(ref) - np.nanstd(ref) * lower_mult)
        upper = float(np.nanmean(ref) + np.nanstd(ref) * upper_mult)
        if lower_limit is not None and lower <= lower_limit:
            lower = lower_limit
        if upper_limit is not None and upper >= upper_limit:
            upper = upper_limit
        alerts = [bool(v < lower or v > upper) for v in analysis]
        cases.append({'name': name, 'reference': [float(v) for v in ref], 'analysis': analysis,
                      'lower_multiplier': lower_mult, 'upper_multiplier': upper_mult,
                      'lower_limit': lower_limit, 'upper_limit': upper_limit,
                      'lower': lower, 'upper': upper, 'alerts': alerts})

    acc = [0.91, 0.93, 0.92, 0.90, 0.94, 0.92, 0.91, 0.93, 0.925, 0.915]
    add('accuracy per chunk', acc, [0.92, 0.88, 0.95, 0.90, 0.97])
    add('accuracy clamped to [0, 1]', acc, [0.999, 0.80], 3.0, 3.0, 0.0, 1.0)
    add('psi per chunk, lower limit 0', [0.01, 0.03, 0.02, 0.05, 0.015, 0.02], [0.02, 0.12, 0.0],
        3.0, 3.0, 0.0, None)
    add('iris sepal length chunk means', [float(np.mean(IRIS_X[i:i + 10, 0])) for i in range(0, 150, 10)],
        [5.0, 5.8, 7.5], 2.0, 2.5)
    write('thresholds.json', {'cases': cases})


def dataset_drift():
    """Evidently's default per-column methods on an iris split, drift share and dataset verdict."""
    ref_mask, cur_mask = IRIS_Y != 2, IRIS_Y != 0
    columns = []
    names = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
    for col, name in enumerate(names):
        r, c = IRIS_X[ref_mask, col], IRIS_X[cur_mask, col]
        res = st.ks_2samp(r, c)
        columns.append({'name': name, 'kind': 'numeric', 'reference': r.tolist(), 'current': c.tolist(),
                        'method': 'KOLMOGOROV_SMIRNOV', 'score': float(res.pvalue),
                        'drifted': bool(res.pvalue <= 0.05)})
    species = np.array(IRIS_NAMES)[IRIS_Y]
    r, c = species[ref_mask].tolist(), species[cur_mask].tolist()
    _, p = chi_evidently(r, c)
    columns.append({'name': 'species', 'kind': 'categorical', 'reference': r, 'current': c,
                    'method': 'CHI_SQUARE', 'score': p, 'drifted': bool(p < 0.05)})
    wide = np.where(IRIS_X[:, 1] > 3.0, 'wide', 'narrow')
    r, c = wide[ref_mask].tolist(), wide[cur_mask].tolist()
    _, p = z_evidently(r, c)
    columns.append({'name': 'wide_sepal', 'kind': 'categorical', 'reference': r, 'current': c,
                    'method': 'Z_TEST', 'score': p, 'drifted': bool(p < 0.05)})
    # A numeric column with <= 5 values and a small reference goes to chi-square / Z as a category.
    r = np.round(IRIS_X[ref_mask, 3]).tolist()
    c = np.round(IRIS_X[cur_mask, 3]).tolist()
    _, p = chi_evidently(r, c)
    columns.append({'name': 'petal_width_rounded', 'kind': 'numeric', 'reference': r, 'current': c,
                    'method': 'CHI_SQUARE', 'score': p, 'drifted': bool(p < 0.05)})
    share = sum(c['drifted'] for c in columns) / len(columns)
    small = {'name': 'iris setosa+versicolor vs versicolor+virginica', 'columns': columns,
             'share': share, 'dataset_drift': bool(share >= 0.5)}

    big_cols = []
    for i, (rs, cs) in enumerate([(spec(71, 2000), spec(72, 1500, loc=0.3)),
                                  (spec(73, 2000, 'skew'), spec(74, 1500, 'skew')),
                                  (spec(75, 2000, round=0), spec(76, 1500, round=0))]):
        r, c = gen(rs), gen(cs)
        if len(np.unique(np.concatenate([r, c]))) > 5:
            method = 'WASSERSTEIN_NORMED'
            score = float(st.wasserstein_distance(r, c) / max(np.std(r), 0.001))
        else:
            method = 'JENSEN_SHANNON'
            score = divergences(r, c, True)['jensenshannon']
        big_cols.append({'name': 'num%d' % i, 'kind': 'numeric', 'reference': {'gen': rs},
                         'current': {'gen': cs}, 'method': method, 'score': score,
                         'drifted': bool(score >= 0.1)})
    rc, cc = {'seed': 77, 'n': 2000, 'weights': [0.5, 0.3, 0.2]}, {'seed': 78, 'n': 1500, 'weights': [0.2, 0.3, 0.5]}
    js = divergences(gen_cat(rc), gen_cat(cc), False)['jensenshannon']
    big_cols.append({'name': 'cat', 'kind': 'categorical', 'reference': {'gen_cat': rc},
                     'current': {'gen_cat': cc}, 'method': 'JENSEN_SHANNON', 'score': js,
                     'drifted': bool(js >= 0.1)})
    share = sum(c['drifted'] for c in big_cols) / len(big_cols)
    big = {'name': 'generated 2000 vs 1500 rows', 'columns': big_cols, 'share': share,
           'dataset_drift': bool(share >= 0.5)}
    write('dataset_drift.json', {'cases': [small, big]})


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    special()
    ks_cases()
    categorical()
    numeric_drift()
    profiles()
    thresholds()
    dataset_drift()
