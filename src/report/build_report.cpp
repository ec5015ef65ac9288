#include "report/build_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/thousands.hpp"
#include "figure/bar_chart.hpp"
#include "figure/choropleth.hpp"
#include "figure/funnel_plot.hpp"
#include "figure/hotspot_map.hpp"
#include "figure/line_chart.hpp"
#include "geo/dissolve.hpp"
#include "geo/projection.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/area_points.hpp"
#include "hotspot/area_shapes.hpp"
#include "measure/rate.hpp"
#include "measure/rounding.hpp"
#include "measure/share.hpp"
#include "measure/suppression.hpp"
#include "report/extract_chapters.hpp"
#include "report/narrative.hpp"
#include "stats/harm_weights.hpp"
#include "table/harm_table.hpp"
#include "table/lookup.hpp"
#include "table/area_tables.hpp"
#include "table/monthly_series.hpp"
#include "table/place_comparison.hpp"
#include "table/secondary_suppression.hpp"

namespace csa::report {
namespace {

using document::BulletList;
using document::FigureBlock;
using document::Heading;
using document::Paragraph;
using document::TableBlock;

constexpr const char* kSource = "Source: police.uk street-level crime and ASB data; ONS geography.";
// A theme needs at least this many located incidents in the latest year for a hot-spot map: with
// fewer, nearly every cell is empty and Gi* has too little to compare a cell's neighbourhood with.
constexpr std::int64_t kHotspotMinIncidents = 50;

// Builds the document chapter by chapter; one object so every chapter shares the inputs, the
// claims and the table ids.
class Builder {
 public:
  explicit Builder(const ReportInputs& in)
      : in_(in), cfg_(*in.config), a_(*in.analysis), rec_(*in.recommendations), g_(a_.cube->geography()),
        area_(g_.area(a_.area)) {}

  BuiltReport build() {
    plan_suppression();
    meta();
    details();
    out_.document.blocks.emplace_back(std::in_place_type<document::Contents>);
    executive_summary();
    key_findings();
    overview();
    for (const auto& t : a_.themes) {
      if (chapter_wanted(t)) theme_chapter(t);
    }
    // The chapters local extracts enable, each only when its data is loaded (report/extract_chapters.hpp).
    if (in_.only_themes.empty() && in_.store != nullptr) {
      append_extract_chapters({.store = in_.store, .geography = &g_, .area = a_.area, .latest_end = a_.latest().last(), .suppress_under = cfg_.suppress_under,
                               .persistent_from = cfg_.extracts.persistent_offender_threshold, .keywords = cfg_.extracts.keywords},
                              out_.document, out_.claims);
    }
    places();
    geographic_analysis();
    technical_notes();
    return std::move(out_);
  }

 private:
  // ---- helpers ---------------------------------------------------------------------------------
  void h(int level, std::string text, std::string id = {}, bool in_contents = true) {
    // emplace with in_place_type: g++ 12 warns (wrongly) of uninitialised members when a temporary
    // block is moved into the variant, and warnings are errors.
    out_.document.blocks.emplace_back(std::in_place_type<Heading>, Heading{level, std::move(text), std::move(id), in_contents});
  }
  void p(std::string text, Paragraph::Style style = Paragraph::Style::body) {
    out_.document.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{std::move(text), style});
  }
  void list(std::vector<std::string> items) {
    out_.document.blocks.emplace_back(std::in_place_type<BulletList>, BulletList{std::move(items), false});
  }
  void table(std::string id, table::Table t) {
    out_.document.blocks.emplace_back(std::in_place_type<TableBlock>, TableBlock{std::move(id), std::move(t), 0});
  }
  void figure(FigureBlock f) { out_.document.blocks.emplace_back(std::in_place_type<FigureBlock>, std::move(f)); }

  bool chapter_wanted(const ThemeFacts& t) const {
    if (in_.only_themes.empty()) return true;
    return std::find(in_.only_themes.begin(), in_.only_themes.end(), t.selection.id) != in_.only_themes.end();
  }

  const std::string& latest_label() const { return a_.latest().label(); }
  const std::string& previous_label() const { return a_.years[a_.years.size() - 2].label(); }
  std::string count_key() const { return "count_" + latest_label(); }
  std::string count_key_previous() const { return "count_" + previous_label(); }
  std::string span_description() const {
    return fmt::format("{} to {}", a_.years.front().description(), a_.latest().description());
  }

  table::AreaTableRequest request(int area) const {
    table::AreaTableRequest r;
    r.area = area;
    r.windows = a_.years;
    r.suppression.threshold = std::max<std::int64_t>(cfg_.suppress_under, 1);
    r.suppress = cfg_.suppress_under > 1;
    r.months_loaded = in_.months_loaded;
    r.assignment = in_.assignment;
    return r;
  }

  // The count quoted in text, registered against a table cell.
  std::string claim_count(std::int64_t n, const std::string& table_id, const std::string& row, const std::string& key) {
    return out_.claims.add({with_commas(n), table_id, row, key, static_cast<double>(n)});
  }
  // A change quoted in text: the percent value of the table's change cell must match.
  std::string claim_change(const measure::Change& c, const std::string& noun, const std::string& table_id,
                           const std::string& row) {
    std::string phrase = change_phrase(c, noun);
    if (c.percent) out_.claims.add({phrase, table_id, row, "change_1y", c.percent->to_double()});
    return phrase;
  }
  std::string claim_rate(std::int64_t count, std::int64_t population, const std::string& table_id, const std::string& row) {
    std::string printed = measure::format_rate(count, population);
    double exact = measure::rate(count, population, measure::RateBase::per_1000).to_double();
    return out_.claims.add({printed, table_id, row, "rate_per_1000", exact, 1e-9});
  }

  std::string theme_table_id(const ThemeFacts& t) const { return "tbl-" + t.selection.id + "-wards"; }

  // The tables are built before any sentence, so the text can quote only what they print: a count
  // the table suppresses (primary or secondary) is never quoted, and the self-check then compares
  // every quoted figure with its cell.
  // Secondary suppression planned across the linked tables. A ward's theme counts appear in each
  // theme's ward table, in the ward's profile, and sum to its all-crime count in the all-crime ward
  // table; a district's ward counts sum to the district's. Suppressing table by table would hide a
  // second cell in one table that another table prints, and subtraction across the two would give
  // the hidden count back. So the cells to hide are chosen once, on the ward × theme matrix of each
  // year: whenever a ward (across crime themes, total all crime) or a theme (across wards, total the
  // district) has exactly one hidden count, its smallest other non-zero count is hidden too, until
  // nothing changes. Every table then hides the same cells.
  void plan_suppression() {
    if (cfg_.suppress_under <= 1) return;
    const std::int64_t thr = cfg_.suppress_under;
    const auto& all_types = a_.all_crime().selection.crime_types;
    std::vector<const ThemeFacts*> columns;  // every theme, and all crime as a theme of its own
    for (const auto& t : a_.themes) columns.push_back(&t);
    columns.push_back(&a_.all_crime());
    auto in_all_crime = [&](const ThemeFacts* t) {
      return !t->is_group && (t->selection.crime_types & all_types) == t->selection.crime_types;
    };
    for (std::size_t y = 0; y < a_.years.size(); ++y) {
      auto count = [&](const ThemeFacts* t, std::size_t w) { return t->wards[w].counts[y]; };
      auto hidden = [&](const ThemeFacts* t, std::size_t w) {
        std::int64_t c = count(t, w);
        return (c > 0 && c < thr) || secondary_.contains({t->selection.id, t->wards[w].area, y});
      };
      // Ward facts are in rank order, which differs by theme: index each theme's wards by area.
      std::map<int, std::map<const ThemeFacts*, std::size_t>> at;
      for (const auto* t : columns) {
        for (std::size_t w = 0; w < t->wards.size(); ++w) at[t->wards[w].area][t] = w;
      }
      bool changed = true;
      while (changed) {
        changed = false;
        // Within a theme, across wards (total: the district).
        for (const auto* t : columns) {
          int n_hidden = 0;
          std::optional<std::size_t> smallest;
          for (std::size_t w = 0; w < t->wards.size(); ++w) {
            if (hidden(t, w)) {
              ++n_hidden;
            } else if (count(t, w) > 0 && (!smallest || count(t, w) < count(t, *smallest))) {
              smallest = w;
            }
          }
          if (n_hidden == 1 && smallest) {
            secondary_.insert({t->selection.id, t->wards[*smallest].area, y});
            changed = true;
          }
        }
        // Within a ward, across crime themes (total: the ward's all crime). The second cell is taken
        // from a theme whose own column can still protect it (another hidden count there, or another
        // count to hide); failing that, the ward's all-crime count is hidden instead.
        auto column_can_absorb = [&](const ThemeFacts* t, std::size_t skip) {
          for (std::size_t w = 0; w < t->wards.size(); ++w) {
            if (w != skip && (hidden(t, w) || count(t, w) > 0)) return true;
          }
          return false;
        };
        for (const auto& [ward, index] : at) {
          int n_hidden = 0;
          const ThemeFacts* smallest = nullptr;
          for (const auto& [t, w] : index) {
            if (!in_all_crime(t)) continue;
            if (hidden(t, w)) {
              ++n_hidden;
            } else if (count(t, w) > 0 && column_can_absorb(t, w) &&
                       (smallest == nullptr || count(t, w) < count(smallest, index.at(smallest)))) {
              smallest = t;
            }
          }
          if (n_hidden != 1) continue;
          const ThemeFacts* all = &a_.all_crime();
          if (smallest != nullptr) {
            secondary_.insert({smallest->selection.id, ward, y});
            changed = true;
          } else if (!hidden(all, index.at(all))) {
            secondary_.insert({all->selection.id, ward, y});
            changed = true;
          }
        }
      }
    }
  }

