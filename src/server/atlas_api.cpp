#include "server/atlas_api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "extract_analysis/pyramid.hpp"
#include "extract_analysis/scope.hpp"
#include "figure/classes.hpp"
#include "figure/wkb_polygons.hpp"
#include "geo/projection.hpp"
#include "hotspot/analysis.hpp"
#include "hotspot/area_points.hpp"
#include "hotspot/area_shapes.hpp"
#include "hotspot/cells_output.hpp"
#include "measure/rank.hpp"
#include "stats/change_test.hpp"
#include "stats/funnel.hpp"
#include "stats/poisson_trend.hpp"
#include "stats/rate_interval.hpp"
#include "table/area_tables.hpp"

namespace csa::server {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kBoundaryAttribution = "Contains OS data © Crown copyright and database right.";

// A request parameter problem: 400 with the message.
struct BadRequest : InputError {
  using InputError::InputError;
};

// The parameters of one endpoint: every given name must be known, required ones present.
class Params {
 public:
  Params(const HttpRequest& r, std::initializer_list<const char*> known) {
    for (const auto& [name, value] : r.params) {
      bool ok = std::any_of(known.begin(), known.end(), [&](const char* k) { return name == k; });
      if (!ok) {
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        throw BadRequest(fmt::format("{} does not take parameter '{}'; it takes {}", r.path, name,
                                     list.empty() ? "none" : list));
      }
      if (value.size() > 64) throw BadRequest(fmt::format("parameter '{}' is {} characters long; at most 64", name, value.size()));
      values_[name] = value;
    }
    path_ = r.path;
  }
  std::string required(const char* name, const char* example) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) {
      throw BadRequest(fmt::format("{} needs parameter '{}' (e.g. {}={})", path_, name, name, example));
    }
    return it->second;
  }
  std::string optional(const char* name, std::string fallback) const {
    auto it = values_.find(name);
    return it == values_.end() || it->second.empty() ? fallback : it->second;
  }

 private:
  std::map<std::string, std::string> values_;
  std::string path_;
};

double round_to(double v, int places) {
  double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

json number_or_null(std::optional<double> v, int places) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return round_to(*v, places);
}

const char* funnel_word(stats::FunnelPosition p) {
  switch (p) {
    case stats::FunnelPosition::below: return "below";
    case stats::FunnelPosition::within: return "within";
    case stats::FunnelPosition::above: return "above";
  }
  return "within";
}

json area_ref(const dataset::Geography& g, int area) {
  const auto& a = g.area(area);
  return json{{"code", a.code}, {"name", a.name}, {"level", std::string(dataset::level_name(a.level))}};
}

std::string period_label(const period::Window& w) { return "Year ending " + w.last().long_name(); }

json period_ref(const AtlasPeriod& p) {
  return json{{"id", p.id},
              {"label", period_label(p.window)},
              {"previous", p.previous ? json(period_id(*p.previous)) : json(nullptr)}};
}

// The figures of one area for one category and period, with the disclosure plan applied: counts
// the plan hides are null, and so is everything derived from them.
struct Figures {
  std::optional<std::int64_t> count, previous;
  const char* suppression = nullptr;  // "primary" / "secondary" when the latest count is hidden
  json to_json(const Atlas& atlas, int area, std::int64_t reference_count, std::int64_t reference_population) const {
    const auto& a = atlas.geography().area(area);
    json j;
    j["count"] = count ? json(*count) : json(nullptr);
    j["previous"] = previous ? json(*previous) : json(nullptr);
    j["suppressed"] = suppression != nullptr;
    j["suppression"] = suppression ? json(suppression) : json(nullptr);
    bool both = count && previous;
    j["change"] = both ? json(*count - *previous) : json(nullptr);
    j["change_pct"] = both && *previous > 0 ? number_or_null(100.0 * static_cast<double>(*count - *previous) /
                                                                 static_cast<double>(*previous),
                                                             1)
                                            : json(nullptr);
    if (both) {
      auto t = stats::test_change(*previous, *count);
      j["p_value"] = round_to(t.p_value, 4);
      j["significant"] = t.significant;
      j["small_base"] = t.small_base;
    } else {
      j["p_value"] = nullptr;
      j["significant"] = nullptr;
      j["small_base"] = nullptr;
    }
    if (count && a.population > 0) {
      auto r = stats::rate_interval(*count, a.population);
      j["rate"] = round_to(r.rate, 2);
      j["rate_low"] = round_to(r.interval.lower, 2);
      j["rate_high"] = round_to(r.interval.upper, 2);
    } else {
      j["rate"] = j["rate_low"] = j["rate_high"] = nullptr;
    }
    if (count && a.population > 0 && reference_population > 0 && a.level != dataset::Level::lad) {
      auto f = stats::funnel_point(*count, a.population,
                                   static_cast<double>(reference_count) / static_cast<double>(reference_population));
      j["funnel"] = funnel_word(f.at95);
      j["funnel_998"] = funnel_word(f.at998);
    } else {
      j["funnel"] = j["funnel_998"] = nullptr;
    }
    return j;
  }
};

