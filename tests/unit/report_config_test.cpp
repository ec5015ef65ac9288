// report::load_report_config: the shipped example (every value), the defaults, paths relative to the
// file, and the errors a partnership sees when it mistypes the file (each names the file and, where
// there is one, the line).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "report/report_config.hpp"
#include "report_test_world.hpp"
#include "support/temp_dir.hpp"

namespace csa::report {
namespace {

namespace fs = std::filesystem;

// The checkout: tests/fixtures/../..
fs::path source_dir() { return fs::path(CSA_FIXTURES_DIR).parent_path().parent_path(); }

std::string write(const csa::testing::TempDir& dir, const std::string& name, const std::string& text) {
  fs::path p = dir.path() / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}

// The message of the InputError that loading `path` throws; fails the test when it does not throw one.
std::string error_of(const std::string& path) {
  try {
    load_report_config(path);
  } catch (const InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected InputError, got another exception: " << e.what();
    return {};
  }
  ADD_FAILURE() << "expected InputError for " << path;
  return {};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(ReportConfig, LoadsEveryValueOfTheCambridgeExample) {
  const fs::path file = source_dir() / "examples/cambridge/csa.toml";
  ReportConfig c = load_report_config(file.string());
  EXPECT_EQ(c.path, file.string());
  EXPECT_EQ(c.title, "Community Safety Strategic Assessment: Cambridge");
  EXPECT_EQ(c.area, "Cambridge");
  // database = "../../out/cambridge/cambs.db", relative to examples/cambridge/.
  EXPECT_EQ(fs::path(c.database), (source_dir() / "out/cambridge/cambs.db").lexically_normal());
  EXPECT_EQ(c.year_ending, "2025-12");
  EXPECT_EQ(c.years, 4);
  EXPECT_EQ(c.author, "Cambridge Community Safety Partnership research team");
  EXPECT_EQ(c.version, "1");
  EXPECT_EQ(fs::path(c.peers), (source_dir() / "examples/cambridge/msg.toml").lexically_normal());
  EXPECT_TRUE(fs::exists(c.peers)) << c.peers;
  EXPECT_EQ(c.taxonomy, "");      // commented out: the shipped themes
  // harm_weights = "../../../shared/data/harm/cchi-weights-by-subgroup.csv": the shared folder beside the checkout.
  EXPECT_EQ(fs::path(c.harm_weights),
            (source_dir() / "../shared/data/harm/cchi-weights-by-subgroup.csv").lexically_normal());
  EXPECT_TRUE(c.themes.empty());  // commented out: every theme
  EXPECT_EQ(c.suppress_under, 5);
  EXPECT_DOUBLE_EQ(c.classification.high_volume_share, 10.0);
  EXPECT_EQ(c.classification.high_volume_top, 2);
  EXPECT_EQ(c.classification.trend_min_years, 3);
  EXPECT_DOUBLE_EQ(c.classification.monitor_change_percent, 20.0);
  EXPECT_EQ(c.classification.min_base, 20);
  EXPECT_EQ(c.geography.top_wards, 3);
  EXPECT_EQ(c.geography.focus_wards, 3);
  EXPECT_EQ(c.geography.top_rank_in_all, 4);
}

TEST(ReportConfig, DefaultsWhenOnlyTheAreaIsGiven) {
  csa::testing::TempDir dir;
  ReportConfig c = load_report_config(write(dir, "csa.toml", "[report]\narea = \"Huntingdonshire\"\n"));
  EXPECT_EQ(c.title, "Community Safety Strategic Assessment: Huntingdonshire");
  EXPECT_EQ(c.area, "Huntingdonshire");
  EXPECT_EQ(c.database, "");
  EXPECT_EQ(c.year_ending, "");
  EXPECT_EQ(c.years, 4);
  EXPECT_EQ(c.author, "Community Safety Partnership research team");
  EXPECT_EQ(c.version, "1");
  EXPECT_EQ(c.taxonomy, "");
  EXPECT_EQ(c.peers, "");
  EXPECT_EQ(c.harm_weights, "");
  EXPECT_TRUE(c.themes.empty());
  EXPECT_EQ(c.suppress_under, 5);
  EXPECT_DOUBLE_EQ(c.classification.high_volume_share, 10.0);
  EXPECT_EQ(c.classification.high_volume_top, 2);
  EXPECT_EQ(c.classification.trend_min_years, 3);
  EXPECT_DOUBLE_EQ(c.classification.monitor_change_percent, 20.0);
  EXPECT_EQ(c.classification.min_base, 20);
  EXPECT_EQ(c.geography.top_wards, 3);
  EXPECT_EQ(c.geography.focus_wards, 3);
  EXPECT_EQ(c.geography.top_rank_in_all, 4);
}

TEST(ReportConfig, DefaultsForTheKeysATableLeavesOut) {
  csa::testing::TempDir dir;
  // Each table present, each with one key: the others keep their defaults.
  ReportConfig c = load_report_config(write(dir, "csa.toml",
                                            "[report]\narea = \"E07000008\"\n"
                                            "[suppression]\n"
                                            "[classification]\nmin_base = 50\n"
                                            "[geography]\nfocus_wards = 5\n"));
  EXPECT_EQ(c.suppress_under, 5);
  EXPECT_EQ(c.classification.min_base, 50);
  EXPECT_DOUBLE_EQ(c.classification.high_volume_share, 10.0);
  EXPECT_EQ(c.classification.high_volume_top, 2);
  EXPECT_EQ(c.classification.trend_min_years, 3);
  EXPECT_DOUBLE_EQ(c.classification.monitor_change_percent, 20.0);
  EXPECT_EQ(c.geography.focus_wards, 5);
  EXPECT_EQ(c.geography.top_wards, 3);
  EXPECT_EQ(c.geography.top_rank_in_all, 4);
}

TEST(ReportConfig, EveryKeySet) {
  csa::testing::TempDir dir;
  ReportConfig c = load_report_config(write(dir, "cfg/csa.toml",
                                            "[report]\n"
                                            "title = \"My title\"\n"
                                            "area = \"Fenland\"\n"
                                            "database = \"db/x.db\"\n"
                                            "year_ending = \"2025-09\"\n"
                                            "years = 10\n"
                                            "author = \"Me\"\n"
                                            "version = \"2.1\"\n"
                                            "taxonomy = \"themes.toml\"\n"
                                            "peers = \"../msg.toml\"\n"
                                            "harm_weights = \"/abs/cchi.csv\"\n"
                                            "themes = [\"shoplifting\", \"burglary\"]\n"
                                            "[suppression]\nthreshold = 0\n"
                                            "[classification]\n"
                                            "high_volume_share = 12.5\nhigh_volume_top = 4\ntrend_min_years = 5\n"
                                            "monitor_change_percent = 33.3\nmin_base = 7\n"
                                            "[geography]\ntop_wards = 6\nfocus_wards = 2\ntop_rank_in_all = 9\n"));
  const fs::path cfg = dir.path() / "cfg";
  EXPECT_EQ(c.title, "My title");
  EXPECT_EQ(c.area, "Fenland");
  EXPECT_EQ(fs::path(c.database), cfg / "db/x.db");
  EXPECT_EQ(c.year_ending, "2025-09");
  EXPECT_EQ(c.years, 10);
  EXPECT_EQ(c.author, "Me");
  EXPECT_EQ(c.version, "2.1");
  EXPECT_EQ(fs::path(c.taxonomy), cfg / "themes.toml");
  EXPECT_EQ(fs::path(c.peers), dir.path() / "msg.toml");  // ../ is normalised away
  EXPECT_EQ(c.harm_weights, "/abs/cchi.csv");             // absolute: kept as written
  EXPECT_EQ(c.themes, (std::vector<std::string>{"shoplifting", "burglary"}));
  EXPECT_EQ(c.suppress_under, 0);
  EXPECT_DOUBLE_EQ(c.classification.high_volume_share, 12.5);
  EXPECT_EQ(c.classification.high_volume_top, 4);
  EXPECT_EQ(c.classification.trend_min_years, 5);
  EXPECT_DOUBLE_EQ(c.classification.monitor_change_percent, 33.3);
  EXPECT_EQ(c.classification.min_base, 7);
  EXPECT_EQ(c.geography.top_wards, 6);
  EXPECT_EQ(c.geography.focus_wards, 2);
  EXPECT_EQ(c.geography.top_rank_in_all, 9);
}

TEST(ReportConfig, PathsAreRelativeToTheFileNotTheWorkingDirectory) {
  csa::testing::TempDir dir;
  const std::string file = write(dir, "a/b/csa.toml",
                                 "[report]\narea = \"Cambridge\"\ndatabase = \"../data/cambs.db\"\n"
                                 "taxonomy = \"t/themes.toml\"\npeers = \"./msg.toml\"\nharm_weights = \"../../w.csv\"\n");
  // A working directory that is not the file's folder.
  struct Chdir {
    fs::path before = fs::current_path();
    explicit Chdir(const fs::path& to) { fs::current_path(to); }
    ~Chdir() { fs::current_path(before); }
  };
  ReportConfig c = [&] {
    Chdir in(dir.path());
    return load_report_config(file);
  }();
  EXPECT_EQ(fs::path(c.database), dir.path() / "a/data/cambs.db");
  EXPECT_EQ(fs::path(c.taxonomy), dir.path() / "a/b/t/themes.toml");
  EXPECT_EQ(fs::path(c.peers), dir.path() / "a/b/msg.toml");
  EXPECT_EQ(fs::path(c.harm_weights), dir.path() / "w.csv");
}

TEST(ReportConfig, AnIntegerIsAcceptedWhereANumberWithADecimalIsExpected) {
  csa::testing::TempDir dir;
  ReportConfig c = load_report_config(write(dir, "csa.toml",
                                            "[report]\narea = \"Cambridge\"\n[classification]\nhigh_volume_share = 15\n"
                                            "monitor_change_percent = 25\n"));
  EXPECT_DOUBLE_EQ(c.classification.high_volume_share, 15.0);
  EXPECT_DOUBLE_EQ(c.classification.monitor_change_percent, 25.0);
}

// --- errors ---------------------------------------------------------------------------------------

TEST(ReportConfig, UnknownKeyNamesFileLineKeyAndTheKnownKeys) {
  csa::testing::TempDir dir;
  const std::string file = write(dir, "csa.toml", "[report]\narea = \"Cambridge\"\n\nyear_endng = \"2025-12\"\n");
  std::string m = error_of(file);
  EXPECT_TRUE(contains(m, file + ":4:")) << m;
  EXPECT_TRUE(contains(m, "unknown key 'year_endng' in [report]")) << m;
  EXPECT_TRUE(contains(m, "year_ending")) << m;  // the list of known keys holds the right spelling

  // A misspelt rule must not silently keep its default.
  const std::string rules = write(dir, "rules.toml",
                                  "[report]\narea = \"Cambridge\"\n[classification]\nhigh_volume_share = 10.0\n"
                                  "min_bse = 30\n");
  m = error_of(rules);
  EXPECT_TRUE(contains(m, rules + ":5:")) << m;
  EXPECT_TRUE(contains(m, "unknown key 'min_bse' in [classification]")) << m;

  const std::string geo = write(dir, "geo.toml", "[report]\narea = \"Cambridge\"\n[geography]\ntop_ward = 3\n");
  m = error_of(geo);
  EXPECT_TRUE(contains(m, geo + ":4:")) << m;
  EXPECT_TRUE(contains(m, "'top_ward'")) << m;

  const std::string supp = write(dir, "supp.toml", "[report]\narea = \"Cambridge\"\n[suppression]\nthreshhold = 3\n");
  m = error_of(supp);
  EXPECT_TRUE(contains(m, supp + ":4:")) << m;
  EXPECT_TRUE(contains(m, "'threshhold'")) << m;

  // An unknown table at the top level.
  const std::string top = write(dir, "top.toml", "[report]\narea = \"Cambridge\"\n\n[clasification]\nmin_base = 1\n");
  m = error_of(top);
  EXPECT_TRUE(contains(m, top + ":")) << m;
  EXPECT_TRUE(contains(m, "'clasification'")) << m;
}

TEST(ReportConfig, WrongTypeNamesFileLineKeyAndAnExample) {
  csa::testing::TempDir dir;
  struct Case {
    std::string text;
    int line;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"[report]\narea = \"Cambridge\"\nyears = \"four\"\n", 3, "years"},
      {"[report]\narea = \"Cambridge\"\nyears = 4.5\n", 3, "years"},
      {"[report]\narea = 7\n", 2, "area"},
      {"[report]\narea = \"Cambridge\"\ntitle = true\n", 3, "title"},
      {"[report]\narea = \"Cambridge\"\n[suppression]\nthreshold = \"5\"\n", 4, "threshold"},
      {"[report]\narea = \"Cambridge\"\n[classification]\n\nhigh_volume_share = \"10%\"\n", 5, "high_volume_share"},
      {"[report]\narea = \"Cambridge\"\n[classification]\nmin_base = 20.5\n", 4, "min_base"},
      {"[report]\narea = \"Cambridge\"\n[geography]\ntop_wards = [3]\n", 4, "top_wards"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string file = write(dir, "case" + std::to_string(i) + ".toml", cases[i].text);
    std::string m = error_of(file);
    EXPECT_TRUE(contains(m, file + ":" + std::to_string(cases[i].line) + ":")) << m;
    EXPECT_TRUE(contains(m, "'" + cases[i].key + "' has the wrong type")) << m;
    EXPECT_TRUE(contains(m, "write it like " + cases[i].key + " = ")) << m;
  }
  // themes must be a list of ids.
  const std::string themes = write(dir, "themes.toml", "[report]\narea = \"Cambridge\"\nthemes = \"shoplifting\"\n");
  std::string m = error_of(themes);
  EXPECT_TRUE(contains(m, themes + ":3:")) << m;
  EXPECT_TRUE(contains(m, "'themes' must be a list")) << m;
  const std::string entry = write(dir, "entry.toml", "[report]\narea = \"Cambridge\"\nthemes = [\n  \"burglary\",\n  3,\n]\n");
  m = error_of(entry);
  EXPECT_TRUE(contains(m, entry + ":5:")) << m;
  EXPECT_TRUE(contains(m, "every entry of 'themes'")) << m;
}

TEST(ReportConfig, MissingAreaOrReportTableNamesTheFile) {
  csa::testing::TempDir dir;
  const std::string no_area = write(dir, "no-area.toml", "[report]\ntitle = \"x\"\n");
  std::string m = error_of(no_area);
  EXPECT_TRUE(contains(m, no_area + ":")) << m;
  EXPECT_TRUE(contains(m, "area is required")) << m;
  const std::string empty_area = write(dir, "empty-area.toml", "[report]\narea = \"\"\n");
  m = error_of(empty_area);
  EXPECT_TRUE(contains(m, empty_area + ":")) << m;
  EXPECT_TRUE(contains(m, "area is required")) << m;
  const std::string no_report = write(dir, "no-report.toml", "[suppression]\nthreshold = 5\n");
  m = error_of(no_report);
  EXPECT_TRUE(contains(m, no_report + ":")) << m;
  EXPECT_TRUE(contains(m, "[report] table is required")) << m;
  const std::string empty = write(dir, "empty.toml", "");
  m = error_of(empty);
  EXPECT_TRUE(contains(m, "[report] table is required")) << m;
}

TEST(ReportConfig, YearsOutOfRangeNamesFileAndValue) {
  csa::testing::TempDir dir;
  for (int years : {-1, 0, 1, 11, 100}) {
    const std::string file =
        write(dir, "y" + std::to_string(years + 1) + ".toml", "[report]\narea = \"Cambridge\"\nyears = " + std::to_string(years) + "\n");
    std::string m = error_of(file);
    EXPECT_TRUE(contains(m, file + ":")) << m;
    EXPECT_TRUE(contains(m, "years = " + std::to_string(years) + " is out of range")) << m;
    EXPECT_TRUE(contains(m, "2 to 10")) << m;
  }
  for (int years : {2, 10}) {
    const std::string file =
        write(dir, "ok" + std::to_string(years) + ".toml", "[report]\narea = \"Cambridge\"\nyears = " + std::to_string(years) + "\n");
    EXPECT_EQ(load_report_config(file).years, years);
  }
}

TEST(ReportConfig, TrendMinYearsUnderThreeNamesFileAndRule) {
  csa::testing::TempDir dir;
  for (int n : {2, 1, 0, -3}) {
    const std::string file = write(dir, "t" + std::to_string(n + 10) + ".toml",
                                   "[report]\narea = \"Cambridge\"\n[classification]\ntrend_min_years = " + std::to_string(n) + "\n");
    std::string m = error_of(file);
    EXPECT_TRUE(contains(m, file + ":")) << m;
    EXPECT_TRUE(contains(m, "trend_min_years must be 3 or more")) << m;
  }
  const std::string ok = write(dir, "ok.toml", "[report]\narea = \"Cambridge\"\n[classification]\ntrend_min_years = 3\n");
  EXPECT_EQ(load_report_config(ok).classification.trend_min_years, 3);
}

// The header promises "the file, line and key on a malformed ... entry" (report_config.hpp); an
// out-of-range value is such an entry, and a long file needs the line to find it.
TEST(ReportConfig, OutOfRangeValuesNameTheirLine) {
  csa::testing::TempDir dir;
  const std::string years = write(dir, "years.toml", "[report]\narea = \"Cambridge\"\nyears = 11\n");
  EXPECT_TRUE(contains(error_of(years), years + ":3:")) << error_of(years);
  const std::string trend =
      write(dir, "trend.toml", "[report]\narea = \"Cambridge\"\n[classification]\n\ntrend_min_years = 2\n");
  EXPECT_TRUE(contains(error_of(trend), trend + ":5:")) << error_of(trend);
  const std::string supp = write(dir, "supp.toml", "[report]\narea = \"Cambridge\"\n[suppression]\nthreshold = -1\n");
  EXPECT_TRUE(contains(error_of(supp), supp + ":4:")) << error_of(supp);
}

TEST(ReportConfig, NegativeSuppressionThreshold) {
  csa::testing::TempDir dir;
  const std::string file = write(dir, "csa.toml", "[report]\narea = \"Cambridge\"\n[suppression]\nthreshold = -1\n");
  std::string m = error_of(file);
  EXPECT_TRUE(contains(m, file + ":")) << m;
  EXPECT_TRUE(contains(m, "threshold must be 0 or more")) << m;
}

TEST(ReportConfig, BadTomlNamesFileLineAndColumn) {
  csa::testing::TempDir dir;
  const std::string file = write(dir, "csa.toml", "[report]\narea = \"Cambridge\"\nyears = = 4\n");
  std::string m = error_of(file);
  EXPECT_TRUE(contains(m, file + ":3:")) << m;
  EXPECT_TRUE(contains(m, "fix the TOML syntax")) << m;
  const std::string unclosed = write(dir, "unclosed.toml", "[report\narea = \"Cambridge\"\n");
  m = error_of(unclosed);
  EXPECT_TRUE(contains(m, unclosed + ":1:")) << m;
  const std::string quote = write(dir, "quote.toml", "[report]\n\n\narea = \"Cambridge\n");
  m = error_of(quote);
  EXPECT_TRUE(contains(m, quote + ":4:")) << m;
  // A key given twice is a TOML error too.
  const std::string twice = write(dir, "twice.toml", "[report]\narea = \"Cambridge\"\narea = \"Fenland\"\n");
  m = error_of(twice);
  EXPECT_TRUE(contains(m, twice + ":3:")) << m;
}

TEST(ReportConfig, MissingFileSaysSoAndWhereToStart) {
  csa::testing::TempDir dir;
  const std::string file = (dir.path() / "nope.toml").string();
  std::string m = error_of(file);
  EXPECT_TRUE(contains(m, file)) << m;
  EXPECT_TRUE(contains(m, "not found")) << m;
  EXPECT_TRUE(contains(m, "examples/cambridge/csa.toml")) << m;
}

// [extracts]: the defaults, a relative keywords path resolved against the file, the range of the
// threshold, a missing word-list file, and a misspelt key naming the key meant.
TEST(ReportConfig, ExtractsTable) {
  csa::testing::TempDir dir;
  const std::string plain = write(dir, "plain.toml", "[report]\narea = \"Cambridge\"\n");
  EXPECT_EQ(load_report_config(plain).extracts.persistent_offender_threshold, 6);
  EXPECT_EQ(load_report_config(plain).extracts.keywords, "");

  write(dir, "lists/words.toml", "# word lists\n");
  const std::string set = write(dir, "cfg/set.toml",
                                "[report]\narea = \"Cambridge\"\n[extracts]\npersistent_offender_threshold = 3\n"
                                "keywords = \"../lists/words.toml\"\n");
  ReportConfig c = load_report_config(set);
  EXPECT_EQ(c.extracts.persistent_offender_threshold, 3);
  EXPECT_EQ(fs::path(c.extracts.keywords), (dir.path() / "lists/words.toml").lexically_normal());

  const std::string low = write(dir, "low.toml", "[report]\narea = \"Cambridge\"\n[extracts]\npersistent_offender_threshold = 1\n");
  std::string m = error_of(low);
  EXPECT_TRUE(contains(m, low + ":4: [extracts] persistent_offender_threshold = 1 is out of range; use 2 to 100")) << m;

  const std::string missing = write(dir, "missing.toml", "[report]\narea = \"Cambridge\"\n[extracts]\nkeywords = \"nope.toml\"\n");
  m = error_of(missing);
  EXPECT_TRUE(contains(m, missing + ":4: [extracts] keywords: no file")) << m;

  const std::string typo = write(dir, "typo.toml", "[report]\narea = \"Cambridge\"\n[extracts]\nkeyword = \"x.toml\"\n");
  m = error_of(typo);
  EXPECT_TRUE(contains(m, typo + ":4: unknown key 'keyword' in [extracts] (did you mean 'keywords'?)")) << m;
}

}  // namespace
}  // namespace csa::report