  // Hides in `t` the counts the plan hides: rows are wards (`ward_of` gives the row's ward area, or
  // -1) for one theme, or themes of one ward (then `theme_id` is empty and the row label is the theme).
  template <typename WardOf>
  void apply_plan(table::Table& t, const std::string& theme_id, WardOf ward_of, int ward = -1) {
    const std::vector<std::size_t> count_cols = table::count_columns(t);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::string id = theme_id.empty() ? theme_id_of_label(t.rows[r].cells[0].text) : theme_id;
      int area = theme_id.empty() ? ward : ward_of(t.rows[r]);
      if (id.empty() || area < 0) continue;
      for (std::size_t k = 0; k < count_cols.size() && k < a_.years.size(); ++k) {
        if (secondary_.contains({id, area, k}) && t.rows[r].cells[count_cols[k]].value) table::hide_count(t, r, count_cols[k]);
      }
    }
  }

  int ward_named(const std::string& name) const {
    for (int w : g_.children(a_.area, dataset::Level::ward)) {
      if (g_.area(w).name == name) return w;
    }
    return -1;
  }
  std::string theme_id_of_label(const std::string& label) const {
    for (const auto& t : a_.themes) {
      if (t.selection.label == label) return t.selection.id;
    }
    if (a_.all_crime().selection.label == label) return a_.all_crime().selection.id;
    return "";
  }

  const table::Table& overview_table() {
    if (!overview_) {
      auto r = request(a_.area);
      r.with_stats = true;  // every change the report shows carries its significance
      overview_ = table::theme_table(*a_.cube, *a_.taxonomy, r);
    }
    return *overview_;
  }
  const table::Table& ward_table_of(const ThemeFacts& t) {
    auto it = ward_tables_.find(t.selection.id);
    if (it == ward_tables_.end()) {
      auto r = request(a_.area);
      r.with_stats = true;
      auto wt = table::ward_table(*a_.cube, t.selection, r);
      if (r.suppress) {
        apply_plan(wt, t.selection.id, [&](const table::Row& row) { return ward_named(row.cells[0].text); });
        table::apply_secondary_suppression(wt);  // a safety net: finds nothing when the plan is complete
      }
      it = ward_tables_.emplace(t.selection.id, std::move(wt)).first;
    }
    return it->second;
  }
  // Whether the table prints a number in that row and column (not <5, [c], - or n/a).
  static bool printed(const table::Table& t, std::string_view row, std::string_view key) {
    const table::Cell* c = table::find_cell(t, row, key);
    return c != nullptr && c->value.has_value();
  }

  static std::string noun_of(const ThemeFacts& t) { return t.selection.id == "asb" ? "incident" : "offence"; }

  // ---- front matter ----------------------------------------------------------------------------
  void meta() {
    auto& m = out_.document.meta;
    m.title = cfg_.title;
    m.subtitle = fmt::format("{}: {}", area_.name, a_.latest().description());
    m.author = cfg_.author;
    m.date = in_.generated_on;
    m.version = fmt::format("Version {} (csa {})", cfg_.version, CSA_VERSION);
  }

  void details() {
    h(1, "Document details", "details");
    auto batches = in_.store->batches();
    std::set<std::string> forces;
    std::string first_loaded, last_loaded;
    for (const auto& b : batches) {
      forces.insert(b.key.force);
      if (first_loaded.empty() || b.loaded_at < first_loaded) first_loaded = b.loaded_at;
      if (last_loaded.empty() || b.loaded_at > last_loaded) last_loaded = b.loaded_at;
    }
    std::vector<std::string> sources;
    for (const auto& s : in_.store->geography_sources()) {
      sources.push_back(fmt::format("{}: {}{}", s.kind, s.label.empty() ? s.path : s.label,
                                    s.loaded_at.empty() ? "" : fmt::format(" (loaded {})", s.loaded_at.substr(0, 10))));
    }
    list({
        fmt::format("**Title:** {}", cfg_.title),
        fmt::format("**Area:** {} ({}), {}", area_.name, area_.code,
                    area_.parent >= 0 ? "in " + g_.area(area_.parent).name : std::string("England and Wales")),
        fmt::format("**Period covered:** {} ({} to {})", span_description(), a_.years.front().first().long_name(),
                    a_.latest().last().long_name()),
        fmt::format("**Crime data:** police.uk street-level crime and anti-social behaviour, {} monthly file(s) of {} "
                    "force(s) ({}), loaded {} to {}",
                    batches.size(), forces.size(), join_list({forces.begin(), forces.end()}), first_loaded.substr(0, 10),
                    last_loaded.substr(0, 10)),
        fmt::format("**Geography and population:** {}", sources.empty() ? std::string("none loaded") : join_list(sources)),
        fmt::format("**Produced by:** {}, with csa {} on {}", cfg_.author, CSA_VERSION, in_.generated_on),
        fmt::format("**Version:** {}", cfg_.version),
        "**Licence:** " + std::string(table::kOglAttribution),
    });
    p("Every figure in this document is computed from the data above by csa and checked before the document is "
      "written: each number in the text equals the table it comes from, groups equal the sum of their parts, and "
      "small numbers are suppressed as described in the technical notes.",
      Paragraph::Style::note);
  }

  // ---- executive summary -----------------------------------------------------------------------
  void executive_summary() {
    h(1, "Executive summary", "summary");
    const ThemeFacts& all = a_.all_crime();
    std::string all_row = all.selection.label;
    p(fmt::format("Police recorded {} in {} in {}; crime {} compared with {}. This is {}. The sections below say which "
                  "types of crime and which wards need the partnership's attention, and why.",
                  fmt::format("{} crimes", claim_count(all.latest(), "tbl-overview", all_row, count_key())), area_.name,
                  a_.latest().description(), claim_change(all.change_1y, "offence", "tbl-overview", all_row),
                  a_.years[a_.years.size() - 2].description(), significance_phrase(all.test_1y)),
      Paragraph::Style::lead);
    h(2, "Recommendations", "recommendations");
    p("Recommendations fall into two parts: geographic (the wards to focus on) and types of crime (three categories to "
      "aid discussion about prioritisation). The rules are set in the report configuration; {ref:tbl-classification} "
      "shows each theme's evidence.");
    h(3, "Geographic", "rec-geographic");
    if (rec_.wards.empty()) {
      p("No ward meets the geographic rules: no ward has the highest count in two or more themes, none ranks near the "
        "top in every theme, and no ward saw a statistically significant increase on a base large enough to judge.");
    } else {
      p(fmt::format("Based on the evidence in this document, efforts should be focused on the following {} ward{}:",
                    rec_.wards.size(), rec_.wards.size() == 1 ? "" : "s"));
      std::vector<std::string> items;
      for (const auto& w : rec_.wards) items.push_back(fmt::format("**{}**: {}.", w.name, fmt::join(w.reasons, "; ")));
      list(items);
    }
    h(3, "Types of crime", "rec-types");
    for (Category c : {Category::high_attention, Category::concerning_trend, Category::monitor}) {
      std::vector<std::string> items;
      for (const auto& d : rec_.themes) {
        if (d.category == c) items.push_back(fmt::format("**{}**: {}.", d.theme->selection.label, d.evidence));
      }
      p(fmt::format("**{}** ({}):", category_title(c), category_reason(c)));
      if (items.empty()) {
        p(fmt::format("No theme meets this category's rule in {}.", a_.latest().description()));
      } else {
        list(items);
      }
    }
  }