Figures figures_of(const Atlas& atlas, int area, const Category& cat, const AtlasPeriod& p) {
  Figures f;
  const auto& g = atlas.geography();
  int district = g.ancestor(area, dataset::Level::lad);
  auto state = [&](const period::Window& w) {
    if (district == area) return Disclosure::published;
    return atlas.plan(district, w).state(area, cat.set);
  };
  auto now = state(p.window);
  if (now == Disclosure::published) {
    f.count = atlas.count(area, cat.types, p.window);
  } else {
    f.suppression = now == Disclosure::primary ? "primary" : "secondary";
  }
  if (p.previous && state(*p.previous) == Disclosure::published) f.previous = atlas.count(area, cat.types, *p.previous);
  return f;
}

// Competition ranks (measure/rank.hpp: 1 = highest, ties share the best) among the values sent;
// an area whose count is hidden gets none, and is not counted in the others' ranks.
std::vector<std::optional<int>> ranks(const std::vector<std::optional<std::int64_t>>& values) {
  std::vector<std::int64_t> shown;
  for (const auto& v : values) {
    if (v) shown.push_back(*v);
  }
  auto rank = measure::competition_ranks(shown);
  std::vector<std::optional<int>> out(values.size());
  for (std::size_t i = 0, k = 0; i < values.size(); ++i) {
    if (values[i]) out[i] = static_cast<int>(rank[k++]);
  }
  return out;
}

json breaks(std::vector<double> values) {
  if (values.empty()) return nullptr;
  auto c = figure::classify(std::move(values), 5, figure::ClassMethod::quantile);
  json out = json::array();
  for (double e : c.edges) out.push_back(round_to(e, 2));
  return out;
}

json ring_json(const figure::Ring& ring) {
  json out = json::array();
  for (const auto& p : ring) out.push_back(json::array({round_to(p.x, 6), round_to(p.y, 6)}));
  return out;
}

json geometry_json(const std::vector<unsigned char>& wkb, const std::string& what) {
  json polys = json::array();
  for (const auto& poly : figure::read_wkb_polygons(wkb, what)) {
    json rings = json::array();
    for (const auto& ring : poly) rings.push_back(ring_json(ring));
    polys.push_back(std::move(rings));
  }
  return json{{"type", "MultiPolygon"}, {"coordinates", std::move(polys)}};
}

std::string month_text(int index) { return period::Month::from_index(index).to_string(); }

}  // namespace

AtlasApi::AtlasApi(const Atlas& atlas, std::map<std::string, std::vector<std::string>> home_office)
    : atlas_(atlas), home_office_(std::move(home_office)) {}

HttpResponse AtlasApi::handle(const HttpRequest& request) const {
  HttpResponse res;
  try {
    const auto& p = request.path;
    if (p == "/api/meta") {
      Params(request, {});
      res.body = meta();
    } else if (p == "/api/boundaries") {
      res.body = boundaries(request);
      res.headers.emplace_back("Cache-Control", "max-age=3600");
    } else if (p == "/api/map") {
      res.body = map(request);
    } else if (p == "/api/series") {
      res.body = series(request);
    } else if (p == "/api/profile") {
      res.body = profile(request);
    } else if (p == "/api/monitoring") {
      res.body = monitoring(request);
    } else if (p == "/api/pyramid") {
      res.body = pyramid(request);
    } else if (p == "/api/hotspots") {
      res.body = hotspots(request);
    } else {
      res.status = 404;
      res.body = json{{"error", fmt::format("{} is not an API endpoint; see /api/meta and docs/ATLAS_API.md", p)}}.dump();
    }
  } catch (const BadRequest& e) {
    res.status = 400;
    res.body = json{{"error", e.what()}}.dump();
  } catch (const InputError& e) {
    res.status = 404;  // a well-formed request for something that is not there
    res.body = json{{"error", e.what()}}.dump();
  }
  return res;
}

