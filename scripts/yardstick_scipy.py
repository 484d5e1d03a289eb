#!/usr/bin/env python3
"""The yardstick for `stork analyze`'s speed: SPEC sections 3 and 4 in numpy/scipy.

What a researcher would write instead of Stork: read each Stork samples CSV (t_ms, ax, ay, az
[, gx, gy, gz]), clean, window, resample onto the uniform grid, tilt-correct (Rodrigues),
low-pass with a 4th-order Butterworth through scipy.signal.filtfilt, centre, and compute every
metric of SPEC section 4 (Welch PSD with scipy.signal.welch); print one JSON object per file.
All files in one Python process, one after another, as a script would.

Not done here: touch-down detection (SPEC section 5, Stork's own detector). The window runs
from --from (default 1 s after "go", SPEC section 5's settle) to the end of the recording, so
on recordings without a touch-down it is Stork's automatic window; Stork runs its detector on
top (more work for Stork, none for the yardstick).

Run (Debian): apt-get install python3-numpy python3-scipy
              python3 scripts/yardstick_scipy.py FILE... [--from S] [--rate HZ] [--cutoff HZ]
scripts/bench-cli-vs-scipy.ts runs it beside `stork analyze` and compares the numbers.
"""
import json
import math
import sys

import numpy as np
from scipy import signal

# SPEC section 3's defaults.
RATE_HZ = 50.0
CUTOFF_HZ = 3.5
FILTER_ORDER = 4
SETTLE_S = 1.0
MIN_WINDOW_S = 2.0
# SPEC section 4: spectral keys need 10 s; the band is 0 < f <= 5 Hz.
MIN_SPECTRAL_S = 10.0
BAND_HZ = 5.0


def read_samples(path):
    """The columns of a Stork samples CSV by name; empty cells are NaN."""
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
        try:
            rows = np.loadtxt(handle, delimiter=",", ndmin=2)
        except ValueError:
            handle.seek(0)
            handle.readline()
            rows = np.genfromtxt(handle, delimiter=",", ndmin=2)
    return {name: rows[:, index] for index, name in enumerate(header)}


def clean(t, values):
    """SPEC 3.1: sort by t (stable); drop non-finite t or acceleration; drop non-increasing t."""
    order = np.argsort(t, kind="stable")
    t = t[order]
    values = [v[order] for v in values]
    finite = np.isfinite(t)
    for v in values[:3]:
        finite &= np.isfinite(v)
    t = t[finite]
    values = [v[finite] for v in values]
    keep = np.empty(len(t), dtype=bool)
    last = -np.inf
    for k, tk in enumerate(t):  # a running maximum: what is kept depends on what was kept
        keep[k] = tk > last
        if keep[k]:
            last = tk
    return t[keep], [v[keep] for v in values]


def rotation_to_y(g):
    """SPEC 3.4: the smallest rotation taking unit(g) onto +y (Rodrigues)."""
    u = g / np.linalg.norm(g)
    y = np.array([0.0, 1.0, 0.0])
    c = float(np.dot(u, y))
    if c <= -1.0 + 1e-15:
        return np.diag([1.0, -1.0, -1.0])
    v = np.cross(u, y)
    vx = np.array([[0.0, -v[2], v[1]], [v[2], 0.0, -v[0]], [-v[1], v[0], 0.0]])
    return np.eye(3) + vx + vx @ vx / (1.0 + c)


