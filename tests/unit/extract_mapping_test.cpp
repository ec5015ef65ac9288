// Mapping files: what is read, and every error a user can make, each naming the file and key.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "extract/mapping.hpp"

namespace csa::extract {
namespace {

std::string error_of(std::string_view toml) {
  try {
    parse_mapping(toml, "m.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

constexpr std::string_view kCrime = R"(
[source]
name = "Test"
dataset = "crime"
[columns]
code = "HO"
recorded_date = "Rec"
)";

TEST(ExtractMapping, MinimalCrimeWithDefaults) {
  Mapping m = parse_mapping(kCrime, "m.toml");
  EXPECT_EQ(m.kind, DatasetKind::crime);
  EXPECT_FALSE(m.synthetic);
  EXPECT_EQ(m.column(Field::code), "HO");
  EXPECT_FALSE(m.mapped(Field::start_date));
  EXPECT_TRUE(m.true_values.matches("Yes"));
  EXPECT_TRUE(m.true_values.matches("TRUE"));
  EXPECT_TRUE(m.false_values.matches(""));
  EXPECT_FALSE(m.true_values.matches("yes"));  // spellings are exact
  EXPECT_TRUE(m.sex[static_cast<int>(Sex::female)].matches("F"));
  ASSERT_EQ(m.date_formats.size(), 2u);
  EXPECT_EQ(m.date_formats[0].pattern(), "%d/%m/%Y");
}

TEST(ExtractMapping, UnknownKeysSuggestTheClosest) {
  std::string toml(kCrime);
  EXPECT_NE(error_of(toml + "reference_no = \"X\"\n").find("columns.reference_no: unknown key (did you mean 'reference'?)"),
            std::string::npos)
      << error_of(toml + "reference_no = \"X\"\n");
  EXPECT_NE(error_of(toml + "[markers]\nknives = \"K\"\n").find("markers.knives: unknown key (did you mean 'knife'?)"),
            std::string::npos);
  EXPECT_NE(error_of(toml + "[format]\ndate_fromat = \"iso\"\n").find("did you mean 'date_format'?"), std::string::npos);
  EXPECT_NE(error_of(toml + "[colour]\n").find("m.toml:"), std::string::npos);
}

TEST(ExtractMapping, RequiredFieldsAndKindFields) {
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"crime\"\n[columns]\ncode=\"HO\"\n")
                .find("columns.recorded_date: dataset crime requires this field"),
            std::string::npos);
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"asb\"\n[columns]\ncode=\"C\"\nstart_date=\"D\"\ncrimed=\"X\"\n")
                .find("columns.crimed: dataset asb does not use this field"),
            std::string::npos);
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"da-incident\"\n[columns]\nstart_date=\"D\"\n")
                .find("columns.crimed: dataset da-incident requires"),
            std::string::npos);
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"burglary\"\n[columns]\n").find("'burglary' is not a dataset kind"),
            std::string::npos);
  EXPECT_NE(error_of(std::string(kCrime) + "easting = \"E\"\n").find("easting and northing come as a pair"),
            std::string::npos);
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"fire\"\n[columns]\ncode=\"C\"\nstart_date=\"D\"\n[markers]\nknife=\"K\"\n")
                .find("only crime extracts have markers"),
            std::string::npos);
}

TEST(ExtractMapping, FormatErrors) {
  std::string toml(kCrime);
  EXPECT_NE(error_of(toml + "[format]\ndate_format = \"%d/%b/%Y\"\n").find("format.date_format"), std::string::npos);
  EXPECT_NE(error_of(toml + "[format]\ndelimiter = \",,\"\n").find("format.delimiter: ',,' is not a delimiter csa reads"),
            std::string::npos);
  EXPECT_NE(error_of(toml + "[format]\ndelimiter = \"\\\"\"\n").find("format.delimiter"), std::string::npos);
  EXPECT_NE(error_of(toml + "[format]\ntime_format = \"%d/%m/%Y\"\n").find("must be a time pattern"), std::string::npos);
  EXPECT_NE(error_of(toml + "[format]\nheader_row = 0\n").find("format.header_row"), std::string::npos);
  EXPECT_NE(error_of("[source\n").find("not valid TOML"), std::string::npos);
}

