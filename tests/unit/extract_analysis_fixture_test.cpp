// Local-extract analyses on a hand-rolled crime extract over the synthetic test world
// (tests/fixtures/extract_analysis/crimes.csv), against figures computed independently in plain
// Python by tests/fixtures/extract_analysis/make_fixture.py, which writes expected.csv beside it:
// the area selection, the victim pyramid, keyword shares, reporting-lag bands, crimes per offender,
// repeat victims and crimes by weekday. District Alphaton (E07000901), year ending September 2025.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "dataset/geography.hpp"
#include "extract/date_format.hpp"
#include "extract_analysis/cadet.hpp"
#include "extract_analysis/keywords.hpp"
#include "extract_analysis/offenders.hpp"
#include "extract_analysis/pyramid.hpp"
#include "extract_analysis/repeat_victims.hpp"
#include "extract_analysis/reporting_lag.hpp"
#include "extract_analysis/time_of_day.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "offence/hierarchy.hpp"

namespace csa::extract_analysis {
namespace {

namespace tw = csa::testworld;
const std::string kDir = std::string(CSA_FIXTURES_DIR) + "/extract_analysis/";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, ',')) out.push_back(f);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::int32_t day_of(const std::string& iso) {
  return extract::days_from_civil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

extract::Sex sex_of(const std::string& s) { return s == "F" ? extract::Sex::female : s == "M" ? extract::Sex::male : extract::Sex::unknown; }

extract::ExtractSet read_crimes() {
  extract::ExtractSet set;
  set.kind = extract::DatasetKind::crime;
  set.batches.push_back({1, extract::DatasetKind::crime, "fixture crimes", "crimes.csv", true, 240, 240, 0, ""});
  std::ifstream in(kDir + "crimes.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto f = split(line);
    f.resize(15);
    extract::Record r;
    r.line = std::stoll(f[0]);
    r.ward_code = f[1];
    r.lsoa_code = f[2];
    r.recorded_day = day_of(f[3]);
    if (!f[4].empty()) r.start_day = day_of(f[4]);
    r.start_minute = static_cast<std::int16_t>(std::stoi(f[5]));
    r.code = f[6];
    r.victim_age = static_cast<std::int16_t>(std::stoi(f[7]));
    r.victim_sex = sex_of(f[8]);
    r.offender_age = static_cast<std::int16_t>(std::stoi(f[9]));
    r.offender_sex = sex_of(f[10]);
    r.victim_id = f[11];
    r.offender_id = f[12];
    if (f[13].find('D') != std::string::npos) r.markers |= extract::marker_domestic_abuse;
    if (f[13].find('H') != std::string::npos) r.markers |= extract::marker_hate;
    r.free_text = f[14];
    set.records.push_back(r);
    set.batch_of.push_back(0);
  }
  return set;
}

std::map<std::string, std::string> expected() {
  std::map<std::string, std::string> out;
  std::ifstream in(kDir + "expected.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto comma = line.find(',');
    out[line.substr(0, comma)] = line.substr(comma + 1);
  }
  return out;
}

class ExtractAnalysisFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new tw::TempDir;
    auto s = store::open_sqlite_store(*dir_ / "w.db");
    tw::load_geography(*s, false);
    geo_ = new dataset::Geography(dataset::Geography::from_store(*s));
    crimes_ = new extract::ExtractSet(read_crimes());
  }
  static void TearDownTestSuite() {
    delete crimes_;
    delete geo_;
    delete dir_;
  }
  static Scope scope() { return scope_for(*geo_, geo_->resolve(tw::kAlphaton)); }
  static period::Window window() { return period::year_ending(period::Month(2025, 9)); }
  static std::int64_t want(const std::string& key) { return std::stoll(expected().at(key)); }
  static std::string cell(const table::Table& t, const std::string& row, std::size_t col) {
    for (const auto& r : t.rows)
      if (r.cells[0].text == row) return r.cells[col].text;
    return "no row " + row;
  }
  static inline tw::TempDir* dir_ = nullptr;
  static inline dataset::Geography* geo_ = nullptr;
  static inline extract::ExtractSet* crimes_ = nullptr;
};

