// The embedded SQLite backend of the Store interface.
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/text_pool.hpp"
#include "store/area_snapshot.hpp"
#include "store/batch_counts.hpp"
#include "store/extract_record_layout.hpp"
#include "store/sqlite_bulk_write.hpp"
#include "store/sqlite_handle.hpp"
#include "store/sqlite_migrations.hpp"
#include "store/store.hpp"

namespace csa::store {
namespace {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement owned directly, for the insert hot path: values are bound with SQLITE_STATIC
// (no copy; the caller's memory outlives the step) and bindings are overwritten, never cleared.
class RawStmt {
 public:
  RawStmt(SqliteDb& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v3(db.get(), sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK) {
      db.fail(fmt::format("cannot prepare [{}]", sql.substr(0, 120)));
    }
  }
  ~RawStmt() { sqlite3_finalize(stmt_); }
  RawStmt(const RawStmt&) = delete;
  RawStmt& operator=(const RawStmt&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  void run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    if (rc != SQLITE_DONE) db_.fail("insert failed");
  }

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A text dictionary (force names, crime types, outcomes, locations, LSOAs): every value and its id
// live in memory, in an open-addressing table (one probe, usually one cache miss, per lookup), so
// resolving a value never touches SQLite. A value not seen before gets the next id at once and is
// written with the batch's other new values by flush(), many rows per INSERT, inside the caller's
// transaction. Within one batch a value is also remembered by its address: the parser stores each
// repeated text once, so most rows are answered by a pointer compare rather than a string hash.
class Dictionary {
 public:
  Dictionary(SqliteDb& db, std::string table, std::string key_column = "name", std::string extra_column = {})
      : db_(db), table_(std::move(table)), key_(std::move(key_column)), extra_(std::move(extra_column)) {}

  void load() {
    ids_ = TextMap<std::int64_t>();
    texts_ = TextPool();
    pending_.clear();
    seen_.assign(kSeenInitial, Seen{});
    seen_used_ = 0;
    next_id_ = 1;
    SqliteStmt st(db_, fmt::format("SELECT id, {} FROM {}", key_, table_));
    while (st.step()) {
      std::int64_t id = st.int64(0);
      std::string_view text = st.blob(1);
      bool inserted = false;
      auto& slot = texts_.find_or_keep(ids_, text, inserted);
      if (inserted) slot.value = id;
      next_id_ = std::max(next_id_, id + 1);
    }
  }

  // Forgets addresses seen in the previous batch (its memory may now hold other text).
  void begin_batch() {
    if (seen_used_ > 0) {
      std::fill(seen_.begin(), seen_.end(), Seen{});
      seen_used_ = 0;
    }
  }

  // The id of `value` (extra: the second column's value when the dictionary has one, e.g. LSOA name;
  // it must stay valid until flush()).
  std::int64_t id(std::string_view value, std::string_view extra = {}) {
    if (value.data() == nullptr) value = std::string_view("", 0);  // a null address marks a free slot
    std::size_t mask = seen_.size() - 1;
    std::size_t i = seen_slot_of(value.data(), mask);
    for (;; i = (i + 1) & mask) {
      const Seen& s = seen_[i];
      if (s.data == nullptr) break;
      if (s.data == value.data() && s.size == value.size()) return s.id;
    }
    std::int64_t found = lookup(value, extra);
    if ((seen_used_ + 1) * 2 > seen_.size()) {
      grow_seen();
      mask = seen_.size() - 1;
      i = seen_slot_of(value.data(), mask);
    }
    while (seen_[i].data != nullptr) i = (i + 1) & mask;
    seen_[i] = {value.data(), value.size(), found};
    ++seen_used_;
    return found;
  }

  // The id of `value` by its text alone, for callers whose texts do not share addresses (extract
  // records own their strings), so remembering addresses would only grow the table.
  std::int64_t id_by_text(std::string_view value) {
    if (value.data() == nullptr) value = std::string_view("", 0);
    return lookup(value, {});
  }

  // Writes the values first seen since the last flush.
  void flush() {
    constexpr std::size_t kRows = 100;
    const int columns = extra_.empty() ? 2 : 3;
    std::size_t done = 0;
    while (done < pending_.size()) {
      std::size_t rows = std::min(kRows, pending_.size() - done);
      std::unique_ptr<SqliteStmt>& st = rows == kRows ? insert_many_ : insert_one_;
      if (!st) st = std::make_unique<SqliteStmt>(db_, insert_sql(rows == kRows ? kRows : 1));
      if (rows != kRows) rows = 1;
      for (std::size_t k = 0; k < rows; ++k) {
        const Pending& p = pending_[done + k];
        int c = static_cast<int>(k) * columns;
        st->bind(c + 1, p.id).bind(c + 2, p.value);
        if (columns == 3) st->bind(c + 3, p.extra);
      }
      st->run();
      done += rows;
    }
    pending_.clear();
  }

 private:
  struct Seen {
    const char* data = nullptr;
    std::size_t size = 0;
    std::int64_t id = 0;
  };
  struct Pending {
    std::int64_t id;
    std::string_view value;  // kept in texts_
    std::string_view extra;
  };
  static constexpr std::size_t kSeenInitial = 64;

  static std::size_t seen_slot_of(const char* p, std::size_t mask) {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(p) * 0x9E3779B97F4A7C15ULL >> 32) & mask;
  }

  std::string insert_sql(std::size_t rows) const {
    // OR FAIL (not the default ABORT): a failing multi-row statement need not undo its own earlier
    // rows, because the caller rolls the whole transaction back; so SQLite keeps no statement journal,
    // which would otherwise copy every index page the statement touches.
    std::string sql = extra_.empty() ? fmt::format("INSERT OR FAIL INTO {}(id, {}) VALUES ", table_, key_)
                                     : fmt::format("INSERT OR FAIL INTO {}(id, {}, {}) VALUES ", table_, key_, extra_);
    for (std::size_t r = 0; r < rows; ++r) {
      if (r > 0) sql += ',';
      sql += extra_.empty() ? "(?,?)" : "(?,?,?)";
    }
    return sql;
  }

  std::int64_t lookup(std::string_view value, std::string_view extra) {
    bool inserted = false;
    auto& slot = texts_.find_or_keep(ids_, value, inserted);
    if (!inserted) return slot.value;
    slot.value = next_id_++;
    pending_.push_back({slot.value, std::string_view(slot.data, slot.size), extra});
    return slot.value;
  }

  void grow_seen() {
    std::vector<Seen> old(seen_.size() * 2);
    old.swap(seen_);
    std::size_t mask = seen_.size() - 1;
    for (const Seen& s : old) {
      if (s.data == nullptr) continue;
      std::size_t i = seen_slot_of(s.data, mask);
      while (seen_[i].data != nullptr) i = (i + 1) & mask;
      seen_[i] = s;
    }
  }

