#include "report/extract_chapters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "extract/load.hpp"
#include "extract_analysis/cadet.hpp"
#include "extract_analysis/domestic_abuse_incidents.hpp"
#include "extract_analysis/incident_tables.hpp"
#include "extract_analysis/keywords.hpp"
#include "extract_analysis/marker_breakdowns.hpp"
#include "extract_analysis/offenders.hpp"
#include "extract_analysis/partner_series.hpp"
#include "extract_analysis/pyramid.hpp"
#include "extract_analysis/repeat_victims.hpp"
#include "extract_analysis/reporting_lag.hpp"
#include "extract_analysis/thousands_separators.hpp"
#include "extract_analysis/time_of_day.hpp"
#include "figure/pyramid_chart.hpp"
#include "measure/change.hpp"
#include "measure/share.hpp"
#include "offence/hierarchy.hpp"
#include "report/narrative.hpp"
#include "stats/change_test.hpp"
#include "table/lookup.hpp"

namespace csa::report {
namespace {

namespace ea = csa::extract_analysis;
using document::FigureBlock;
using document::Heading;
using document::Paragraph;
using document::TableBlock;
using extract::DatasetKind;

constexpr const char* kSyntheticWarning =
    "SYNTHETIC DATA: the local records behind this chapter were made by csa synth extract; they are not real crimes or "
    "people, and nothing in this chapter describes the area. They show what the chapter looks like with a force's extract.";

// The year the chapters describe: the report's latest year when the records reach its last month,
// else the year ending the last month the records reach (an extract often ends earlier than
// police.uk's latest month), so a chapter never counts a year the records only partly cover.
period::Window chapter_year(const extract::ExtractSet& set, period::Month report_end) {
  std::int32_t last = extract::kNoDay;
  const bool recorded = ea::date_basis(set.kind) == ea::DateBasis::recorded;
  for (const auto& r : set.records) last = std::max(last, recorded ? r.recorded_day : r.start_day);
  if (last == extract::kNoDay) return period::year_ending(report_end);
  const period::Month end = ea::month_of_day(last);
  return period::year_ending(end < report_end ? end : report_end);
}

class ChapterWriter {
 public:
  ChapterWriter(const ExtractChapterInputs& in, document::Document& doc, Claims& claims)
      : in_(in), doc_(doc), claims_(claims), g_(*in.geography), area_(g_.area(in.area)) {
    scope_ = ea::scope_for(g_, in.area);
    scope_.suppression.threshold = std::max<std::int64_t>(in.suppress_under, 1);
    scope_.suppress = scope_.suppress && in.suppress_under > 1;
  }

  void write() {
    if (!in_.keywords.empty()) word_lists_ = ea::read_word_lists(in_.keywords);
    crimes_ = extract::load_extract_set(*in_.store, DatasetKind::crime);
    if (!crimes_.records.empty()) {
      hierarchy_.emplace(offence::load_default_hierarchy());
      latest_ = chapter_year(crimes_, in_.latest_end);
      earlier_ = period::same_period_last_year(*latest_);
      now_ = ea::select(crimes_, scope_, *latest_);
      before_ = ea::select(crimes_, scope_, *earlier_);
      offences_chapter();
      domestic_abuse_chapter();
      hate_chapter();
      sexual_and_exploitation_chapter();
      victims_and_offenders_chapter();
      when_chapter();
    }
    // Without crimes there is no domestic abuse chapter: its incidents table sets incidents beside crimes.
    incidents_chapter();
  }

