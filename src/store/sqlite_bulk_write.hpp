// How one large write transaction (a whole extract file) reaches the disk.
//
// The store works in write-ahead-log mode, so readers never wait for a writer. In that mode every page
// a transaction writes goes to disk twice: into the log at commit, then into the database file by a
// checkpoint, which can only start after the commit. The 24 police.uk files of an ingest are 24
// transactions, and a background checkpointer copies each while the next is written; an extract file
// is one transaction, so all of its copying and both of its fsyncs wait at the end (about half of a
// 176,000-row load: docs/BENCHMARKS.md §10).
//
// SqliteBulkWrite, held around such a transaction, does two things:
// - It lets SQLite write pages out while the rows are still arriving, by giving the connection a
//   small page cache for the duration (the rows are appended, so a page once full is not touched
//   again), instead of holding them all until the commit.
// - For a large file, when no other connection has the database open, it switches the connection to
//   SQLite's rollback journal for the transaction and back to the log afterwards. New pages appended
//   to the file then need no journal entry at all (SQLite journals only the few existing pages it
//   changes): each is written once, straight into the database file, with one fsync at the commit.
//   Atomicity is the rollback journal's: a kill or power cut part-way leaves a journal that the next
//   connection to open the database rolls back, so the file is wholly loaded or not at all
//   (tests/cli/kill_mid_extract_ingest.sh). synchronous=FULL while in that mode, as SQLite advises
//   for a rollback journal.
//   The cost: a process that opens the database during that transaction waits for it to finish (up
//   to the busy timeout) instead of reading the state before it. A process that already had the
//   database open (csa serve, say) keeps the log mode in place: the switch is refused at once, and
//   the transaction goes through the log as any other.
#pragma once

#include <cstdint>

#include "store/sqlite_handle.hpp"

namespace csa::store {

class SqliteBulkWrite {
 public:
  // Below this many bytes of source file, the two switches of journal mode (a few fsyncs each) cost
  // more than copying the file's pages through the log: measured in docs/BENCHMARKS.md §10.
  static constexpr std::int64_t kRollbackJournalMinBytes = 4 << 20;

  // Whether a file of source_bytes is worth the switch (if it is granted).
  static bool wants_rollback_journal(std::int64_t source_bytes) { return source_bytes >= kRollbackJournalMinBytes; }

  // Call outside any transaction, with no statement of db running. source_bytes: the size of the file
  // the transaction will store (0 when unknown: the log is kept).
  SqliteBulkWrite(SqliteDb& db, std::int64_t source_bytes);
  // Back to the write-ahead log and the connection's own cache size and synchronous setting.
  ~SqliteBulkWrite();
  SqliteBulkWrite(const SqliteBulkWrite&) = delete;
  SqliteBulkWrite& operator=(const SqliteBulkWrite&) = delete;

  // True when the transaction goes through the rollback journal instead of the log.
  bool rollback_journal() const { return rollback_journal_; }

 private:
  SqliteDb& db_;
  bool rollback_journal_ = false;
  std::int64_t cache_size_ = 0;  // PRAGMA cache_size before, to restore
  std::int64_t synchronous_ = 1;  // PRAGMA synchronous before (1 = NORMAL)
};

}  // namespace csa::store