  // ---- key findings ----------------------------------------------------------------------------
  std::string theme_paragraph(const ThemeFacts& t) {
    const std::string row = t.selection.label;
    const std::string noun = noun_of(t);
    const table::Table& overview = overview_table();
    if (!printed(overview, row, count_key())) {
      return fmt::format("**{}**: fewer than {} {}s in {}, too few to publish.", row, cfg_.suppress_under, noun,
                         a_.latest().description());
    }
    std::string s = fmt::format("**{}**: {} in {}", row,
                                fmt::format("{} {}{}", claim_count(t.latest(), "tbl-overview", row, count_key()), noun,
                                            t.latest() == 1 ? "" : "s"),
                                a_.latest().description());
    if (printed(overview, row, "change_1y")) {
      s += fmt::format(", which {} compared with {}", claim_change(t.change_1y, noun, "tbl-overview", row),
                       a_.years[a_.years.size() - 2].description());
      s += notable(t.test_1y) ? fmt::format(", a notable {}", t.change_1y.diff > 0 ? "increase" : "decrease")
                              : ", within normal variation";
      s += fmt::format(" ({})", p_value_text(t.test_1y.p_value));
    } else {
      s += fmt::format("; the count for {} is too small to publish a change", a_.years[a_.years.size() - 2].description());
    }
    if (t.share_of_all_crime && printed(overview, row, "share_of_all_crime")) {
      s += fmt::format("; {} of all crime", measure::format_share(t.latest(), a_.all_crime().latest()));
    }
    if (t.change_ny && printed(overview, row, fmt::format("change_{}y", a_.years.size() - 1))) {
      s += fmt::format("; since {} it {}", a_.years.front().description(), change_phrase(*t.change_ny, noun));
    }
    s += ".";
    s += district_comparison(t);
    if (!t.wards.empty() && t.latest() > 0 && chapter_wanted(t)) {
      const table::Table& wt = ward_table_of(t);
      std::vector<std::string> top;
      for (const auto& w : t.wards) {
        if (static_cast<int>(w.rank) > cfg_.geography.top_wards) break;
        if (w.counts.back() == 0 || !printed(wt, w.name, count_key())) continue;
        top.push_back(fmt::format("{} ({})", w.name, claim_count(w.counts.back(), theme_table_id(t), w.name, count_key())));
      }
      if (!top.empty()) {
        s += fmt::format(" The wards with the highest counts were {}.", join_list(top));
      }
    }
    return s;
  }

  // The districts of the county with a population, the subject first; empty when there is no county.
  std::vector<int> county_districts() const {
    std::vector<int> out;
    int county = g_.ancestor(a_.area, dataset::Level::county);
    if (county < 0 || area_.level != dataset::Level::lad) return out;
    out.push_back(a_.area);
    for (int d : g_.children(county, dataset::Level::lad)) {
      if (d != a_.area && g_.area(d).population > 0) out.push_back(d);
    }
    return out;
  }

  // " Cambridge's rate, 17.9 per 1,000 residents, is the highest of the 5 districts of
  // Cambridgeshire (the others range from 3.1 to 8.2)." The rates come from the analysis and are
  // quoted against tbl-district-rates, and only where that table prints them.
  std::string district_comparison(const ThemeFacts& t) {
    const auto& d = t.county_districts;
    const auto& rates = district_rates();
    if (d.size() < 2 || !rates || d.front().population <= 0 || t.latest() == 0) return "";
    auto rate = [](const ThemeFacts::DistrictCount& x) {
      return measure::rate(x.count, x.population, measure::RateBase::per_1000);
    };
    auto by_rate = [&](const auto& x, const auto& y) { return rate(x).to_double() < rate(y).to_double(); };
    const auto lowest = std::min_element(d.begin() + 1, d.end(), by_rate);
    const auto highest = std::max_element(d.begin() + 1, d.end(), by_rate);
    for (const auto* x : {&d.front(), &*lowest, &*highest}) {
      if (!printed(*rates, t.selection.label, "rate_" + g_.area(x->area).code)) return "";
    }
    std::size_t rank = 1;
    for (auto it = d.begin() + 1; it != d.end(); ++it) rank += rate(*it).to_double() > rate(d.front()).to_double() ? 1 : 0;
    auto quote = [&](const ThemeFacts::DistrictCount& x) {
      std::string printed_rate = measure::format_rate(x.count, x.population);
      out_.claims.add({printed_rate, "tbl-district-rates", t.selection.label, "rate_" + g_.area(x.area).code,
                       rate(x).to_double(), 1e-9});
      return printed_rate;
    };
    std::string county = g_.area(g_.ancestor(a_.area, dataset::Level::county)).name;
    return fmt::format(" {}'s rate, {} per 1,000 residents, is the {} of the {} districts of {} (the others range from {} "
                       "to {}).",
                       area_.name, quote(d.front()), rank_words(rank), d.size(), county, quote(*lowest), quote(*highest));
  }

  void key_findings() {
    h(1, "Summary of key findings", "findings");
    p(fmt::format("Each theme in {}, compared with {}. A change is called notable only when it is statistically "
                  "significant (exact test of two Poisson counts at the 5% level, see the technical notes); other "
                  "changes are within what chance alone would give from year to year.",
                  a_.latest().description(), a_.years[a_.years.size() - 2].description()));
    for (const auto& grp : a_.groups) {
      if (grp.selection.id == "all_crime") p(theme_paragraph(grp));
    }
    for (const auto& t : a_.themes) {
      if (chapter_wanted(t)) p(theme_paragraph(t));
    }
  }

  // ---- overview --------------------------------------------------------------------------------
  void overview() {
    h(1, "Crime overview", "overview");
    const ThemeFacts& all = a_.all_crime();
    p(fmt::format("{{ref:tbl-overview}} shows police recorded crime and anti-social behaviour in {} by theme for {}, with "
                  "the change between years, each theme's share of all crime and the rate per 1,000 residents. "
                  "{{ref:fig-overview-annual}} shows all crime by year ending and {{ref:fig-overview-monthly}} by month.",
                  area_.name, span_description()));
    table("tbl-overview", overview_table());
    figure(annual_figure(all, "fig-overview-annual"));
    figure(monthly_figure(all, "fig-overview-monthly"));
    harm();
    ward_section(all);
    hotspot_section(all);
  }

  // Crime by harm as well as volume (Cambridge Crime Harm Index), when the config names the weights.
  void harm() {
    if (cfg_.harm_weights.empty()) return;
    h(2, "Harm", "overview-harm");
    if (!std::filesystem::exists(cfg_.harm_weights)) {
      p(fmt::format("The harm section cannot be written: the weights file {} named in {} does not exist.", cfg_.harm_weights,
                    cfg_.path),
        Paragraph::Style::warning);
      return;
    }
    table::HarmTableRequest r;
    r.area = a_.area;
    r.window = a_.latest();
    r.weights = stats::derive_crime_type_weights(stats::read_cchi_subgroups(cfg_.harm_weights));
    r.weights_source = cfg_.harm_weights;
    r.suppression.threshold = std::max<std::int64_t>(cfg_.suppress_under, 1);
    r.suppress = cfg_.suppress_under > 1;
    p("Counting every offence as one treats a robbery like a shoplifting. {ref:tbl-harm} weights each offence by the "
      "Cambridge Crime Harm Index (the days of imprisonment its offence type would attract), so each theme's share of "
      "harm stands beside its share of volume. The weights per police.uk type are derived from Home Office subgroup "
      "weights, as the table's notes explain.");
    table("tbl-harm", table::harm_table(*a_.cube, *a_.taxonomy, r));
  }