 private:
  // ---- document helpers --------------------------------------------------------------------------
  void h(int level, std::string text, std::string id) {
    doc_.blocks.emplace_back(std::in_place_type<Heading>, Heading{level, std::move(text), std::move(id), true});
  }
  void p(std::string text, Paragraph::Style style = Paragraph::Style::body) {
    doc_.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{std::move(text), style});
  }
  void table(const std::string& id, table::Table t) {
    hold(id, std::move(t));
    put(id);
  }
  // A table kept for the text to quote before it is placed (the text comes first, then the table).
  void hold(const std::string& id, table::Table t) { tables_[id] = TableBlock{id, std::move(t), 0}; }
  void put(const std::string& id) { doc_.blocks.emplace_back(std::in_place_type<TableBlock>, tables_.at(id)); }
  // The hierarchy tables (CADET, marker by offence) as the seeds print them: without the node id
  // (it is for machines, csa extract-table), counts with thousands separators, and each label
  // indented by its depth through the cell style rather than leading spaces; rows are then found by
  // their plain label (labels are unique in the tree).
  void hold_hierarchy(const std::string& id, table::Table t) {
    if (!t.columns.empty() && t.columns.front().key == "node") {
      t.columns.erase(t.columns.begin());
      for (auto& r : t.rows)
        if (!r.cells.empty()) r.cells.erase(r.cells.begin());
    }
    TableBlock b{id, ea::with_thousands_separators(std::move(t)), 0};
    document::indent_from_leading_spaces(b, 0);
    tables_[id] = std::move(b);
  }
  std::string row_of(int node) const { return hierarchy_->node(node).label; }
  void synthetic_warning(const extract::ExtractSet& set) {
    if (set.any_synthetic()) p(kSyntheticWarning, Paragraph::Style::warning);
  }

  // Whether the table prints the cell with a value (not suppressed, not "-"): only such cells are quoted.
  bool shown(const std::string& id, const std::string& row, const std::string& column) const {
    auto it = tables_.find(id);
    if (it == tables_.end()) return false;
    const table::Cell* c = table::find_cell(it->second.table, row, column);
    return c != nullptr && c->value.has_value();
  }
  // A count quoted in text, counted here from the records, registered against the table's cell.
  std::string claim_count(std::int64_t n, const std::string& id, const std::string& row, const std::string& column) {
    return claims_.add({with_commas(n), id, row, column, static_cast<double>(n)});
  }
  std::string claim_share(std::int64_t part, std::int64_t whole, const std::string& id, const std::string& row,
                          const std::string& column) {
    return claims_.add({measure::format_share(part, whole), id, row, column, measure::share_percent(part, whole)->to_double()});
  }

  // ---- independent counts over the selected records ----------------------------------------------
  std::int64_t count_under(const std::vector<std::size_t>& rows, int node) const {
    std::int64_t n = 0;
    for (std::size_t r : rows) {
      const int leaf = hierarchy_->leaf_of_code(crimes_.records[r].code);
      if (leaf >= 0 && hierarchy_->is_within(leaf, node)) ++n;
    }
    return n;
  }
  std::int64_t count_marked(const std::vector<std::size_t>& rows, extract::Marker m, int node) const {
    std::int64_t n = 0;
    for (std::size_t r : rows) {
      const auto& rec = crimes_.records[r];
      const int leaf = hierarchy_->leaf_of_code(rec.code);
      const bool marked = rec.has_marker(m) || (m == extract::marker_hate && rec.hate_strands != 0);
      if (marked && leaf >= 0 && hierarchy_->is_within(leaf, node)) ++n;
    }
    return n;
  }

  // "Violence with injury 1,204 (+ 11.3%, a notable increase)": counts and change from the records,
  // the change called notable only when the exact Poisson test says so.
  std::string change_item(int node, const std::string& id) {
    const auto& n = hierarchy_->node(node);
    const std::string row = row_of(node);
    const std::int64_t a = count_under(before_.rows, node), b = count_under(now_.rows, node);
    if (a == 0 && b == 0) return {};
    if (!shown(id, row, "count_later") || !shown(id, row, "count_earlier")) return {};
    std::string s = fmt::format("{} {} (from {}", n.label, claim_count(b, id, row, "count_later"),
                                claim_count(a, id, row, "count_earlier"));
    const auto c = measure::compute_change(a, b);
    if (c.percent) s += ", " + claims_.add({measure::format_cadet_percent(c), id, row, "change_percent", c.percent->to_double()});
    const auto test = stats::test_change(a, b);
    if (test.significant) s += fmt::format(", a notable {}", b > a ? "increase" : "decrease");
    else if (a != b) s += ", within what chance gives";
    return s + ")";
  }

