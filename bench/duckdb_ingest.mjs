// DuckDB side of bench/ingest_vs_duckdb.sh: CREATE TABLE ... AS SELECT * FROM read_csv(glob) into a
// fresh database file. Times from DuckDBInstance.create() to after the CTAS (node's own start-up and
// module loading are excluded), and separately to after the instance is closed (final checkpoint).
// Usage: node duckdb_ingest.mjs <database file> <csv glob>
// Prints one JSON line: {"engine":"duckdb","version":...,"rows":...,"ctas_s":...,"closed_s":...}
import { DuckDBInstance, version } from '@duckdb/node-api';
import { existsSync, rmSync } from 'node:fs';

const [dbPath, glob] = process.argv.slice(2);
if (!dbPath || !glob) {
  console.error('usage: node duckdb_ingest.mjs <database file> <csv glob>');
  process.exit(2);
}
for (const p of [dbPath, `${dbPath}.wal`]) if (existsSync(p)) rmSync(p);

const quoted = glob.replaceAll("'", "''");
const t0 = process.hrtime.bigint();
const instance = await DuckDBInstance.create(dbPath);
const connection = await instance.connect();
await connection.run(`CREATE TABLE incidents AS SELECT * FROM read_csv('${quoted}', union_by_name=true)`);
const t1 = process.hrtime.bigint();
const reader = await connection.runAndReadAll('SELECT count(*)::BIGINT FROM incidents');
const rows = Number(reader.getRows()[0][0]);
connection.closeSync();
const t2a = process.hrtime.bigint();
instance.closeSync();
const t2 = process.hrtime.bigint();
const seconds = (a, b) => Number(b - a) / 1e9;
// closed_s excludes the count(*) query: it is the CTAS time plus the time to close the instance.
const closed = seconds(t0, t1) + seconds(t2a, t2);
console.log(JSON.stringify({ engine: 'duckdb', version: version(), rows, ctas_s: seconds(t0, t1), closed_s: closed }));