  SqliteDb& db_;
  std::string table_, key_, extra_;
  TextMap<std::int64_t> ids_;  // value -> id, keys kept in texts_
  TextPool texts_;
  std::int64_t next_id_ = 1;
  std::vector<Pending> pending_;
  std::unique_ptr<SqliteStmt> insert_many_, insert_one_;
  std::vector<Seen> seen_ = std::vector<Seen>(kSeenInitial);  // this batch's addresses; keeps its size
  std::size_t seen_used_ = 0;
};

// Police.uk ids are 64 hex digits: stored as 32 bytes, which halves the largest column.
struct HexTable {
  signed char v[256];
  constexpr HexTable() : v{} {
    for (int c = 0; c < 256; ++c) v[c] = -1;
    for (int c = '0'; c <= '9'; ++c) v[c] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) v[c] = static_cast<signed char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) v[c] = static_cast<signed char>(c - 'A' + 10);
  }
};
constexpr HexTable kHex;

bool hex64_to_bytes(std::string_view hex, unsigned char* out) {
  if (hex.size() != 64) return false;
  int bad = 0;
  for (std::size_t i = 0; i < 32; ++i) {
    int hi = kHex.v[static_cast<unsigned char>(hex[2 * i])];
    int lo = kHex.v[static_cast<unsigned char>(hex[2 * i + 1])];
    bad |= hi | lo;
    out[i] = static_cast<unsigned char>((hi << 4) | (lo & 15));
  }
  return bad >= 0;
}