std::string AtlasApi::meta() const {
  const auto& g = atlas_.geography();
  json j;
  j["title"] = "Community safety atlas";
  j["attribution"] = std::string(table::kOglAttribution) + " " + kBoundaryAttribution;
  j["months"] = {{"first", atlas_.months_loaded().begin()->to_string()}, {"last", atlas_.months_loaded().rbegin()->to_string()}};
  j["periods"] = json::array();
  for (const auto& p : atlas_.periods()) j["periods"].push_back(period_ref(p));
  j["themes"] = json::array();
  for (const auto& c : atlas_.categories()) {
    if (c.kind == "crime_type") continue;
    // A theme listed under several groups appears once.
    bool seen = std::any_of(j["themes"].begin(), j["themes"].end(), [&](const json& t) { return t["id"] == c.id; });
    if (seen) continue;
    json types = json::array();
    for (int code : c.types.codes()) types.push_back(taxonomy::crime_type_name(code));
    j["themes"].push_back({{"id", c.id}, {"label", c.label}, {"kind", c.kind}, {"crime_types", types}, {"description", c.description}});
  }
  j["districts"] = json::array();
  for (int d : atlas_.districts()) {
    int county = g.ancestor(d, dataset::Level::county);
    j["districts"].push_back({{"code", g.area(d).code},
                              {"name", g.area(d).name},
                              {"county", county >= 0 ? json(g.area(county).name) : json(nullptr)},
                              {"wards", g.children(d, dataset::Level::ward).size()},
                              {"lsoas", g.children(d, dataset::Level::lsoa).size()},
                              {"population", g.area(d).population}});
  }
  j["levels"] = atlas_.boundary_levels();
  int first_group = -1;
  for (std::size_t i = 0; i < atlas_.categories().size(); ++i) {
    if (atlas_.categories()[i].kind == "group" && atlas_.categories()[i].types.size() == taxonomy::kCrimeTypeCount) {
      first_group = static_cast<int>(i);
      break;
    }
  }
  j["default"] = {{"district", g.area(atlas_.districts().front()).code},
                  {"theme", atlas_.categories()[static_cast<std::size_t>(std::max(first_group, 0))].id},
                  {"period", atlas_.periods().front().id},
                  {"level", "ward"},
                  {"measure", "rate"}};
  auto t = atlas_.threshold();
  j["suppression"] = {
      {"threshold", t},
      {"rule", t < 2 ? std::string("No suppression (internal use only).")
                     : fmt::format("Below district level, counts from 1 to {} are not shown (<{}), nor anything derived from "
                                   "them; where a hidden count could be worked out from a total and the other counts, the "
                                   "next smallest count is hidden too.",
                                   t - 1, t)}};
  j["population"] = atlas_.population_label();
  j["hotspots"] = true;
  j["demographics"] = false;
  return j.dump();
}

std::string AtlasApi::boundaries(const HttpRequest& r) const {
  Params params(r, {"district", "level"});
  int d = atlas_.district(params.required("district", "E07000008"));
  std::string level = params.optional("level", "ward");
  if (level != "ward" && level != "lsoa" && level != "district") {
    throw BadRequest(fmt::format("level '{}' is not known; use ward, lsoa or district", level));
  }
  std::string key = fmt::format("boundaries/{}/{}", d, level);
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  const auto& g = atlas_.geography();
  json features = json::array();
  if (level == "district") {
    auto outline = atlas_.district_outline(d);
    if (!outline.empty()) {
      features.push_back({{"type", "Feature"},
                          {"properties", {{"code", g.area(d).code}, {"name", g.area(d).name}}},
                          {"geometry", geometry_json(outline, g.area(d).name)}});
    }
  } else {
    if (atlas_.boundaries(level).empty()) {
      throw InputError(fmt::format("no {} boundaries are loaded; load them with `csa geography load --boundaries FILE`", level));
    }
    for (const auto& b : atlas_.boundaries(level)) {
      int a = g.find_code(b.code);
      if (a < 0 || g.ancestor(a, dataset::Level::lad) != d) continue;
      features.push_back({{"type", "Feature"},
                          {"properties", {{"code", b.code}, {"name", g.area(a).name}}},
                          {"geometry", geometry_json(b.wkb, b.code)}});
    }
  }
  std::string body = json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump();
  std::lock_guard lock(cache_mutex_);
  cache_[key] = body;
  return body;
}