TEST(ExtractMapping, Delimiters) {
  std::string toml(kCrime);
  EXPECT_EQ(parse_mapping(toml, "m.toml").delimiter, ',');  // the default
  for (auto [written, want] : {std::pair{",", ','}, std::pair{";", ';'}, std::pair{"|", '|'}, std::pair{"\\t", '\t'},
                               std::pair{"tab", '\t'}}) {
    EXPECT_EQ(parse_mapping(toml + "[format]\ndelimiter = \"" + written + "\"\n", "m.toml").delimiter, want) << written;
  }
  EXPECT_EQ(parse_delimiter("\t"), std::optional<char>('\t'));
  for (std::string_view bad : {"", " ", "\"", "\n", "\r", ";;", "TAB", "comma"}) EXPECT_FALSE(parse_delimiter(bad)) << bad;
}

TEST(ExtractMapping, SpellingsAndSeries) {
  Mapping m = parse_mapping(std::string(kCrime) +
                                "[values]\ntrue = [\"Yes\"]\nfalse = \"No\"\n[values.hate_strands]\nseparator = \"|\"\n"
                                "race = [\"Racial\"]\n",
                            "m.toml");
  EXPECT_TRUE(m.true_values.matches("Yes"));
  EXPECT_FALSE(m.true_values.matches("Y"));
  EXPECT_TRUE(m.false_values.matches("No"));
  EXPECT_EQ(m.strand_separator, "|");
  EXPECT_TRUE(m.strands[0].matches("Racial"));
  EXPECT_TRUE(m.strands[1].matches("Religion"));  // defaults kept for strands not given
  Mapping s = parse_mapping(
      "[source]\nname=\"T\"\ndataset=\"series\"\nseries=\"treatment\"\n[columns]\ncategory=\"type\"\n"
      "[periods]\nb = \"2024\"\na = \"2023\"\n[series]\ntotal_row=\"Total\"\n",
      "s.toml");
  EXPECT_TRUE(s.is_series);
  EXPECT_EQ(s.series.name, "treatment");
  ASSERT_EQ(s.series.periods.size(), 2u);
  EXPECT_EQ(s.series.total_row, "Total");
  EXPECT_NE(error_of("[source]\nname=\"T\"\ndataset=\"series\"\nseries=\"t\"\n[columns]\ncategory=\"c\"\n")
                .find("needs [periods]"),
            std::string::npos);
  EXPECT_NE(error_of(std::string(kCrime) + "[periods]\na=\"b\"\n").find("only a series mapping"), std::string::npos);
}

TEST(ExtractMapping, HeaderCheckSuggestsTheClosestColumn) {
  Mapping m = parse_mapping("[source]\nname=\"T\"\ndataset=\"crime\"\n[columns]\ncode=\"HO\"\n"
                            "recorded_date=\"RecordedDate\"\n",
                            "m.toml");
  std::vector<std::string_view> header = {"Id", "HO", " Recorded Date "};
  try {
    bind_columns(m, header, "data.csv");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("m.toml: columns.recorded_date: column 'RecordedDate' is not in the header of data.csv"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("did you mean 'Recorded Date'?"), std::string::npos) << what;
  }
  header = {"Ref", "HO", " RecordedDate"};  // spaces around a header name are not part of it
  BoundColumns b = bind_columns(m, header, "data.csv");
  EXPECT_EQ(b.at(Field::code), 1u);
  EXPECT_EQ(b.at(Field::recorded_date), 2u);
  EXPECT_EQ(b.at(Field::reference), BoundColumns::kNone);
}

TEST(ExtractMapping, ShippedExamplesAllRead) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CSA_FIXTURES_DIR) + "/../../examples/mappings")) {
    if (entry.path().extension() != ".toml") continue;
    EXPECT_NO_THROW(read_mapping(entry.path().string())) << entry.path();
    ++n;
  }
  EXPECT_GE(n, 8);
}

}  // namespace
}  // namespace csa::extract
