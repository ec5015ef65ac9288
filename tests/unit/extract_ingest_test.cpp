// csa ingest extract end to end below the command line: the fixtures in tests/fixtures/extract
// through the shipped example mappings into a SQLite store, then back through extract::load_*.
// Expected values are read off the fixture rows by hand (dates as days via python3's
// (date(y, m, d) - date(1970, 1, 1)).days); the golden treatment values are read from the CSV file
// by the test's own line splitting, not by csa.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "extract/date_format.hpp"
#include "extract/extract_ingest.hpp"
#include "extract/load.hpp"
#include "offence/offence_codes.hpp"
#include "support/temp_dir.hpp"

namespace csa::extract {
namespace {

using csa::testing::TempDir;

const std::string kFixtures = std::string(CSA_FIXTURES_DIR) + "/extract/";
const std::string kMappings = std::string(CSA_FIXTURES_DIR) + "/../../examples/mappings/";
const std::string kCodes = std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv";

class ExtractIngest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kCodes)) GTEST_SKIP() << "no shared data at " << CSA_SHARED_DIR;
    codes_ = offence::read_offence_codes(kCodes);
    store_ = store::open_sqlite_store(dir_.file("x.db"));
  }
  ExtractIngestSummary ingest(const std::string& file, const std::string& mapping) {
    Mapping m = read_mapping(kMappings + mapping);
    return ingest_extracts(*store_, {file}, m, &codes_, {});
  }
  TempDir dir_{"csa-extract"};
  offence::OffenceCodeList codes_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(ExtractIngest, OffenceCodeList) {
  EXPECT_EQ(codes_.size(), 147u);  // the file's data lines: `tail -n +2 FILE | wc -l`
  auto listed = [&](std::string_view code) -> std::optional<std::string> {
    auto i = codes_.find(code);
    if (!i) return std::nullopt;
    return codes_.codes()[*i].code;
  };
  EXPECT_EQ(listed("08N"), std::optional<std::string>("8N"));
  EXPECT_EQ(listed(" 8n"), std::optional<std::string>("8N"));
  EXPECT_EQ(listed("105a"), std::optional<std::string>("105A"));
  EXPECT_FALSE(codes_.find("999Z"));
  EXPECT_FALSE(codes_.find(""));
}

TEST_F(ExtractIngest, CrimeRowsStoredOrQuarantinedWithReasons) {
  auto summary = ingest(kFixtures + "crime-bad.csv", "synthetic-crime.toml");
  ASSERT_EQ(summary.files.size(), 1u);
  const auto& f = summary.files[0];
  ASSERT_TRUE(f.write) << f.error;
  EXPECT_EQ(f.rows_read, 13);
  EXPECT_EQ(f.rows_stored, 3);
  EXPECT_EQ(f.rows_quarantined, 10);
  EXPECT_EQ(f.quarantine_reasons.size(), 10u);  // one of each
  auto rows = store_->quarantine_rows("", 100);
  ASSERT_EQ(rows.size(), 10u);
  std::vector<std::pair<std::int64_t, std::string>> want = {
      {4, "start date '31/02/2024' is not a date (format dd/mm/yyyy)"},
      {5, "offence code '999Z' is not in the Home Office code list"},
      {6, "victim age 212 is impossible (0-120)"},
      {7, "easting/northing (812345, 5) is outside Great Britain"},
      {8, "recorded date 2024-03-01 is before the start date 2024-03-05"},
      {9, "hate marker 'Maybe' (column 'HateFlag') is neither true"},
      {10, "victim sex 'Q' is not a known spelling"},
      {11, "expected 28 fields as in the header, found 4"},
      {12, "recorded date is empty (column 'RecordedDate'; a crime must have one)"},
      {13, "recorded time '25:00' is not a time (format HH:MM)"}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(rows[i].line, want[i].first);
    EXPECT_EQ(rows[i].reason.rfind(want[i].second, 0), 0u) << rows[i].reason;
  }
  EXPECT_EQ(rows[1].raw.substr(0, 9), "C4,999Z,M");

  ExtractSet set = load_extract_set(*store_, DatasetKind::crime);
  ASSERT_EQ(set.batches.size(), 1u);
  EXPECT_TRUE(set.any_synthetic());
  EXPECT_EQ(set.batches[0].source, "Synthetic crime extract");
  EXPECT_EQ(set.batches[0].file_name, "crime-bad.csv");
  EXPECT_EQ(set.batches[0].rows_read, 13);
  ASSERT_EQ(set.records.size(), 3u);
  EXPECT_EQ(set.batch_of, (std::vector<std::int32_t>{0, 0, 0}));
  const Record& c1 = set.records[0];
  EXPECT_EQ(c1.line, 2);
  EXPECT_EQ(c1.reference, "C1");
  EXPECT_EQ(c1.code, "44");
  EXPECT_EQ(c1.start_day, 19747);  // 2024-01-25
  EXPECT_EQ(c1.start_minute, 2 * 60 + 1);
  EXPECT_EQ(c1.recorded_minute, 5 * 60 + 11);
  EXPECT_EQ(c1.easting, 546189);
  EXPECT_EQ(c1.northing, 258947);
  EXPECT_EQ(c1.lsoa_code, "E01017943");
  EXPECT_EQ(c1.victim_age, 36);
  EXPECT_EQ(c1.victim_sex, Sex::male);
  EXPECT_EQ(c1.offender_age, kNoAge);
  EXPECT_EQ(c1.victim_id, "V1");
  EXPECT_EQ(c1.free_text, "Bike taken from rack, lock cut");
  EXPECT_EQ(c1.markers, 0);
  const Record& c2 = set.records[1];
  EXPECT_EQ(c2.code, "8N");  // "08N" in the file
  EXPECT_EQ(c2.start_day, 19750);     // 2024-01-28
  EXPECT_EQ(c2.recorded_day, 19755);  // 2024-02-02
  EXPECT_EQ(c2.markers, marker_domestic_abuse | marker_hate | marker_knife | marker_alcohol);
  EXPECT_EQ(c2.hate_strands, strand_race | strand_religion);
  EXPECT_EQ(c2.offender_sex, Sex::male);
  EXPECT_EQ(c2.offender_id, "P1");
  const Record& c13 = set.records[2];
  EXPECT_EQ(c13.code, "105A");  // "105a"
  EXPECT_EQ(c13.start_day, 19782);  // 2024-02-29
  EXPECT_EQ(c13.start_minute, kNoMinute);
  EXPECT_EQ(c13.victim_age, 0);     // the bounds are possible ages
  EXPECT_EQ(c13.offender_age, 120);
  EXPECT_FALSE(c13.located());
  EXPECT_EQ(f.rows_without_location, 1);
}