std::string AtlasApi::map(const HttpRequest& r) const {
  Params params(r, {"district", "level", "theme", "period"});
  const auto& g = atlas_.geography();
  int d = atlas_.district(params.required("district", "E07000008"));
  std::string level = params.optional("level", "ward");
  if (level != "ward" && level != "lsoa") throw BadRequest(fmt::format("level '{}' is not known; use ward or lsoa", level));
  const auto& cat = atlas_.categories()[static_cast<std::size_t>(atlas_.category(params.required("theme", "all_crime")))];
  const auto& p = atlas_.period(params.optional("period", atlas_.periods().front().id));
  auto areas = g.children(d, level == "ward" ? dataset::Level::ward : dataset::Level::lsoa);

  std::int64_t total = atlas_.count(d, cat.types, p.window);
  std::int64_t population = g.area(d).population;
  std::vector<Figures> figs;
  std::vector<std::optional<std::int64_t>> counts;
  for (int a : areas) {
    figs.push_back(figures_of(atlas_, a, cat, p));
    counts.push_back(figs.back().count);
  }
  auto rank = ranks(counts);
  json list = json::array();
  std::vector<double> by_count, by_rate, by_change;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    int a = areas[i];
    json j{{"code", g.area(a).code}, {"name", g.area(a).name}, {"population", g.area(a).population}};
    j.update(figs[i].to_json(atlas_, a, total, population));
    j["rank"] = rank[i] ? json(*rank[i]) : json(nullptr);
    if (j["count"].is_number()) by_count.push_back(j["count"].get<double>());
    if (j["rate"].is_number()) by_rate.push_back(j["rate"].get<double>());
    if (j["change_pct"].is_number()) by_change.push_back(j["change_pct"].get<double>());
    list.push_back(std::move(j));
  }
  json totals{{"code", g.area(d).code}, {"name", g.area(d).name}, {"population", population}};
  totals.update(figures_of(atlas_, d, cat, p).to_json(atlas_, d, total, population));
  json out;
  out["district"] = {{"code", g.area(d).code}, {"name", g.area(d).name}};
  out["theme"] = {{"id", cat.id}, {"label", cat.label}};
  out["period"] = period_ref(p);
  out["level"] = level;
  out["areas"] = std::move(list);
  out["total"] = std::move(totals);
  out["breaks"] = {{"count", breaks(by_count)}, {"rate", breaks(by_rate)}, {"change_pct", breaks(by_change)}};
  out["measures"] = {{"count", "Offences"},
                     {"rate", "Offences per 1,000 residents"},
                     {"change_pct", "Change on a year earlier (%)"}};
  return out.dump();
}