TEST_F(ExtractAnalysisFixture, SelectionPlacesByWardOrLsoaAndCountsTheUnknown) {
  ASSERT_EQ(crimes_->records.size(), 240u);
  auto s = select(*crimes_, scope(), window());
  EXPECT_EQ(s.in_period, want("in_period"));
  EXPECT_EQ(static_cast<std::int64_t>(s.rows.size()), want("selected"));
  EXPECT_EQ(s.location_unknown, want("location_unknown"));
  EXPECT_EQ(s.location_not_in_lookup, want("not_in_lookup"));
  EXPECT_EQ(s.in_period, static_cast<std::int64_t>(s.rows.size()) + s.location_unknown + s.location_not_in_lookup + s.outside_area);
}

// The fixture's crimes carry victim ids, so the pyramid counts people: make_fixture.py keeps each
// victim id's first crime in the period (recorded date, then line) and adds the crimes with no id.
TEST_F(ExtractAnalysisFixture, VictimPyramidEqualsPython) {
  auto s = select(*crimes_, scope(), window());
  auto p = build_pyramid(*crimes_, s.rows, Person::victim);
  EXPECT_TRUE(p.by_person);
  EXPECT_EQ(p.records, want("selected"));
  EXPECT_EQ(p.people, want("victims"));
  EXPECT_EQ(p.records_without_id, want("victim_records_without_id"));
  EXPECT_EQ(p.no_person, want("victim_none"));
  const auto& bands = pyramid_bands();
  std::int64_t differ = 0;  // cells where people and records differ: the fixture must tell them apart
  for (std::size_t b = 0; b < bands.size(); ++b) {
    EXPECT_EQ(p.female[b], want("victim_F_" + bands[b].label)) << bands[b].label;
    EXPECT_EQ(p.male[b], want("victim_M_" + bands[b].label)) << bands[b].label;
    differ += want("victim_F_" + bands[b].label) != want("victim_records_F_" + bands[b].label);
    differ += want("victim_M_" + bands[b].label) != want("victim_records_M_" + bands[b].label);
  }
  EXPECT_GT(differ, 0);
  // Every person is in a cell or in one of the notes' "not in the pyramid" counts.
  std::int64_t in = 0;
  for (std::size_t b = 0; b < bands.size(); ++b) in += p.female[b] + p.male[b];
  EXPECT_EQ(in + p.age_unknown + p.sex_unknown, p.people + p.records_without_id);
  // The table suppresses 1-4 at any level: Python's 0-9 female count is 1, 45-54 female 9.
  auto t = pyramid_table(p, *crimes_, scope(), window(), s);
  EXPECT_EQ(cell(t, "0-9", 1), "<5");
  EXPECT_EQ(cell(t, "45-54", 1), std::to_string(want("victim_F_45-54")));
  EXPECT_EQ(t.notes.front(), kSyntheticNote);
  const std::string basis = fmt::format("Counts people, not records: {} distinct victim ids and {} records with no id, one person "
                                        "each, from {} records;",
                                        want("victims"), want("victim_records_without_id"), want("selected"));
  bool said = false;
  for (const auto& n : t.notes) said = said || n.rfind(basis, 0) == 0;
  EXPECT_TRUE(said) << basis;
}

// The same crimes from an extract without victim ids: each crime counts its victim, as Python's
// record counts, and the basis line says records were counted.
TEST_F(ExtractAnalysisFixture, VictimPyramidWithoutIdsCountsRecordsAsPython) {
  auto s = select(*crimes_, scope(), window());
  extract::ExtractSet no_ids = *crimes_;
  for (auto& r : no_ids.records) r.victim_id.clear();
  auto p = build_pyramid(no_ids, s.rows, Person::victim);
  EXPECT_FALSE(p.by_person);
  EXPECT_EQ(p.people, 0);
  const auto& bands = pyramid_bands();
  std::int64_t in = 0;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    EXPECT_EQ(p.female[b], want("victim_records_F_" + bands[b].label)) << bands[b].label;
    EXPECT_EQ(p.male[b], want("victim_records_M_" + bands[b].label)) << bands[b].label;
    in += p.female[b] + p.male[b];
  }
  EXPECT_EQ(in + p.age_unknown + p.sex_unknown + p.no_person, p.records);
  EXPECT_EQ(pyramid_basis(p).rfind(fmt::format("Counts records, not people: the {} records carry no victim ids", want("selected")), 0),
            0u)
      << pyramid_basis(p);
}