TEST_F(ExtractIngest, AsbCategoriesAndRisk) {
  auto summary = ingest(kFixtures + "asb-bad.csv", "synthetic-asb.toml");
  const auto& f = summary.files.at(0);
  EXPECT_EQ(f.rows_read, 5);
  EXPECT_EQ(f.rows_stored, 2);
  auto rows = store_->quarantine_rows("", 10);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].reason, "code 'Nuisence' is not personal|nuisance|environmental (did you mean nuisance?)");
  EXPECT_EQ(rows[1].reason.rfind("LSOA code 'X1234' is not a GSS LSOA code", 0), 0u) << rows[1].reason;
  EXPECT_EQ(rows[2].reason.rfind("risk 'Severe' is not a known spelling", 0), 0u) << rows[2].reason;
  ExtractSet set = load_extract_set(*store_, DatasetKind::asb);
  ASSERT_EQ(set.records.size(), 2u);
  EXPECT_EQ(set.records[0].code, "nuisance");
  EXPECT_EQ(set.records[0].subtype, "Rowdy behaviour");
  EXPECT_EQ(set.records[0].risk, Risk::standard);
  EXPECT_EQ(set.records[1].code, "environmental");  // "ENVIRONMENTAL"
  EXPECT_EQ(set.records[1].risk, Risk::none);       // "No Risk"
  EXPECT_TRUE(load_extract_set(*store_, DatasetKind::crime).records.empty());
}

