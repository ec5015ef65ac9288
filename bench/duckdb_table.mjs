// DuckDB side of bench/table_vs_duckdb.sh: the ward x crime type x year-ending table for one district
// from the `incidents` table that bench/ingest_vs_duckdb.sh's CTAS builds, joined to the ONS
// LSOA -> ward -> district best-fit lookup.
// Usage:
//   node duckdb_table.mjs setup <database> <lookup csv>     load the lookup into table `lookup` (untimed)
//   node duckdb_table.mjs query <database> <LAD code> <year-ending YYYY-MM> <years>
// `query` prints one JSON line: open_query_s (from DuckDBInstance.create() on the existing file to after
// every result row is read; node start-up excluded), warm_query_s (the same query again on the open
// connection), rows (result rows), and all_crime: [ward code, count per period...] per ward, the
// figures csa's `--theme all_crime` table shows (every crime type but anti-social behaviour), for
// the cross-check.
import { DuckDBInstance } from '@duckdb/node-api';

const [mode, dbPath, ...rest] = process.argv.slice(2);
const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

if (mode === 'setup') {
  const [lookupCsv] = rest;
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  await connection.run(
    `CREATE OR REPLACE TABLE lookup AS SELECT LSOA21CD, WD23CD, WD23NM, LAD23CD FROM read_csv(${quote(lookupCsv)})`);
  connection.closeSync();
  instance.closeSync();
  process.exit(0);
}
if (mode !== 'query') {
  console.error('usage: node duckdb_table.mjs setup|query ...');
  process.exit(2);
}

const [lad, ye, yearsText] = rest;
const years = Number(yearsText);
const [y, m] = ye.split('-').map(Number);
// Period k (0 = the latest): the 12 months ending in month m of year y - k, as 'YYYY-MM' text bounds.
const pad = (n) => String(n).padStart(2, '0');
const periods = [];
for (let k = years - 1; k >= 0; --k) {
  const endY = y - k;
  const startY = m === 12 ? endY : endY - 1;
  const startM = m === 12 ? 1 : m + 1;
  periods.push({ name: `ye_${endY}_${pad(m)}`, first: `${startY}-${pad(startM)}`, last: `${endY}-${pad(m)}` });
}
const counts = periods
  .map((p) => `count(*) FILTER (WHERE i.Month BETWEEN ${quote(p.first)} AND ${quote(p.last)}) AS ${p.name}`)
  .join(',\n       ');
const allMonths = `i.Month BETWEEN ${quote(periods[0].first)} AND ${quote(periods[periods.length - 1].last)}`;

const byType = `
SELECT l.WD23CD AS ward_code, any_value(l.WD23NM) AS ward, i."Crime type" AS crime_type,
       ${counts}
FROM incidents i JOIN lookup l ON l.LSOA21CD = i."LSOA code"
WHERE l.LAD23CD = ${quote(lad)} AND ${allMonths}
GROUP BY l.WD23CD, i."Crime type"
ORDER BY ward_code, crime_type`;

const allCrime = `
SELECT l.WD23CD AS ward_code, ${counts}
FROM incidents i JOIN lookup l ON l.LSOA21CD = i."LSOA code"
WHERE l.LAD23CD = ${quote(lad)} AND ${allMonths} AND i."Crime type" <> 'Anti-social behaviour'
GROUP BY l.WD23CD
ORDER BY ward_code`;

const t0 = process.hrtime.bigint();
const instance = await DuckDBInstance.create(dbPath);
const connection = await instance.connect();
const first = await connection.runAndReadAll(byType);
const rows = first.getRows().length;
const t1 = process.hrtime.bigint();
const again = await connection.runAndReadAll(byType);
again.getRows();
const t2 = process.hrtime.bigint();
const check = (await connection.runAndReadAll(allCrime)).getRows().map((r) => r.map((v) => String(v)));
connection.closeSync();
instance.closeSync();
const seconds = (a, b) => Number(b - a) / 1e9;
console.log(JSON.stringify({
  engine: 'duckdb', open_query_s: seconds(t0, t1), warm_query_s: seconds(t1, t2), rows, all_crime: check,
}));
