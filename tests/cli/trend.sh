#!/usr/bin/env bash
# csa table --stats's trend column on a synthetic district with four complete years
# (tests/fixtures/trend/, README.md there): the yearly counts are expanded into 48 monthly police.uk
# street files, ingested, and the table's rate ratio a year, its 95% interval and the direction are
# checked against a Poisson regression fitted here in python3 by its own iteratively reweighted
# least squares (R's glm algorithm: start at mu = y + 0.1, stop when the deviance changes by under
# 1e-8 of itself), with the quasi-Poisson dispersion max(1, Pearson X^2 / (n - 2)) and Wald limits.
# The python reads the fixture's counts, not csa's database or output, so it shares nothing with csa.
set -euo pipefail
: "${CSA:?}" "${CSA_WORK:?}" "${CSA_SOURCE_DIR:?}"
fx="$CSA_SOURCE_DIR/tests/fixtures/trend"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK/files" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$fx/yearly-counts.csv" files <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
serial = 0
for year in range(2022, 2026):
    for month in range(1, 13):
        with open(f"{sys.argv[2]}/{year}-{month:02d}-trendshire-street.csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                        "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"])
            for r in rows:
                if int(r["year"]) != year:
                    continue
                n = int(r["count"])
                for _ in range(n // 12 + (1 if month <= n % 12 else 0)):
                    serial += 1
                    asb = r["crime_type"] == "Anti-social behaviour"
                    w.writerow(["" if asb else f"{serial:064x}", f"{year}-{month:02d}", "Trendshire Police",
                                "Trendshire Police", "0.100000", "52.200000", "On or near Trend Street", r["lsoa"],
                                "Trendton 001A", r["crime_type"], "" if asb else "Under investigation", ""])
PY
"$CSA" ingest police-uk files --db t.db -q > /dev/null
"$CSA" geography load --db t.db --lookup "$fx/lookup.csv" --population "$fx/population.csv" \
  --population-label "fixture population" > /dev/null
"$CSA" table --db t.db --area Trendton --by theme --ye 2025-12 --years 4 --stats --format json > theme4.json
"$CSA" table --db t.db --area Trendton --by ward --theme burglary --ye 2025-12 --years 4 --stats --format json > ward4.json
"$CSA" table --db t.db --area Trendton --by theme --ye 2025-12 --years 2 --stats --format json > theme2.json
# Five periods asked for, the oldest (2021) with no data: the trend uses the four complete years.
"$CSA" table --db t.db --area Trendton --by theme --ye 2025-12 --years 5 --stats --format json > theme5.json
# Three periods ending June 2026: the latest lacks Jan-Jun 2026 (the data end in Dec 2025), so 2 of 3 are complete.
"$CSA" table --db t.db --area Trendton --by theme --ye 2026-06 --years 3 --stats --format json > theme3.json

python3 - "$fx/yearly-counts.csv" <<'PY' || fail "trend column differs from the independent Poisson regression"
import csv, json, math, sys

Z = 1.959963984540054  # qnorm(0.975)

def irls(years, y):
    """Poisson GLM, log link, intercept + year, as R's glm.fit; returns slope, quasi-Poisson se."""
    n = len(y)
    x = [t - sum(years) / n for t in years]  # centring changes neither the slope nor its se
    mu = [v + 0.1 for v in y]
    eta = [math.log(m) for m in mu]
    def dev(mu):
        return 2 * sum((v * math.log(v / m) if v > 0 else 0) - (v - m) for v, m in zip(y, mu))
    old = dev(mu)
    for _ in range(25):
        z = [e + (v - m) / m for e, v, m in zip(eta, y, mu)]
        w = mu
        s0, s1, s2 = sum(w), sum(wi * xi for wi, xi in zip(w, x)), sum(wi * xi * xi for wi, xi in zip(w, x))
        t0, t1 = sum(wi * zi for wi, zi in zip(w, z)), sum(wi * xi * zi for wi, xi, zi in zip(w, x, z))
        det = s0 * s2 - s1 * s1
        b0, b1 = (s2 * t0 - s1 * t1) / det, (s0 * t1 - s1 * t0) / det
        eta = [b0 + b1 * xi for xi in x]
        mu = [math.exp(e) for e in eta]
        new = dev(mu)
        if abs(new - old) / (abs(new) + 0.1) < 1e-8:
            break
        old = new
    w = mu
    s0, s1, s2 = sum(w), sum(wi * xi for wi, xi in zip(w, x)), sum(wi * xi * xi for wi, xi in zip(w, x))
    var_b1 = s0 / (s0 * s2 - s1 * s1)
    pearson = sum((v - m) ** 2 / m for v, m in zip(y, mu)) / (n - 2)
    phi = max(1.0, pearson)
    return b1, math.sqrt(var_b1 * phi), phi

rows = list(csv.DictReader(open(sys.argv[1])))
years = [2022, 2023, 2024, 2025]
def series(pred):
    return [sum(int(r["count"]) for r in rows if int(r["year"]) == yr and pred(r)) for yr in years]

def expect(label, y):
    b1, se, phi = irls(years, y)
    rr, lo, hi = math.exp(b1), math.exp(b1 - Z * se), math.exp(b1 + Z * se)
    word = "rising" if lo > 1 else "falling" if hi < 1 else "no clear trend"
    return rr, f"{word}, x{rr:.2f} a year ({lo:.2f}–{hi:.2f})", phi

def check(table, label, y):
    row = next(r for r in table["rows"] if (r.get("theme") or r.get("ward")) == label)
    rr, text, phi = expect(label, y)
    got = row["trend"]
    if abs(got - rr) > 1e-7 * rr or row["trend_text"] != text:
        print(f"{label}: csa {got} '{row['trend_text']}', independent {rr} '{text}' (phi {phi:.3f})", file=sys.stderr)
        sys.exit(1)
    print(f"{label}: {y} -> {text}, phi {phi:.3f}")
    return text

theme4 = json.load(open("theme4.json"))
assert check(theme4, "Burglary", series(lambda r: r["crime_type"] == "Burglary")).startswith("rising")
assert check(theme4, "Shoplifting", series(lambda r: r["crime_type"] == "Shoplifting")).startswith("falling")
assert check(theme4, "Robbery", series(lambda r: r["crime_type"] == "Robbery")).startswith("no clear trend")
check(theme4, "Violence and sexual offences", series(lambda r: r["crime_type"] == "Violence and sexual offences"))
check(theme4, "All crime", series(lambda r: r["crime_type"] != "Anti-social behaviour"))
check(theme4, "Anti-social behaviour", series(lambda r: r["crime_type"] == "Anti-social behaviour"))
# Counts under 5 are suppressed by default, and so is the trend drawn from them.
vehicle = next(r for r in theme4["rows"] if r["theme"] == "Vehicle crime")
assert vehicle["trend"] == "-", vehicle
# A theme with no incidents at all.
drugs = next(r for r in theme4["rows"] if r["theme"] == "Drugs")
assert drugs["trend"] == "n/a (none)", drugs
assert any(n.startswith("Trend over 2022, 2023, 2024, 2025 (4 years): Poisson regression") for n in theme4["notes"]), theme4["notes"]

ward4 = json.load(open("ward4.json"))
check(ward4, "Northfield", series(lambda r: r["crime_type"] == "Burglary" and r["lsoa"] in ("E01900001", "E01900002")))
check(ward4, "Southgate", series(lambda r: r["crime_type"] == "Burglary" and r["lsoa"] in ("E01900003", "E01900004")))
total = next(r for r in ward4["rows"] if r["total_row"])
rr, text, _ = expect("total", series(lambda r: r["crime_type"] == "Burglary"))
assert total["trend_text"] == text, (total, text)

theme2 = json.load(open("theme2.json"))
assert all("trend" not in r for r in theme2["rows"]), "a trend column with two years"
assert any("Trend: not shown. A trend needs 3 or more complete year-long periods; this table shows 2 (2 complete)" in n
           for n in theme2["notes"]), theme2["notes"]

theme5 = json.load(open("theme5.json"))
assert any("Trend leaves out 2021: not a complete year of data." in n for n in theme5["notes"]), theme5["notes"]
row5 = next(r for r in theme5["rows"] if r["theme"] == "Burglary")
assert row5["trend_text"] == expect("b", series(lambda r: r["crime_type"] == "Burglary"))[1], row5

theme3 = json.load(open("theme3.json"))
assert all("trend" not in r for r in theme3["rows"]), "a trend column over incomplete years"
assert any("this table shows 3 (2 complete)" in n for n in theme3["notes"]), theme3["notes"]
print("trend column checks passed")
PY
echo "trend checks passed"
