// Extracts separated by ';', tab or '|' ([format] delimiter): the CSV reader with another delimiter,
// and a tab-separated fixture (tests/fixtures/extract/crime-tab.tsv, written by python3's csv module
// with delimiter='\t' from rows of crime-bad.csv) loaded end to end. Expected values are read off the
// fixture by hand.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "extract/extract_ingest.hpp"
#include "extract/load.hpp"
#include "ingest/csv_reader.hpp"
#include "offence/offence_codes.hpp"
#include "support/temp_dir.hpp"

namespace csa::extract {
namespace {

using ingest::CsvReader;
using ingest::CsvRecord;
using ingest::MemorySource;

std::vector<std::vector<std::string>> read_all(std::string_view text, char delimiter, std::size_t max_read = SIZE_MAX) {
  CsvReader reader(std::make_unique<MemorySource>(text, max_read), 7, 1 << 20, delimiter);
  CsvRecord rec;
  std::vector<std::vector<std::string>> out;
  while (true) {
    auto status = reader.next(rec);
    if (status == CsvReader::Status::end) break;
    EXPECT_EQ(status, CsvReader::Status::ok) << reader.error();
    out.emplace_back(rec.fields.begin(), rec.fields.end());
  }
  return out;
}

TEST(ExtractDelimiter, ReaderSplitsOnTheGivenDelimiterOnly) {
  using Rows = std::vector<std::vector<std::string>>;
  // Long unquoted fields so that the 16-byte scan, not only the byte loop, meets the delimiter.
  const std::string a(20, 'a'), b(19, 'b');
  EXPECT_EQ(read_all(a + ";" + b + ",x;\"q;\"\"r\"\"\nz\";\r\n;\n", ';'),
            (Rows{{a, b + ",x", "q;\"r\"\nz", ""}, {"", ""}}));
  EXPECT_EQ(read_all(a + "\t" + b + ", y\t\"t\tu\"\n", '\t', 3), (Rows{{a, b + ", y", "t\tu"}}));
  EXPECT_EQ(read_all("1|2,3|\"4|5\"", '|'), (Rows{{"1", "2,3", "4|5"}}));
  // A comma file read with the default is unchanged.
  EXPECT_EQ(read_all("1,2;3\n", ','), (Rows{{"1", "2;3"}}));
  // Text after a closing quote is malformed whatever the delimiter (here ',' in a ';' file).
  CsvReader reader(std::make_unique<MemorySource>("\"a\",b;c\nd;e\n"), 1 << 20, 1 << 20, ';');
  CsvRecord rec;
  EXPECT_EQ(reader.next(rec), CsvReader::Status::malformed);
  EXPECT_EQ(reader.next(rec), CsvReader::Status::ok);
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(rec.fields.size(), 2u);
}

TEST(ExtractDelimiter, QuoteAndLineEndsCannotBeDelimiters) {
  for (char bad : {'"', '\n', '\r'}) {
    EXPECT_THROW(CsvReader(std::make_unique<MemorySource>("a"), 16, 16, bad), InternalError) << int(bad);
  }
}

TEST(ExtractDelimiter, TabSeparatedExtractLoads) {
  const std::string fixtures = std::string(CSA_FIXTURES_DIR) + "/extract/";
  const std::string codes_path = std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv";
  if (!std::filesystem::exists(codes_path)) GTEST_SKIP() << "no shared data at " << CSA_SHARED_DIR;
  offence::OffenceCodeList codes = offence::read_offence_codes(codes_path);
  csa::testing::TempDir dir("csa-extract-tab");
  auto store = store::open_sqlite_store(dir.file("x.db"));
  Mapping m = read_mapping(fixtures + "crime-tab.toml");
  ASSERT_EQ(m.delimiter, '\t');
  auto summary = ingest_extracts(*store, {fixtures + "crime-tab.tsv"}, m, &codes, {});
  const auto& f = summary.files.at(0);
  ASSERT_TRUE(f.write) << f.error;
  EXPECT_EQ(f.rows_read, 3);
  EXPECT_EQ(f.rows_stored, 2);
  EXPECT_EQ(f.rows_quarantined, 1);
  auto rows = store->quarantine_rows("", 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].line, 4);
  EXPECT_EQ(rows[0].reason, "victim age 212 is impossible (0-120)");
  EXPECT_EQ(rows[0].raw.substr(0, 6), "C3\t44\t");

  ExtractSet set = load_extract_set(*store, DatasetKind::crime);
  ASSERT_EQ(set.records.size(), 2u);
  const Record& c1 = set.records[0];
  EXPECT_EQ(c1.line, 2);
  EXPECT_EQ(c1.reference, "C1");
  EXPECT_EQ(c1.code, "44");
  EXPECT_EQ(c1.start_day, 19747);  // 2024-01-25
  EXPECT_EQ(c1.easting, 546189);
  EXPECT_EQ(c1.victim_age, 36);
  EXPECT_EQ(c1.free_text, "Bike taken from rack, lock cut");
  const Record& c2 = set.records[1];
  EXPECT_EQ(c2.line, 3);
  EXPECT_EQ(c2.code, "8N");  // "08N" in the file
  EXPECT_EQ(c2.hate_strands, strand_race | strand_religion);
  EXPECT_EQ(c2.markers, marker_domestic_abuse | marker_hate | marker_knife | marker_alcohol);
  EXPECT_EQ(c2.free_text, "Punched\tin the \"street\"");
}

}  // namespace
}  // namespace csa::extract