  // Keyword searches ([extracts] keywords) of the set's free text, when a word list reads this kind
  // of record: the table over the year and the one before, and a sentence quoting each list's
  // records caught in the year and their share of all the area's records, counted here.
  void keyword_tables(const extract::ExtractSet& set, const period::Window& year, const std::string& id,
                      const std::string& records) {
    std::vector<const ea::WordList*> lists;
    for (const auto& l : word_lists_)
      if (l.dataset == set.kind) lists.push_back(&l);
    if (lists.empty()) return;
    auto t = ea::keyword_table(word_lists_, set, scope_, period::years_back(year, 2));
    t.title = fmt::format("Keyword searches of the free text of {}, {}", records, area_.name);
    hold(id, ea::with_thousands_separators(std::move(t)));
    const auto sel = ea::select(set, scope_, year);
    const auto n = static_cast<std::int64_t>(sel.rows.size());
    const std::string count = "count_" + year.label(), share = "share_" + year.label();
    std::vector<std::string> parts;
    for (const auto* l : lists) {
      std::int64_t hit = 0;
      for (std::size_t r : sel.rows)
        if (ea::caught(set.records[r].free_text, *l)) ++hit;
      if (n == 0 || !shown(id, l->label, count) || !shown(id, l->label, share)) continue;
      parts.push_back(fmt::format("{} {} ({} of all)", l->label, claim_count(hit, id, l->label, count),
                                  claim_share(hit, n, id, l->label, share)));
    }
    p(fmt::format("Keyword searches of the free text of {} in {} ({{ref:{}}}), records caught by each word list: {}.", records,
                  year.description(), id, parts.empty() ? std::string("too few to show") : join_list(parts)));
    put(id);
  }

