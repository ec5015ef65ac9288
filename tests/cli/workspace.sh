#!/usr/bin/env bash
# csa workspace on SQLite, end to end: users and roles, a priority with actions from the seeds'
# action plan (004_… 1592-2470), RAG over two quarters, a KPI against its quarterly target, a meeting
# with closed and public agenda items, action points with one carried over, the audit log, and the
# board pack in HTML (tables checked cell by cell with python3's own HTML parser), PDF (pdftotext)
# and DOCX (unzip).
set -euo pipefail
: "${CSA:?}" "${CSA_WORK:?}"
rm -rf "$CSA_WORK" && mkdir -p "$CSA_WORK" && cd "$CSA_WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
export CSA_WORKSPACE="$CSA_WORK/ws.db"
w() { "$CSA" workspace "$@"; }

w init > /dev/null
CSA_WORKSPACE_PASSWORD='admin password 1' w user add --name admin --role admin > /dev/null
CSA_WORKSPACE_PASSWORD='editor password 1' w user add --as admin --name kh --role editor > /dev/null
CSA_WORKSPACE_PASSWORD='viewer password 1' w user add --as admin --name guest --role viewer > /dev/null
# A short password and a viewer's change are refused with a message, exit 2.
set +e
CSA_WORKSPACE_PASSWORD='short' w user add --as admin --name x --role viewer 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "shorter than 12" err.txt || fail "short password: rc $rc, $(cat err.txt)"

w priority add --as kh --code 1 --title "Support vulnerable groups" --from 2018-04 --to 2019-03 > /dev/null
w priority add --as kh --code 3 --title "Build community resilience" --from 2018-04 --to 2019-03 > /dev/null
set +e
w priority add --as guest --code 2 --title "Thefts" --from 2018-04 --to 2019-03 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "guest is a viewer" err.txt || fail "viewer edit: rc $rc, $(cat err.txt)"
w action add --as kh --priority 1 --id "1.1 a)" --description "Deliver localised communications" \
  --lead-agency Police --lead-officer PR --due 2018-06-30 > /dev/null
w action add --as kh --priority 1 --id 1.5 --description "Deliver initiatives to identify vulnerable people" \
  --lead-agency "Trading Standards" --links 3 > /dev/null
set +e
w action add --as kh --priority 1 --id "1.1A" --description dup --lead-agency x 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "already has an action 1.1 a" err.txt || fail "duplicate id: rc $rc, $(cat err.txt)"
w action set-rag --as kh --priority 1 --id 1.5 --rag green --reason "Referrals answered" --quarter fy2018/19q3 > /dev/null
w action set-rag --as kh --priority 1 --id 1.5 --rag amber --reason "Led by other agencies" --quarter "2018/19 Q4" > /dev/null
w action set-rag --as kh --priority 1 --id "1.1 a" --rag red --reason "Comms delayed" --quarter fy2018/19q4 > /dev/null
w action progress --as kh --priority 1 --id 1.5 --quarter fy2018/19q4 --text "66 new victim referrals" > /dev/null
# A stale version: the second editor is told who changed it.
set +e
w action set-rag --as admin --priority 1 --id 1.5 --rag green --reason x --quarter fy2018/19q4 --version 1 2> err.txt; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "changed by kh" err.txt || fail "stale version: rc $rc, $(cat err.txt)"

kpi=$(w kpi add --as kh --priority 1 --action 1.5 --description "Number of people accredited" --target 1000 \
        --target-by 2019-03 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
w kpi actual --as kh --kpi "$kpi" --quarter fy2018/19q3 --target 167 --actual 151 | grep -q "at risk" || fail "KPI at risk"

w meeting add --as kh --date 2024-10-01 --title "Cambridge City CSP" > /dev/null
w meeting add --as kh --date 2025-02-25 --title "Cambridge City CSP" --location "Parkside Place" > /dev/null
w agenda add --as kh --meeting 2025-02-25 --number 4 --item "Pre-advised questions from the general public" --lead Chair --time 5 > /dev/null
w agenda add --as kh --meeting 2025-02-25 --number 1 --item "Welcome, housekeeping and apologies" --lead "Samantha Shimmon (Chair)" --time 10 --session closed > /dev/null
w point add --as kh --meeting 2024-10-01 --description "Share updated membership and roles" --owner "Louise Walker" > /dev/null
w point add --as kh --meeting 2024-10-01 --id 10/03 --description "Terms of Reference for an e-scooter group" --owner "Scott Fretwell" > /dev/null
w point status --as kh --meeting 2024-10-01 --id 10/01 --status closed --note "Circulated on 9 October 2024" > /dev/null
w point carry --as kh --meeting 2024-10-01 --id 10/03 --to 2025-02-25 --format json > carried.json
w schedule add --as kh --document 1 --theme "Dwelling burglary and personal property crime" --analysis-from 2016-06 --analysis-to 2016-07 --presentation 2016-07 > /dev/null
w budget add --as kh --priority 1 --source "Pooled fund" --year 2018/19 --allocated 2,000 --carried-forward 1000 > /dev/null

python3 - <<'PY' || fail "carried point history"
import json
p = json.load(open("carried.json"))
h = p["history"]
assert [x["status"] for x in h] == ["carried_over", "open"], h
assert h[0]["code"] == "10/03" and p["code"] == "10/03" and p["carried_from"] == h[0]["id"]
PY

w audit --format json > audit.json
python3 - <<'PY' || fail "audit log"
import json
log = json.load(open("audit.json"))
rag = [(e["actor"], e["before"]["rag"], e["after"]["rag"]) for e in log if e["entity"] == "action" and e["change"] == "update"]
# newest first: 1.1 a none->red, 1.5 green->amber, 1.5 none->green (the refused stale change is absent)
assert rag == [("kh", "none", "red"), ("kh", "green", "amber"), ("kh", "none", "green")], rag
assert all("password_hash" not in json.dumps(e) for e in log)
PY

w export-board-pack --out pack > files.txt
for f in pack/board-pack.html pack/board-pack.pdf pack/board-pack.docx; do [ -s "$f" ] || fail "$f missing"; done
python3 - <<'PY' || fail "board pack HTML tables"
from html.parser import HTMLParser
class T(HTMLParser):
    def __init__(self):
        super().__init__(); self.tables = {}; self.cur = None; self.row = None; self.cell = None; self.styles = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "caption": self.cell = ""
        if tag == "tr": self.row = []
        if tag in ("td", "th"): self.cell = ""; self.style = a.get("style")
    def handle_endtag(self, tag):
        if tag == "caption": self.cur = self.cell.split(": ", 1)[1]; self.tables[self.cur] = []; self.cell = None
        if tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip()); self.styles.append((self.cur, self.cell.strip(), self.style)); self.cell = None
        if tag == "tr": self.tables[self.cur].append(self.row); self.row = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
