// police.uk street-level ingest end to end, through ingest_police_uk into a temporary SQLite store:
// hand-made fixtures (tests/fixtures/police-uk/README.md) with every kind of bad row, idempotence,
// newer releases, files that are not police.uk data, source-file discovery, and the real
// Cambridgeshire files from ../shared/data.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.hpp"
#include "ingest/police_uk_ingest.hpp"
#include "ingest/source_files.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace csa::ingest {
namespace {
namespace fs = std::filesystem;
using store::BatchKey;
using store::BatchWriteResult;

const std::string kKind = "police-uk-street";

// The fixtures are kept as `*-street.csv.txt` (they are hand-made, not police.uk data) and copied
// once per test process to a temp folder under their police.uk-style names, which ingest keys on.
std::string fixture(const std::string& name) {
  static const fs::path dir = [] {
    fs::path src = fs::path(CSA_FIXTURES_DIR) / "police-uk";
    fs::path dst = fs::temp_directory_path() / ("csa-police-uk-fixtures-" + std::to_string(::getpid()));
    for (const auto& e : fs::recursive_directory_iterator(src)) {
      if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
      fs::path rel = fs::relative(e.path(), src);
      fs::path out = dst / rel.parent_path() / rel.stem();  // drops the ".txt"
      fs::create_directories(out.parent_path());
      fs::copy_file(e.path(), out, fs::copy_options::overwrite_existing);
    }
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("csa-police-uk-fixtures-" + std::to_string(::getpid())), ec);
    });
    return dst;
  }();
  return (dir / name).string();
}
const std::string kJan = fixture("2024-01-testforce-street.csv");
const std::string kFeb = fixture("2024-02-testforce-street.csv");
const std::string kJanNewer = fixture("newer-release/2024-01-testforce-street.csv");
const std::string kNotStreet = fixture("2024-03-testforce-street.csv");
const std::string kPartner = fixture("partner-export.csv");

