// A large extract cut into byte ranges parsed on two threads (extract/range_stream.hpp) stores what one
// parsing thread stores: the same Records in the same order with the same file line numbers, and the
// same quarantine (file:line, reason, raw text). The files are written by the test, so the line of
// every bad row is known by construction; ranges of a few hundred bytes make a small file many ranges.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "extract/extract_ingest.hpp"
#include "extract/load.hpp"
#include "extract/range_stream.hpp"
#include "extract/split_points.hpp"
#include "ingest/csv_reader.hpp"
#include "offence/offence_codes.hpp"
#include "support/temp_dir.hpp"

namespace csa::extract {
namespace {

using csa::testing::TempDir;

const std::string kMapping = std::string(CSA_FIXTURES_DIR) + "/../../examples/mappings/synthetic-crime.toml";
const std::string kCodes = std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv";
constexpr std::string_view kHeader =
    "CrimeRef,HOCode,OffenceDescription,CommittedFromDate,CommittedFromTime,RecordedDate,RecordedTime,Easting,"
    "Northing,LSOACode,WardCode,DAFlag,HateFlag,HateStrand,CSEFlag,KnifeFlag,CyberFlag,VulnerableVictim,AlcoholFlag,"
    "DrugsFlag,CCEFlag,VictimAge,VictimSex,OffenderAge,OffenderSex,VictimID,OffenderID,MO";

// A crime row in the synthetic layout; mo is written as given (quote it in the argument if needed).
std::string row(int i, std::string_view victim_age, std::string_view mo) {
  return fmt::format("R{:05d},44,Theft of a pedal cycle,25/01/2024,02:01,25/01/2024,05:11,{},258947,E01017943,"
                     "E05013050,N,N,,N,N,N,N,N,N,N,{},M,,,V{},,{}",
                     i, 546000 + i, victim_age, i, mo);
}

struct Stored {
  std::vector<Record> records;
  std::vector<store::QuarantineRecord> quarantine;
  ExtractFileResult file;
};

class ExtractRanges : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kCodes)) GTEST_SKIP() << "no shared data at " << CSA_SHARED_DIR;
    codes_ = offence::read_offence_codes(kCodes);
    mapping_ = read_mapping(kMapping);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Stored load(const std::string& path, ParseOptions options, const std::string& db) {
    auto store = store::open_sqlite_store(dir_.file(db));
    auto summary = ingest_extracts(*store, {path}, mapping_, &codes_, {}, options);
    Stored out;
    out.file = summary.files.at(0);
    EXPECT_TRUE(out.file.write) << out.file.error;
    out.records = load_extract_set(*store, DatasetKind::crime).records;
    out.quarantine = store->quarantine_rows("", 1000);
    return out;
  }
  // Loads the file by one thread and in ranges of range_bytes on two, and checks they agree.
  Stored both_ways(const std::string& path, std::uint64_t range_bytes) {
    Stored one = load(path, {range_bytes, 1}, "one.db");
    Stored two = load(path, {range_bytes, 2}, "two.db");
    EXPECT_EQ(one.file.rows_read, two.file.rows_read);
    EXPECT_EQ(one.file.rows_stored, two.file.rows_stored);
    EXPECT_EQ(one.file.rows_quarantined, two.file.rows_quarantined);
    EXPECT_EQ(one.file.quarantine_reasons, two.file.quarantine_reasons);
    EXPECT_EQ(one.file.rows_without_location, two.file.rows_without_location);
    EXPECT_EQ(two.file.rows_read, two.file.rows_stored + two.file.rows_quarantined);
    EXPECT_EQ(one.records.size(), two.records.size());
    for (std::size_t i = 0; i < std::min(one.records.size(), two.records.size()); ++i) {
      const Record& a = one.records[i];
      const Record& b = two.records[i];
      EXPECT_EQ(a.line, b.line) << i;
      EXPECT_EQ(a.reference, b.reference) << i;
      EXPECT_EQ(a.easting, b.easting) << i;
      EXPECT_EQ(a.victim_age, b.victim_age) << i;
      EXPECT_EQ(a.free_text, b.free_text) << i;
    }
    EXPECT_EQ(one.quarantine.size(), two.quarantine.size());
    for (std::size_t i = 0; i < std::min(one.quarantine.size(), two.quarantine.size()); ++i) {
      EXPECT_EQ(one.quarantine[i].line, two.quarantine[i].line);
      EXPECT_EQ(one.quarantine[i].reason, two.quarantine[i].reason);
      EXPECT_EQ(one.quarantine[i].raw, two.quarantine[i].raw);
    }
    return two;
  }

  TempDir dir_{"csa-extract-ranges"};
  offence::OffenceCodeList codes_;
  Mapping mapping_;
};