  // ---- 1. violence and the offence hierarchy -----------------------------------------------------
  void offences_chapter() {
    const std::string id = "tbl-extract-cadet";
    h(1, "Violence and the offence hierarchy", "ch-extract-offences");
    synthetic_warning(crimes_);
    hold_hierarchy(id, ea::cadet_table(*hierarchy_, crimes_, scope_,
                                       ea::CadetRequest{*earlier_, *latest_, ea::CadetRequest::ChangeStyle::cadet, {}, true, true}));
    p(fmt::format("The force's own crime records give the whole Home Office offence hierarchy, which police.uk merges into "
                  "14 categories: {{ref:{}}} compares {} with {} for {}, by the date each crime was recorded.",
                  id, latest_->description(), earlier_->description(), area_.name));
    const int vap = hierarchy_->find("vap");
    if (vap >= 0) {
      std::vector<std::string> subs;
      for (int c : hierarchy_->node(vap).children) {
        std::string item = change_item(c, id);
        if (!item.empty()) subs.push_back(item);
      }
      std::string lead = change_item(vap, id);
      if (!lead.empty()) {
        p(fmt::format("Violence against the person: {}. By sub-group: {}. A change is called notable only when the exact "
                      "Poisson test finds it significant at 5%.",
                      lead.substr(hierarchy_->node(vap).label.size() + 1), join_list(subs)));
      }
    }
    // The largest changes among the offence groups (depth 2: the groups under victim-based and
    // other crimes against society), by size of the numeric change.
    std::vector<std::pair<std::int64_t, int>> moves;
    for (int i = 0; i < static_cast<int>(hierarchy_->nodes().size()); ++i) {
      if (hierarchy_->node(i).depth != 2 || !hierarchy_->is_within(i, hierarchy_->all_crime()) || i == vap) continue;
      const std::int64_t d = count_under(now_.rows, i) - count_under(before_.rows, i);
      if (d != 0) moves.push_back({d < 0 ? -d : d, i});
    }
    std::sort(moves.begin(), moves.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<std::string> largest;
    for (std::size_t k = 0; k < moves.size() && largest.size() < 3; ++k) {
      std::string item = change_item(moves[k].second, id);
      if (!item.empty()) largest.push_back(item);
    }
    if (!largest.empty()) p(fmt::format("The largest changes among the other offence groups: {}.", join_list(largest)));
    put(id);
    keyword_tables(crimes_, *latest_, "tbl-extract-crime-keywords", "crimes");
  }

  // ---- 2. domestic abuse ---------------------------------------------------------------------------
  void domestic_abuse_chapter() {
    const int all = hierarchy_->all_crime();
    const std::int64_t da = count_marked(now_.rows, extract::marker_domestic_abuse, all);
    auto incidents = extract::load_extract_set(*in_.store, DatasetKind::da_incident);
    if (da == 0 && incidents.records.empty()) return;
    h(1, "Domestic abuse", "ch-extract-da");
    if (crimes_.any_synthetic() || incidents.any_synthetic()) p(kSyntheticWarning, Paragraph::Style::warning);
    const std::string id = "tbl-extract-da";
    hold_hierarchy(id, ea::marker_by_offence_table(*hierarchy_, extract::marker_domestic_abuse, crimes_, scope_, *latest_));
    std::string s = fmt::format("In {}, {} crimes in {} carried the domestic abuse marker ({{ref:{}}})", latest_->description(),
                                claim_count(da, id, row_of(all), "count_marked"), area_.name, id);
    const int vap = hierarchy_->find("vap");
    if (vap >= 0) {
      const std::int64_t dv = count_marked(now_.rows, extract::marker_domestic_abuse, vap), v = count_under(now_.rows, vap);
      const std::string row = row_of(vap);
      if (v > 0 && shown(id, row, "share_of_group")) {
        s += fmt::format("; {} of violence against the person was domestic abuse ({} of {} crimes)",
                         claim_share(dv, v, id, row, "share_of_group"), claim_count(dv, id, row, "count_marked"),
                         claim_count(v, id, row, "count_all"));
      }
    }
    p(s + ".");
    put(id);
    if (!incidents.records.empty()) {
      const std::string iid = "tbl-extract-da-incidents";
      const period::Window year = chapter_year(incidents, in_.latest_end);
      table(iid, ea::da_incidents_table(crimes_, incidents, scope_, period::years_back(year, 2)));
      p(fmt::format("{{ref:{}}} sets the domestic abuse incidents the police attended beside the crimes: how many were "
                    "crimed and how many remain incidents only, by the incident's start date.",
                    iid));
      keyword_tables(incidents, year, "tbl-extract-da-keywords", "domestic abuse incidents");
    }
  }

  // ---- 3. hate crime -------------------------------------------------------------------------------
  void hate_chapter() {
    const std::int64_t hate = count_marked(now_.rows, extract::marker_hate, hierarchy_->all_crime());
    std::int64_t any = 0;  // hate crimes outside All crime too (the strand table counts every crime)
    for (std::size_t r : now_.rows)
      if (crimes_.records[r].has_marker(extract::marker_hate) || crimes_.records[r].hate_strands != 0) ++any;
    if (any == 0) return;
    h(1, "Hate crime", "ch-extract-hate");
    synthetic_warning(crimes_);
    const std::string sid = "tbl-extract-hate-strands", oid = "tbl-extract-hate-offences";
    hold_hierarchy(sid, ea::hate_strand_table(crimes_, scope_, *latest_));
    hold_hierarchy(oid, ea::marker_by_offence_table(*hierarchy_, extract::marker_hate, crimes_, scope_, *latest_));
    std::string s = fmt::format("{} hate crimes were recorded in {} in {}", shown(sid, "All hate crimes", "count")
                                                                                 ? claim_count(any, sid, "All hate crimes", "count")
                                                                                 : std::string("Fewer than five"),
                                area_.name, latest_->description());
    s += fmt::format(" ({{ref:{}}} by strand; a crime motivated by several strands counts in each).", sid);
    if (shown(oid, row_of(hierarchy_->all_crime()), "count_marked")) {
      s += fmt::format(" {} of them are in All crime, shown by offence group in {{ref:{}}}.",
                       claim_count(hate, oid, row_of(hierarchy_->all_crime()), "count_marked"), oid);
    }
    p(s);
    put(sid);
    put(oid);
  }

  // ---- 4. sexual offences and exploitation -------------------------------------------------------
  void sexual_and_exploitation_chapter() {
    const int sexual = hierarchy_->find("sexual_offences");
    const std::int64_t sx = sexual >= 0 ? count_under(now_.rows, sexual) : 0;
    const std::int64_t cse = count_marked(now_.rows, extract::marker_cse, hierarchy_->all_crime());
    const std::int64_t cce = count_marked(now_.rows, extract::marker_cce, hierarchy_->all_crime());
    if (sx == 0 && cse == 0 && cce == 0) return;
    h(1, "Sexual offences and exploitation", "ch-extract-sexual");
    synthetic_warning(crimes_);
    const std::string cid = "tbl-extract-cadet";
    std::vector<std::string> parts;
    for (const char* node : {"rape", "other_sexual"}) {
      const int i = hierarchy_->find(node);
      if (i < 0) continue;
      const std::string item = change_item(i, cid);
      if (!item.empty()) parts.push_back(item);
    }
    if (!parts.empty()) {
      p(fmt::format("Sexual offences in {} ({{ref:{}}}): {}.", latest_->description(), cid, join_list(parts)));
    }
    if (sexual >= 0 && sx > 0) {
      const std::string lid = "tbl-extract-sexual-lag";
      table(lid, ea::reporting_lag_table(*hierarchy_, sexual, crimes_, scope_, period::years_back(*latest_, 2)));
      p(fmt::format("Sexual offences are often reported long after they happen: {{ref:{}}} gives the time from the offence "
                    "to its recording.",
                    lid));
    }
    std::vector<std::string> markers;
    for (const auto& m : hierarchy_->markers()) {
      if (m.marker != extract::marker_cse && m.marker != extract::marker_cce) continue;
      const std::string row = m.label;
      if (!shown(cid, row, "count_later")) continue;
      const std::int64_t n = count_marked(now_.rows, m.marker, hierarchy_->all_crime());
      markers.push_back(fmt::format("{} {}", m.label, claim_count(n, cid, row, "count_later")));
    }
    if (!markers.empty()) {
      p(fmt::format("Crimes flagged as exploitation in {} (the marker rows of {{ref:{}}}): {}.", latest_->description(), cid,
                    join_list(markers)));
    }
  }

  // ---- 5. victims and offenders --------------------------------------------------------------------
  FigureBlock pyramid_figure(const table::Table& t, const ea::Pyramid& pyr, const std::string& id) {
    const ea::Person person = pyr.person;
    const char* who = person == ea::Person::victim ? "Victims" : "Offenders";
    figure::PyramidChartSpec spec;
    spec.text.title = fmt::format("{} by age band and sex, {}, {}", who, area_.name, latest_->description());
    // The table's basis note says the same at length (ea::pyramid_basis).
    if (pyr.by_person) {
      spec.text.subtitle = fmt::format("{} of crimes recorded, each person once, at their age at their first crime in the period",
                                       person == ea::Person::victim ? "Victims" : "Main offenders");
    } else {
      spec.text.subtitle = person == ea::Person::victim ? "Victims of crimes recorded (no victim ids: each crime counts its victim once)"
                                                        : "Main offenders of crimes recorded (no offender ids: each crime counts its "
                                                          "offender once)";
    }
    spec.text.source = std::string("Source: local police crime records") +
                       (crimes_.any_synthetic() ? " (SYNTHETIC, made by csa synth extract)" : "") +
                       ". [c]: not shown (1 to 4 people, or a cell that would give such a count away).";
    spec.text.draw_title = false;
    spec.value_axis_title = person == ea::Person::victim ? "Victims" : "Offenders";
    const auto& bands = ea::pyramid_bands();
    for (std::size_t b = bands.size(); b-- > 0;) {
      const table::Cell* f = table::find_cell(t, bands[b].label, "count_female");
      const table::Cell* m = table::find_cell(t, bands[b].label, "count_male");
      spec.bands.push_back(bands[b].label);
      spec.female.push_back(f != nullptr && f->value && *f->value > 0 ? f->value : (f && f->text == "0" ? std::optional<double>(0) : std::nullopt));
      spec.male.push_back(m != nullptr && m->value && *m->value > 0 ? m->value : (m && m->text == "0" ? std::optional<double>(0) : std::nullopt));
    }
    FigureBlock fb;
    fb.id = id;
    fb.caption = spec.text.title;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < spec.bands.size(); ++i) {
      auto v = [](const std::optional<double>& x) { return x ? with_commas(static_cast<std::int64_t>(*x)) : std::string("[c]"); };
      parts.push_back(fmt::format("{} male {}, female {}", spec.bands[i], v(spec.male[i]), v(spec.female[i])));
    }
    fb.alt_text = fmt::format("Pyramid of {} in {} by age band, males left and females right: {}.", who, area_.name,
                              join_list(parts));
    spec.text.alt_text = fb.alt_text;
    fb.svg = figure::pyramid_chart(spec);
    fb.file_stem = id.substr(4);
    return fb;
  }

