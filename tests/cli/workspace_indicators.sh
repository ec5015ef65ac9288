#!/usr/bin/env bash
# Live indicators of the workspace against an independent path: a KPI bound to violence in Market
# ward (Cambridge) and a priority bound to shoplifting in Cambridge, years ending December 2025 and
# 2024. Expected values: the sqlite3 shell counts the raw police.uk rows through the ONS best-fit
# lookup; python3 works out the seeds' change text (whole percent, half away from zero) and the exact
# two-sided binomial p-value (R's binom.test rule: the probabilities no larger than the observed one,
# relative tolerance 1e-7) from its own log-gamma formula.
set -euo pipefail
: "${CSA:?}" "${CSA_SHARED_DIR:?}" "${CSA_WORK:?}"
data="$CSA_SHARED_DIR/data"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$CSA" ingest police-uk "$data/police-uk/cambridgeshire/" --db csa.db -q > /dev/null
"$CSA" geography load --db csa.db --lookup "$data/geography/lsoa21-ward23-lad23-bestfit-ew.csv" \
  --counties "$data/geography/lad23-utla23-ew.csv" > /dev/null
export CSA_WORKSPACE="$CSA_WORK/ws.db"
CSA_WORKSPACE_PASSWORD='admin password 1' "$CSA" workspace user add --name admin --role admin > /dev/null
"$CSA" workspace priority add --as admin --code 1 --title "Reducing violence in our city centre" --from 2023-09 --to 2025-03 > /dev/null
"$CSA" workspace kpi add --as admin --priority 1 --description "Violence in Market ward" --direction lower > /dev/null
"$CSA" workspace kpi bind --as admin --kpi 1 --theme violence_and_sexual_offences --area Market --period ye2025-12 > /dev/null
"$CSA" workspace priority bind --as admin --priority 1 --theme shoplifting --area Cambridge > /dev/null
set +e
"$CSA" workspace kpi bind --as admin --kpi 1 --theme x --area Market --period ye2025-13 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] || fail "a bad period was accepted: $(cat err.txt)"
"$CSA" workspace indicators --db csa.db --format json > ind.json

args=(); first=1
for f in "$data"/police-uk/cambridgeshire/*-street.csv; do
  if [ $first = 1 ]; then args+=(".import --csv $f raw"); first=0; else args+=(".import --csv --skip 1 $f raw"); fi
done
sqlite3 raw.db "${args[@]}" ".import --csv $data/geography/lsoa21-ward23-lad23-bestfit-ew.csv lookup"
lsoa_col=$(sqlite3 raw.db "SELECT name FROM pragma_table_info('lookup') WHERE cid = 0")
count() {  # $1 = area filter on the lookup, $2 = crime type, $3 = year
  sqlite3 raw.db "SELECT count(*) FROM raw r JOIN lookup l ON l.\"$lsoa_col\" = r.\"LSOA code\"
                  WHERE $1 AND r.\"Crime type\" = '$2' AND r.Month BETWEEN '$3-01' AND '$3-12'"
}
market="l.WD23NM = 'Market' AND l.LAD23NM = 'Cambridge'"
v25=$(count "$market" "Violence and sexual offences" 2025); v24=$(count "$market" "Violence and sexual offences" 2024)
s25=$(count "l.LAD23NM = 'Cambridge'" Shoplifting 2025); s24=$(count "l.LAD23NM = 'Cambridge'" Shoplifting 2024)
[ "$v25" -gt 100 ] && [ "$s25" -gt 100 ] || fail "independent counts look wrong: $v25 $s25"
python3 - "$v24" "$v25" "$s24" "$s25" <<'PY' || fail "live indicators differ from the independent calculation"
import json, math, sys
v24, v25, s24, s25 = map(int, sys.argv[1:])
def change(a, b):
    d = b - a
    p = d * 100 / a
    r = math.floor(abs(p) + 0.5) * (1 if p >= 0 else -1)
    return f"{'+' if r > 0 else ''}{r}% ({'+' if d > 0 else ''}{d})"
def p_value(before, after):
    n = before + after
    lp = lambda k: math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + n * math.log(0.5)
    obs = lp(after)
    return min(1.0, sum(math.exp(lp(k)) for k in range(n + 1) if lp(k) <= obs + math.log1p(1e-7)))
ind = {i["for"].split(":")[0]: i for i in json.load(open("ind.json"))}
k, p = ind["KPI 1"], ind["Priority 1"]
assert (k["area"], k["period"], k["previous_period"]) == ("Market", "2025", "2024"), k
assert (k["latest"], k["previous"]) == (str(v25), str(v24)), (k, v25, v24)
assert k["change"] == change(v24, v25), (k["change"], change(v24, v25))
assert abs(k["p_value"] - p_value(v24, v25)) < 1e-9, (k["p_value"], p_value(v24, v25))
assert k["significant"] == (p_value(v24, v25) < 0.05)
assert (p["latest"], p["previous"], p["change"]) == (str(s25), str(s24), change(s24, s25)), p
assert abs(p["p_value"] - p_value(s24, s25)) < 1e-9, (p["p_value"], p_value(s24, s25))
print(f"Market violence {v24} -> {v25} {k['change']} p={k['p_value']:.4g}; Cambridge shoplifting {s24} -> {s25} {p['change']} p={p['p_value']:.4g}")
PY
"$CSA" workspace export-board-pack --db csa.db --out pack --formats html > /dev/null
grep -q "Indicators from the data" pack/board-pack.html || fail "board pack lacks the indicators"
grep -q "Open Government Licence" pack/board-pack.html || fail "board pack lacks the OGL attribution"

# Recommendations through the report's classification, and a priority citing one. Independent check of
# the "requires a high level of attention" rule of examples/cambridge/csa.toml (at least 10% of all
# crime, or one of the 2 themes with the most crime) from the sqlite3 counts of 2025.
"$CSA" workspace import-recommendations --as admin --config "$CSA_SOURCE_DIR/examples/cambridge/csa.toml" --db csa.db \
  --format json > recs.json
sqlite3 -separator '|' raw.db "SELECT r.\"Crime type\", count(*) FROM raw r JOIN lookup l ON l.\"$lsoa_col\" = r.\"LSOA code\"
  WHERE l.LAD23NM = 'Cambridge' AND r.Month BETWEEN '2025-01' AND '2025-12' AND r.\"Crime type\" != 'Anti-social behaviour'
  GROUP BY 1" > types.txt
python3 - <<'PY' || fail "imported recommendations"
import json
counts = {t: int(n) for t, n in (l.strip().split("|") for l in open("types.txt"))}
total = sum(counts.values())
top2 = sorted(counts, key=counts.get, reverse=True)[:2]
expected = sorted(t for t in counts if counts[t] * 100 >= 10 * total or t in top2)
recs = json.load(open("recs.json"))
high = sorted(r["subject"] for r in recs if r["kind"] == "theme" and r["category"] == "Requires a high level of attention")
assert high == expected, (high, expected)
assert all(r["source"] == "Cambridge, YE December 2025" and r["evidence"] for r in recs)
assert any(r["kind"] == "ward" for r in recs)
PY
rid=$(python3 -c 'import json; print([r["id"] for r in json.load(open("recs.json")) if r["subject"] == "Violence and sexual offences"][0])')
"$CSA" workspace priority add --as admin --code 2 --title "Violence" --from 2025-04 --to 2027-03 --recommendation "$rid" --format json |
  python3 -c "import json,sys; assert json.load(sys.stdin)['recommendation_id'] == $rid" || fail "priority citing a recommendation"
echo "workspace_indicators: live indicators and imported recommendations agree with the independent counts"