// People, not records: offender O1 has three crimes in the period, aged 17, 17 and 18 (recorded in
// that date order, though not in file order); O2 two; one record has an offender with no id; one has
// no offender at all. Worked by hand: people O1 (male 10-17, at the first crime), O2 (female 25-34,
// its first record by date says 30), the record without id (male 18-24): 3 people from 7 records.
TEST(ExtractAnalysisPyramid, OffendersAreCountedOnceAtTheirFirstCrime) {
  extract::ExtractSet set;
  auto add = [&](std::int32_t day, const char* id, std::int16_t age, extract::Sex sex) {
    extract::Record r;
    r.recorded_day = day;
    r.offender_id = id;
    r.offender_age = age;
    r.offender_sex = sex;
    set.records.push_back(r);
  };
  using extract::Sex;
  add(20000, "O1", 18, Sex::male);    // O1's third crime, first in the file
  add(19990, "O1", 17, Sex::male);    // O1's first crime
  add(19995, "O1", 17, Sex::male);
  add(19991, "O2", 40, Sex::female);  // O2's second
  add(19980, "O2", 30, Sex::female);  // O2's first
  add(19985, "", 20, Sex::male);      // an offender with no id: one person
  add(19985, "", extract::kNoAge, Sex::unknown);  // no offender recorded
  std::vector<std::size_t> rows{0, 1, 2, 3, 4, 5, 6};
  auto p = build_pyramid(set, rows, Person::offender);
  EXPECT_TRUE(p.by_person);
  EXPECT_EQ(p.records, 7);
  EXPECT_EQ(p.people, 2);
  EXPECT_EQ(p.records_without_id, 1);
  EXPECT_EQ(p.no_person, 1);
  const auto& bands = pyramid_bands();
  auto at = [&](const std::vector<std::int64_t>& side, const std::string& label) {
    for (std::size_t b = 0; b < bands.size(); ++b)
      if (bands[b].label == label) return side[b];
    return std::int64_t{-1};
  };
  EXPECT_EQ(at(p.male, "10-17"), 1);
  EXPECT_EQ(at(p.male, "18-24"), 1);  // the record without id, not O1's third crime
  EXPECT_EQ(at(p.female, "25-34"), 1);
  EXPECT_EQ(at(p.female, "35-44"), 0);
  std::int64_t all = 0;
  for (std::size_t b = 0; b < bands.size(); ++b) all += p.female[b] + p.male[b];
  EXPECT_EQ(all, 3);
  EXPECT_NE(pyramid_basis(p).find("2 distinct offender ids and 1 records with no id"), std::string::npos) << pyramid_basis(p);
  // The same records say nothing about victims: no one to count, and no ids, so the basis is records.
  auto v = build_pyramid(set, rows, Person::victim);
  EXPECT_FALSE(v.by_person);
  EXPECT_EQ(v.no_person, 7);
  EXPECT_EQ(v.sex_unknown + v.age_unknown, 0);
}

// A victim with no id is one person; a crime with nothing about its victim is no one. Worked by hand:
// V1 twice (female 30, then 50: counted at 30), a female of 40 with no id, a record with no victim:
// female 25-34 1, 35-44 1, 45-54 0; 2 people from 4 records, 1 no victim recorded.
TEST(ExtractAnalysisPyramid, AVictimWithoutIdIsOnePersonAndACrimeWithoutVictimNone) {
  extract::ExtractSet set;
  auto add = [&](std::int32_t day, const char* id, std::int16_t age, extract::Sex sex) {
    extract::Record r;
    r.recorded_day = day;
    r.victim_id = id;
    r.victim_age = age;
    r.victim_sex = sex;
    set.records.push_back(r);
  };
  using extract::Sex;
  add(19990, "V1", 30, Sex::female);
  add(19999, "V1", 50, Sex::female);
  add(19995, "", 40, Sex::female);
  add(19995, "", extract::kNoAge, Sex::unknown);
  auto p = build_pyramid(set, {0, 1, 2, 3}, Person::victim);
  EXPECT_TRUE(p.by_person);
  EXPECT_EQ(p.records, 4);
  EXPECT_EQ(p.people, 1);
  EXPECT_EQ(p.records_without_id, 1);
  EXPECT_EQ(p.no_person, 1);
  const auto& bands = pyramid_bands();
  EXPECT_EQ(p.female[3], 1);  // 25-34
  EXPECT_EQ(p.female[4], 1);  // 35-44
  EXPECT_EQ(p.female[5], 0);  // 45-54: V1's second crime is not a second person
  ASSERT_EQ(bands[3].label, "25-34");
  ASSERT_EQ(bands[5].label, "45-54");
}