def spectral(ap, ml, rate):
    """SPEC section 4: Welch PSD of AP and ML summed, over 0 < f <= 5 Hz."""
    n = len(ap)
    segment = 2 ** int(math.floor(math.log2(n / 2)))
    kwargs = dict(fs=rate, window="hann", nperseg=segment, noverlap=segment // 2, detrend="constant", scaling="density")
    f, p_ap = signal.welch(ap, **kwargs)
    _, p_ml = signal.welch(ml, **kwargs)
    band = (f > 0) & (f <= BAND_HZ)
    f, p = f[band], (p_ap + p_ml)[band]
    df = rate / segment
    cumulative = np.cumsum(p)
    mu0, mu1, mu2 = np.sum(p), np.sum(f * p), np.sum(f * f * p)
    return {
        "totalPower": float(np.sum(p) * df),
        "f50": float(f[np.argmax(cumulative >= 0.5 * cumulative[-1])]),
        "f95": float(f[np.argmax(cumulative >= 0.95 * cumulative[-1])]),
        "centroidFrequency": float(math.sqrt(mu2 / mu0)),
        "frequencyDispersion": float(math.sqrt(max(0.0, 1 - mu1 * mu1 / (mu0 * mu2)))),
    }


def analyse(path, from_s, rate, b, a):
    columns = read_samples(path)
    names = ["ax", "ay", "az", "gx", "gy", "gz"]
    has_gyro = all(name in columns for name in names[3:])
    t, values = clean(columns["t_ms"] / 1000.0, [columns[name] for name in names if name in columns])
    lo, hi = max(t[0], from_s), t[-1]
    if hi - lo < MIN_WINDOW_S:
        raise ValueError(f"window shorter than 2 s ({hi - lo:.2f} s)")
    n = int(math.floor((hi - lo) * rate)) + 1
    grid = lo + np.arange(n) / rate
    acc = np.vstack([np.interp(grid, t, v) for v in values[:3]])
    r = rotation_to_y(acc.mean(axis=1))
    world = r @ acc
    ap = signal.filtfilt(b, a, world[2])
    ml = signal.filtfilt(b, a, world[0])
    ap -= ap.mean()
    ml -= ml.mean()
    duration = n / rate
    d = np.hypot(ap, ml)
    path_length = float(np.sum(np.hypot(np.diff(ap), np.diff(ml))))
    mean_distance = float(np.mean(d))
    jerk_ap, jerk_ml = np.gradient(ap, 1 / rate), np.gradient(ml, 1 / rate)
    cov = np.cov(np.vstack([ap, ml]), bias=True)
    f_stat = ((n - 2) / 2) * (0.05 ** (-2 / (n - 2)) - 1)
    eigenvalues, eigenvectors = np.linalg.eigh(cov)
    major = eigenvectors[:, 1]
    angle = math.degrees(math.atan2(major[1], major[0])) % 180.0
    metrics = {
        "samples": n,
        "durationS": duration,
        "rateHz": rate,
        "rmsAp": float(np.sqrt(np.mean(ap * ap))),
        "rmsMl": float(np.sqrt(np.mean(ml * ml))),
        "rms": float(np.sqrt(np.mean(d * d))),
        "meanDistance": mean_distance,
        "rangeAp": float(ap.max() - ap.min()),
        "rangeMl": float(ml.max() - ml.min()),
        "pathLength": path_length,
        "meanVelocity": path_length / duration,
        "jerk": float(0.5 * np.sum(jerk_ap**2 + jerk_ml**2) / rate),
        "ellipseArea": float(2 * math.pi * f_stat * math.sqrt(np.linalg.det(cov))),
        "ellipseMajor": float(math.sqrt(2 * f_stat * eigenvalues[1])),
        "ellipseMinor": float(math.sqrt(2 * f_stat * eigenvalues[0])),
        "ellipseAngleDeg": angle,
        "swayAreaRate": float(np.sum(np.abs(ap[1:] * ml[:-1] - ap[:-1] * ml[1:])) / (2 * duration)),
        "meanFrequency": path_length / (2 * math.pi * mean_distance * duration),
    }
    if duration >= MIN_SPECTRAL_S:
        metrics.update(spectral(ap, ml, rate))
    if has_gyro:
        # SPEC 3.1: gyro rows with non-finite values are left out of the gyro series only.
        finite = np.isfinite(values[3]) & np.isfinite(values[4]) & np.isfinite(values[5])
        gyro = np.vstack([np.interp(grid, t[finite], v[finite]) for v in values[3:]])
        gyro_world = r @ gyro
        for key, row in (("gyroRmsAp", gyro_world[0]), ("gyroRmsMl", gyro_world[2])):
            x = signal.filtfilt(b, a, row)
            x -= x.mean()
            metrics[key] = float(np.sqrt(np.mean(x * x)))
    return {"file": path, "window": {"fromS": float(lo), "toS": float(hi)}, "metrics": metrics}


def main(argv):
    files, from_s, rate, cutoff = [], SETTLE_S, RATE_HZ, CUTOFF_HZ
    words = iter(argv)
    for word in words:
        if word == "--from":
            from_s = float(next(words))
        elif word == "--rate":
            rate = float(next(words))
        elif word == "--cutoff":
            cutoff = float(next(words))
        else:
            files.append(word)
    b, a = signal.butter(FILTER_ORDER, cutoff, btype="low", fs=rate)
    results, failed = [], False
    for path in files:
        try:
            results.append(analyse(path, from_s, rate, b, a))
        except (OSError, ValueError) as error:
            print(f"yardstick: {path}: {error}", file=sys.stderr)
            failed = True
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