// The path the store records for a file (absolute, normalised), which quarantine_rows filters on.
std::string stored_path(const std::string& p) { return fs::absolute(p).lexically_normal().string(); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Physical lines of a file, without BOM and line ends: lines[0] is line 1.
std::vector<std::string> physical_lines(const std::string& path) {
  std::string text = slurp(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

using csa::testing::TempDir;

// One stored incident as the dataset stage sees it.
using Row = std::tuple<int, std::string, std::string, std::string, std::optional<double>, std::optional<double>>;
Row row(int month, std::string type, std::string lsoa, std::string outcome, std::optional<double> lon = {},
        std::optional<double> lat = {}) {
  return {month, std::move(type), std::move(lsoa), std::move(outcome), lon, lat};
}

std::vector<Row> scan(const store::Store& s, int first = 0, int last = 0) {
  std::vector<Row> out;
  s.scan_incidents(first, last, [&](const store::IncidentView& v) {
    out.emplace_back(v.month, *v.crime_type, *v.lsoa_code, *v.outcome, v.lon, v.lat);
  });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Row> sorted(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

const std::vector<Row> kJanRows = sorted({
    row(202401, "Burglary", "E01017540", "Under investigation", 0.119, 52.205),
    row(202401, "Anti-social behaviour", "E01017541", "", 0.1215, 52.2015),
    row(202401, "Other crime", "", "Status update unavailable"),
    row(202401, "Vehicle crime", "E01032558", "Investigation complete; no suspect identified", -1.85, 50.72),
    row(202401, "Anti-social behaviour", "E01017540", "", 0.13, 52.21),
    row(202401, "Violence and sexual offences", "E01017542", "Awaiting court outcome", 0.125, 52.199),
    row(202401, "Burglary", "E01017540", "Court result unavailable", 0.119, 52.205),  // line 15: C1's second row
});
const std::vector<Row> kFebRows = sorted({
    row(202402, "Shoplifting", "E01017540", "Unable to prosecute suspect", 0.119, 52.205),
    row(202402, "Anti-social behaviour", "E01017543", "", 0.14, 52.19),
    row(202402, "Robbery", "E01032558", "Investigation complete; no suspect identified", -1.851, 50.721),
    row(202402, "Drugs", "", "Local resolution"),
    row(202402, "Public order", "E01017542", "Under investigation", 0.126, 52.198),
});
const std::vector<Row> kJanNewerRows = sorted({
    row(202401, "Burglary", "E01017540", "Investigation complete; no suspect identified", 0.119, 52.205),
    row(202401, "Anti-social behaviour", "E01017541", "", 0.1215, 52.2015),
    row(202401, "Other crime", "", "Status update unavailable"),
    row(202401, "Vehicle crime", "E01032558", "Offender given a caution", -1.85, 50.72),
    row(202401, "Anti-social behaviour", "E01017540", "", 0.13, 52.21),
    row(202401, "Criminal damage and arson", "E01017540", "Under investigation", 0.131, 52.211),
});

std::vector<Row> concat(std::vector<Row> a, const std::vector<Row>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return sorted(std::move(a));
}

class IngestPoliceUk : public ::testing::Test {
 protected:
  void SetUp() override { store_ = store::open_sqlite_store(db_path()); }
  std::string db_path() const { return dir_ / "csa.db"; }
  IngestSummary ingest(const std::vector<std::string>& files, int threads = 0) {
    IngestOptions options;
    options.parser_threads = threads;
    return ingest_police_uk(*store_, files, options, nullptr);
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST(IngestBatchKey, FromPoliceUkFileName) {
  auto k = batch_key_from_file_name("/data/police-uk/2025-03/2025-03-cambridgeshire-street.csv");
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(*k, (BatchKey{kKind, "cambridgeshire", 202503}));
  auto btp = batch_key_from_file_name("2024-12-btp-street.csv");
  ASSERT_TRUE(btp.has_value());
  EXPECT_EQ(*btp, (BatchKey{kKind, "btp", 202412}));
  auto met = batch_key_from_file_name("2024-01-avon-and-somerset-street.csv");
  ASSERT_TRUE(met.has_value());
  EXPECT_EQ(met->force, "avon-and-somerset");
  EXPECT_FALSE(batch_key_from_file_name("2024-13-cambridgeshire-street.csv"));  // no month 13
  EXPECT_FALSE(batch_key_from_file_name("2024-1-cambridgeshire-street.csv"));
  EXPECT_FALSE(batch_key_from_file_name("2024-01-cambridgeshire-outcomes.csv"));
  EXPECT_FALSE(batch_key_from_file_name("partner-export.csv"));
  EXPECT_FALSE(batch_key_from_file_name("2024-01-cambridgeshire-street.csv.gz"));
}

TEST_F(IngestPoliceUk, StoresGoodRowsAndQuarantinesEachBadRowWithItsLine) {
  auto summary = ingest({kJan, kFeb});
  ASSERT_EQ(summary.files.size(), 2u);
  EXPECT_EQ(summary.files_failed, 0);

  const auto& jan = summary.files[0];
  EXPECT_EQ(jan.error, "");
  EXPECT_EQ(jan.key, (BatchKey{kKind, "testforce", 202401}));
  EXPECT_EQ(jan.rows_read, 15);
  EXPECT_EQ(jan.rows_stored, 7);  // line 15 repeats line 2's Crime ID: kept, as police.uk lists such rows apart
  EXPECT_EQ(jan.rows_quarantined, 8);
  EXPECT_EQ(jan.rows_sharing_crime_id, 1);
  EXPECT_EQ(jan.rows_read, jan.rows_stored + jan.rows_quarantined);
  EXPECT_EQ(jan.rows_without_location, 1);
  EXPECT_EQ(jan.rows_without_lsoa, 1);
  ASSERT_TRUE(jan.write.has_value());
  EXPECT_EQ(jan.write->action, BatchWriteResult::Action::loaded);
  std::int64_t reasons = 0;
  for (const auto& [kind, n] : jan.quarantine_reasons) reasons += n;
  EXPECT_EQ(reasons, 8);
  // Reasons are grouped with their particular values taken out.
  EXPECT_EQ(jan.quarantine_reasons.count("Crime type '…' is not one of the N police.uk crime types"), 1u);
  EXPECT_EQ(jan.quarantine_reasons.count("LSOA code '…' is not an ONS code"), 1u);
  EXPECT_EQ(jan.quarantine_reasons.count("Month '…' is not a valid YYYY-MM month"), 1u);
  EXPECT_EQ(jan.quarantine_reasons.count("Month N differs from the month the file name gives"), 1u);

  const auto& feb = summary.files[1];
  EXPECT_EQ(feb.key, (BatchKey{kKind, "testforce", 202402}));
  EXPECT_EQ(feb.rows_read, 7);
  EXPECT_EQ(feb.rows_stored, 5);
  EXPECT_EQ(feb.rows_quarantined, 2);
  EXPECT_EQ(feb.rows_without_location, 1);
  EXPECT_EQ(feb.rows_without_lsoa, 1);
  ASSERT_TRUE(feb.write.has_value());
  EXPECT_EQ(feb.write->action, BatchWriteResult::Action::loaded);
  EXPECT_NE(feb.write->batch_id, jan.write->batch_id);

  EXPECT_EQ(summary.rows_read, 22);
  EXPECT_EQ(summary.rows_stored, 12);
  EXPECT_EQ(summary.rows_quarantined, 10);
  EXPECT_EQ(store_->incident_count(), 12);

  // The batch as recorded.
  auto batch = store_->find_batch({kKind, "testforce", 202401});
  ASSERT_TRUE(batch.has_value());
  EXPECT_EQ(batch->id, jan.write->batch_id);
  EXPECT_EQ(batch->source_path, stored_path(kJan));
  EXPECT_EQ(batch->file_bytes, static_cast<std::int64_t>(fs::file_size(kJan)));
  EXPECT_EQ(batch->content_hash.size(), 16u);
  EXPECT_EQ(batch->rows_read, 15);
  EXPECT_EQ(batch->rows_stored, 7);
  EXPECT_EQ(batch->rows_quarantined, 8);
  EXPECT_EQ(store_->batches().size(), 2u);

  // Quarantine: physical line (the ASB row on lines 3-4 shifts everything after it), reason, raw text.
  auto lines = physical_lines(kJan);
  ASSERT_EQ(lines.size(), 17u);
  struct Expected {
    std::int64_t line;
    std::string reason_part;
  };
  const std::vector<Expected> expected = {
      {8, "expected 12 fields as in the header, found 10"},
      {9, "Month 'January 2024' is not a valid YYYY-MM month"},
      {10, "differs from the month the file name gives (2024-01)"},
      {11, "Crime type 'Arson' is not one of the 14 police.uk crime types"},
      {12, "only one coordinate given"},
      {13, "coordinates are not numbers"},
      {14, "LSOA code 'E0101754' is not an ONS code"},
      {16, "unexpected character after a closing quote"},
  };
  auto q = store_->quarantine_rows(stored_path(kJan), 100);
  ASSERT_EQ(q.size(), expected.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    SCOPED_TRACE("quarantined line " + std::to_string(expected[i].line));
    EXPECT_EQ(q[i].line, expected[i].line);
    EXPECT_NE(q[i].reason.find(expected[i].reason_part), std::string::npos) << q[i].reason;
    EXPECT_EQ(q[i].raw, lines[static_cast<std::size_t>(expected[i].line) - 1]);
  }
  EXPECT_NE(q[7].raw.find("\"On or near \"Park\" Road\""), std::string::npos) << q[7].raw;
  EXPECT_EQ(q[0].raw.find('\r'), std::string::npos);  // raw text has no line end

  auto qf = store_->quarantine_rows(stored_path(kFeb), 100);
  ASSERT_EQ(qf.size(), 2u);
  EXPECT_EQ(qf[0].line, 6);
  EXPECT_NE(qf[0].reason.find("found 13"), std::string::npos) << qf[0].reason;
  EXPECT_EQ(qf[0].raw, physical_lines(kFeb)[5]);
  EXPECT_EQ(qf[1].line, 7);
  EXPECT_NE(qf[1].reason.find("out of range"), std::string::npos) << qf[1].reason;

  // All files: 11 rows; the limit applies.
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 10u);
  EXPECT_EQ(store_->quarantine_rows("", 3).size(), 3u);
  std::int64_t summarised = 0;
  for (const auto& s : store_->quarantine_summary()) summarised += s.rows;
  EXPECT_EQ(summarised, 10);

  // Exactly the stored rows, with their months, types, LSOAs, outcomes and coordinates.
  EXPECT_EQ(scan(*store_), concat(kJanRows, kFebRows));
  EXPECT_EQ(scan(*store_, 202401, 202401), kJanRows);
  EXPECT_EQ(scan(*store_, 202402, 0), kFebRows);
  EXPECT_TRUE(scan(*store_, 202403, 202412).empty());
  // Each row carries its own file's batch id.
  std::map<std::int64_t, int> rows_per_batch;
  store_->scan_incidents(0, 0, [&](const store::IncidentView& v) {
    ++rows_per_batch[v.batch_id];
    EXPECT_EQ(v.batch_id, v.month == 202401 ? jan.write->batch_id : feb.write->batch_id);
  });
  EXPECT_EQ(rows_per_batch.size(), 2u);
}

// What scan_incidents does not return (LSOA name, context, Crime ID, line), read through the
// incident_v view the schema provides for analysts who query the database file directly.
TEST_F(IngestPoliceUk, QuotedCommaAndEmbeddedLineEndSurviveIntoTheDatabase) {
  ingest({kJan});
  store_.reset();  // close (and checkpoint) before reading the file directly
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT line, coalesce(crime_id, ''), lsoa_name, coalesce(context, ''), "
                               "coalesce(location, ''), falls_within FROM incident_v ORDER BY line",
                               -1, &st, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  std::vector<std::tuple<int, std::string, std::string, std::string, std::string, std::string>> got;
  auto text = [&](int c) {
    const unsigned char* t = sqlite3_column_text(st, c);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
  };
  while (sqlite3_step(st) == SQLITE_ROW) {
    got.emplace_back(sqlite3_column_int(st, 0), text(1), text(2), text(3), text(4), text(5));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  ASSERT_EQ(got.size(), 7u);
  std::vector<int> stored_lines;
  for (const auto& g : got) stored_lines.push_back(std::get<0>(g));
  EXPECT_EQ(stored_lines, (std::vector<int>{2, 3, 5, 6, 7, 15, 17}));
  EXPECT_EQ(std::get<1>(got[0]), "ab861dc170dc2e43224e45278d3d31a675b9ebc34c9b0f48c066ca1eeaed8ee6");
  EXPECT_EQ(std::get<1>(got[1]), "");  // ASB: no Crime ID
  EXPECT_EQ(std::get<3>(got[1]), "Reported twice\r\nsecond line");
  EXPECT_EQ(std::get<2>(got[3]), "Bournemouth, Christchurch and Poole 036E");
  EXPECT_EQ(std::get<5>(got[3]), "Dorset Police");
  EXPECT_EQ(std::get<4>(got[2]), "No Location");
}

TEST_F(IngestPoliceUk, SameFileAgainIsUnchanged) {
  auto first = ingest({kJan, kFeb});
  ASSERT_EQ(first.files_failed, 0);
  auto count = store_->incident_count();
  auto before = scan(*store_);

  auto again = ingest({kJan});
  ASSERT_EQ(again.files.size(), 1u);
  ASSERT_TRUE(again.files[0].write.has_value());
  EXPECT_EQ(again.files[0].write->action, BatchWriteResult::Action::unchanged);
  EXPECT_EQ(again.files[0].write->batch_id, first.files[0].write->batch_id);
  ASSERT_TRUE(again.files[0].write->previous.has_value());
  EXPECT_EQ(again.files[0].write->previous->id, first.files[0].write->batch_id);
  EXPECT_EQ(store_->incident_count(), count);
  EXPECT_EQ(scan(*store_), before);
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 10u);  // not doubled
  EXPECT_EQ(store_->batches().size(), 2u);

  // The same bytes under another path are the same release: still unchanged.
  TempDir other;
  std::string copy = other / "2024-01-testforce-street.csv";
  fs::copy_file(kJan, copy);
  auto copied = ingest({copy, kFeb});
  for (const auto& f : copied.files) {
    ASSERT_TRUE(f.write.has_value()) << f.path << ": " << f.error;
    EXPECT_EQ(f.write->action, BatchWriteResult::Action::unchanged) << f.path;
  }
  EXPECT_EQ(store_->incident_count(), count);

  // And after reopening the database.
  store_.reset();
  store_ = store::open_sqlite_store(db_path());
  auto reopened = ingest({kJan});
  ASSERT_TRUE(reopened.files[0].write.has_value());
  EXPECT_EQ(reopened.files[0].write->action, BatchWriteResult::Action::unchanged);
  EXPECT_EQ(store_->incident_count(), count);
}

TEST_F(IngestPoliceUk, NewerReleaseReplacesTheOlderOne) {
  ASSERT_EQ(ingest({kJan, kFeb}).files_failed, 0);
  auto old_batch = store_->find_batch({kKind, "testforce", 202401});
  ASSERT_TRUE(old_batch.has_value());

  auto newer = ingest({kJanNewer});
  ASSERT_EQ(newer.files.size(), 1u);
  const auto& f = newer.files[0];
  ASSERT_TRUE(f.write.has_value()) << f.error;
  EXPECT_EQ(f.key, (BatchKey{kKind, "testforce", 202401}));
  EXPECT_EQ(f.rows_read, 7);
  EXPECT_EQ(f.rows_stored, 6);
  EXPECT_EQ(f.rows_quarantined, 1);
  EXPECT_EQ(f.write->action, BatchWriteResult::Action::replaced);
  ASSERT_TRUE(f.write->previous.has_value());
  EXPECT_EQ(f.write->previous->id, old_batch->id);
  EXPECT_EQ(f.write->previous->content_hash, old_batch->content_hash);
  EXPECT_EQ(f.write->outcomes_updated, 2);  // C1 and C3
  EXPECT_EQ(f.write->crimes_added, 1);      // C13
  EXPECT_EQ(f.write->crimes_removed, 1);    // C12

  // Only the new release's rows for January; February untouched.
  EXPECT_EQ(store_->incident_count(), 6 + 5);
  EXPECT_EQ(scan(*store_, 202401, 202401), kJanNewerRows);
  EXPECT_EQ(scan(*store_, 202402, 202402), kFebRows);
  auto batch = store_->find_batch({kKind, "testforce", 202401});
  ASSERT_TRUE(batch.has_value());
  EXPECT_NE(batch->content_hash, old_batch->content_hash);
  EXPECT_EQ(batch->source_path, stored_path(kJanNewer));
  EXPECT_EQ(batch->rows_read, 7);
  EXPECT_EQ(store_->batches().size(), 2u);
  // The old release's quarantine went with it; the new one's is there.
  EXPECT_TRUE(store_->quarantine_rows(stored_path(kJan), 100).empty());
  auto q = store_->quarantine_rows(stored_path(kJanNewer), 100);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].line, 9);  // after the two-line ASB row
  EXPECT_NE(q[0].reason.find("Arson"), std::string::npos);
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 1u + 2u);

  // Going back to the first release is a replacement too, with the changes mirrored.
  auto back = ingest({kJan});
  ASSERT_TRUE(back.files[0].write.has_value());
  EXPECT_EQ(back.files[0].write->action, BatchWriteResult::Action::replaced);
  EXPECT_EQ(back.files[0].write->outcomes_updated, 2);
  EXPECT_EQ(back.files[0].write->crimes_added, 2);    // C12, and C1's second row (matched by occurrence)
  EXPECT_EQ(back.files[0].write->crimes_removed, 1);  // C13
  EXPECT_EQ(scan(*store_), concat(kJanRows, kFebRows));
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 10u);
}

TEST_F(IngestPoliceUk, FileThatIsNotStreetDataFailsAlone) {
  std::vector<std::string> seen_items;
  IngestOptions options;
  auto summary = ingest_police_uk(*store_, {kJan, kNotStreet, kFeb}, options, [&](const ProgressEvent& e) {
    EXPECT_EQ(e.total, 3u);
    EXPECT_EQ(e.done, seen_items.size() + 1);
    seen_items.emplace_back(e.item);
  });
  EXPECT_EQ(seen_items, (std::vector<std::string>{kJan, kNotStreet, kFeb}));
  ASSERT_EQ(summary.files.size(), 3u);
  EXPECT_EQ(summary.files_failed, 1);
  const auto& bad = summary.files[1];
  EXPECT_EQ(bad.path, kNotStreet);
  EXPECT_FALSE(bad.write.has_value());
  EXPECT_NE(bad.error.find("2024-03-testforce-street.csv"), std::string::npos) << bad.error;
  EXPECT_NE(bad.error.find("Crime type"), std::string::npos) << bad.error;
  EXPECT_NE(bad.error.find("Last outcome category"), std::string::npos) << bad.error;
  EXPECT_NE(bad.error.find("Context"), std::string::npos) << bad.error;
  // Only the absent columns are named as missing.
  auto from = bad.error.find("missing");
  ASSERT_NE(from, std::string::npos) << bad.error;
  std::string missing = bad.error.substr(from, bad.error.find(';', from) - from);
  EXPECT_EQ(missing.find("LSOA"), std::string::npos) << missing;
  EXPECT_EQ(missing.find("Month"), std::string::npos) << missing;

  for (std::size_t i : {0u, 2u}) {
    ASSERT_TRUE(summary.files[i].write.has_value()) << summary.files[i].error;
    EXPECT_EQ(summary.files[i].write->action, BatchWriteResult::Action::loaded);
    EXPECT_EQ(summary.files[i].error, "");
  }
  EXPECT_EQ(summary.rows_read, 22);
  EXPECT_EQ(summary.rows_stored, 12);
  EXPECT_EQ(store_->incident_count(), 12);
  EXPECT_FALSE(store_->find_batch({kKind, "testforce", 202403}).has_value());
  EXPECT_EQ(store_->batches().size(), 2u);
}

TEST_F(IngestPoliceUk, EmptyFileFailsAloneAndHeaderOnlyFileLoadsNothing) {
  std::string empty = dir_ / "2024-04-testforce-street.csv";
  write_file(empty, "");
  std::string header_only = dir_ / "2024-05-testforce-street.csv";
  write_file(header_only, physical_lines(kFeb)[0] + "\n");
  auto summary = ingest({empty, header_only, kFeb});
  ASSERT_EQ(summary.files.size(), 3u);
  EXPECT_EQ(summary.files_failed, 1);
  EXPECT_FALSE(summary.files[0].write.has_value());
  EXPECT_NE(summary.files[0].error.find("2024-04-testforce-street.csv"), std::string::npos);
  ASSERT_TRUE(summary.files[1].write.has_value()) << summary.files[1].error;
  EXPECT_EQ(summary.files[1].rows_read, 0);
  EXPECT_EQ(summary.files[1].write->action, BatchWriteResult::Action::loaded);
  ASSERT_TRUE(summary.files[2].write.has_value());
  EXPECT_EQ(store_->incident_count(), 5);
}

TEST_F(IngestPoliceUk, NameNotInPoliceUkFormIsKeyedByFirstRowForceAndMonth) {
  auto summary = ingest({kPartner});
  ASSERT_EQ(summary.files.size(), 1u);
  const auto& f = summary.files[0];
  ASSERT_TRUE(f.write.has_value()) << f.error;
  EXPECT_EQ(f.key, (BatchKey{kKind, "test-police", 202405}));
  EXPECT_EQ(f.rows_read, 2);
  EXPECT_EQ(f.rows_stored, 2);
  EXPECT_EQ(f.write->action, BatchWriteResult::Action::loaded);
  EXPECT_TRUE(store_->find_batch({kKind, "test-police", 202405}).has_value());
  EXPECT_EQ(scan(*store_), sorted({row(202405, "Bicycle theft", "E01017540", "Under investigation", 0.119, 52.205),
                                   row(202405, "Anti-social behaviour", "E01017540", "", 0.12, 52.206)}));
}

TEST_F(IngestPoliceUk, ReorderedColumnsStillLoad) {
  // Same data as the February file, with the columns in reverse order.
  std::string out;
  auto lines = physical_lines(kFeb);
  const std::string path = dir_ / "2024-02-reordered-street.csv";
  for (std::size_t i : {0u, 1u, 2u}) {
    std::vector<std::string> fields;
    std::string f;
    for (char c : lines[i]) {
      if (c == ',') {
        fields.push_back(f);
        f.clear();
      } else {
        f += c;
      }
    }
    fields.push_back(f);
    std::reverse(fields.begin(), fields.end());
    for (std::size_t k = 0; k < fields.size(); ++k) out += (k ? "," : "") + fields[k];
    out += "\n";
  }
  write_file(path, out);
  auto summary = ingest({path});
  ASSERT_TRUE(summary.files[0].write.has_value()) << summary.files[0].error;
  EXPECT_EQ(summary.files[0].rows_stored, 2);
  EXPECT_EQ(scan(*store_), sorted({kFebRows[4], kFebRows[0]}));
}

TEST_F(IngestPoliceUk, ParserThreadCountDoesNotChangeTheResult) {
  auto one = ingest({kJan, kFeb, kPartner}, 1);
  auto rows_one = scan(*store_);
  TempDir other;
  auto other_store = store::open_sqlite_store(other / "csa.db");
  IngestOptions options;
  options.parser_threads = 4;
  auto four = ingest_police_uk(*other_store, {kJan, kFeb, kPartner}, options, nullptr);
  EXPECT_EQ(scan(*other_store), rows_one);
  ASSERT_EQ(four.files.size(), one.files.size());
  for (std::size_t i = 0; i < one.files.size(); ++i) {
    EXPECT_EQ(four.files[i].path, one.files[i].path);
    EXPECT_EQ(four.files[i].rows_stored, one.files[i].rows_stored);
    EXPECT_EQ(four.files[i].rows_quarantined, one.files[i].rows_quarantined);
  }
  EXPECT_EQ(rows_one.size(), 14u);
}

// find_source_files ------------------------------------------------------------------------------

class IngestSourceFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* rel : {"2024-01/2024-01-alpha-street.csv", "2024-01/2024-01-alpha-outcomes.csv",
                          "2024-02/2024-02-alpha-street.csv", "2024-02/2024-02-alpha-stop-and-search.csv",
                          "nested/deeper/2024-03-beta-street.csv", "README.txt", "nested/street.csv.bak"}) {
      write_file(dir_.path() / rel, "x\n");
    }
  }
  std::string p(const std::string& rel) const { return dir_ / rel; }
  TempDir dir_;
};