TEST_F(ExtractAnalysisFixture, KeywordSharesEqualPython) {
  auto lists = read_word_lists(std::string(CSA_FIXTURES_DIR) + "/../../examples/keywords.toml");
  ASSERT_EQ(lists.size(), 3u);
  for (auto& l : lists) l.dataset = extract::DatasetKind::crime;  // the fixture is one crime extract
  auto t = keyword_table(lists, *crimes_, scope(), {window()});
  for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
           {"street_asb", "Street ASB"}, {"e_scooter", "E-scooter"}, {"familial_abuse", "Familial domestic abuse"}}) {
    EXPECT_EQ(cell(t, label, 1), std::to_string(want("selected"))) << id;
    EXPECT_EQ(cell(t, label, 2), std::to_string(want("keyword_" + id))) << id;
    EXPECT_EQ(cell(t, label, 3), expected().at("keyword_" + id + "_share")) << id;
  }
}

TEST(ExtractAnalysisKeywords, WholeWordsIgnoringCase) {
  EXPECT_TRUE(contains_word("Drunk male", "drunk"));
  EXPECT_FALSE(contains_word("drunken party", "drunk"));
  EXPECT_TRUE(contains_word("my brother-in-law", "brother"));
  EXPECT_FALSE(contains_word("grandmother", "mother"));
  EXPECT_TRUE(contains_word("rode an E-Scooter.", "e-scooter"));
  EXPECT_FALSE(contains_word("abusive, language", "abusive language"));
  EXPECT_FALSE(contains_word("", "drunk"));
}

TEST_F(ExtractAnalysisFixture, ReportingLagBandsEqualPython) {
  auto t = reporting_lag_table(offence::load_default_hierarchy(std::string(CSA_SHARED_DIR) +
                                                               "/data/taxonomy/home-office-offence-codes-2024-25.csv"),
                               -1, *crimes_, scope(), {window()});
  for (const char* band : {"Under 1 year", "1-4 years", "5-9 years", "10 years or more"}) {
    EXPECT_EQ(cell(t, band, 1), std::to_string(want(std::string("lag_") + band))) << band;
  }
  EXPECT_EQ(whole_years_between(extract::days_from_civil(2023, 3, 1), extract::days_from_civil(2024, 2, 29)), 0);
  EXPECT_EQ(whole_years_between(extract::days_from_civil(2023, 3, 1), extract::days_from_civil(2024, 3, 1)), 1);
  EXPECT_EQ(whole_years_between(extract::days_from_civil(2024, 3, 2), extract::days_from_civil(2024, 3, 1)), -1);
}

TEST_F(ExtractAnalysisFixture, OffendersAndRepeatVictimsEqualPython) {
  OffenderRequest req{window(), 6};
  auto t = offenders_table(*crimes_, scope(), req);
  EXPECT_EQ(cell(t, "All offenders", 1), std::to_string(want("offenders")));
  EXPECT_EQ(cell(t, "All offenders", 3), std::to_string(want("offender_crimes")));
  EXPECT_EQ(cell(t, "1 crime", 1), std::to_string(want("offenders_1")));
  // Two persistent offenders: suppressed below 5 only below district level, so shown here.
  EXPECT_EQ(cell(t, "Persistent (6 or more crimes)", 1), std::to_string(want("persistent_6")));
  EXPECT_EQ(cell(t, "Persistent (6 or more crimes)", 3), std::to_string(want("persistent_6_crimes")));
  auto v = repeat_victims_table(*crimes_, scope(), {window()});
  EXPECT_EQ(v.rows[0].cells[1].text, std::to_string(want("victims")));
  EXPECT_EQ(v.rows[0].cells[2].text, std::to_string(want("repeat_victims")));
  EXPECT_EQ(v.rows[0].cells[5].text, std::to_string(want("repeat_victim_records")));
}

TEST_F(ExtractAnalysisFixture, DayOfWeekTotalsEqualPython) {
  auto s = select(*crimes_, scope(), window());
  auto m = day_hour_matrix(*crimes_, s.rows);
  for (int d = 0; d < 7; ++d) {
    std::int64_t n = 0;
    for (auto c : m.counts[static_cast<std::size_t>(d)]) n += c;
    EXPECT_EQ(n, want("weekday_" + std::to_string(d))) << d;
  }
  EXPECT_EQ(m.without_time, want("without_time"));
  EXPECT_EQ(weekday_of_day(extract::days_from_civil(2025, 11, 21)), 4);  // a Friday
}