t = T(); t.feed(open("pack/board-pack.html").read())
tr = t.tables["Action plan tracker"]
assert tr[0][:6] == ["Priority", "Action", "What we will do", "Responsible agency / officer", "Due", "RAG status"], tr[0]
assert tr[1][1] == "1.1 a" and tr[1][5] == "RED" and tr[1][3] == "Police (PR)" and tr[1][4] == "2018-06-30", tr[1]
assert tr[2][1] == "1.5" and tr[2][5] == "AMBER" and tr[2][7] == "2018/19 Q4: 66 new victim referrals", tr[2]
h = t.tables["RAG status by quarter"]
assert h[0] == ["Priority", "Action", "2018/19 Q3", "2018/19 Q4"], h[0]
assert h[1] == ["1", "1.1 a", "", "RED"] and h[2] == ["1", "1.5", "GREEN", "AMBER"], h
ag = t.tables["Agenda, 2025-02-25"]
assert ag[1][:2] == ["1", "Closed session for CSP Board and Members"] and ag[2][:2] == ["4", "Meeting open to the public"], ag
ap = t.tables["Action points"]
assert ap[1][0] == "10/03" and ap[1][3].startswith("Open: Carried over from the meeting of 2024-10-01"), ap
k = t.tables["We will check that we're on track by"]
assert k[1][2:] == ["2018/19 Q3", "167", "151", "at risk"], k
# RAG cells shaded in the key's colours (workspace/rules.cpp rag_colour), the word kept; nothing else shaded.
key = {"RED": "#F4C7C3", "AMBER": "#FFE8A3", "GREEN": "#CCE2D8", "COMPLETE": "#A7D3B5"}
shaded = [(tbl, txt, st) for tbl, txt, st in t.styles if st and "background" in st]
assert shaded and all(st == "background:%s;font-weight:bold;padding-left:0.4rem;" % key[txt] for tbl, txt, st in shaded), shaded
assert all(st for tbl, txt, st in t.styles if txt in key and tbl in ("Action plan tracker", "RAG status by quarter", "RAG status key")), t.styles
k = t.tables["RAG status key"]
assert k[1:] == [["RED", "Off target, action required"], ["AMBER", "Off target within reason, monitor"],
                 ["GREEN", "On target"], ["COMPLETE", "On target (= complete)"]], k
PY
pdftotext pack/board-pack.pdf - | grep -q "Action plan tracker" || fail "PDF lacks the tracker"
pdftotext pack/board-pack.pdf - | tr "\n" " " | grep -q "Terms of Reference for an e-scooter group" || fail "PDF lacks the action point"
unzip -p pack/board-pack.docx word/document.xml | grep -q "Deliver localised communications" || fail "DOCX lacks the action"
unzip -p pack/board-pack.docx word/document.xml | grep -q "AMBER" || fail "DOCX lacks the RAG"
# The DOCX shades the same cells (w:shd on the cell's w:tcPr): every cell whose text is a RAG word in
# the two RAG tables carries its key colour, and no other cell is shaded.
unzip -p pack/board-pack.docx word/document.xml > pack/document.xml
python3 - <<'PY' || fail "DOCX RAG shading"
import re
xml = open("pack/document.xml").read()
key = {"RED": "F4C7C3", "AMBER": "FFE8A3", "GREEN": "CCE2D8", "COMPLETE": "A7D3B5"}
cells = re.findall(r"<w:tc>(.*?)</w:tc>", xml)
rag = [(c, re.sub(r"<[^>]+>", "", c)) for c in cells]
words = [(c, w) for c, w in rag if w in key]
assert len(words) >= 9, len(words)  # tracker: RED, AMBER; history: RED, GREEN, AMBER; the key's four
for c, w in words:
    assert 'w:fill="%s"' % key[w] in c, (w, c)
assert sum("w:shd" in c for c in cells) == len(words), "only RAG cells are shaded"
assert "csa-cell" not in xml
PY
echo "workspace: CLI, rules, audit and board pack (HTML, PDF, DOCX) passed"