TEST_F(IngestSourceFiles, FolderIsSearchedRecursivelyForStreetFiles) {
  auto found = find_source_files({dir_.path().string()}, "-street.csv");
  EXPECT_EQ(found.files, (std::vector<std::string>{p("2024-01/2024-01-alpha-street.csv"),
                                                   p("2024-02/2024-02-alpha-street.csv"),
                                                   p("nested/deeper/2024-03-beta-street.csv")}));
  ASSERT_EQ(found.skipped.size(), 2u);
  EXPECT_EQ(found.skipped[0].rfind(p("2024-01/2024-01-alpha-outcomes.csv"), 0), 0u) << found.skipped[0];
  EXPECT_EQ(found.skipped[1].rfind(p("2024-02/2024-02-alpha-stop-and-search.csv"), 0), 0u) << found.skipped[1];
  for (const auto& s : found.skipped) EXPECT_NE(s.find("-street.csv"), std::string::npos) << s;
}

TEST_F(IngestSourceFiles, GlobPatternsAndNamedFiles) {
  auto jan_feb = find_source_files({p("2024-0[12]/*-street.csv")}, "-street.csv");
  EXPECT_EQ(jan_feb.files, (std::vector<std::string>{p("2024-01/2024-01-alpha-street.csv"),
                                                     p("2024-02/2024-02-alpha-street.csv")}));
  EXPECT_TRUE(jan_feb.skipped.empty());

  // A pattern matching folders searches them.
  auto folders = find_source_files({p("2024-*")}, "-street.csv");
  EXPECT_EQ(folders.files, jan_feb.files);
  EXPECT_EQ(folders.skipped.size(), 2u);

  // A file named directly is taken as given, whatever its name; duplicates go.
  auto named = find_source_files({p("2024-01/2024-01-alpha-outcomes.csv"), p("2024-02/2024-02-alpha-street.csv"),
                                  p("2024-02/*-street.csv"), p("2024-02/2024-02-alpha-street.csv")},
                                 "-street.csv");
  EXPECT_EQ(named.files, (std::vector<std::string>{p("2024-01/2024-01-alpha-outcomes.csv"),
                                                   p("2024-02/2024-02-alpha-street.csv")}));
}