std::string AtlasApi::series(const HttpRequest& r) const {
  Params params(r, {"area", "theme"});
  const auto& g = atlas_.geography();
  int area = atlas_.area(params.required("area", "E05013050"));
  int d = g.ancestor(area, dataset::Level::lad);
  const auto& cat = atlas_.categories()[static_cast<std::size_t>(atlas_.category(params.required("theme", "all_crime")))];
  period::Window all(*atlas_.months_loaded().begin(), *atlas_.months_loaded().rbegin());
  auto area_counts = atlas_.monthly(area, cat.types, all);
  auto district_counts = atlas_.monthly(d, cat.types, all);

  // Monthly counts of a small area are sent only when none is small and no year's count of it is
  // hidden: otherwise the months would give the hidden year back (or be small themselves).
  bool withhold = false;
  std::string why;
  if (area != d) {
    for (auto v : area_counts) {
      if (v > 0 && v < atlas_.threshold()) withhold = true;
    }
    for (const auto& p : atlas_.periods()) {
      if (!atlas_.published(area, cat.set, p.window)) withhold = true;
    }
    if (withhold) {
      why = fmt::format("Monthly counts for {} are not shown: some are below {} (small-number suppression).", g.area(area).name,
                        atlas_.threshold());
    }
  }
  json months = json::array(), a = json::array(), hidden = json::array(), dist = json::array();
  for (int k = 0; k < all.size(); ++k) {
    months.push_back(month_text(all.first().index() + k));
    a.push_back(withhold ? json(nullptr) : json(area_counts[static_cast<std::size_t>(k)]));
    hidden.push_back(withhold);
    dist.push_back(district_counts[static_cast<std::size_t>(k)]);
  }
  json annual = json::array();
  for (auto it = atlas_.periods().rbegin(); it != atlas_.periods().rend(); ++it) {
    if (it->window.last().month() != atlas_.periods().front().window.last().month()) continue;  // whole years apart
    auto f = figures_of(atlas_, area, cat, *it);
    annual.push_back({{"period", it->id},
                      {"label", period_label(it->window)},
                      {"area", f.count ? json(*f.count) : json(nullptr)},
                      {"district", atlas_.count(d, cat.types, it->window)}});
  }
  json out;
  out["area"] = area_ref(g, area);
  out["district"] = {{"code", g.area(d).code}, {"name", g.area(d).name}};
  out["theme"] = {{"id", cat.id}, {"label", cat.label}};
  out["months"] = std::move(months);
  out["area_counts"] = std::move(a);
  out["area_suppressed"] = std::move(hidden);
  out["withheld"] = withhold ? json(why) : json(nullptr);
  out["district_counts"] = std::move(dist);
  out["annual"] = std::move(annual);
  return out.dump();
}

std::string AtlasApi::profile(const HttpRequest& r) const {
  Params params(r, {"area", "period"});
  const auto& g = atlas_.geography();
  int area = atlas_.area(params.required("area", "E05013050"));
  int d = g.ancestor(area, dataset::Level::lad);
  const auto& p = atlas_.period(params.optional("period", atlas_.periods().front().id));
  auto level = g.area(area).level;
  auto peers = area == d ? std::vector<int>{d} : g.children(d, level);
  period::Window all(*atlas_.months_loaded().begin(), *atlas_.months_loaded().rbegin());
  json themes = json::array();
  std::set<std::string> done;
  for (const auto& cat : atlas_.categories()) {
    if (cat.kind == "crime_type" || !done.insert(cat.id).second) continue;
    std::int64_t total = atlas_.count(d, cat.types, p.window);
    // The area's figures among its peers' (the district's wards or LSOAs), for its rank.
    std::vector<Figures> figs;
    std::vector<std::optional<std::int64_t>> counts;
    std::size_t me = 0;
    for (std::size_t i = 0; i < peers.size(); ++i) {
      if (peers[i] == area) me = i;
      figs.push_back(figures_of(atlas_, peers[i], cat, p));
      counts.push_back(figs.back().count);
    }
    const Figures& f = figs[me];
    json j{{"id", cat.id}, {"label", cat.label}, {"kind", cat.kind}};
    j.update(f.to_json(atlas_, area, total, g.area(d).population));
    j["district_rate"] = g.area(d).population > 0 ? json(round_to(1000.0 * static_cast<double>(total) /
                                                                  static_cast<double>(g.area(d).population),
                                                              2))
                                                  : json(nullptr);
    auto rk = ranks(counts);
    j["rank"] = area != d && rk[me] ? json(*rk[me]) : json(nullptr);
    j["of"] = area != d ? json(peers.size()) : json(nullptr);
    // Trend over the loaded months (Poisson regression, quasi-Poisson error), per year; not for a
    // count the plan hides.
    if (f.count && all.size() >= 12) {
      std::vector<double> t;
      for (int k = 0; k < all.size(); ++k) t.push_back(k / 12.0);
      auto monthly = atlas_.monthly(area, cat.types, all);
      auto trend = stats::poisson_trend(t, monthly);
      const char* dir = trend.direction == stats::TrendDirection::rising    ? "rising"
                        : trend.direction == stats::TrendDirection::falling ? "falling"
                                                                            : "no clear trend";
      j["trend"] = {{"direction", dir},
                    {"rate_ratio", number_or_null(trend.rate_ratio, 3)},
                    {"low", number_or_null(trend.rate_ratio_interval.lower, 3)},
                    {"high", number_or_null(trend.rate_ratio_interval.upper, 3)},
                    {"basis", fmt::format("Poisson regression on the {} monthly counts (quasi-Poisson error), as a "
                                          "rate ratio per year",
                                          all.size())}};
    } else {
      j["trend"] = nullptr;
    }
    themes.push_back(std::move(j));
  }
  json out;
  out["area"] = area_ref(g, area);
  out["area"]["population"] = g.area(area).population;
  out["area"]["district"] = {{"code", g.area(d).code}, {"name", g.area(d).name}};
  out["period"] = period_ref(p);
  out["themes"] = std::move(themes);
  return out.dump();
}