// Copies committed write-ahead-log frames into the database file on its own thread and its own
// connection while the ingest goes on, so the copying and its fsyncs overlap with parsing and
// inserting instead of all waiting for the end, and the WAL stays small: once every frame has been
// copied, the next write transaction starts the log again from its beginning. A PASSIVE checkpoint
// never blocks the writer and copies only committed transactions, so per-file atomicity is as
// before; whatever it has not copied when the store closes, the final checkpoint does.
class BackgroundCheckpointer {
 public:
  explicit BackgroundCheckpointer(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
      return;  // no background copying: the final checkpoint does it all
    }
    // A connection checkpoints only once it has opened the log, which its first read does.
    sqlite3_exec(db_, "PRAGMA synchronous=NORMAL; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    thread_ = std::thread([this] { run(); });
  }
  ~BackgroundCheckpointer() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    sqlite3_close(db_);
  }
  BackgroundCheckpointer(const BackgroundCheckpointer&) = delete;
  BackgroundCheckpointer& operator=(const BackgroundCheckpointer&) = delete;

  // A transaction was committed: copy what the log holds when the thread is next free.
  void committed() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++commits_;
    }
    wake_.notify_one();
  }

 private:
  void run() {
    std::uint64_t done = 0;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || commits_ != done; });
        if (stop_) return;
        done = commits_;
      }
      int log_frames = 0, copied = 0;
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames, &copied);
    }
  }

  sqlite3* db_ = nullptr;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t commits_ = 0;
  bool stop_ = false;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path)
      : db_(path),
        forces_(db_, "force_name"),
        crime_types_(db_, "crime_type"),
        outcomes_(db_, "outcome"),
        locations_(db_, "location"),
        lsoas_(db_, "lsoa_ref", "code", "name"),
        extract_texts_(db_, "extract_text", "text") {
    // WAL with synchronous=NORMAL: a committed batch survives a crash of csa; an uncommitted one
    // vanishes entirely, which is the per-file atomicity the ingest promises.
    // Larger pages: fewer write calls per batch; only takes effect when the file is created.
    db_.exec("PRAGMA page_size=16384");
    db_.exec("PRAGMA journal_mode=WAL");
    // No checkpoints on the writer's thread (each is a copy and two fsyncs): while batches are being
    // written a BackgroundCheckpointer copies the log, and the store's destructor does the last one.
    db_.exec("PRAGMA wal_autocheckpoint=0");
    db_.exec("PRAGMA synchronous=NORMAL");
    // 32 MiB of page cache: the ingest re-reads only the dictionaries' and tables' newest pages, and
    // the readers scan; a larger cache only raises the memory a national-scale load holds.
    db_.exec("PRAGMA cache_size=-32768");
    db_.exec("PRAGMA temp_store=MEMORY");
    version_ = migrate(db_);
    // The dictionaries are read by the first write_batch (data_version_ starts at -1): commands that
    // only read never pay for the tens of thousands of location names.
  }

  ~SqliteStore() override {
    // Let the background copying finish, then fold the rest of the write-ahead log into the database
    // file and empty the log, once, at the end of the session's writes.
    checkpointer_.reset();
    sqlite3_exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  int schema_version() const override { return version_; }
  std::string describe() const override { return fmt::format("SQLite file {}", db_.path()); }

  std::optional<BatchInfo> find_batch(const BatchKey& key) const override {
    SqliteStmt st(db_, std::string(kBatchSelect) + " WHERE kind=? AND force=? AND month=?");
    st.bind(1, std::string_view(key.kind)).bind(2, std::string_view(key.force)).bind(3, std::int64_t{key.month});
    if (!st.step()) return std::nullopt;
    return read_batch(st);
  }

  std::vector<BatchInfo> batches() const override {
    SqliteStmt st(db_, std::string(kBatchSelect) + " ORDER BY force, month");
    std::vector<BatchInfo> out;
    while (st.step()) out.push_back(read_batch(st));
    return out;
  }

  BatchWriteResult write_batch(BatchInfo info, const std::vector<IncidentRecord>& incidents,
                               const std::vector<QuarantineRecord>& quarantine) override {
    if (info.rows_read != info.rows_stored + info.rows_quarantined ||
        info.rows_stored != static_cast<std::int64_t>(incidents.size()) ||
        info.rows_quarantined != static_cast<std::int64_t>(quarantine.size())) {
      throw InternalError(fmt::format("{}: batch counts do not add up (read {} stored {} quarantined {})",
                                      info.source_path, info.rows_read, info.rows_stored, info.rows_quarantined));
    }
    BatchWriteResult result;
    try {
      // BEGIN IMMEDIATE takes the write lock first, so what is read below cannot change under us.
      SqliteTransaction tx(db_);
      // Another connection may have written since the dictionaries were read: then read them again.
      if (data_version() != data_version_) load_dictionaries();
      for (Dictionary* d : dictionaries()) d->begin_batch();
      std::optional<BatchInfo> previous = find_batch(info.key);
      if (previous && previous->content_hash == info.content_hash) {
        result.action = BatchWriteResult::Action::unchanged;
        result.batch_id = previous->id;
        result.previous = previous;
        log(info, "unchanged", previous->id, fmt::format("identical to the release loaded {}", previous->loaded_at));
        tx.commit();
        return result;
      }
      std::unordered_map<std::string, std::int64_t> old_outcomes;
      if (previous) {
        result.action = BatchWriteResult::Action::replaced;
        result.previous = previous;
        old_outcomes = crime_outcomes(previous->id);
        delete_batch(*previous);
      }
      info.loaded_at = utc_now();
      std::int64_t first_id = next_incident_id();
      insert_batch_row(info, first_id, first_id + static_cast<std::int64_t>(incidents.size()) - 1);
      std::int64_t batch_id = sqlite3_last_insert_rowid(db_.get());
      insert_incidents(batch_id, first_id, incidents, previous ? &old_outcomes : nullptr, result);
      for (Dictionary* d : dictionaries()) d->flush();
      insert_quarantine(batch_id, info.source_path, quarantine);
      if (previous) result.crimes_removed = static_cast<std::int64_t>(old_outcomes.size());
      log(info, previous ? "replaced" : "loaded", batch_id,
          previous ? fmt::format("replaced the release loaded {}: {} outcomes updated, {} crimes added, {} removed",
                                 previous->loaded_at, result.outcomes_updated, result.crimes_added,
                                 result.crimes_removed)
                   : std::string());
      tx.commit();
      result.batch_id = batch_id;
    } catch (...) {
      load_dictionaries();  // ids given out during the rolled-back transaction are gone
      throw;
    }
    start_checkpointer();
    return result;
  }

  std::vector<QuarantineSummary> quarantine_summary() const override {
    SqliteStmt st(db_, "SELECT source_path, reason, count(*) FROM (SELECT source_path, reason FROM quarantine "
                       "UNION ALL SELECT source_path, reason FROM extract_quarantine) "
                       "GROUP BY source_path, reason ORDER BY source_path, reason");
    std::vector<QuarantineSummary> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2)});
    return out;
  }

  std::vector<QuarantineRecord> quarantine_rows(const std::string& file, std::int64_t limit) const override {
    SqliteStmt st(db_, "SELECT line, reason, raw FROM (SELECT source_path, line, reason, raw FROM quarantine "
                       "UNION ALL SELECT source_path, line, reason, raw FROM extract_quarantine) "
                       "WHERE (?1 = '' OR source_path = ?1) ORDER BY source_path, line LIMIT ?2");
    st.bind(1, std::string_view(file)).bind(2, limit);
    std::vector<QuarantineRecord> out;
    while (st.step()) out.push_back({st.int64(0), st.text(1), st.text(2)});
    return out;
  }

  void scan_incidents(int first_month, int last_month,
                      const std::function<void(const IncidentView&)>& sink) const override {
    std::vector<std::string> crime_types = texts_by_id("crime_type", "name");
    std::vector<std::string> outcomes = texts_by_id("outcome", "name");
    std::vector<std::string> lsoas = texts_by_id("lsoa_ref", "code");
    static const std::string empty;
    SqliteStmt st(db_,
                  "SELECT batch_id, month, crime_type_id, lsoa_id, outcome_id, lon, lat FROM incident "
                  "WHERE (?1 = 0 OR month >= ?1) AND (?2 = 0 OR month <= ?2)");
    st.bind(1, std::int64_t{first_month}).bind(2, std::int64_t{last_month});
    while (st.step()) {
      IncidentView v{};
      v.batch_id = st.int64(0);
      v.month = static_cast<int>(st.int64(1));
      v.crime_type = &crime_types.at(static_cast<std::size_t>(st.int64(2)));
      v.lsoa_code = st.is_null(3) ? &empty : &lsoas.at(static_cast<std::size_t>(st.int64(3)));
      v.outcome = st.is_null(4) ? &empty : &outcomes.at(static_cast<std::size_t>(st.int64(4)));
      if (!st.is_null(5) && !st.is_null(6)) {
        v.lon = st.real(5);
        v.lat = st.real(6);
      }
      sink(v);
    }
  }

  void scan_incident_counts(const std::function<void(const IncidentCountView&)>& sink) const override {
    std::vector<std::string> crime_types = texts_by_id("crime_type", "name");
    std::vector<std::string> lsoas = texts_by_id("lsoa_ref", "code");
    static const std::string empty;
    SqliteStmt st(db_, "SELECT c.batch_id, c.counts FROM batch_count c JOIN batch b ON b.id = c.batch_id");
    while (st.step()) {
      std::int64_t batch_id = st.int64(0);
      for (const BatchCount& c : decode_batch_counts(st.blob(1), batch_id)) {
        IncidentCountView v{};
        v.batch_id = batch_id;
        v.month = c.month;
        v.crime_type = &crime_types.at(static_cast<std::size_t>(c.crime_type_id));
        v.lsoa_code = c.lsoa_id == 0 ? &empty : &lsoas.at(static_cast<std::size_t>(c.lsoa_id));
        v.located = c.located;
        v.count = c.count;
        sink(v);
      }
    }
  }

  std::int64_t incident_count() const override {
    SqliteStmt st(db_, "SELECT count(*) FROM incident");
    st.step();
    return st.int64(0);
  }

  void replace_areas(const std::vector<std::string>& levels, const std::vector<AreaRecord>& areas,
                     const GeographySource& source) override {
    SqliteTransaction tx(db_);
    SqliteStmt del(db_, "DELETE FROM area WHERE level = ?");
    for (const auto& level : levels) del.bind(1, std::string_view(level)).run();
    SqliteStmt ins(db_, "INSERT OR REPLACE INTO area(code, name, level, parent_code) VALUES (?,?,?,?)");
    for (const auto& a : areas) {
      ins.bind(1, std::string_view(a.code)).bind(2, std::string_view(a.name)).bind(3, std::string_view(a.level));
      ins.bind_text_or_null(4, a.parent_code).run();
    }
    record_source(source);
    refresh_area_snapshot(db_);
    tx.commit();
  }

  void replace_population(const std::vector<PopulationRecord>& rows, const GeographySource& source) override {
    SqliteTransaction tx(db_);
    db_.exec("DELETE FROM population");
    SqliteStmt ins(db_, "INSERT INTO population(area_code, population) VALUES (?,?)");
    for (const auto& r : rows) ins.bind(1, std::string_view(r.area_code)).bind(2, r.population).run();
    record_source(source);
    refresh_area_snapshot(db_);
    tx.commit();
  }

  void replace_boundaries(const std::string& level, const std::vector<BoundaryRecord>& rows,
                          const GeographySource& source) override {
    SqliteTransaction tx(db_);
    SqliteStmt del(db_, "DELETE FROM boundary WHERE level = ?");
    del.bind(1, std::string_view(level)).run();
    SqliteStmt ins(db_, "INSERT OR REPLACE INTO boundary(level, code, name, wkb) VALUES (?,?,?,?)");
    for (const auto& r : rows) {
      ins.bind(1, std::string_view(level)).bind(2, std::string_view(r.code)).bind(3, std::string_view(r.name));
      ins.bind_blob(4, r.wkb.data(), static_cast<int>(r.wkb.size())).run();
    }
    record_source(source);
    tx.commit();
  }

  std::vector<AreaRecord> areas() const override {
    SqliteStmt st(db_, "SELECT code, name, level, coalesce(parent_code, '') FROM area ORDER BY level, code");
    std::vector<AreaRecord> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
    return out;
  }

  AreaTable area_table() const override {
    SqliteStmt st(db_, "SELECT areas FROM area_snapshot WHERE id = 1");
    if (st.step()) return decode_area_table(st.blob(0));
    return read_area_table(db_);
  }

  std::vector<PopulationRecord> population() const override {
    SqliteStmt st(db_, "SELECT area_code, population FROM population ORDER BY area_code");
    std::vector<PopulationRecord> out;
    while (st.step()) out.push_back({st.text(0), st.int64(1)});
    return out;
  }

  std::vector<BoundaryRecord> boundaries(const std::string& level) const override {
    SqliteStmt st(db_, "SELECT level, code, name, wkb FROM boundary WHERE level = ? ORDER BY code");
    st.bind(1, std::string_view(level));
    std::vector<BoundaryRecord> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), std::string(st.blob(3))});
    return out;
  }

  std::vector<GeographySource> geography_sources() const override {
    SqliteStmt st(db_, "SELECT kind, path, label, rows_read, rows_kept, rows_rejected, loaded_at "
                       "FROM geography_source ORDER BY kind");
    std::vector<GeographySource> out;
    while (st.step()) {
      out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4), st.int64(5), st.text(6)});
    }
    return out;
  }


  ExtractWriteResult write_extract_batch(ExtractBatchInfo info, const std::vector<extract::Record>& records,
                                         const std::vector<QuarantineRecord>& quarantine) override {
    return write_extract(
        std::move(info),
        [&](std::int64_t batch_id, std::int64_t first_id) {
          insert_records(batch_id, first_id, records);
          return static_cast<std::int64_t>(records.size());
        },
        [&](ExtractBatchInfo&) -> const std::vector<QuarantineRecord>& { return quarantine; });
  }

  ExtractWriteResult write_extract_stream(ExtractBatchInfo info, ExtractStream& stream) override {
    std::vector<QuarantineRecord> quarantine;
    return write_extract(
        std::move(info),
        [&](std::int64_t batch_id, std::int64_t first_id) {
          std::vector<extract::Record> chunk;
          std::int64_t n = 0;
          while (stream.next(chunk)) {
            insert_records(batch_id, first_id + n, chunk);
            n += static_cast<std::int64_t>(chunk.size());
          }
          return n;
        },
        [&](ExtractBatchInfo& i) -> const std::vector<QuarantineRecord>& {
          stream.finish(i, quarantine);
          return quarantine;
        });
  }

  ExtractWriteResult write_series_batch(ExtractBatchInfo info, const std::vector<extract::SeriesValue>& values,
                                        const std::vector<QuarantineRecord>& quarantine) override {
    // A series batch counts rows (categories), each holding one value per period: no record ids.
    std::int64_t rows = info.rows_stored;
    return write_extract(
        std::move(info),
        [&](std::int64_t batch_id, std::int64_t) {
          SqliteStmt ins(db_, "INSERT INTO series_value(batch_id, series, category, period, value) VALUES (?,?,?,?,?)");
          for (const auto& v : values) {
            ins.bind(1, batch_id).bind(2, std::string_view(v.series));
            ins.bind(3, std::string_view(v.category)).bind(4, std::string_view(v.period));
            ins.bind(5, v.value).run();
          }
          return rows;
        },
        [&](ExtractBatchInfo&) -> const std::vector<QuarantineRecord>& { return quarantine; });
  }

  std::vector<ExtractBatchInfo> extract_batches() const override {
    SqliteStmt st(db_, std::string(kExtractBatchSelect) + " ORDER BY kind, source, file_name");
    std::vector<ExtractBatchInfo> out;
    while (st.step()) out.push_back(read_extract_batch(st));
    return out;
  }

  void scan_extract_records(std::string_view kind,
                            const std::function<void(std::int64_t, extract::Record&&)>& sink) const override {
    std::vector<std::string> texts = texts_by_id("extract_text", "text");
    auto text = [&](const SqliteStmt& st, int col) {
      return st.is_null(col) ? std::string() : texts.at(static_cast<std::size_t>(st.int64(col)));
    };
    SqliteStmt st(db_,
                  "SELECT r.batch_id, r.line, r.reference, r.code_id, r.description_id, r.subtype_id, r.start_at, "
                  "r.recorded_at, r.attributes, r.easting, r.northing, r.lsoa_id, r.ward_id, r.victim_id, "
                  "r.offender_id, r.free_text "
                  "FROM extract_batch b JOIN extract_record r ON r.id BETWEEN b.first_record_id AND b.last_record_id "
                  "WHERE b.kind = ? ORDER BY b.id, r.id");
    st.bind(1, kind);
    while (st.step()) {
      extract::Record r;
      r.line = st.int64(1);
      r.reference = st.is_null(2) ? std::string() : st.text(2);
      r.code = text(st, 3);
      r.description = text(st, 4);
      r.subtype = text(st, 5);
      auto at = [&](int col) { return st.is_null(col) ? std::nullopt : std::optional<std::int64_t>(st.int64(col)); };
      extract_layout::unpack(at(6), at(7), st.int64(8), r);
      if (!st.is_null(9) && !st.is_null(10)) {
        r.easting = st.real(9);
        r.northing = st.real(10);
      }
      r.lsoa_code = text(st, 11);
      r.ward_code = text(st, 12);
      if (!st.is_null(13)) r.victim_id = st.text(13);
      if (!st.is_null(14)) r.offender_id = st.text(14);
      if (!st.is_null(15)) r.free_text = st.text(15);
      sink(st.int64(0), std::move(r));
    }
  }

  std::vector<extract::SeriesValue> series_values(std::string_view series) const override {
    SqliteStmt st(db_, "SELECT series, category, period, value FROM series_value WHERE series = ? ORDER BY batch_id, id");
    st.bind(1, series);
    std::vector<extract::SeriesValue> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.real(3)});
    return out;
  }

  std::vector<std::string> series_names() const override {
    SqliteStmt st(db_, "SELECT DISTINCT series FROM series_value ORDER BY series");
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
  }

 private:
  static constexpr std::string_view kExtractBatchSelect =
      "SELECT id, kind, source, file_name, synthetic, source_path, content_hash, file_bytes, rows_read, rows_stored, "
      "rows_quarantined, loaded_at FROM extract_batch";

  static ExtractBatchInfo read_extract_batch(const SqliteStmt& st) {
    ExtractBatchInfo b;
    b.id = st.int64(0);
    b.kind = st.text(1);
    b.source = st.text(2);
    b.file_name = st.text(3);
    b.synthetic = st.int64(4) != 0;
    b.source_path = st.text(5);
    b.content_hash = st.text(6);
    b.file_bytes = st.int64(7);
    b.rows_read = st.int64(8);
    b.rows_stored = st.int64(9);
    b.rows_quarantined = st.int64(10);
    b.loaded_at = st.text(11);
    return b;
  }

  // One extract batch in one transaction: unchanged, loaded, or the older release replaced.
  // insert_rows(batch_id, first_record_id) writes the rows and returns how many it stored;
  // finish(info) then completes info's counts and returns the quarantined rows.
  template <typename InsertRows, typename Finish>
  ExtractWriteResult write_extract(ExtractBatchInfo info, InsertRows insert_rows, Finish finish) {
    ExtractWriteResult result;
    // The background checkpointer's connection would keep the switch to the rollback journal from
    // being granted; the switch copies whatever the log still holds.
    if (SqliteBulkWrite::wants_rollback_journal(info.file_bytes)) checkpointer_.reset();
    SqliteBulkWrite bulk(db_, info.file_bytes);
    try {
      SqliteTransaction tx(db_);
      if (data_version() != data_version_) load_dictionaries();
      for (Dictionary* d : dictionaries()) d->begin_batch();
      extract_text_ids_.clear();  // the numbers of the batch's texts start again from 0
      SqliteStmt find(db_, std::string(kExtractBatchSelect) + " WHERE kind=? AND source=? AND file_name=?");
      find.bind(1, std::string_view(info.kind)).bind(2, std::string_view(info.source));
      find.bind(3, std::string_view(info.file_name));
      std::optional<ExtractBatchInfo> previous;
      if (find.step()) previous = read_extract_batch(find);
      find.reset();
      // An empty hash: the file was not loaded when the caller looked, so it is taken while reading
      // and known only at the end (finish()); if another process has loaded it since, it is replaced.
      if (previous && !info.content_hash.empty() && previous->content_hash == info.content_hash) {
        result.action = BatchWriteResult::Action::unchanged;
        result.batch_id = previous->id;
        result.previous = previous;
        info.rows_read = previous->rows_read;
        info.rows_stored = previous->rows_stored;
        info.rows_quarantined = previous->rows_quarantined;
        log_extract(info, "unchanged", previous->id, fmt::format("identical to the release loaded {}", previous->loaded_at));
        tx.commit();
        return result;
      }
      if (previous) {
        result.action = BatchWriteResult::Action::replaced;
        result.previous = previous;
        SqliteStmt del(db_, "DELETE FROM extract_record WHERE id BETWEEN (SELECT first_record_id FROM extract_batch "
                            "WHERE id = ?1) AND (SELECT last_record_id FROM extract_batch WHERE id = ?1)");
        del.bind(1, previous->id).run();
        for (const char* sql : {"DELETE FROM extract_quarantine WHERE batch_id = ?", "DELETE FROM series_value WHERE batch_id = ?",
                                "DELETE FROM extract_batch WHERE id = ?"}) {
          SqliteStmt d(db_, sql);
          d.bind(1, previous->id).run();
        }
      }
      info.loaded_at = utc_now();
      SqliteStmt next(db_, "SELECT coalesce(max(id), 0) + 1 FROM extract_record");
      next.step();
      std::int64_t first_id = next.int64(0);
      // The counts (and the hash of a file hashed while read) are written once the rows are in.
      SqliteStmt ins(db_,
                     "INSERT INTO extract_batch(kind, source, file_name, synthetic, source_path, content_hash, file_bytes, "
                     "rows_read, rows_stored, rows_quarantined, loaded_at) VALUES (?,?,?,?,?,?,?,0,0,0,?)");
      ins.bind(1, std::string_view(info.kind)).bind(2, std::string_view(info.source));
      ins.bind(3, std::string_view(info.file_name)).bind(4, std::int64_t{info.synthetic ? 1 : 0});
      ins.bind(5, std::string_view(info.source_path)).bind(6, std::string_view(info.content_hash));
      ins.bind(7, info.file_bytes).bind(8, std::string_view(info.loaded_at)).run();
      std::int64_t batch_id = sqlite3_last_insert_rowid(db_.get());
      std::int64_t stored = insert_rows(batch_id, first_id);
      const std::vector<QuarantineRecord>& quarantine = finish(info);
      if (info.rows_read != info.rows_stored + info.rows_quarantined || info.rows_stored != stored ||
          info.rows_quarantined != static_cast<std::int64_t>(quarantine.size())) {
        throw InternalError(fmt::format("{}: extract counts do not add up (read {} stored {} quarantined {}; {} rows "
                                        "written, {} quarantined)",
                                        info.source_path, info.rows_read, info.rows_stored, info.rows_quarantined,
                                        stored, quarantine.size()));
      }
      bool has_records = info.kind != "series" && stored > 0;
      if (info.content_hash.empty()) {
        throw InternalError(fmt::format("{}: no content hash once the file was read", info.source_path));
      }
      SqliteStmt upd(db_, "UPDATE extract_batch SET rows_read = ?, rows_stored = ?, rows_quarantined = ?, "
                          "first_record_id = ?, last_record_id = ?, content_hash = ?, file_bytes = ? WHERE id = ?");
      upd.bind(1, info.rows_read).bind(2, info.rows_stored).bind(3, info.rows_quarantined);
      if (has_records) {
        upd.bind(4, first_id).bind(5, first_id + stored - 1);
      } else {
        upd.bind_null(4).bind_null(5);
      }
      upd.bind(6, std::string_view(info.content_hash)).bind(7, info.file_bytes).bind(8, batch_id).run();
      for (Dictionary* d : dictionaries()) d->flush();
      SqliteStmt q(db_, "INSERT INTO extract_quarantine(batch_id, source_path, line, reason, raw) VALUES (?,?,?,?,?)");
      for (const auto& row : quarantine) {
        q.bind(1, batch_id).bind(2, std::string_view(info.source_path)).bind(3, row.line);
        q.bind(4, std::string_view(row.reason)).bind(5, std::string_view(row.raw)).run();
      }
      log_extract(info, previous ? "replaced" : "loaded", batch_id,
                  previous ? fmt::format("replaced the release loaded {}", previous->loaded_at) : std::string());
      tx.commit();
      result.batch_id = batch_id;
    } catch (...) {
      load_dictionaries();  // ids given out during the rolled-back transaction are gone
      throw;
    }
    if (!bulk.rollback_journal()) start_checkpointer();  // else the log is empty
    return result;
  }

  void log_extract(const ExtractBatchInfo& info, std::string_view action, std::int64_t batch_id, const std::string& note) {
    BatchInfo b;
    b.source_path = info.source_path;
    b.rows_read = info.rows_read;
    b.rows_stored = info.rows_stored;
    b.rows_quarantined = info.rows_quarantined;
    log(b, action, batch_id, note);
  }

  // As insert_incidents: kRecordsPerInsert rows per multi-row INSERT, ids appended consecutively.
  // Row k's kRecordParams values after the batch id are parameters 2 + 15k ... 16 + 15k; ?1 is the batch id.
  static constexpr int kRecordParams = 15;  // besides the batch id, shared by a statement's rows
  static constexpr int kRecordsPerInsert = 32;

  static std::string record_insert_sql(int rows) {
    std::string sql =
        "INSERT OR FAIL INTO extract_record(batch_id, line, reference, code_id, description_id, subtype_id, start_at, "
        "recorded_at, attributes, easting, northing, lsoa_id, ward_id, victim_id, offender_id, free_text) VALUES ";
    for (int r = 0; r < rows; ++r) {
      sql += r == 0 ? "(?1" : ",(?1";
      for (int c = 0; c < kRecordParams; ++c) sql += ",?";
      sql += ')';
    }
    return sql;
  }

  // The extract_text id of a record's coded text. A text the parser numbered (extract/text_numbering.hpp)
  // is found by its number, an index, once its first record has been seen: numbers are given in file
  // order, so the first record with a new number comes before any other with it.
  std::int64_t extract_text_id(const std::string& text, std::uint32_t key) {
    if (key == extract::kNoTextKey) return extract_texts_.id_by_text(text);
    if (key < extract_text_ids_.size()) return extract_text_ids_[key];
    if (key != extract_text_ids_.size()) {
      throw InternalError(fmt::format("extract text number {} came before number {}", key, extract_text_ids_.size()));
    }
    extract_text_ids_.push_back(extract_texts_.id_by_text(text));
    return extract_text_ids_.back();
  }

  // Records in the layout of store/extract_record_layout.hpp.
  void insert_records(std::int64_t batch_id, std::int64_t first_id, const std::vector<extract::Record>& records) {
    if (!record_many_) record_many_ = std::make_unique<RawStmt>(db_, record_insert_sql(kRecordsPerInsert));
    if (!record_one_) record_one_ = std::make_unique<RawStmt>(db_, record_insert_sql(1));
    sqlite3_bind_int64(record_many_->get(), 1, batch_id);
    sqlite3_bind_int64(record_one_->get(), 1, batch_id);
    auto text_or_null = [](sqlite3_stmt* st, int i, const std::string& s) {
      if (s.empty()) sqlite3_bind_null(st, i);
      else sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    };
    auto id_or_null = [this](sqlite3_stmt* st, int i, const std::string& s, std::uint32_t key) {
      if (s.empty()) sqlite3_bind_null(st, i);
      else sqlite3_bind_int64(st, i, extract_text_id(s, key));
    };
    auto at_or_null = [](sqlite3_stmt* st, int i, std::int32_t day, std::int16_t minute) {
      if (auto at = extract_layout::pack_at(day, minute)) sqlite3_bind_int64(st, i, *at);
      else sqlite3_bind_null(st, i);
    };
    const std::size_t n = records.size();
    std::size_t done = 0;
    while (done < n) {
      bool full = n - done >= static_cast<std::size_t>(kRecordsPerInsert);
      RawStmt& ins = full ? *record_many_ : *record_one_;
      sqlite3_stmt* st = ins.get();
      std::size_t rows = full ? static_cast<std::size_t>(kRecordsPerInsert) : 1;
      for (std::size_t k = 0; k < rows; ++k) {
        const extract::Record& r = records[done + k];
        int c = static_cast<int>(k) * kRecordParams + 1;
        sqlite3_bind_int64(st, c + 1, r.line);
        text_or_null(st, c + 2, r.reference);
        id_or_null(st, c + 3, r.code, r.text_keys[extract::text_code]);
        id_or_null(st, c + 4, r.description, r.text_keys[extract::text_description]);
        id_or_null(st, c + 5, r.subtype, r.text_keys[extract::text_subtype]);
        at_or_null(st, c + 6, r.start_day, r.start_minute);
        at_or_null(st, c + 7, r.recorded_day, r.recorded_minute);
        sqlite3_bind_int64(st, c + 8, extract_layout::pack_attributes(r));
        if (r.located()) {
          sqlite3_bind_double(st, c + 9, r.easting);
          sqlite3_bind_double(st, c + 10, r.northing);
        } else {
          sqlite3_bind_null(st, c + 9);
          sqlite3_bind_null(st, c + 10);
        }
        id_or_null(st, c + 11, r.lsoa_code, r.text_keys[extract::text_lsoa]);
        id_or_null(st, c + 12, r.ward_code, r.text_keys[extract::text_ward]);
        text_or_null(st, c + 13, r.victim_id);
        text_or_null(st, c + 14, r.offender_id);
        text_or_null(st, c + 15, r.free_text);
      }
      ins.run();
      done += rows;
    }
    if (n > 0) {
      std::int64_t last = sqlite3_last_insert_rowid(db_.get());
      if (last != first_id + static_cast<std::int64_t>(n) - 1) {
        throw InternalError(fmt::format("extract record ids of batch {} are not consecutive: expected {}..{}, last is {}",
                                        batch_id, first_id, first_id + static_cast<std::int64_t>(n) - 1, last));
      }
    }
  }

  static constexpr std::string_view kBatchSelect =
      "SELECT id, kind, force, month, source_path, content_hash, file_bytes, rows_read, rows_stored, "
      "rows_quarantined, loaded_at FROM batch";

  // After each commit (on the writer's thread): once the log holds kCheckpointFrames pages (4 MiB),
  // wake the background checkpointer. Not after every commit: when the log has been copied
  // completely the next transaction restarts it, and a restart costs the writer an fsync.
  static constexpr int kCheckpointFrames = 256;

  // Once a batch has been written to a database file (not for a session that only reads).
  void start_checkpointer() noexcept {
    if (checkpointer_ || db_.path().empty() || db_.path() == ":memory:") return;
    try {
      checkpointer_ = std::make_unique<BackgroundCheckpointer>(db_.path());
      sqlite3_wal_hook(db_.get(), &SqliteStore::wal_committed, this);
    } catch (...) {
      checkpointer_.reset();  // no thread to be had: the final checkpoint copies everything
    }
  }

  static int wal_committed(void* self, sqlite3*, const char*, int frames) {
    auto* store = static_cast<SqliteStore*>(self);
    if (store->checkpointer_ && frames >= kCheckpointFrames) store->checkpointer_->committed();
    return SQLITE_OK;
  }

  static BatchInfo read_batch(const SqliteStmt& st) {
    BatchInfo b;
    b.id = st.int64(0);
    b.key = {st.text(1), st.text(2), static_cast<int>(st.int64(3))};
    b.source_path = st.text(4);
    b.content_hash = st.text(5);
    b.file_bytes = st.int64(6);
    b.rows_read = st.int64(7);
    b.rows_stored = st.int64(8);
    b.rows_quarantined = st.int64(9);
    b.loaded_at = st.text(10);
    return b;
  }

  // A dictionary table's texts indexed by id, read from the file (not the writer's in-memory copy,
  // which is loaded only by the first write and may be older than another connection's writes).
  std::vector<std::string> texts_by_id(std::string_view table, std::string_view column) const {
    std::vector<std::string> texts;
    SqliteStmt st(db_, fmt::format("SELECT id, {} FROM {}", column, table));
    while (st.step()) {
      auto id = static_cast<std::size_t>(st.int64(0));
      if (texts.size() <= id) texts.resize(id + 1);
      texts[id] = st.text(1);
    }
    return texts;
  }

  std::array<Dictionary*, 6> dictionaries() {
    return {&forces_, &crime_types_, &outcomes_, &locations_, &lsoas_, &extract_texts_};
  }

  std::int64_t data_version() const {
    SqliteStmt st(db_, "PRAGMA data_version");
    st.step();
    return st.int64(0);
  }

  void load_dictionaries() {
    for (Dictionary* d : dictionaries()) d->load();
    data_version_ = data_version();
  }

  std::int64_t next_incident_id() {
    SqliteStmt st(db_, "SELECT coalesce(max(id), 0) + 1 FROM incident");
    st.step();
    return st.int64(0);
  }

  // Crime ID -> outcome id of a loaded batch, to report what a newer release changed.
  std::unordered_map<std::string, std::int64_t> crime_outcomes(std::int64_t batch_id) {
    SqliteStmt st(db_, "SELECT i.crime_id, coalesce(i.outcome_id, 0) FROM incident i JOIN batch b ON b.id = ?1 "
                       "WHERE i.id BETWEEN b.first_incident_id AND b.last_incident_id AND i.crime_id IS NOT NULL");
    st.bind(1, batch_id);
    std::unordered_map<std::string, std::int64_t> out;
    while (st.step()) out.emplace(std::string(st.blob(0)), st.int64(1));
    return out;
  }

  void delete_batch(const BatchInfo& b) {
    SqliteStmt del(db_, "DELETE FROM incident WHERE id BETWEEN (SELECT first_incident_id FROM batch WHERE id = ?1) "
                        "AND (SELECT last_incident_id FROM batch WHERE id = ?1)");
    del.bind(1, b.id).run();
    SqliteStmt delq(db_, "DELETE FROM quarantine WHERE batch_id = ?");
    delq.bind(1, b.id).run();
    SqliteStmt delc(db_, "DELETE FROM batch_count WHERE batch_id = ?");
    delc.bind(1, b.id).run();
    SqliteStmt delb(db_, "DELETE FROM batch WHERE id = ?");
    delb.bind(1, b.id).run();
  }

  void insert_batch_row(const BatchInfo& info, std::int64_t first_id, std::int64_t last_id) {
    SqliteStmt st(db_,
                  "INSERT INTO batch(kind, force, month, source_path, content_hash, file_bytes, rows_read, "
                  "rows_stored, rows_quarantined, first_incident_id, last_incident_id, loaded_at) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, std::string_view(info.key.kind)).bind(2, std::string_view(info.key.force));
    st.bind(3, std::int64_t{info.key.month}).bind(4, std::string_view(info.source_path));
    st.bind(5, std::string_view(info.content_hash)).bind(6, info.file_bytes).bind(7, info.rows_read);
    st.bind(8, info.rows_stored).bind(9, info.rows_quarantined);
    if (last_id >= first_id) {
      st.bind(10, first_id).bind(11, last_id);
    } else {
      st.bind_null(10).bind_null(11);
    }
    st.bind(12, std::string_view(info.loaded_at)).run();
  }

  // Rows go in kRowsPerInsert at a time through one multi-row INSERT, so SQLite's per-statement
  // cost (step, reset, opcode dispatch) is paid once per chunk, not per row. The id column is left to
  // SQLite, which appends max(id)+1, max(id)+2, ...: the batch's consecutive range, checked below.
  // Every row's batch_id is parameter ?1, bound once per batch; row k's other 12 values are
  // parameters 2 + 12k ... 13 + 12k.
  static constexpr int kIncidentColumns = 12;
  static constexpr int kRowsPerInsert = 64;

  static std::string incident_insert_sql(int rows) {
    // OR FAIL: no statement journal (see Dictionary::insert_sql); any failure rolls back the batch.
    std::string sql =
        "INSERT OR FAIL INTO incident(batch_id, line, crime_id, month, reported_by, falls_within, lon, lat, location_id, "
        "lsoa_id, crime_type_id, outcome_id, context) VALUES ";
    for (int r = 0; r < rows; ++r) sql += r == 0 ? "(?1,?,?,?,?,?,?,?,?,?,?,?,?)" : ",(?1,?,?,?,?,?,?,?,?,?,?,?,?)";
    return sql;
  }

  void insert_incidents(std::int64_t batch_id, std::int64_t first_id, const std::vector<IncidentRecord>& incidents,
                        std::unordered_map<std::string, std::int64_t>* old_outcomes, BatchWriteResult& result) {
    if (!insert_many_) insert_many_ = std::make_unique<RawStmt>(db_, incident_insert_sql(kRowsPerInsert));
    if (!insert_one_) insert_one_ = std::make_unique<RawStmt>(db_, incident_insert_sql(1));
    sqlite3_bind_int64(insert_many_->get(), 1, batch_id);
    sqlite3_bind_int64(insert_one_->get(), 1, batch_id);
    std::array<std::array<unsigned char, 32>, kRowsPerInsert> id_bytes;
    BatchCountAccumulator counts;
    const std::size_t n = incidents.size();
    std::size_t done = 0;
    while (done < n) {
      bool full = n - done >= static_cast<std::size_t>(kRowsPerInsert);
      RawStmt& ins = full ? *insert_many_ : *insert_one_;
      sqlite3_stmt* st = ins.get();
      std::size_t rows = full ? static_cast<std::size_t>(kRowsPerInsert) : 1;
      for (std::size_t k = 0; k < rows; ++k) {
        const IncidentRecord& r = incidents[done + k];
        int c = static_cast<int>(k) * kIncidentColumns;
        sqlite3_bind_int64(st, c + 2, r.line);
        std::string_view key;  // the stored Crime ID, to match an older release's
        if (r.crime_id.empty()) {
          sqlite3_bind_null(st, c + 3);
        } else if (hex64_to_bytes(r.crime_id, id_bytes[k].data())) {
          sqlite3_bind_blob(st, c + 3, id_bytes[k].data(), 32, SQLITE_STATIC);
          key = std::string_view(reinterpret_cast<const char*>(id_bytes[k].data()), 32);
        } else {
          sqlite3_bind_text(st, c + 3, r.crime_id.data(), static_cast<int>(r.crime_id.size()), SQLITE_STATIC);
          key = r.crime_id;
        }
        sqlite3_bind_int64(st, c + 4, r.month);
        sqlite3_bind_int64(st, c + 5, forces_.id(r.reported_by));
        sqlite3_bind_int64(st, c + 6, forces_.id(r.falls_within));
        if (r.lon && r.lat) {
          sqlite3_bind_double(st, c + 7, *r.lon);
          sqlite3_bind_double(st, c + 8, *r.lat);
        } else {
          sqlite3_bind_null(st, c + 7);
          sqlite3_bind_null(st, c + 8);
        }
        if (r.location.empty()) sqlite3_bind_null(st, c + 9); else sqlite3_bind_int64(st, c + 9, locations_.id(r.location));
        std::int64_t lsoa_id = r.lsoa_code.empty() ? 0 : lsoas_.id(r.lsoa_code, r.lsoa_name);
        if (lsoa_id == 0) sqlite3_bind_null(st, c + 10); else sqlite3_bind_int64(st, c + 10, lsoa_id);
        std::int64_t crime_type_id = crime_types_.id(r.crime_type);
        sqlite3_bind_int64(st, c + 11, crime_type_id);
        counts.add(lsoa_id, r.month, crime_type_id, r.lon && r.lat);
        std::int64_t outcome_id = r.outcome.empty() ? 0 : outcomes_.id(r.outcome);
        if (outcome_id == 0) sqlite3_bind_null(st, c + 12); else sqlite3_bind_int64(st, c + 12, outcome_id);
        if (r.context.empty()) {
          sqlite3_bind_null(st, c + 13);
        } else {
          sqlite3_bind_text(st, c + 13, r.context.data(), static_cast<int>(r.context.size()), SQLITE_STATIC);
        }
        if (old_outcomes && !key.empty()) {
          auto it = old_outcomes->find(std::string(key));
          if (it == old_outcomes->end()) {
            ++result.crimes_added;
          } else {
            if (it->second != outcome_id) ++result.outcomes_updated;
            old_outcomes->erase(it);
          }
        }
      }
      ins.run();
      done += rows;
    }
    if (n > 0) {
      std::int64_t last = sqlite3_last_insert_rowid(db_.get());
      if (last != first_id + static_cast<std::int64_t>(n) - 1) {
        throw InternalError(fmt::format("incident ids of batch {} are not consecutive: expected {}..{}, last is {}",
                                        batch_id, first_id, first_id + static_cast<std::int64_t>(n) - 1, last));
      }
    }
    std::string blob = counts.encode();
    SqliteStmt ins(db_, "INSERT INTO batch_count(batch_id, counts) VALUES (?, ?)");
    ins.bind(1, batch_id).bind_blob(2, blob.data(), static_cast<int>(blob.size())).run();
  }

  void insert_quarantine(std::int64_t batch_id, const std::string& path, const std::vector<QuarantineRecord>& rows) {
    SqliteStmt ins(db_, "INSERT INTO quarantine(batch_id, source_path, line, reason, raw) VALUES (?,?,?,?,?)");
    for (const auto& q : rows) {
      ins.bind(1, batch_id).bind(2, std::string_view(path)).bind(3, q.line);
      ins.bind(4, std::string_view(q.reason)).bind(5, std::string_view(q.raw)).run();
    }
  }

  void log(const BatchInfo& info, std::string_view action, std::int64_t batch_id, const std::string& note) {
    SqliteStmt st(db_, "INSERT INTO ingest_log(at, source_path, action, batch_id, rows_read, rows_stored, "
                       "rows_quarantined, note) VALUES (?,?,?,?,?,?,?,?)");
    st.bind(1, std::string_view(utc_now())).bind(2, std::string_view(info.source_path)).bind(3, action);
    st.bind(4, batch_id).bind(5, info.rows_read).bind(6, info.rows_stored).bind(7, info.rows_quarantined);
    st.bind_text_or_null(8, note).run();
  }

  void record_source(const GeographySource& s) {
    SqliteStmt st(db_, "INSERT OR REPLACE INTO geography_source(kind, path, label, rows_read, rows_kept, "
                       "rows_rejected, loaded_at) VALUES (?,?,?,?,?,?,?)");
    st.bind(1, std::string_view(s.kind)).bind(2, std::string_view(s.path)).bind(3, std::string_view(s.label));
    st.bind(4, s.rows_read).bind(5, s.rows_kept).bind(6, s.rows_rejected).bind(7, std::string_view(utc_now())).run();
  }

  mutable SqliteDb db_;
  int version_ = 0;
  std::int64_t data_version_ = -1;  // PRAGMA data_version when the dictionaries were read; -1: not yet
  Dictionary forces_, crime_types_, outcomes_, locations_, lsoas_, extract_texts_;
  std::unique_ptr<RawStmt> insert_many_, insert_one_;
  std::unique_ptr<RawStmt> record_many_, record_one_;  // finalized before db_ closes (declared after it)
  std::vector<std::int64_t> extract_text_ids_;  // extract_text ids by the batch's text numbers
  std::unique_ptr<BackgroundCheckpointer> checkpointer_;  // started by the first batch written
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  // SQLite's memory statistics take a global mutex on every allocation; csa never reads them. This
  // only takes effect before SQLite initialises (else it is refused, harmlessly).
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  return std::make_unique<SqliteStore>(path);
}

}  // namespace csa::store