  void victims_and_offenders_chapter() {
    h(1, "Victims and offenders", "ch-extract-people");
    synthetic_warning(crimes_);
    p(fmt::format("Who the victims and offenders of the crimes recorded in {} were, by age and sex, and how often the same "
                  "people appear. Groups of 1 to 4 people are never shown.",
                  latest_->description()));
    for (auto person : {ea::Person::victim, ea::Person::offender}) {
      const std::string who = person == ea::Person::victim ? "victim" : "offender";
      auto pyr = ea::build_pyramid(crimes_, now_.rows, person);
      auto t = ea::pyramid_table(pyr, crimes_, scope_, *latest_, now_);
      doc_.blocks.emplace_back(std::in_place_type<FigureBlock>, pyramid_figure(t, pyr, "fig-extract-pyramid-" + who));
      table("tbl-extract-pyramid-" + who, std::move(t));
    }
    table("tbl-extract-repeat-victims", ea::repeat_victims_table(crimes_, scope_, period::years_back(*latest_, 2)));
    table("tbl-extract-offenders",
          ea::with_thousands_separators(ea::offenders_table(crimes_, scope_, ea::OffenderRequest{*latest_, in_.persistent_from})));
    p(fmt::format("{{ref:tbl-extract-repeat-victims}} counts victims with two or more crimes; {{ref:tbl-extract-offenders}} "
                  "counts crimes per offender, and persistent offenders ({} or more crimes in the year).",
                  in_.persistent_from));
  }