TEST_F(ExtractIngest, ForceLayoutIsoDatesLonLat) {
  auto summary = ingest(kFixtures + "force-crime.csv", "force-crime-iso.toml");
  const auto& f = summary.files.at(0);
  EXPECT_EQ(f.rows_read, 3);
  EXPECT_EQ(f.rows_stored, 2);
  ExtractSet set = load_extract_set(*store_, DatasetKind::crime);
  EXPECT_FALSE(set.any_synthetic());
  ASSERT_EQ(set.records.size(), 2u);
  const Record& a = set.records[0];
  EXPECT_EQ(a.code, "8N");
  EXPECT_EQ(a.start_day, 19813);
  EXPECT_EQ(a.start_minute, 14 * 60 + 5);
  EXPECT_EQ(a.recorded_minute, 15 * 60 + 20);
  // `echo "52.2053 0.1218" | cs2cs EPSG:4326 EPSG:27700` gives 545088.408 258462.956 (PROJ with or
  // without the OSTN15 grid agrees to about 2 m).
  EXPECT_NEAR(a.easting, 545088.408, 3.0);
  EXPECT_NEAR(a.northing, 258462.956, 3.0);
  EXPECT_EQ(a.markers, marker_domestic_abuse | marker_knife);
  EXPECT_EQ(a.victim_sex, Sex::female);
  EXPECT_EQ(a.ward_code, "E05013050");
  const Record& b = set.records[1];
  EXPECT_EQ(b.hate_strands, strand_race | strand_religion);  // "Racial|Faith"
  EXPECT_EQ(b.markers, marker_hate);
  EXPECT_EQ(b.victim_sex, Sex::other);  // "Non-binary"
  EXPECT_EQ(b.recorded_minute, 9 * 60);
  auto rows = store_->quarantine_rows("", 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].reason.rfind("longitude/latitude (-30.5, 52.2) is outside Great Britain", 0), 0u);
}

TEST_F(ExtractIngest, IdempotentReloadAndReplacement) {
  std::string copy = dir_.file("crime.csv");
  std::filesystem::copy_file(kFixtures + "crime-bad.csv", copy);
  auto first = ingest(copy, "synthetic-crime.toml");
  EXPECT_EQ(first.files.at(0).write->action, store::BatchWriteResult::Action::loaded);
  auto again = ingest(copy, "synthetic-crime.toml");
  EXPECT_EQ(again.files.at(0).write->action, store::BatchWriteResult::Action::unchanged);
  EXPECT_EQ(load_extract_set(*store_, DatasetKind::crime).records.size(), 3u);
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 10u);
  // One byte changed: C5's impossible age 212 becomes 21, so the row is stored.
  std::ifstream in(copy, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto at = text.find(",212,F,");
  ASSERT_NE(at, std::string::npos);
  text.erase(at + 3, 1);
  std::ofstream(copy, std::ios::binary) << text;
  auto replaced = ingest(copy, "synthetic-crime.toml");
  const auto& r = replaced.files.at(0);
  ASSERT_TRUE(r.write);
  EXPECT_EQ(r.write->action, store::BatchWriteResult::Action::replaced);
  EXPECT_EQ(r.write->previous->rows_stored, 3);
  EXPECT_EQ(r.rows_stored, 4);
  EXPECT_EQ(r.rows_quarantined, 9);
  ExtractSet set = load_extract_set(*store_, DatasetKind::crime);
  ASSERT_EQ(set.batches.size(), 1u);
  EXPECT_EQ(set.records.size(), 4u);
  EXPECT_EQ(set.records[2].reference, "C5");
  EXPECT_EQ(set.records[2].victim_age, 21);
  EXPECT_EQ(store_->quarantine_rows("", 100).size(), 9u);
  EXPECT_EQ(store_->extract_batches().size(), 1u);
}

TEST_F(ExtractIngest, GoldenTreatmentTableLoadsAsPublished) {
  std::string golden = std::string(CSA_SHARED_DIR) + "/golden/sa2024-treatment.csv";
  auto summary = ingest(golden, "treatment.toml");
  const auto& f = summary.files.at(0);
  ASSERT_TRUE(f.write) << f.error;
  EXPECT_EQ(f.rows_read, 5);  // the total row too: read, checked and stored
  EXPECT_EQ(f.rows_stored, 5);
  EXPECT_NE(f.total_check.find("equals the sum"), std::string::npos);
  // The file, split by hand: category, ye_sep_2023, ye_sep_2024 (no quoted fields in it).
  std::ifstream in(golden);
  std::string line;
  std::getline(in, line);
  std::vector<SeriesValue> want;
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::string category, a, b;
    std::getline(cells, category, ',');
    std::getline(cells, a, ',');
    std::getline(cells, b, ',');
    want.push_back({"treatment", category, "ye2023-09", std::stod(a)});
    want.push_back({"treatment", category, "ye2024-09", std::stod(b)});
  }
  auto got = load_series(*store_, "treatment");
  ASSERT_EQ(got.size(), want.size());
  ASSERT_EQ(want.size(), 10u);
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].series, want[i].series);
    EXPECT_EQ(got[i].category, want[i].category);
    EXPECT_EQ(got[i].period, want[i].period);
    EXPECT_EQ(got[i].value, want[i].value);
  }
  EXPECT_EQ(series_names(*store_), std::vector<std::string>{"treatment"});
  EXPECT_TRUE(load_series(*store_, "probation").empty());
}

