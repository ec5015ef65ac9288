#include "report/report_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>
#include <set>

#include "config/toml_file.hpp"
#include "core/error.hpp"
#include "period/month.hpp"
#include "taxonomy/closest_name.hpp"

namespace csa::report {
namespace {

class Reader {
 public:
  Reader(const std::string& path, const toml::table& doc) : path_(path), doc_(doc) {}

  // Every key of `table` must be one of `known`: a misspelt rule must not silently keep its default.
  void only(const toml::table& table, std::string_view where, std::set<std::string_view> known) const {
    for (const auto& [key, node] : table) {
      if (!known.contains(key.str())) {
        auto guess = taxonomy::closest_name(key.str(), std::vector<std::string>(known.begin(), known.end()));
        throw InputError(fmt::format("{}:{}: unknown key '{}' in {}{}; known keys: {}", path_, node.source().begin.line,
                                     key.str(), where, guess ? fmt::format(" (did you mean '{}'?)", *guess) : "",
                                     fmt::join(known, ", ")));
      }
    }
  }

  template <typename T>
  void get(const toml::table& table, std::string_view key, T& into, std::string_view example) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    if constexpr (std::is_same_v<T, std::string>) {
      if (auto v = node->value<std::string>()) return void(into = *v);
    } else if constexpr (std::is_same_v<T, double>) {
      if (auto v = node->value<double>()) return void(into = *v);
    } else {
      if (auto v = node->value<std::int64_t>()) return void(into = static_cast<T>(*v));
    }
    throw InputError(fmt::format("{}:{}: '{}' has the wrong type; write it like {} = {}", path_,
                                 node->source().begin.line, key, key, example));
  }

  // A path relative to the config file's folder.
  std::string resolve(const std::string& p) const {
    if (p.empty()) return p;
    std::filesystem::path q(p);
    if (q.is_absolute()) return p;
    return (std::filesystem::path(path_).parent_path() / q).lexically_normal().string();
  }

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw InputError(fmt::format("{}:{}: {}", path_, node.source().begin.line, what));
  }

 private:
  const std::string& path_;
  const toml::table& doc_;
};

}  // namespace