  FigureBlock annual_figure(const ThemeFacts& t, const std::string& id) {
    figure::BarChartSpec spec;
    spec.text.title = fmt::format("{} by year ending, {}", t.selection.label, area_.name);
    spec.text.subtitle = fmt::format("Police recorded {}, {}", noun_of(t) + "s", span_description());
    spec.text.source = kSource;
    spec.text.draw_title = false;
    figure::BarSeries s;
    s.name = t.selection.label;
    for (std::size_t i = 0; i < a_.years.size(); ++i) {
      spec.categories.push_back(a_.years[i].description());
      s.values.push_back(static_cast<double>(t.counts[i]));
    }
    spec.series = {s};
    spec.value_axis_title = noun_of(t) == "offence" ? "Offences" : "Incidents";
    FigureBlock f;
    f.id = id;
    f.caption = spec.text.title;
    f.alt_text = fmt::format("Column chart of {} in {} by year ending: {}.", t.selection.label, area_.name, [&] {
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < a_.years.size(); ++i) {
        parts.push_back(fmt::format("{} {}", a_.years[i].description(), with_commas(t.counts[i])));
      }
      return join_list(parts);
    }());
    spec.text.alt_text = f.alt_text;
    f.svg = figure::bar_chart(spec);
    f.file_stem = id.substr(4);
    f.source.clear();  // the figure prints its own source line, so the caption does not repeat it
    return f;
  }

  FigureBlock monthly_figure(const ThemeFacts& t, const std::string& id) {
    figure::LineChartSpec spec;
    const period::Month last = t.monthly_first + static_cast<int>(t.monthly.size()) - 1;
    spec.text.title = fmt::format("{} by month, {}, {} to {}", t.selection.label, area_.name, t.monthly_first.long_name(),
                                  last.long_name());
    spec.text.subtitle = "Monthly count and 12-month rolling average";
    spec.text.source = kSource;
    spec.text.draw_title = false;
    spec.first_month = t.monthly_first;
    figure::MonthlySeries monthly{"Monthly count", {}, figure::SeriesStyle::monthly, ""};
    figure::MonthlySeries rolling{"12-month rolling average", {}, figure::SeriesStyle::rolling_average, ""};
    for (std::size_t i = 0; i < t.monthly.size(); ++i) {
      monthly.values.push_back(static_cast<double>(t.monthly[i]));
      if (i >= 11) {
        double sum = 0;
        for (std::size_t k = i - 11; k <= i; ++k) sum += static_cast<double>(t.monthly[k]);
        rolling.values.push_back(sum / 12.0);
      } else {
        rolling.values.push_back(std::nullopt);
      }
    }
    spec.series = {monthly, rolling};
    spec.value_axis_title = noun_of(t) == "offence" ? "Offences per month" : "Incidents per month";
    if (t.peak_month) spec.peak = figure::PeakMarker{0, *t.peak_month, ""};
    FigureBlock f;
    f.id = id;
    f.caption = spec.text.title;
    f.alt_text = fmt::format("Line chart of {} in {} per month from {} to {}{}.", t.selection.label, area_.name,
                             t.monthly_first.long_name(), last.long_name(),
                             t.peak_month ? fmt::format("; the highest month was {} with {}",
                                                        (t.monthly_first + static_cast<int>(*t.peak_month)).long_name(),
                                                        with_commas(t.monthly[*t.peak_month]))
                                          : std::string());
    spec.text.alt_text = f.alt_text;
    f.svg = figure::line_chart(spec);
    f.file_stem = id.substr(4);
    f.source.clear();  // the figure prints its own source line, so the caption does not repeat it
    return f;
  }

  // ---- theme chapters --------------------------------------------------------------------------
  void theme_chapter(const ThemeFacts& t) {
    const std::string& label = t.selection.label;
    const std::string noun = noun_of(t);
    h(1, label, "ch-" + t.selection.id);
    if (t.latest() == 0 && t.counts.front() == 0) {
      p(fmt::format("No {} {}s were recorded in {} in {}; there is nothing to analyse.", label, noun, area_.name,
                    span_description()),
        Paragraph::Style::warning);
      return;
    }
    h(2, "Summary", "ch-" + t.selection.id + "-summary", false);
    p(theme_paragraph(t), Paragraph::Style::lead);
    const ThemeDecision* d = nullptr;
    for (const auto& x : rec_.themes) {
      if (x.theme == &t) d = &x;
    }
    if (d != nullptr && d->category != Category::none) {
      p(fmt::format("Category: **{}** ({}).", category_title(d->category), d->evidence));
    }
    if (t.trend) {
      p(fmt::format("Over the {} years ending shown, the yearly rate ratio is {:.2f} (95% interval {:.2f} to {:.2f}): {}.",
                    t.counts.size(), t.trend->rate_ratio, t.trend->rate_ratio_interval.lower,
                    t.trend->rate_ratio_interval.upper,
                    t.trend->direction == stats::TrendDirection::rising    ? "a rising trend"
                    : t.trend->direction == stats::TrendDirection::falling ? "a falling trend"
                                                                           : "no clear trend"));
    } else {
      p(fmt::format("Only {} complete years ending are loaded, so no trend is classified (a trend needs at least {}).",
                    t.counts.size(), cfg_.classification.trend_min_years),
        Paragraph::Style::note);
    }
    h(2, "Trend", "ch-" + t.selection.id + "-trend", false);
    figure(annual_figure(t, "fig-" + t.selection.id + "-annual"));
    if (t.peak_month) {
      period::Month peak = t.monthly_first + static_cast<int>(*t.peak_month);
      p(fmt::format("The highest month in the last two years was {} with {} ({{ref:fig-{}-monthly}}).", peak.long_name(),
                    count_phrase(t.monthly[*t.peak_month], noun), t.selection.id));
    }
    figure(monthly_figure(t, "fig-" + t.selection.id + "-monthly"));
    if (in_.deep_dive) end_of_year_review(t);
    if (!t.wards.empty()) ward_section(t);
    hotspot_section(t);
  }

  // The deep dive's month-by-month look at the latest year (seeds 001 and 003): each month against
  // the same month a year earlier, the rolling average, and the months out of the ordinary.
  void end_of_year_review(const ThemeFacts& t) {
    const std::string id = t.selection.id;
    h(2, "End-of-year review", "ch-" + id + "-review");
    table::MonthlySeriesRequest r;
    r.area = a_.area;
    r.window = a_.latest();
    r.months_loaded = in_.months_loaded;
    r.assignment = in_.assignment;
    r.suppression.threshold = std::max<std::int64_t>(cfg_.suppress_under, 1);
    r.suppress = cfg_.suppress_under > 1;
    auto mt = table::monthly_series(*a_.cube, t.selection, r);
    std::size_t n = t.monthly.size();
    int higher = 0;
    for (std::size_t i = n >= 12 ? n - 12 : 0; i < n; ++i) {
      if (i >= 12 && t.monthly[i] > t.monthly[i - 12]) ++higher;
    }
    p(fmt::format("{{ref:tbl-{}-review}} follows {} month by month through {}: in {} of the 12 months the count was higher "
                  "than in the same month a year earlier. Months flagged by statistical process control lie more than "
                  "three standard deviations from the average of the previous 24 months (needs 24 months of history).",
                  id, to_lower_first(t.selection.label), a_.latest().description(), higher));
    table("tbl-" + id + "-review", std::move(mt));
  }

  void ward_section(const ThemeFacts& t) {
    const std::string& label = t.selection.label;
    const std::string id = t.selection.id;
    h(2, "Wards", "ch-" + id + "-wards", t.is_group);
    table::Table wt = ward_table_of(t);
    std::vector<std::string> sentences;
    std::vector<std::string> top;
    for (const auto& w : t.wards) {
      if (static_cast<int>(w.rank) > cfg_.geography.top_wards || w.counts.back() == 0) break;
      if (!printed(wt, w.name, count_key())) continue;
      std::int64_t population = g_.area(w.area).population;
      std::string rate = population > 0 && printed(wt, w.name, "rate_per_1000")
                             ? fmt::format(", {} per 1,000 residents",
                                           claim_rate(w.counts.back(), population, theme_table_id(t), w.name))
                             : "";
      top.push_back(fmt::format("**{}** ({}{})", w.name, claim_count(w.counts.back(), theme_table_id(t), w.name, count_key()), rate));
    }
    if (!top.empty()) {
      sentences.push_back(fmt::format("The top {} wards for {} in {} were {}.", top.size(), to_lower_first(label),
                                      a_.latest().description(), join_list(top)));
    }
    // A sentence per ward whose change is statistically significant (the only changes called notable).
    std::vector<std::string> notable_wards;
    for (const auto& w : t.wards) {
      const std::size_t n = w.counts.size();
      if (!notable(w.latest_test) || !printed(wt, w.name, count_key_previous()) || !printed(wt, w.name, count_key()) ||
          !printed(wt, w.name, "change_1y")) {
        continue;
      }
      auto c = measure::compute_change(w.counts[n - 2], w.counts[n - 1]);
      notable_wards.push_back(fmt::format("{} {} ({}){}", w.name, claim_change(c, noun_of(t), theme_table_id(t), w.name),
                                          p_value_text(w.latest_test.p_value),
                                          w.latest_test.small_base ? ", on a small base" : ""));
    }
    if (notable_wards.empty()) {
      sentences.push_back("No ward's change from the previous year is statistically significant.");
    } else {
      sentences.push_back(fmt::format("Notable changes (statistically significant at 5%): {}.", join_list(notable_wards)));
    }
    p(fmt::format("{{ref:{}}} ranks the wards{}. {}", theme_table_id(t),
                  has_boundaries() ? fmt::format(" and {{ref:fig-{}-map}} maps their rates", id) : std::string(),
                  fmt::format("{}", fmt::join(sentences, " "))));
    // The map shades what the table prints: a rate the table hides (suppressed) is "no data" there too.
    std::map<std::string, std::optional<double>> printed_rates;
    const auto rate_col = table::column_index(wt, "rate_per_1000");
    for (const auto& row : wt.rows) {
      if (row.kind == table::RowKind::body && rate_col) {
        printed_rates[row.cells[0].text] = row.cells[*rate_col].value;
      }
    }
    std::optional<FigureBlock> funnel = funnel_figure(t, wt);
    table(theme_table_id(t), std::move(wt));
    if (has_boundaries()) {
      figure(ward_map(t, printed_rates));
    } else if (t.is_group) {
      p("No ward boundaries are loaded, so the report has no ward maps and no hot-spot maps (load them with `csa "
        "geography load --boundaries wards.geojson`).",
        Paragraph::Style::note);
    }
    if (funnel) {
      p(fmt::format("{{ref:{}}} sets each ward's rate against its population: a ward outside the funnel's limits has a "
                    "rate that chance alone would rarely give a ward of its size at the district's rate.",
                    funnel->id));
      figure(std::move(*funnel));
    }
  }

  // The funnel plot of the wards' latest rates against the district's (Spiegelhalter 2005), drawing
  // only the wards whose count the ward table prints, so the figure discloses nothing the table hides.
  std::optional<FigureBlock> funnel_figure(const ThemeFacts& t, const table::Table& wt) {
    const std::int64_t population = g_.area(a_.area).population;
    if (population <= 0 || t.latest() <= 0) return std::nullopt;
    figure::FunnelPlotSpec spec;
    std::size_t hidden = 0;
    for (const auto& w : t.wards) {
      const std::int64_t ward_population = g_.area(w.area).population;
      if (ward_population <= 0) continue;
      figure::FunnelArea fa{w.name, ward_population, std::nullopt};
      if (printed(wt, w.name, count_key())) fa.count = w.counts.back(); else ++hidden;
      spec.areas.push_back(std::move(fa));
    }
    if (spec.areas.size() - hidden < 2) return std::nullopt;
    spec.target_rate = static_cast<double>(t.latest()) / static_cast<double>(population);
    const std::string unit = noun_of(t) == "offence" ? "Offences" : "Incidents";
    spec.value_axis_title = unit + " per 1,000 residents";
    spec.target_label = fmt::format("{}: {}", area_.name, measure::format_rate(t.latest(), population));
    spec.text.title = fmt::format("{} per 1,000 residents by ward against ward population, {}, {}", t.selection.label,
                                  area_.name, a_.latest().description());
    spec.text.source = kSource;
    if (hidden > 0) {
      spec.text.source = fmt::format("{} ward{} not plotted: the count is suppressed in the table.\n{}", hidden,
                                     hidden == 1 ? "" : "s", kSource);
    }
    spec.text.draw_title = false;
    FigureBlock f;
    f.id = "fig-" + t.selection.id + "-funnel";
    f.caption = spec.text.title;
    f.alt_text = fmt::format("Funnel plot of the wards of {}: each ward's rate of {} per 1,000 residents against its "
                             "population, with the district rate and 95% and 99.8% Poisson control limits; the ward "
                             "table gives each ward's position.",
                             area_.name, to_lower_first(t.selection.label));
    spec.text.alt_text = f.alt_text;
    f.svg = figure::funnel_plot(spec);
    f.file_stem = f.id.substr(4);
    f.source.clear();  // the figure prints its own source line
    return f;
  }

  bool has_boundaries() {
    if (!boundaries_loaded_) {
      boundaries_loaded_ = true;
      for (auto& b : in_.store->boundaries("ward")) {
        int idx = g_.find_code(b.code);
        if (idx >= 0 && g_.ancestor(idx, area_.level) == a_.area) ward_boundaries_.push_back(std::move(b));
      }
    }
    return !ward_boundaries_.empty();
  }

  // The district's outline, dissolved from its wards once and drawn on every map.
  const std::vector<unsigned char>& district_outline() {
    if (district_outline_.empty()) district_outline_ = geo::dissolve(ward_wkb());
    return district_outline_;
  }
  std::vector<std::vector<unsigned char>> ward_wkb() const {
    std::vector<std::vector<unsigned char>> wards;
    for (const auto& b : ward_boundaries_) wards.emplace_back(b.wkb.begin(), b.wkb.end());
    return wards;
  }

  // ---- hot spots -------------------------------------------------------------------------------
  // What every theme's hot-spot map shares, made on first use: the incidents with their coordinates,
  // the wards in grid metres, and one cell size for the whole report, chosen by the automatic rule
  // from the district's extent (so every theme's map has the same cells and the maps compare).
  struct HotspotBasis {
    dataset::Incidents incidents;
    std::unique_ptr<geo::BngProjector> projector;
    std::vector<hotspot::Shape> wards;  // ward_boundaries_ order
    std::vector<hotspot::Shape> outline;  // the district (its wards dissolved): the grid is clipped to it
    std::vector<std::string> ward_names;
    hotspot::Extent district;
    hotspot::CellSize cell;
  };
  HotspotBasis& hotspot_basis() {
    if (!hotspot_basis_) {
      auto b = std::make_unique<HotspotBasis>();
      b->incidents = dataset::load_incidents(*in_.store, g_, in_.assignment);
      b->projector = std::make_unique<geo::BngProjector>();
      b->wards = hotspot::shapes_from_wkb(ward_wkb());
      b->outline = hotspot::shapes_from_wkb({district_outline()});
      for (const auto& w : ward_boundaries_) {
        int idx = g_.find_code(w.code);
        b->ward_names.push_back(idx >= 0 ? g_.area(idx).name : w.name);
      }
      b->district = hotspot::extent_of_shapes(b->wards);
      b->cell = hotspot::auto_cell_size(b->district);
      hotspot_basis_ = std::move(b);
    }
    return *hotspot_basis_;
  }

  // Hot cells of one theme by ward, as the table prints them: a row per ward with a hot cell (most
  // first), cells whose centre is in no ward last, and the area's total.
  struct HotspotWard {
    std::string name;
    std::array<std::int64_t, 3> hot{};  // at 99, 95, 90%
    std::int64_t total() const { return hot[0] + hot[1] + hot[2]; }
  };

  void hotspot_section(const ThemeFacts& t) {
    if (!has_boundaries()) return;
    h(2, "Hot spots", "ch-" + t.selection.id + "-hotspots", t.is_group);
    // A map that cannot be made (a boundary outside Great Britain, say) says why instead of failing
    // the report; nothing of it has been added to the document or the claims when it throws.
    try {
      hotspot_body(t);
    } catch (const InputError& e) {
      p(fmt::format("The hot-spot map of {} cannot be made: {}", to_lower_first(t.selection.label), e.what()),
        Paragraph::Style::warning);
    }
  }

  void hotspot_body(const ThemeFacts& t) {
    const std::string& id = t.selection.id;
    const std::string label = to_lower_first(t.selection.label);
    HotspotBasis& basis = hotspot_basis();
    auto points = hotspot::select_area_points(basis.incidents, g_, a_.area, t.selection.crime_types, a_.latest(),
                                              *basis.projector);
    if (points.mapped() < kHotspotMinIncidents) {
      p(fmt::format("Fewer than {} {} {}s in {} in {} have a location, too few for a hot-spot map: with so few, nearly "
                    "every grid cell is empty and a cell's neighbourhood cannot be told apart from chance.",
                    kHotspotMinIncidents, label, noun_of(t), area_.name, a_.latest().description()),
        Paragraph::Style::note);
      return;
    }
    hotspot::HotspotSettings settings;
    settings.kde = false;  // the map shows Gi* classes only
    hotspot::clip_to_area(settings, basis.outline, points.x, points.y);
    // The report's cells, made coarser (the next nice size, step by step) until the average Gi*
    // neighbourhood holds enough incidents for its normal p-values; no map when even cells of a tenth
    // of the district's shorter side are too sparse.
    const double coarsest = std::min(basis.district.width(), basis.district.height()) / 10;
    hotspot::HotspotResult r;
    for (double cell = basis.cell.metres;; cell = hotspot::nice_next(cell)) {
      if (cell > coarsest) {
        p(fmt::format("{} {}s in {} in {} are too sparse for a hot-spot map: even with cells of {} the average "
                      "neighbourhood of a cell would hold fewer than {:g}, and with counts so sparse Gi* would call a "
                      "single incident in an empty field a hot spot.",
                      t.selection.label, noun_of(t), area_.name, a_.latest().description(), hotspot::metres_text(r.grid.cell),
                      hotspot::kMinExpectedNeighbourhood),
          Paragraph::Style::note);
        return;
      }
      settings.cell_size = cell;
      r = hotspot::analyse_hotspots(points.x, points.y, settings);
      if (hotspot::expected_neighbourhood(r) >= hotspot::kMinExpectedNeighbourhood) break;
    }
    const std::vector<int> ward_of = hotspot::locate_cells(r.grid, basis.wards);
    FigureBlock map = hotspot_figure(t, r);  // drawn first: nothing is claimed for a map that cannot be drawn

    // The sentence, from the cells.
    std::int64_t hot = 0, hot99 = 0, cold = 0;
    std::map<int, std::int64_t> hot_in;  // ward index (-1: none) → hot cells
    for (std::size_t c = 0; c < r.grid.size(); ++c) {
      const int k = static_cast<int>(r.gi.cell_class[c]);
      if (k > 0) {
        ++hot;
        hot99 += k == 3 ? 1 : 0;
        ++hot_in[ward_of[c]];
      } else if (k < 0) {
        ++cold;
      }
    }
    const std::string table_id = "tbl-" + id + "-hotspots";
    const std::string total_row = area_.name;
    std::string text = fmt::format(
        "{{ref:fig-{}-hotspots}} maps where {} concentrated in {}: of the {} grid cells of {} in the district{}, ",
        id, label, a_.latest().description(), with_commas(r.cells_kept()), hotspot::metres_text(r.grid.cell),
        r.grid.cell > basis.cell.metres
            ? fmt::format(" (coarser than the report's {}, so that a cell's neighbourhood holds {:g} incidents or more "
                          "on average)",
                          hotspot::metres_text(basis.cell.metres), hotspot::kMinExpectedNeighbourhood)
            : std::string());
    if (hot == 0) {
      text += "none is a hot spot at 90% confidence or more: no part of the district has significantly more than the "
              "average cell would give by chance.";
    } else {
      text += fmt::format("{} {} hot spots at 90% confidence or more ({} at 99%)",
                          out_.claims.add({with_commas(hot), table_id, total_row, "hot_cells", static_cast<double>(hot)}),
                          hot == 1 ? "is a" : "are",
                          out_.claims.add({with_commas(hot99), table_id, total_row, "hot_99", static_cast<double>(hot99)}));
      std::vector<std::pair<int, std::int64_t>> by_ward;
      for (const auto& [w, n] : hot_in) {
        if (w >= 0) by_ward.emplace_back(w, n);
      }
      std::stable_sort(by_ward.begin(), by_ward.end(), [&](const auto& x, const auto& y) {
        return x.second != y.second ? x.second > y.second : basis.ward_names[static_cast<std::size_t>(x.first)] <
                                                               basis.ward_names[static_cast<std::size_t>(y.first)];
      });
      std::vector<std::string> named;
      std::int64_t covered = 0;
      for (const auto& [w, n] : by_ward) {
        if (named.size() == 3 || 2 * covered > hot) break;
        const std::string& name = basis.ward_names[static_cast<std::size_t>(w)];
        named.push_back(fmt::format("{} ({})", name,
                                    out_.claims.add({with_commas(n), table_id, name, "hot_cells", static_cast<double>(n)})));
        covered += n;
      }
      if (!named.empty()) {
        text += 2 * covered > hot ? fmt::format(", most of them in {}", join_list(named))
                                  : fmt::format(", spread over {} wards, the most in {}", by_ward.size(), join_list(named));
      }
      text += fmt::format(". {{ref:{}}} counts them by ward.", table_id);
    }
    if (cold > 0) text += fmt::format(" {} {} cold spot{}.", with_commas(cold), cold == 1 ? "cell is a" : "cells are", cold == 1 ? "" : "s");
    p(text);
    figure(std::move(map));
    if (hot > 0) table(table_id, hotspot_table(t, r, ward_of, basis));
  }

  // The table of hot cells by ward, counted from the cells again (not from the sentence's tally).
  table::Table hotspot_table(const ThemeFacts& t, const hotspot::HotspotResult& r, const std::vector<int>& ward_of,
                             const HotspotBasis& basis) const {
    std::vector<HotspotWard> wards(basis.ward_names.size() + 1);  // the last: in no ward
    for (std::size_t w = 0; w < basis.ward_names.size(); ++w) wards[w].name = basis.ward_names[w];
    wards.back().name = "In no ward (centre outside every ward boundary)";
    for (std::size_t c = 0; c < r.grid.size(); ++c) {
      switch (r.gi.cell_class[c]) {
        case hotspot::CellClass::hot99:
        case hotspot::CellClass::hot95:
        case hotspot::CellClass::hot90: {
          auto& w = ward_of[c] >= 0 ? wards[static_cast<std::size_t>(ward_of[c])] : wards.back();
          ++w.hot[static_cast<std::size_t>(3 - static_cast<int>(r.gi.cell_class[c]))];
          break;
        }
        default: break;
      }
    }
    table::Table tb;
    tb.title = fmt::format("{} hot-spot cells by ward, {}, {}", t.selection.label, area_.name, a_.latest().description());
    tb.columns = {{"ward", "Ward", table::Align::left},
                  {"hot_99", "Hot, 99%", table::Align::right},
                  {"hot_95", "Hot, 95%", table::Align::right},
                  {"hot_90", "Hot, 90%", table::Align::right},
                  {"hot_cells", "Hot cells", table::Align::right}};
    auto row = [](const HotspotWard& w, table::RowKind kind) {
      table::Row out{{{w.name, std::nullopt}}, kind};
      for (std::int64_t v : {w.hot[0], w.hot[1], w.hot[2], w.total()}) out.cells.push_back({with_commas(v), static_cast<double>(v)});
      return out;
    };
    HotspotWard total{area_.name, {}};
    std::vector<const HotspotWard*> shown;
    for (std::size_t w = 0; w < wards.size(); ++w) {
      for (std::size_t k = 0; k < 3; ++k) total.hot[k] += wards[w].hot[k];
      if (wards[w].total() > 0 && w + 1 < wards.size()) shown.push_back(&wards[w]);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const HotspotWard* x, const HotspotWard* y) {
      return x->total() != y->total() ? x->total() > y->total() : x->name < y->name;
    });
    if (wards.back().total() > 0) shown.push_back(&wards.back());
    for (const auto* w : shown) tb.rows.push_back(row(*w, table::RowKind::body));
    tb.rows.push_back(row(total, table::RowKind::total));
    tb.notes.push_back(fmt::format("Cells of {}, each placed in the ward that contains its centre. A cell is a hot "
                                   "spot when its Getis\u2013Ord Gi* is positive and its p-value, adjusted for the false "
                                   "discovery rate over all {} cells (Benjamini\u2013Hochberg), is under 0.10 (90%), 0.05 "
                                   "(95%) or 0.01 (99%). Only wards with a hot cell are listed.",
                                   hotspot::metres_text(r.grid.cell), with_commas(r.cells_kept())));
    tb.notes.push_back("Source: police.uk street-level crime and ASB data (locations anonymised to snap points). " +
                       std::string(table::kOglAttribution));
    return tb;
  }

  FigureBlock hotspot_figure(const ThemeFacts& t, const hotspot::HotspotResult& r) {
    figure::HotspotMapSpec spec;
    spec.text.title = fmt::format("{} hot spots, {}, {}", t.selection.label, area_.name, a_.latest().description());
    spec.text.subtitle = fmt::format("Cells of {} by Getis\u2013Ord Gi* class, after the Benjamini\u2013Hochberg "
                                     "false discovery rate adjustment",
                                     hotspot::metres_text(r.grid.cell));
    spec.text.source = "Source: police.uk street-level crime data (locations anonymised to snap points); ONS geography.";
    spec.text.draw_title = false;
    spec.cell_size = r.grid.cell;
    for (std::size_t c = 0; c < r.grid.size(); ++c) {
      if (!r.kept(c)) continue;  // centre outside the district: not in the analysis, not drawn
      const int col = r.grid.column_of(c), row = r.grid.row_of(c);
      spec.cells.push_back({r.grid.centre_x(col), r.grid.centre_y(row), r.grid.count[c], static_cast<int>(r.gi.cell_class[c])});
    }
    spec.wards = ward_wkb();
    spec.outline = district_outline();
    FigureBlock f;
    f.id = "fig-" + t.selection.id + "-hotspots";
    f.caption = fmt::format("{}: Getis\u2013Ord Gi* on {} grid cells, each with the cells whose centres are within "
                            "{} (the 8 around it), p-values adjusted for the false discovery rate "
                            "(Benjamini\u2013Hochberg) over all {} cells; hot and cold spots at 90, 95 and 99% confidence",
                            spec.text.title, hotspot::metres_text(r.grid.cell), hotspot::metres_text(std::round(r.gi.distance)),
                            with_commas(r.cells_kept()));
    std::size_t hot = 0;
    for (auto c : r.gi.cell_class) hot += static_cast<int>(c) > 0 ? 1 : 0;
    f.alt_text = fmt::format("Map of {} in {} on a grid of {} cells over the ward boundaries; {} cells are hot spots "
                             "at 90% confidence or more.",
                             to_lower_first(t.selection.label), area_.name, hotspot::metres_text(r.grid.cell), hot);
    spec.text.alt_text = f.alt_text;
    f.svg = figure::hotspot_map(spec);
    f.file_stem = f.id.substr(4);
    f.source.clear();  // the figure prints its own source line
    return f;
  }

  FigureBlock ward_map(const ThemeFacts& t, const std::map<std::string, std::optional<double>>& printed_rates) {
    figure::ChoroplethSpec spec;
    spec.text.title = fmt::format("{} per 1,000 residents by ward, {}, {}", t.selection.label, area_.name,
                                  a_.latest().description());
    spec.text.source = kSource;
    spec.text.draw_title = false;
    spec.legend_title = fmt::format("{} per 1,000 residents", noun_of(t) == "offence" ? "Offences" : "Incidents");
    for (const auto& b : ward_boundaries_) {
      figure::MapArea m;
      m.code = b.code;
      m.name = b.name;
      m.wkb.assign(b.wkb.begin(), b.wkb.end());
      int idx = g_.find_code(b.code);
      if (auto it = printed_rates.find(idx >= 0 ? g_.area(idx).name : b.name); it != printed_rates.end()) m.value = it->second;
      spec.areas.push_back(std::move(m));
    }
    spec.outline = district_outline();
    std::size_t distinct = 0;
    {
      std::set<double> values;
      for (const auto& m : spec.areas) {
        if (m.value) values.insert(*m.value);
      }
      distinct = values.size();
    }
    spec.classes = static_cast<int>(std::min<std::size_t>(5, std::max<std::size_t>(1, distinct)));
    FigureBlock f;
    f.id = "fig-" + t.selection.id + "-map";
    f.caption = spec.text.title;
    f.alt_text = fmt::format("Map of the wards of {} shaded by the rate of {} per 1,000 residents in {}; {} ranks the "
                             "wards with their rates.",
                             area_.name, to_lower_first(t.selection.label), a_.latest().description(), "the ward table");
    spec.text.alt_text = f.alt_text;
    try {
      f.svg = figure::choropleth(spec);
    } catch (const InputError& e) {
      // A map that cannot be drawn says why in the document instead of failing the report.
      p(fmt::format("The ward map of {} cannot be drawn: {}", to_lower_first(t.selection.label), e.what()), Paragraph::Style::warning);
      f.svg.clear();
    }
    f.file_stem = f.id.substr(4);
    f.source.clear();  // the figure prints its own source line, so the caption does not repeat it
    return f;
  }

  // ---- comparison with other places ------------------------------------------------------------
  void places() {
    h(1, "Comparison with other places", "places");
    p(fmt::format("How {}'s rates compare with the other districts of {} and with the county{}. A place is compared only "
                  "when its data cover every month of the period; places missing from the data are named under each "
                  "table.",
                  area_.name, area_.parent >= 0 ? g_.area(area_.parent).name : std::string("its county"),
                  cfg_.peers.empty() ? "" : ", and with its Most Similar Group of partnerships"));
    district_rates_table();
    std::optional<config::PeerGroup> peers;
    if (!cfg_.peers.empty()) peers = config::load_peer_group(cfg_.peers);
    if (area_.level != dataset::Level::lad) {
      p(fmt::format("{} is a {}: the comparison of a district with its county, the county's other districts and a Most "
                    "Similar Group does not apply.",
                    area_.name, dataset::level_label(area_.level)),
        Paragraph::Style::note);
      return;
    }
    for (const auto* t : comparison_themes()) {
      table::PlaceComparisonRequest r;
      r.area = a_.area;
      r.theme = t->selection;
      r.window = a_.latest();
      r.peers = peers;
      r.suppression.threshold = std::max<std::int64_t>(cfg_.suppress_under, 1);
      r.suppress = cfg_.suppress_under > 1;
      table("tbl-places-" + t->selection.id, table::place_comparison(*a_.cube, r));
    }
  }

  // The places chapter's table of district rates, or a note why there is none.
  void district_rates_table() {
    if (!district_rates()) {
      p("The loaded lookup places this area in no county with other districts, so there is no county comparison.",
        Paragraph::Style::note);
      return;
    }
    int county = area_.level == dataset::Level::county ? a_.area : g_.ancestor(a_.area, dataset::Level::county);
    p(fmt::format("{{ref:tbl-district-rates}} gives every theme's rate per 1,000 residents in each district of {} in {}.",
                  g_.area(county).name, a_.latest().description()));
    table("tbl-district-rates", *district_rates());
  }

  // Every theme's rate per 1,000 in each district of the county and the county itself (for a
  // county report, its own districts); built once, as the key findings quote it. None without a
  // county of two or more districts.
  const std::optional<table::Table>& district_rates() {
    if (district_rates_built_) return district_rates_;
    district_rates_built_ = true;
    std::vector<int> districts;
    int county = -1;
    if (area_.level == dataset::Level::county) {
      county = a_.area;
      for (int d : g_.children(county, dataset::Level::lad)) {
        if (g_.area(d).population > 0) districts.push_back(d);
      }
    } else {
      districts = county_districts();
      county = g_.ancestor(a_.area, dataset::Level::county);
    }
    if (districts.size() < 2) return district_rates_;
    table::Table t;
    t.title = fmt::format("Rate per 1,000 residents by theme, districts of {}, {}", g_.area(county).name,
                          a_.latest().description());
    t.columns.push_back({"theme", "Theme", table::Align::left});
    std::vector<int> places = districts;
    std::sort(places.begin(), places.end(), [&](int x, int y) { return g_.area(x).name < g_.area(y).name; });
    places.push_back(county);
    for (int d : places) t.columns.push_back({"rate_" + g_.area(d).code, g_.area(d).name, table::Align::right});
    auto add = [&](const ThemeFacts& th, table::RowKind kind) {
      table::Row row{{{th.selection.label, std::nullopt}}, kind};
      for (int d : places) {
        std::int64_t n = a_.cube->count(d, th.selection.crime_types, a_.latest());
        std::int64_t pop = g_.area(d).population;
        if (pop <= 0) {
          row.cells.push_back({"n/a", std::nullopt});
        } else if (cfg_.suppress_under > 1 && n > 0 && n < cfg_.suppress_under) {
          row.cells.push_back({"-", std::nullopt});  // a rate on a known population gives a small count away
        } else {
          row.cells.push_back({measure::format_rate(n, pop), measure::rate(n, pop, measure::RateBase::per_1000).to_double()});
        }
      }
      t.rows.push_back(std::move(row));
    };
    for (const auto& th : a_.themes) add(th, table::RowKind::body);
    add(a_.all_crime(), table::RowKind::total);
    if (cfg_.suppress_under > 1) {
      t.notes.push_back(fmt::format("- : a rate on a count from 1 to {} is hidden, as it would give the count away.",
                                    cfg_.suppress_under - 1));
    }
    t.notes.push_back(fmt::format("Population: {}. A district's count is the sum of its wards; incidents that could not "
                                  "be placed in a ward are not in any district's count.",
                                  g_.population_label().empty() ? std::string("LSOA population") : g_.population_label()));
    t.notes.push_back(std::string(dataset::assignment_sentence(in_.assignment)));
    t.notes.push_back("Source: police.uk street-level crime and ASB data. " + std::string(table::kOglAttribution));
    district_rates_ = std::move(t);
    return district_rates_;
  }

  std::vector<const ThemeFacts*> comparison_themes() const {
    std::vector<const ThemeFacts*> out = {&a_.all_crime()};
    for (const auto& d : rec_.themes) {
      if (d.category == Category::high_attention || d.category == Category::concerning_trend) out.push_back(d.theme);
    }
    return out;
  }

  // ---- geographic analysis ---------------------------------------------------------------------
  void geographic_analysis() {
    h(1, "Geographic analysis", "geography");
    p(fmt::format("{{ref:tbl-rank-matrix}} ranks every ward of {} in every theme by its count in {} (1 = the highest). "
                  "Wards that rank high across many themes are where partnership activity reaches most types of crime.",
                  area_.name, a_.latest().description()));
    table::Table t;
    t.title = fmt::format("Ward rank by theme, {}, {} (1 = highest count)", area_.name, a_.latest().description());
    t.columns.push_back({"ward", "Ward", table::Align::left});
    std::vector<const ThemeFacts*> themes;
    for (const auto& th : a_.themes) {
      if (th.latest() > 0 && !th.wards.empty()) themes.push_back(&th);
    }
    for (const auto* th : themes) t.columns.push_back({"rank_" + th->selection.id, th->selection.label, table::Align::right});
    for (int ward : g_.children(a_.area, dataset::Level::ward)) {
      table::Row row;
      row.cells.push_back({g_.area(ward).name, std::nullopt});
      for (const auto* th : themes) {
        auto it = std::find_if(th->wards.begin(), th->wards.end(), [&](const WardFacts& w) { return w.area == ward; });
        if (it == th->wards.end()) {
          row.cells.push_back({"-", std::nullopt});
        } else {
          row.cells.push_back({std::to_string(it->rank), static_cast<double>(it->rank)});
        }
      }
      t.rows.push_back(std::move(row));
    }
    t.notes.push_back("Rank 1 = the highest count of the theme in the latest year; tied wards share a rank. Ranks are "
                      "shown even where the count itself is suppressed, as a rank does not reveal a count.");
    t.notes.push_back(std::string(dataset::assignment_sentence(in_.assignment)));
    t.notes.push_back("Source: police.uk street-level crime and ASB data. " + std::string(table::kOglAttribution));
    table("tbl-rank-matrix", std::move(t));
    ward_profiles();
  }

  // One table per ward: every crime theme's counts, change, rate and rank in the district, with all
  // crime as the total row, so secondary suppression (and its self-check) covers the profile too: a
  // theme count hidden here cannot be worked back from the ward's all-crime count.
  void ward_profiles() {
    h(2, "Ward profiles", "ward-profiles");
    p(fmt::format("Each ward's crime by theme in {} against {}, with its rank among the {} wards of {} (1 = the highest "
                  "count). Anti-social behaviour is in the ward tables of its chapter.",
                  a_.latest().description(), a_.years[a_.years.size() - 2].description(),
                  g_.children(a_.area, dataset::Level::ward).size(), area_.name));
    const ThemeFacts& all = a_.all_crime();
    for (int ward : g_.children(a_.area, dataset::Level::ward)) {
      const auto& wa = g_.area(ward);
      table::Table t;
      t.title = fmt::format("Ward profile: {} ({}), {}", wa.name, wa.code, a_.latest().description());
      t.columns = {{"theme", "Theme", table::Align::left},
                   {count_key_previous(), previous_label(), table::Align::right},
                   {count_key(), latest_label(), table::Align::right},
                   {"change_1y", fmt::format("Change {} to {}", previous_label(), latest_label()), table::Align::right},
                   {"rate_per_1000", "Rate per 1,000", table::Align::right},
                   {"rank", "Rank in district", table::Align::right}};
      auto add = [&](const ThemeFacts& th, table::RowKind kind) {
        auto it = std::find_if(th.wards.begin(), th.wards.end(), [&](const WardFacts& w) { return w.area == ward; });
        if (it == th.wards.end()) return;
        const std::size_t n = it->counts.size();
        std::int64_t before = it->counts[n - 2], after = it->counts[n - 1];
        measure::SuppressionRule rule{std::max<std::int64_t>(cfg_.suppress_under, 1), false};
        bool suppress = cfg_.suppress_under > 1;
        auto count_cell = [&](std::int64_t c) -> table::Cell {
          if (suppress && measure::is_suppressed(c, rule)) return {measure::format_count(c, rule), std::nullopt};
          return {std::to_string(c), static_cast<double>(c)};
        };
        table::Row row{{{th.selection.label, std::nullopt}, count_cell(before), count_cell(after)}, kind};
        auto change = measure::compute_change(before, after);
        if (suppress && measure::derived_figure_hidden({before, after}, rule)) {
          row.cells.push_back({"-", std::nullopt});
        } else {
          row.cells.push_back({measure::format_percent_and_volume(change),
                               change.percent ? std::optional<double>(change.percent->to_double()) : std::nullopt});
        }
        if (wa.population <= 0) {
          row.cells.push_back({"n/a", std::nullopt});
        } else if (suppress && measure::derived_figure_hidden({after}, rule)) {
          row.cells.push_back({"-", std::nullopt});
        } else {
          row.cells.push_back({measure::format_rate(after, wa.population),
                               measure::rate(after, wa.population, measure::RateBase::per_1000).to_double()});
        }
        row.cells.push_back({std::to_string(it->rank), static_cast<double>(it->rank)});
        t.rows.push_back(std::move(row));
      };
      for (const auto& th : a_.themes) {
        if ((th.selection.crime_types & all.selection.crime_types) == th.selection.crime_types) add(th, table::RowKind::body);
      }
      add(all, table::RowKind::total);
      if (cfg_.suppress_under > 1) {
        apply_plan(t, "", [](const table::Row&) { return -1; }, ward);
        table::apply_secondary_suppression(t);  // a safety net: finds nothing when the plan is complete
        t.notes.push_back(fmt::format("Counts from 1 to {} are shown as <{}, and figures derived from them are hidden (-).",
                                      cfg_.suppress_under - 1, cfg_.suppress_under));
      }
      t.notes.push_back("Rank: among the district's wards by the latest count; tied wards share a rank.");
      t.notes.push_back("Source: police.uk street-level crime and ASB data. " + std::string(table::kOglAttribution));
      table("tbl-profile-" + wa.code, std::move(t));
    }
  }

  // ---- technical notes -------------------------------------------------------------------------
  void technical_notes() {
    h(1, "Technical notes", "technical");
    h(2, "Periods", "tech-periods");
    std::vector<std::string> periods;
    for (const auto& w : a_.years) {
      periods.push_back(fmt::format("{} = {} ({} to {})", w.label(), w.description(), w.first().long_name(), w.last().long_name()));
    }
    p(fmt::format("Years ending {} are compared: {}. Only years whose every month is loaded are used.",
                  a_.latest().last().month_name(), join_list(periods)));
    if (!a_.dropped.empty()) {
      p(fmt::format("Years asked for but left out: {}", fmt::join(a_.dropped, " ")),
        Paragraph::Style::warning);
    }
    h(2, "Population and rates", "tech-population");
    p(fmt::format("Rates are per 1,000 residents: the count divided by the population, times 1,000, to one decimal. "
                  "Population of {}: {} ({}). Ward populations are the sums of their LSOAs' populations.",
                  area_.name, with_commas(area_.population),
                  g_.population_label().empty() ? std::string("no population label recorded") : g_.population_label()));
    h(2, "Ward assignment and incidents not placed", "tech-assignment");
    p(std::string(dataset::assignment_sentence(in_.assignment)) +
      " Incidents that police.uk publishes without a location or LSOA cannot be placed in a ward; each ward table says how "
      "many there were beside its counts.");
    h(2, "Statistics", "tech-statistics");
    list({"Change between two years: exact conditional test of two Poisson counts (binomial on the total), two-sided; "
          "significant at the 5% level. Only significant changes are called notable. A change on an earlier count under "
          "10 is marked as a small base.",
          "Rate intervals: exact Poisson (Garwood) 95% limits.",
          "Ward against district: exact Poisson funnel limits at 95% and 99.8% around the district's rate.",
          "Trend: Poisson regression of the yearly counts on the year, quasi-Poisson standard error; rising or falling "
          "when the whole 95% interval of the yearly rate ratio is above or below 1.",
          "Methods are set out with their references in docs/METHODS.md of csa."});
    h(2, "Suppression", "tech-suppression");
    p(cfg_.suppress_under > 1
          ? fmt::format("Counts from 1 to {} at ward level are shown as <{} and the rates and changes derived from them "
                        "are hidden (-), so that no individual can be identified. The text never quotes a suppressed "
                        "count.",
                        cfg_.suppress_under - 1, cfg_.suppress_under)
          : std::string("No small-number suppression was applied (threshold 0 or 1 in the configuration): this "
                        "document is for internal use only."));
    h(2, "Classification rules", "tech-classification");
    p("Each theme is placed in the first category whose rule it meets. The rules, from the report configuration:");
    list(rec_.rules);
    table::Table ct;
    ct.title = fmt::format("Classification of each theme and its evidence, {}", a_.latest().description());
    ct.columns = {{"theme", "Theme", table::Align::left}, {"category", "Category", table::Align::left},
                  {"evidence", "Evidence", table::Align::left}};
    for (const auto& d : rec_.themes) {
      ct.rows.push_back({{{d.theme->selection.label, std::nullopt},
                          {std::string(category_title(d.category)), std::nullopt},
                          {d.evidence, std::nullopt}},
                         table::RowKind::body});
    }
    ct.notes.push_back(fmt::format("Rules from {}.", cfg_.path));
    table("tbl-classification", std::move(ct));
    h(2, "Data quality", "tech-quality");
    std::int64_t read = 0, stored = 0, quarantined = 0;
    for (const auto& b : in_.store->batches()) {
      read += b.rows_read;
      stored += b.rows_stored;
      quarantined += b.rows_quarantined;
    }
    p(fmt::format("Rows read from the police.uk files: {} = {} stored + {} quarantined (rows that could not be used, kept "
                  "with their file, line and reason; `csa status --quarantine` lists them).",
                  with_commas(read), with_commas(stored), with_commas(quarantined)));
    h(2, "Glossary", "glossary");
    std::vector<std::string> glossary = {
        "**ASB**: anti-social behaviour, recorded by the police apart from crime.",
        "**CSP**: Community Safety Partnership.",
        "**LSOA**: Lower layer Super Output Area, a small area of about 1,500 residents.",
        "**Rate per 1,000**: count divided by residents, times 1,000.",
        "**YE**: year ending; YE December 2025 is January to December 2025.",
        "**Statistically significant**: unlikely (under 5%) to arise by chance if the underlying rate had not changed."};
    for (const auto& th : a_.taxonomy->themes()) {
      if (!th.description.empty()) glossary.push_back(fmt::format("**{}**: {}", th.label, th.description));
    }
    list(glossary);
    h(2, "Licence", "licence");
    p(std::string(table::kOglAttribution) + " Contains OS data © Crown copyright and database right.");
  }

  const ReportInputs& in_;
  const ReportConfig& cfg_;
  const Analysis& a_;
  const Recommendations& rec_;
  const dataset::Geography& g_;
  const dataset::Area& area_;
  BuiltReport out_;
  bool boundaries_loaded_ = false;
  std::vector<store::BoundaryRecord> ward_boundaries_;
  std::vector<unsigned char> district_outline_;  // dissolved from the wards once, drawn on every map
  std::unique_ptr<HotspotBasis> hotspot_basis_;
  std::optional<table::Table> overview_;
  std::optional<table::Table> district_rates_;
  bool district_rates_built_ = false;
  std::set<std::tuple<std::string, int, std::size_t>> secondary_;  // (theme id, ward, year index) hidden
  std::map<std::string, table::Table> ward_tables_;
};

}  // namespace

BuiltReport build_report(const ReportInputs& in) { return Builder(in).build(); }

}  // namespace csa::report