TEST_F(IngestSourceFiles, MissingPathOrEmptyPatternThrowsInputError) {
  EXPECT_THROW(find_source_files({p("no-such-folder")}, "-street.csv"), InputError);
  EXPECT_THROW(find_source_files({p("2099-*/*-street.csv")}, "-street.csv"), InputError);
  try {
    find_source_files({dir_.path().string(), p("missing.csv")}, "-street.csv");
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.csv"), std::string::npos) << e.what();
  }
}

// Real data ------------------------------------------------------------------------------------

// Records in a police.uk file counted independently of the reader: line feeds (plus a last line
// without one), minus the header. police.uk fields hold no line breaks, which the check below asserts.
std::int64_t data_lines(const std::string& path) {
  std::string text = slurp(path);
  std::int64_t lines = std::count(text.begin(), text.end(), '\n');
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines - 1;
}

TEST(IngestRealData, CambridgeshireCrlfAndLfFilesLoadWithoutQuarantine) {
  const std::string base = std::string(CSA_SHARED_DIR) + "/data/police-uk/cambridgeshire/";
  const std::string crlf = base + "2024-01-cambridgeshire-street.csv";
  const std::string lf = base + "2025-01-cambridgeshire-street.csv";
  if (!fs::exists(crlf) || !fs::exists(lf)) GTEST_SKIP() << "no shared police.uk data at " << base;
  ASSERT_NE(slurp(crlf).find("\r\n"), std::string::npos) << "expected the 2024 file to use CRLF";
  ASSERT_EQ(slurp(lf).find('\r'), std::string::npos) << "expected the 2025 file to use LF";

  TempDir dir;
  auto s = store::open_sqlite_store(dir / "csa.db");
  IngestOptions options;
  auto summary = ingest_police_uk(*s, {crlf, lf}, options, nullptr);
  ASSERT_EQ(summary.files.size(), 2u);
  EXPECT_EQ(summary.files_failed, 0);
  std::int64_t total = 0;
  for (const auto& f : summary.files) {
    SCOPED_TRACE(f.path);
    ASSERT_TRUE(f.write.has_value()) << f.error;
    std::int64_t expected = data_lines(f.path);
    EXPECT_GT(expected, 1000);
    EXPECT_EQ(f.rows_read, expected);
    EXPECT_EQ(f.rows_quarantined, 0);
    EXPECT_EQ(f.rows_stored, expected);
    EXPECT_TRUE(f.quarantine_reasons.empty());
    EXPECT_EQ(f.write->action, BatchWriteResult::Action::loaded);
    EXPECT_LT(f.rows_without_location, expected / 10);
    total += expected;
  }
  EXPECT_EQ(summary.files[0].key, (BatchKey{kKind, "cambridgeshire", 202401}));
  EXPECT_EQ(summary.files[1].key, (BatchKey{kKind, "cambridgeshire", 202501}));
  EXPECT_EQ(s->incident_count(), total);
  EXPECT_TRUE(s->quarantine_rows("", 10).empty());
  std::int64_t jan24 = 0, jan25 = 0, other = 0;
  s->scan_incidents(0, 0, [&](const store::IncidentView& v) {
    if (v.month == 202401) ++jan24; else if (v.month == 202501) ++jan25; else ++other;
  });
  EXPECT_EQ(jan24, summary.files[0].rows_stored);
  EXPECT_EQ(jan25, summary.files[1].rows_stored);
  EXPECT_EQ(other, 0);
}

}  // namespace
}  // namespace csa::ingest