std::string AtlasApi::monitoring(const HttpRequest& r) const {
  Params params(r, {"area", "period"});
  const auto& g = atlas_.geography();
  int area = atlas_.area(params.required("area", "E07000008"));
  int d = g.ancestor(area, dataset::Level::lad);
  const auto& p = atlas_.period(params.optional("period", atlas_.periods().front().id));
  json rows = json::array();
  const auto& cats = atlas_.categories();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    const auto& cat = cats[i];
    json contains = json::array(), home = json::array();
    for (int code : cat.types.codes()) {
      const auto& name = taxonomy::crime_type_name(code);
      contains.push_back(name);
      if (auto it = home_office_.find(name); it != home_office_.end()) {
        for (const auto& s : it->second) home.push_back(s);
      }
    }
    auto f = figures_of(atlas_, area, cat, p);
    json fig = f.to_json(atlas_, area, atlas_.count(d, cat.types, p.window), g.area(d).population);
    // Rows are keyed by position: a theme may sit under more than one group.
    json j{{"row", i},
           {"id", cat.id},
           {"label", cat.label},
           {"kind", cat.kind},
           {"depth", cat.depth},
           {"parent", cat.parent < 0 ? json(nullptr) : json(cat.parent)},
           {"contains", contains},
           {"home_office", home},
           {"current", fig["count"]},
           {"previous", fig["previous"]},
           {"change", fig["change"]},
           {"change_pct", fig["change_pct"]},
           {"p_value", fig["p_value"]},
           {"significant", fig["significant"]},
           {"suppressed", fig["suppressed"]}};
    rows.push_back(std::move(j));
  }
  json out;
  out["area"] = area_ref(g, area);
  out["period"] = period_ref(p);
  out["rows"] = std::move(rows);
  return out.dump();
}

std::string AtlasApi::pyramid(const HttpRequest& r) const {
  Params params(r, {"area", "period"});
  const auto& g = atlas_.geography();
  const int area = atlas_.area(params.required("area", "E07000008"));
  const AtlasPeriod& p = atlas_.period(params.optional("period", atlas_.periods().front().id));
  json out{{"area", area_ref(g, area)}, {"period", period_ref(p)}};
  const extract::ExtractSet& set = atlas_.crime_extract();
  if (!atlas_.crime_extract_has_ages()) {
    out["available"] = false;
    out["reason"] = set.records.empty()
                        ? "police.uk open data has no victim or offender age or sex, so there is no pyramid to draw. It "
                          "appears when a local crime extract with victim and offender demographics is loaded (csa "
                          "ingest extract)."
                        : "The loaded crime extract has no victim or offender ages, so there is no pyramid to draw.";
    return out.dump();
  }
  if (g.area(area).level == dataset::Level::lsoa) {
    out["available"] = false;
    out["reason"] = "Pyramids are drawn for wards and districts: an LSOA is too small to show people by age and sex.";
    return out.dump();
  }
  // Every cell is a count of people, so cells of 1 … threshold-1 are hidden at every level, and no
  // total is sent beside them (a total would let a single hidden cell be worked back).
  const std::int64_t threshold = atlas_.threshold();
  auto cells = [&](const std::vector<std::int64_t>& counts) {
    json a = json::array();
    for (std::int64_t c : counts) a.push_back(c > 0 && c < threshold ? json(nullptr) : json(c));
    return a;
  };
  const auto scope = extract_analysis::scope_for(g, area);
  const auto selection = extract_analysis::select(set, scope, p.window);
  json bands = json::array();
  for (const auto& b : extract_analysis::pyramid_bands()) bands.push_back(b.label);
  out["available"] = true;
  out["bands"] = std::move(bands);
  // Whether each side counted people (person ids) or records, in words without numbers: a count of
  // records or people beside the cells would be a total, and could give a hidden cell away.
  std::string counted;
  for (auto person : {extract_analysis::Person::victim, extract_analysis::Person::offender}) {
    const auto pyr = extract_analysis::build_pyramid(set, selection.rows, person);
    out[person == extract_analysis::Person::victim ? "victims" : "offenders"] =
        json{{"female", cells(pyr.female)}, {"male", cells(pyr.male)}, {"counts", pyr.by_person ? "people" : "records"}};
    counted += fmt::format(" {}: {}", person == extract_analysis::Person::victim ? "Victims" : "Offenders",
                           extract_analysis::pyramid_rule(pyr));
  }
  json sources = json::array();
  for (const auto& b : set.batches) sources.push_back(b.source);
  out["sources"] = std::move(sources);
  out["synthetic"] = set.any_synthetic();
  out["threshold"] = threshold;
  out["basis"] = "Crimes recorded in the period, in the age band and sex the force recorded; people with no recorded "
                 "age or sex are left out." + counted;
  return out.dump();
}