TEST_F(ExtractIngest, TotalMismatchStoresNothingAndNamesTheCell) {
  auto summary = ingest(kFixtures + "treatment-bad-total.csv", "treatment.toml");
  const auto& f = summary.files.at(0);
  EXPECT_FALSE(f.write);
  EXPECT_EQ(summary.files_failed, 1);
  EXPECT_NE(f.error.find("treatment-bad-total.csv:6: total row 'Total in treatment', column ye_sep_2024: 1239 but the "
                         "4 stored categories sum to 1238"),
            std::string::npos)
      << f.error;
  EXPECT_TRUE(series_names(*store_).empty());
  EXPECT_TRUE(store_->extract_batches().empty());
}

TEST_F(ExtractIngest, HeaderNotMatchingTheMappingFailsTheFile) {
  auto summary = ingest(kFixtures + "wrong-header.csv", "synthetic-crime.toml");
  const auto& f = summary.files.at(0);
  EXPECT_FALSE(f.write);
  EXPECT_NE(f.error.find("synthetic-crime.toml: columns."), std::string::npos) << f.error;
  EXPECT_NE(f.error.find("is not in the header of"), std::string::npos) << f.error;
}

// Several files in one command: each file's parser starts as the previous one's finishes
// (ParsingStream::start_when_done), so a file is parsed while the previous one is still being
// written. Each file must still get its own result, error and rows, the same as loaded one by one.
TEST_F(ExtractIngest, ManyFilesInOneCommandKeepTheirOwnResults) {
  const std::string a = dir_.file("a.csv"), b = dir_.file("b.csv");
  std::filesystem::copy_file(kFixtures + "crime-bad.csv", a);
  std::filesystem::copy_file(std::string(CSA_FIXTURES_DIR) + "/extract_checks/crime.csv", b);
  Mapping m = read_mapping(kMappings + "synthetic-crime.toml");
  auto summary = ingest_extracts(*store_, {a, kFixtures + "wrong-header.csv", b, a}, m, &codes_, {});
  ASSERT_EQ(summary.files.size(), 4u);
  const auto& f = summary.files;
  ASSERT_TRUE(f[0].write) << f[0].error;
  EXPECT_EQ(f[0].write->action, store::BatchWriteResult::Action::loaded);
  EXPECT_EQ(f[0].rows_read, 13);
  EXPECT_EQ(f[0].rows_stored, 3);
  EXPECT_FALSE(f[1].write);
  EXPECT_NE(f[1].error.find("is not in the header of"), std::string::npos) << f[1].error;
  EXPECT_NE(f[1].error.find("wrong-header.csv"), std::string::npos) << f[1].error;
  ASSERT_TRUE(f[2].write) << f[2].error;
  EXPECT_EQ(f[2].write->action, store::BatchWriteResult::Action::loaded);
  EXPECT_EQ(f[2].rows_read, 173);  // the fixture's data lines: `tail -n +2 FILE | wc -l`
  EXPECT_EQ(f[2].rows_read, f[2].rows_stored + f[2].rows_quarantined);
  ASSERT_TRUE(f[3].write) << f[3].error;
  EXPECT_EQ(f[3].write->action, store::BatchWriteResult::Action::unchanged);
  EXPECT_EQ(summary.files_failed, 1);
  EXPECT_EQ(summary.rows_read, 13 + 173 + 13);

  // The same files loaded one command each, into another database: the same records in the same order.
  TempDir other_dir("csa-extract-one-by-one");
  auto other = store::open_sqlite_store(other_dir.file("y.db"));
  for (const std::string& file : {a, b}) ingest_extracts(*other, {file}, m, &codes_, {});
  const ExtractSet together = load_extract_set(*store_, DatasetKind::crime);
  const ExtractSet one_by_one = load_extract_set(*other, DatasetKind::crime);
  ASSERT_EQ(together.records.size(), 3u + static_cast<std::size_t>(f[2].rows_stored));
  ASSERT_EQ(together.records.size(), one_by_one.records.size());
  for (std::size_t i = 0; i < together.records.size(); ++i) {
    EXPECT_EQ(together.records[i].reference, one_by_one.records[i].reference);
    EXPECT_EQ(together.records[i].line, one_by_one.records[i].line);
  }
  EXPECT_EQ(store_->quarantine_rows("", 1000).size(), other->quarantine_rows("", 1000).size());
}

}  // namespace
}  // namespace csa::extract