ReportConfig load_report_config(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw InputError(fmt::format("{}: report configuration not found; start from examples/cambridge/csa.toml", path));
  }
  toml::table doc = config::read_toml_file(path, "examples/cambridge/csa.toml");
  ReportConfig c;
  c.path = path;
  Reader r(path, doc);
  r.only(doc, "the file", {"report", "suppression", "classification", "geography", "extracts"});

  const toml::table* rep = doc["report"].as_table();
  if (rep == nullptr) throw InputError(fmt::format("{}: a [report] table is required, with at least area = \"…\"", path));
  r.only(*rep, "[report]", {"title", "area", "database", "year_ending", "years", "author", "version", "taxonomy",
                            "peers", "harm_weights", "themes"});
  r.get(*rep, "title", c.title, "\"Community Safety Strategic Assessment: Cambridge\"");
  r.get(*rep, "area", c.area, "\"Cambridge\"");
  r.get(*rep, "database", c.database, "\"../../out/cambridge/cambs.db\"");
  r.get(*rep, "year_ending", c.year_ending, "\"2025-12\"");
  r.get(*rep, "years", c.years, "4");
  r.get(*rep, "author", c.author, "\"Cambridge CSP research team\"");
  r.get(*rep, "version", c.version, "\"1.0\"");
  r.get(*rep, "taxonomy", c.taxonomy, "\"themes.toml\"");
  r.get(*rep, "peers", c.peers, "\"msg.toml\"");
  r.get(*rep, "harm_weights", c.harm_weights, "\"cchi-weights.csv\"");
  if (const toml::node* themes = rep->get("themes")) {
    const toml::array* list = themes->as_array();
    if (list == nullptr) r.fail(*themes, "'themes' must be a list of theme ids, e.g. themes = [\"shoplifting\", \"burglary\"]");
    for (const auto& t : *list) {
      auto v = t.value<std::string>();
      if (!v || v->empty()) r.fail(t, "every entry of 'themes' must be a theme id in quotes");
      c.themes.push_back(*v);
    }
  }
  if (c.area.empty()) throw InputError(fmt::format("{}: [report] area is required: a district name or GSS code, e.g. area = \"Cambridge\"", path));
  // The line of a key, for messages about its value.
  auto at = [&](const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    return n != nullptr ? fmt::format("{}:{}", path, n->source().begin.line) : path;
  };
  if (c.years < 2 || c.years > 10) {
    throw InputError(fmt::format("{}: [report] years = {} is out of range; use 2 to 10 years ending", at(*rep, "years"), c.years));
  }
  if (!c.year_ending.empty()) {
    try {
      (void)period::Month::parse(c.year_ending, "year_ending");
    } catch (const InputError& e) {
      throw InputError(fmt::format("{}: [report] {}", at(*rep, "year_ending"), e.what()));
    }
  }
  if (c.title.empty()) c.title = "Community Safety Strategic Assessment: " + c.area;
  c.database = r.resolve(c.database);
  c.taxonomy = r.resolve(c.taxonomy);
  c.peers = r.resolve(c.peers);
  c.harm_weights = r.resolve(c.harm_weights);

  if (const toml::table* s = doc["suppression"].as_table()) {
    r.only(*s, "[suppression]", {"threshold"});
    r.get(*s, "threshold", c.suppress_under, "5");
    if (c.suppress_under < 0) {
      throw InputError(fmt::format("{}: [suppression] threshold must be 0 or more", at(*s, "threshold")));
    }
  }
  if (const toml::table* k = doc["classification"].as_table()) {
    r.only(*k, "[classification]", {"high_volume_share", "high_volume_top", "trend_min_years", "monitor_change_percent",
                                    "min_base"});
    auto& cl = c.classification;
    r.get(*k, "high_volume_share", cl.high_volume_share, "10.0");
    r.get(*k, "high_volume_top", cl.high_volume_top, "2");
    r.get(*k, "trend_min_years", cl.trend_min_years, "3");
    r.get(*k, "monitor_change_percent", cl.monitor_change_percent, "20.0");
    r.get(*k, "min_base", cl.min_base, "20");
    if (cl.trend_min_years < 3) {
      throw InputError(fmt::format("{}: [classification] trend_min_years must be 3 or more (a trend needs three points)",
                                   at(*k, "trend_min_years")));
    }
  }
  if (const toml::table* g = doc["geography"].as_table()) {
    r.only(*g, "[geography]", {"top_wards", "focus_wards", "top_rank_in_all"});
    r.get(*g, "top_wards", c.geography.top_wards, "3");
    r.get(*g, "focus_wards", c.geography.focus_wards, "3");
    r.get(*g, "top_rank_in_all", c.geography.top_rank_in_all, "4");
  }
  if (const toml::table* e = doc["extracts"].as_table()) {
    r.only(*e, "[extracts]", {"persistent_offender_threshold", "keywords"});
    r.get(*e, "persistent_offender_threshold", c.extracts.persistent_offender_threshold, "6");
    r.get(*e, "keywords", c.extracts.keywords, "\"../keywords.toml\"");
    if (c.extracts.persistent_offender_threshold < 2 || c.extracts.persistent_offender_threshold > 100) {
      throw InputError(fmt::format("{}: [extracts] persistent_offender_threshold = {} is out of range; use 2 to 100 crimes a year",
                                   at(*e, "persistent_offender_threshold"), c.extracts.persistent_offender_threshold));
    }
    c.extracts.keywords = r.resolve(c.extracts.keywords);
    if (!c.extracts.keywords.empty() && !std::filesystem::is_regular_file(c.extracts.keywords)) {
      throw InputError(fmt::format("{}: [extracts] keywords: no file {}; give the word lists' path relative to this file, "
                                   "e.g. keywords = \"../keywords.toml\"",
                                   at(*e, "keywords"), c.extracts.keywords));
    }
  }
  return c;
}

}  // namespace csa::report