std::string AtlasApi::hotspots(const HttpRequest& r) const {
  Params params(r, {"district", "theme", "period"});
  const auto& g = atlas_.geography();
  int d = atlas_.district(params.required("district", "E07000008"));
  const auto& cat = atlas_.categories()[static_cast<std::size_t>(atlas_.category(params.required("theme", "all_crime")))];
  const auto& p = atlas_.period(params.optional("period", atlas_.periods().front().id));
  std::string key = fmt::format("hotspots/{}/{}/{}", d, cat.id, p.id);
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  geo::BngProjector projector;
  auto points = hotspot::select_area_points(atlas_.incidents(), g, d, cat.types, p.window, projector);
  json features = json::array();
  json meta{{"incidents", points.in_area}, {"mapped", points.mapped()}, {"without_coordinates", points.without_coordinates}};
  try {
    // The same grid as `csa hotspots` and the report: clipped to the district's outline when ward
    // boundaries are loaded.
    hotspot::HotspotSettings settings;
    std::vector<hotspot::Shape> area;
    if (auto outline = atlas_.district_outline(d); !outline.empty()) {
      area = hotspot::shapes_from_wkb({outline});
      hotspot::clip_to_area(settings, area, points.x, points.y);
    }
    auto result = hotspot::analyse_hotspots(points.x, points.y, settings);
    meta["cell_size_m"] = result.cell_size.metres;
    meta["bandwidth_m"] = result.bandwidth.metres;
    meta["cells"] = result.cells_kept();
    std::vector<std::size_t> hot;
    for (std::size_t id = 0; id < result.grid.size(); ++id) {
      if (result.kept(id) && result.gi.cell_class[id] != hotspot::CellClass::none) hot.push_back(id);
    }
    const auto rings = hotspot::cell_rings_lon_lat(result.grid, hot, projector);
    for (std::size_t i = 0; i < hot.size(); ++i) {
      const std::size_t id = hot[i];
      json ring = json::array();
      for (const auto& corner : rings[i]) ring.push_back(json::array({round_to(corner.lon, 6), round_to(corner.lat, 6)}));
      std::int64_t n = result.grid.count[id];
      bool small = n > 0 && n < atlas_.threshold();
      features.push_back({{"type", "Feature"},
                          {"properties",
                           {{"count", small ? json(nullptr) : json(n)},
                            {"kde", result.kde.empty() ? json(nullptr) : number_or_null(result.kde[id], 3)},
                            {"z", number_or_null(result.gi.z[id], 3)},
                            {"p", number_or_null(result.gi.p[id], 5)},
                            {"q", number_or_null(result.gi.p_adjusted[id], 5)},
                            {"class", std::string(hotspot::cell_class_id(result.gi.cell_class[id]))}}},
                          {"geometry", {{"type", "Polygon"}, {"coordinates", json::array({ring})}}}});
    }
  } catch (const InputError& e) {
    meta["note"] = e.what();  // too few incidents for a grid: an empty layer that says why
  }
  std::string body = json{{"type", "FeatureCollection"}, {"meta", meta}, {"features", std::move(features)}}.dump();
  std::lock_guard lock(cache_mutex_);
  cache_[key] = body;
  return body;
}

}  // namespace csa::server
