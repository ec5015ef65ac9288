#include "extract_analysis/pyramid.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "core/thousands.hpp"
#include "table/secondary_suppression.hpp"

namespace csa::extract_analysis {

const std::vector<AgeBand>& pyramid_bands() {
  static const std::vector<AgeBand> bands = {{0, 9, "0-9"},     {10, 17, "10-17"}, {18, 24, "18-24"},
                                             {25, 34, "25-34"}, {35, 44, "35-44"}, {45, 54, "45-54"},
                                             {55, 64, "55-64"}, {65, 74, "65-74"}, {75, 32767, "75+"}};
  return bands;
}

Pyramid build_pyramid(const extract::ExtractSet& set, const std::vector<std::size_t>& rows, Person person) {
  Pyramid p;
  p.person = person;
  const auto& bands = pyramid_bands();
  p.female.assign(bands.size(), 0);
  p.male.assign(bands.size(), 0);
  auto id_of = [&](const extract::Record& r) -> const std::string& { return person == Person::victim ? r.victim_id : r.offender_id; };
  for (std::size_t i : rows) p.by_person = p.by_person || !id_of(set.records[i]).empty();
  // With ids, a person is counted once, as they were at their first record in the period: the
  // records in date order (the date that put them in the period), file order within a day.
  std::vector<std::size_t> order(rows.begin(), rows.end());
  if (p.by_person) {
    const auto basis = date_basis(set.kind);
    auto day = [&](std::size_t i) { return basis == DateBasis::recorded ? set.records[i].recorded_day : set.records[i].start_day; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return day(a) < day(b); });
  }
  std::unordered_set<std::string> seen;
  for (std::size_t i : order) {
    const auto& r = set.records[i];
    ++p.records;
    const std::int16_t age = person == Person::victim ? r.victim_age : r.offender_age;
    const extract::Sex sex = person == Person::victim ? r.victim_sex : r.offender_sex;
    // Nothing about the person (a victimless crime, or no suspect): no one to count, said in the notes.
    if (age == extract::kNoAge && sex == extract::Sex::unknown && id_of(r).empty()) {
      ++p.no_person;
      continue;
    }
    if (p.by_person) {
      const std::string& id = id_of(r);
      if (id.empty()) ++p.records_without_id;
      else if (!seen.insert(id).second) continue;  // counted at their first record
      else ++p.people;
    }
    if (sex != extract::Sex::female && sex != extract::Sex::male) {
      ++p.sex_unknown;
      continue;
    }
    if (age < 0) {
      ++p.age_unknown;
      continue;
    }
    for (std::size_t b = 0; b < bands.size(); ++b) {
      if (age >= bands[b].from && age <= bands[b].to) {
        ++(sex == extract::Sex::female ? p.female : p.male)[b];
        break;
      }
    }
  }
  return p;
}

std::string pyramid_basis(const Pyramid& p) {
  const bool victim = p.person == Person::victim;
  const char* id = victim ? "victim ids" : "offender ids";
  if (!p.by_person) {
    return fmt::format("Counts records, not people: the {} records carry no {}, so each counts its {} once (a person with "
                       "several records is counted in each); age and sex as recorded at the time.",
                       with_commas(p.records), id, victim ? "victim" : "main offender");
  }
  return fmt::format("Counts people, not records: {} distinct {}{}, from {} records; each person in the age band and sex of "
                     "their first record in the period (earliest date, then file order).",
                     with_commas(p.people), id,
                     p.records_without_id == 0 ? std::string()
                                               : fmt::format(" and {} records with no id, one person each",
                                                             with_commas(p.records_without_id)),
                     with_commas(p.records));
}

std::string pyramid_rule(const Pyramid& p) {
  const bool victim = p.person == Person::victim;
  if (!p.by_person) {
    return fmt::format("Counts records, not people: the records carry no {} ids, so each counts its {} once (a person "
                       "with several records is counted in each).",
                       victim ? "victim" : "offender", victim ? "victim" : "main offender");
  }
  return fmt::format("Counts people, not records: each distinct {} id once, in the age band and sex of their first record in "
                     "the period (earliest date, then file order); a record with no id is one person.",
                     victim ? "victim" : "offender");
}

table::Table pyramid_table(const Pyramid& p, const extract::ExtractSet& set, const Scope& scope, const period::Window& window,
                           const Selection& selection) {
  Scope cells = scope;
  cells.suppress = true;  // always, whatever the area level
  const char* who = p.person == Person::victim ? "Victims" : "Offenders";
  table::Table t;
  t.title = fmt::format("{} by age band and sex, {}, {}", who, scope.geography->area(scope.area).name, window.label());
  t.columns = {{"age_band", "Age band", table::Align::left}, {"count_female", "Female"}, {"count_male", "Male"}};
  const auto& bands = pyramid_bands();
  std::int64_t f = 0, m = 0;
  for (std::size_t b = bands.size(); b-- > 0;) {
    t.rows.push_back({{{bands[b].label, std::nullopt}, count_cell(p.female[b], cells), count_cell(p.male[b], cells)}});
    f += p.female[b];
    m += p.male[b];
  }
  t.rows.push_back({{{"All ages known", std::nullopt}, count_cell(f, cells), count_cell(m, cells)}, table::RowKind::total});
  t.notes.push_back(pyramid_basis(p));
  t.notes.push_back(fmt::format("Not in the pyramid: {} with sex unknown or other, {} female or male with no age, {} with no {} "
                                "recorded.",
                                with_commas(p.sex_unknown), with_commas(p.age_unknown), with_commas(p.no_person),
                                p.person == Person::victim ? "victim" : "offender"));
  t.notes.push_back("Cells from 1 to 4 are shown as <5 at every area level.");
  table::apply_secondary_suppression(t);
  Scope notes = scope;
  notes.suppress = false;  // said above
  add_standard_notes(t, set, notes, {window}, {selection});
  return t;
}

}  // namespace csa::extract_analysis
