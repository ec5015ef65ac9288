#include "extract_analysis/incident_tables.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "extract_analysis/category_counts.hpp"
#include "extract_analysis/pyramid.hpp"

namespace csa::extract_analysis {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void need(const extract::ExtractSet& set, std::initializer_list<extract::DatasetKind> kinds, const char* what) {
  for (auto k : kinds)
    if (set.kind == k) return;
  throw InternalError(fmt::format("{}: wrong kind of extract ({})", what, extract::dataset_kind_name(set.kind)));
}

}  // namespace

std::vector<table::Table> asb_tables(const extract::ExtractSet& asb, const Scope& scope, const std::vector<period::Window>& windows) {
  need(asb, {extract::DatasetKind::asb}, "asb_tables");
  CategoryTableSpec by_category{"ASB incidents by category", "Category",
                                [](const extract::Record& r) { return r.code.empty() ? std::string("Not recorded") : capitalised(r.code); },
                                {"Personal", "Nuisance", "Environmental"}};
  CategoryTableSpec by_risk{"ASB incidents by risk", "Risk",
                            [](const extract::Record& r) {
                              return r.risk == extract::Risk::unknown ? std::string("Not recorded")
                                                                      : capitalised(std::string(extract::risk_name(r.risk)));
                            },
                            {"High", "Medium", "Standard", "No"}};
  return {category_table(by_category, asb, scope, windows), category_table(by_risk, asb, scope, windows)};
}

std::vector<table::Table> fire_tables(const extract::ExtractSet& fires, const Scope& scope, const std::vector<period::Window>& windows) {
  need(fires, {extract::DatasetKind::fire}, "fire_tables");
  CategoryTableSpec by_cause{"Fires by cause", "Cause",
                             [](const extract::Record& r) { return r.code.empty() ? std::string("Not recorded") : capitalised(r.code); },
                             {"Deliberate", "Accidental"}};
  CategoryTableSpec deliberate{"Deliberate fires by sub-type", "Deliberate sub-type",
                               [](const extract::Record& r) { return r.subtype.empty() ? std::string("Not recorded") : r.subtype; },
                               {}};
  // The sub-type table covers deliberate fires only.
  extract::ExtractSet only = fires;
  only.records.clear();
  only.batch_of.clear();
  for (std::size_t i = 0; i < fires.records.size(); ++i) {
    if (fires.records[i].code == "deliberate" || fires.records[i].code == "Deliberate") {
      only.records.push_back(fires.records[i]);
      only.batch_of.push_back(fires.batch_of.empty() ? 0 : fires.batch_of[i]);
    }
  }
  return {category_table(by_cause, fires, scope, windows), category_table(deliberate, only, scope, windows)};
}

std::vector<table::Table> assault_attendance_tables(const extract::ExtractSet& set, const Scope& scope,
                                                    const std::vector<period::Window>& windows) {
  need(set, {extract::DatasetKind::ed_attendance, extract::DatasetKind::ambulance}, "assault_attendance_tables");
  const std::string what = set.kind == extract::DatasetKind::ambulance ? "Ambulance call-outs for assault" : "ED attendances for assault";
  std::vector<std::string> bands;
  for (const auto& b : pyramid_bands()) bands.push_back(b.label);
  bands.push_back("Unknown");
  CategoryTableSpec by_age{what + " by age band", "Age band", [](const extract::Record& r) { return age_band_label(r.victim_age); }, bands};
  CategoryTableSpec by_sex{what + " by sex", "Sex",
                           [](const extract::Record& r) { return capitalised(std::string(extract::sex_name(r.victim_sex))); },
                           {"Female", "Male", "Other", "Unknown"}};
  CategoryTableSpec by_place{what + " by location type", "Location type",
                             [](const extract::Record& r) { return r.code.empty() ? std::string("Not recorded") : r.code; },
                             {}};
  return {category_table(by_age, set, scope, windows), category_table(by_sex, set, scope, windows),
          category_table(by_place, set, scope, windows)};
}

}  // namespace csa::extract_analysis