  // ---- 6. when -------------------------------------------------------------------------------------
  void when_chapter() {
    h(1, "When crimes happen and are reported", "ch-extract-when");
    synthetic_warning(crimes_);
    const std::string lid = "tbl-extract-lag";
    table(lid, ea::reporting_lag_table(*hierarchy_, -1, crimes_, scope_, period::years_back(*latest_, 2)));
    std::int64_t late = 0;
    for (std::size_t r : now_.rows) {
      const auto& rec = crimes_.records[r];
      if (rec.start_day != extract::kNoDay && ea::whole_years_between(rec.start_day, rec.recorded_day) >= 1) ++late;
    }
    const std::string col = "count_" + latest_->label();
    p(fmt::format("{{ref:{}}} gives the time from the offence to its recording{}.", lid,
                  shown(lid, "At least 12 months", col)
                      ? fmt::format(": in {}, {} crimes were recorded at least a year after they began", latest_->description(),
                                    claim_count(late, lid, "At least 12 months", col))
                      : std::string()));
    table("tbl-extract-time", ea::time_of_day_table(crimes_, scope_, *latest_));
    p("{ref:tbl-extract-time} counts the crimes by the day of the week and hour they began.");
  }

  // ---- 7. incidents and partner data -------------------------------------------------------------
  void incidents_chapter() {
    struct Source {
      DatasetKind kind;
      const char* heading;
      const char* id;
    };
    const Source sources[] = {{DatasetKind::asb, "Anti-social behaviour incidents", "asb"},
                              {DatasetKind::fire, "Fires", "fire"},
                              {DatasetKind::ed_attendance, "Emergency department attendances for assault", "ed"},
                              {DatasetKind::ambulance, "Ambulance call-outs for assault", "ambulance"}};
    std::vector<std::pair<const Source*, extract::ExtractSet>> loaded;
    for (const auto& s : sources) {
      auto set = extract::load_extract_set(*in_.store, s.kind);
      if (!set.records.empty()) loaded.emplace_back(&s, std::move(set));
    }
    const auto series = extract::series_names(*in_.store);
    const bool treatment = std::find(series.begin(), series.end(), "treatment") != series.end();
    if (loaded.empty() && !treatment) return;
    h(1, "Incidents and partner data", "ch-extract-partners");
    for (auto& [src, set] : loaded) {
      h(2, src->heading, fmt::format("ch-extract-{}", src->id));
      synthetic_warning(set);
      const period::Window year = chapter_year(set, in_.latest_end);
      auto windows = period::years_back(year, 2);
      std::vector<table::Table> tables = src->kind == DatasetKind::asb    ? ea::asb_tables(set, scope_, windows)
                                         : src->kind == DatasetKind::fire ? ea::fire_tables(set, scope_, windows)
                                                                          : ea::assault_attendance_tables(set, scope_, windows);
      const std::int64_t n = static_cast<std::int64_t>(ea::select(set, scope_, year).rows.size());
      std::vector<std::string> refs;
      for (std::size_t i = 0; i < tables.size(); ++i) refs.push_back(fmt::format("{{ref:tbl-extract-{}-{}}}", src->id, i + 1));
      const std::string first = fmt::format("tbl-extract-{}-1", src->id);
      for (std::size_t i = 0; i < tables.size(); ++i) hold(fmt::format("tbl-extract-{}-{}", src->id, i + 1), std::move(tables[i]));
      const std::string col = "count_" + year.label();
      p(fmt::format("{}: {} in {} in {} ({}).", src->heading,
                    shown(first, "Total", col) ? claim_count(n, first, "Total", col) + " records" : std::string("the records"),
                    year.description(), area_.name, join_list(refs)));
      for (std::size_t i = 0; i < tables.size(); ++i) put(fmt::format("tbl-extract-{}-{}", src->id, i + 1));
      std::string records = src->heading;
      records[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(records[0])));
      keyword_tables(set, year, fmt::format("tbl-extract-{}-keywords", src->id), records);
    }
    if (treatment) {
      h(2, "Drug and alcohol treatment", "ch-extract-treatment");
      ea::SeriesRequest req;
      req.series = "treatment";
      try {
        table("tbl-extract-treatment", ea::series_table(extract::load_series(*in_.store, "treatment"), req));
      } catch (const InputError& e) {
        // One period loaded (nothing to compare) or totals that do not add up: say so in place of the table.
        p(fmt::format("The treatment series cannot be tabled: {}", e.what()), Paragraph::Style::warning);
        return;
      }
      p("{ref:tbl-extract-treatment} gives the numbers in treatment as the provider reports them for the district.");
    }
  }

  const ExtractChapterInputs& in_;
  document::Document& doc_;
  Claims& claims_;
  const dataset::Geography& g_;
  const dataset::Area& area_;
  ea::Scope scope_;
  extract::ExtractSet crimes_;
  std::optional<offence::Hierarchy> hierarchy_;
  std::optional<period::Window> latest_, earlier_;
  ea::Selection now_, before_;
  std::vector<ea::WordList> word_lists_;  // [extracts] keywords; empty: no keyword tables
  std::map<std::string, TableBlock> tables_;  // as printed, to check a cell is printed before quoting it
};

}  // namespace

void append_extract_chapters(const ExtractChapterInputs& in, document::Document& doc, Claims& claims) {
  ChapterWriter(in, doc, claims).write();
}

}  // namespace csa::report