TEST_F(ExtractAnalysisFixture, WardScopeSuppressesSmallCounts) {
  auto ward = scope_for(*geo_, geo_->resolve(tw::kCastle));
  EXPECT_TRUE(ward.suppress);
  EXPECT_FALSE(scope().suppress);
  EXPECT_EQ(count_cell(3, ward).text, "<5");
  EXPECT_EQ(count_cell(0, ward).text, "0");
  EXPECT_EQ(count_cell(3, scope()).text, "3");
}

TEST_F(ExtractAnalysisFixture, WardCadetHidesACountRecoverableFromItsParent) {
  // Robbery 12 = business 2 + personal 10 in a ward: <5 alone would leave 2 = 12 - 10, so the
  // personal count is hidden as [c] too, in both periods, with its changes.
  const auto& h = offence::load_default_hierarchy(std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv");
  HierarchyCounts a, b;
  a.nodes.assign(h.nodes().size(), std::int64_t{0});
  a.markers.assign(h.markers().size(), 0);
  a.nodes[static_cast<std::size_t>(h.find("robbery_business"))] = 2;
  a.nodes[static_cast<std::size_t>(h.find("robbery_personal"))] = 10;
  for (std::size_t i = 0; i < h.nodes().size(); ++i)
    if (!h.node(static_cast<int>(i)).leaf()) a.nodes[i].reset();
  a.nodes = offence::roll_up(h, a.nodes);
  b = a;
  auto ward = scope_for(*geo_, geo_->resolve(tw::kCastle));
  CadetRequest req{period::calendar_year(2024), period::calendar_year(2025), CadetRequest::ChangeStyle::cadet, {}, true, true};
  auto t = cadet_table_from_counts(h, a, b, req, ward);
  EXPECT_EQ(cell(t, "robbery_business", 2), "<5");
  EXPECT_EQ(cell(t, "robbery_personal", 2), "[c]");
  EXPECT_EQ(cell(t, "robbery_personal", 3), "[c]");
  EXPECT_EQ(cell(t, "robbery_personal", 5), "-");
  EXPECT_EQ(cell(t, "robbery", 2), "12");
  EXPECT_EQ(cell(t, "victim_based", 3), "12");  // its only non-zero child is printed: nothing to hide
}

TEST(ExtractAnalysisCadet, CountsByCodeMarkersAndUnknownCodes) {
  // Counted by hand: 3 x 8N (violence with injury), 1 x 28A (old domestic burglary code ->
  // residential), 1 x AF (Action Fraud, outside All crime), 1 x 99Z (not in the list).
  const auto h = offence::load_default_hierarchy(std::string(CSA_SHARED_DIR) + "/data/taxonomy/home-office-offence-codes-2024-25.csv");
  extract::ExtractSet set;
  for (const char* code : {"8N", "8N", "8N", "28A", "AF", "99Z"}) {
    extract::Record r;
    r.code = code;
    set.records.push_back(r);
  }
  set.records[0].markers = extract::marker_domestic_abuse;
  set.records[1].markers = extract::marker_domestic_abuse | extract::marker_hate;
  set.records[4].markers = extract::marker_domestic_abuse;  // fraud: outside All crime, so not a DA row
  auto c = count_hierarchy(h, set, {0, 1, 2, 3, 4, 5});
  auto at = [&](const char* id) { return *c.nodes[static_cast<std::size_t>(h.find(id))]; };
  EXPECT_EQ(at("all_crime"), 4);
  EXPECT_EQ(at("victim_based"), 4);
  EXPECT_EQ(at("vap"), 3);
  EXPECT_EQ(at("violence_with_injury"), 3);
  EXPECT_EQ(at("theft"), 1);
  EXPECT_EQ(at("burglary_residential"), 1);
  EXPECT_EQ(at("fraud"), 1);
  EXPECT_EQ(at("other_against_society"), 0);
  EXPECT_EQ(c.code_not_in_list, 1);
  EXPECT_EQ(c.markers[1], 2);  // domestic abuse
  EXPECT_EQ(c.markers[2], 1);  // hate
}

}  // namespace
}  // namespace csa::extract_analysis