TEST_F(ExtractRanges, BadRowInTheSecondHalfNamesItsFileLine) {
  // Line 1 the header; data rows from line 2. Every tenth row's MO is quoted over three physical lines,
  // so line numbers and record numbers part ways, and some cut candidates fall inside quotes.
  std::string text = std::string(kHeader) + "\r\n";
  std::int64_t line = 2, bad_line = 0, stored = 0;
  for (int i = 0; i < 400; ++i) {
    if (i == 300) {  // in the second half: victim age 212
      bad_line = line;
      text += row(i, "212", "bad age") + "\r\n";
      line += 1;
      continue;
    }
    if (i % 10 == 0) {
      text += row(i, "30", "\"first line\nsecond, \"\"quoted\"\"\nthird\"") + "\r\n";
      line += 3;
    } else {
      text += row(i, "31", "plain") + "\r\n";
      line += 1;
    }
    ++stored;
    if (i == 150) text += "\r\n";  // an empty line is not a row, but it is a line
    if (i == 150) line += 1;
  }
  std::string path = write("big.csv", text);
  ASSERT_GT(text.size(), 40'000u);
  Stored two = both_ways(path, 1000);
  EXPECT_EQ(two.file.rows_read, 400);
  EXPECT_EQ(two.file.rows_stored, stored);
  ASSERT_EQ(two.quarantine.size(), 1u);
  EXPECT_EQ(two.quarantine[0].line, bad_line);
  EXPECT_EQ(two.quarantine[0].reason, "victim age 212 is impossible (0-120)");
  EXPECT_EQ(two.quarantine[0].raw.substr(0, 7), "R00300,");
  ASSERT_EQ(two.records.size(), static_cast<std::size_t>(stored));
  EXPECT_EQ(two.records.back().line, line - 1);  // the last row ends the file
  EXPECT_EQ(two.records[1].free_text, "plain");
  EXPECT_EQ(two.records[0].free_text, "first line\nsecond, \"quoted\"\nthird");

  // The same file again: unchanged, and the workers started before the hash was known are stopped.
  auto store = store::open_sqlite_store(dir_.file("two.db"));
  auto again = ingest_extracts(*store, {path}, mapping_, &codes_, {}, {1000, 2});
  ASSERT_TRUE(again.files.at(0).write);
  EXPECT_EQ(again.files.at(0).write->action, store::BatchWriteResult::Action::unchanged);
  EXPECT_EQ(again.files.at(0).rows_read, 400);
}

TEST_F(ExtractRanges, SplitPointsAreRecordStarts) {
  std::string text = std::string(kHeader) + "\n";
  for (int i = 0; i < 300; ++i) text += row(i, "31", i % 7 == 0 ? "\"a\nb\n\"\"c\"\"\n\"" : "plain") + "\n";
  std::string path = write("points.csv", text);
  // Where records start, as the one-thread reader finds them.
  std::set<std::uint64_t> starts;
  ingest::CsvReader reader(std::make_unique<ingest::FileSource>(path));
  ingest::CsvRecord record;
  for (std::uint64_t at = 0; reader.next(record) != ingest::CsvReader::Status::end; at = reader.bytes_consumed()) {
    starts.insert(at);
  }
  const std::uint64_t header_end = kHeader.size() + 1;
  auto points = split_points(path, header_end, 500);
  ASSERT_GT(points.size(), 20u);
  std::uint64_t previous = header_end;
  for (std::uint64_t p : points) {
    EXPECT_TRUE(starts.count(p)) << p;
    EXPECT_GE(p - previous, 500u);
    previous = p;
  }
  EXPECT_LT(points.back(), text.size());
}

TEST_F(ExtractRanges, QuoteInsideAnUnquotedFieldFallsBackToOneRangeForTheRest) {
  // Row 50's MO holds a lone quote inside an unquoted field (data to the reader), so the quote count
  // is odd at every real line end after it, and split_points cuts inside the later quoted MOs
  // instead. The range before such a cut ends inside quotes; the rest of the file is read as one range.
  std::string text = std::string(kHeader) + "\n";
  for (int i = 0; i < 300; ++i) {
    std::string mo = i == 50 ? "a 5\" screen" : (i % 5 == 0 ? "\"one\ntwo\"" : "plain");
    text += row(i, "31", mo) + "\n";
  }
  std::string path = write("stray.csv", text);
  auto points = split_points(path, kHeader.size() + 1, 400);
  ASSERT_FALSE(points.empty());

  Stored two = both_ways(path, 400);
  EXPECT_EQ(two.file.rows_read, 300);
  EXPECT_EQ(two.file.rows_quarantined, 0);
  EXPECT_EQ(two.records.at(50).free_text, "a 5\" screen");
  EXPECT_EQ(two.records.at(55).free_text, "one\ntwo");

  // The same through the stream itself, to see that it did fall back.
  auto store = store::open_sqlite_store(dir_.file("direct.db"));
  RangeStream stream(path, mapping_, &codes_, {}, 400, 2);
  store::ExtractBatchInfo info;
  info.kind = "crime";
  info.source = mapping_.source_name;
  info.file_name = "stray.csv";
  info.source_path = path;
  info.content_hash = "test";
  auto write = store->write_extract_stream(info, stream);
  EXPECT_EQ(write.action, store::BatchWriteResult::Action::loaded);
  EXPECT_EQ(stream.result().rows_read, 300);
  EXPECT_LT(stream.ranges_parsed(), points.size() + 1);  // fewer ranges than cut: the rest was one
}

TEST_F(ExtractRanges, WriterStoppingEarlyStopsTheWorkers) {
  // The store gives up after a few chunks (an error): the stream is destroyed with its workers busy,
  // and must stop them rather than wait for the whole file. Records come in line order until then.
  std::string text = std::string(kHeader) + "\n";
  for (int i = 0; i < 5000; ++i) text += row(i, "31", i % 5 == 0 ? "\"one\ntwo\"" : "plain") + "\n";
  std::string path = write("early.csv", text);
  for (unsigned threads : {2u, 3u}) {
    RangeStream stream(path, mapping_, &codes_, {}, 3000, threads);
    std::vector<Record> chunk;
    std::int64_t last = 0;
    for (int c = 0; c < 2 && stream.next(chunk); ++c) {
      for (const Record& r : chunk) {
        EXPECT_GT(r.line, last);
        last = r.line;
      }
    }
    EXPECT_GT(last, 0);
  }
}

TEST_F(ExtractRanges, HeaderErrorFailsTheFileAsWithOneThread) {
  std::string text = "CrimeRef,Other\n";
  for (int i = 0; i < 200; ++i) text += fmt::format("R{},x\n", i);
  std::string path = write("wrong.csv", text);
  auto store = store::open_sqlite_store(dir_.file("w.db"));
  auto summary = ingest_extracts(*store, {path}, mapping_, &codes_, {}, {100, 2});
  EXPECT_EQ(summary.files_failed, 1);
  EXPECT_NE(summary.files.at(0).error.find("HOCode"), std::string::npos) << summary.files.at(0).error;
  EXPECT_TRUE(store->extract_batches().empty());
}

}  // namespace
}  // namespace csa::extract
