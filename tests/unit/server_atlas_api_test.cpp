// The atlas API (server/atlas_api.hpp) on the synthetic world (tests/fixtures/tables), whose counts
// are set by hand: what each endpoint answers, that no response carries a count the rule hides, and
// that the same count agrees across endpoints. HTTP itself is tested by tests/cli/serve.sh.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cube/lsoa_cube.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "server/atlas.hpp"
#include "server/atlas_api.hpp"

namespace csa::server {
namespace {
namespace tw = csa::testworld;
using json = nlohmann::json;

struct Served {
  explicit Served(std::int64_t suppress_under = 5) : atlas(Atlas::load(*world.store, {suppress_under, ""})) {}
  tw::World world;
  std::unique_ptr<Atlas> atlas;
  AtlasApi api{*atlas};

  HttpResponse get(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) const {
    return api.handle({"GET", path, std::move(params)});
  }
  json get_json(const std::string& path, std::vector<std::pair<std::string, std::string>> params = {}) const {
    auto r = get(path, std::move(params));
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return json::parse(r.body);
  }
};

const json& area_named(const json& areas, const std::string& code) {
  for (const auto& a : areas) {
    if (a["code"] == code) return a;
  }
  throw std::runtime_error("no area " + code);
}

TEST(ServerAtlasApi, MetaListsPeriodsDistrictsAndTheRule) {
  Served s;
  auto meta = s.get_json("/api/meta");
  // 24 months: years ending 2024-12 … 2025-12 (13), only the latest has a year before it.
  ASSERT_EQ(meta["periods"].size(), 13u);
  EXPECT_EQ(meta["periods"][0]["id"], "ye2025-12");
  EXPECT_EQ(meta["periods"][0]["previous"], "ye2024-12");
  EXPECT_TRUE(meta["periods"][1]["previous"].is_null());
  ASSERT_EQ(meta["districts"].size(), 2u);
  EXPECT_EQ(meta["districts"][0]["name"], "Alphaton");
  EXPECT_EQ(meta["districts"][0]["wards"], 3);
  EXPECT_EQ(meta["suppression"]["threshold"], 5);
  EXPECT_NE(meta["attribution"].get<std::string>().find("Open Government Licence v3.0"), std::string::npos);
  EXPECT_EQ(meta["levels"], json::array({"ward"}));
}

TEST(ServerAtlasApi, MapCountsChangesAndRatesByHand) {
  Served s(0);  // no suppression: every figure checked against the world's hand-set counts
  auto m = s.get_json("/api/map", {{"district", tw::kAlphaton}, {"theme", "burglary"}, {"period", "ye2025-12"}});
  const auto& castle = area_named(m["areas"], tw::kCastle);
  const auto& abbey = area_named(m["areas"], tw::kAbbey);
  const auto& market = area_named(m["areas"], tw::kMarketA);
  // 2025: Castle 66, Abbey 45, Market 5; 2024: 50, 60, 3.
  EXPECT_EQ(castle["count"], 66);
  EXPECT_EQ(castle["previous"], 50);
  EXPECT_EQ(abbey["previous"], 60);
  EXPECT_EQ(abbey["change"], -15);
  EXPECT_DOUBLE_EQ(abbey["change_pct"].get<double>(), -25.0);
  EXPECT_EQ(market["count"], 5);
  EXPECT_EQ(m["total"]["count"], 116);
  EXPECT_EQ(m["total"]["previous"], 113);
  // Abbey's rate per 1,000 of 2,000 residents: 22.5; ranks 1 = highest.
  EXPECT_DOUBLE_EQ(abbey["rate"].get<double>(), 22.5);
  EXPECT_EQ(castle["rank"], 1);
  EXPECT_EQ(abbey["rank"], 2);
  EXPECT_EQ(market["rank"], 3);
  // The exact test of 60 → 45 (equal exposure): binomial(45; 105, 0.5) two-sided, R binom.test: 0.1719.
  EXPECT_NEAR(abbey["p_value"].get<double>(), 0.1719, 5e-4);
  EXPECT_EQ(abbey["significant"], false);
  // Castle 50 → 66: binom.test(66, 116) p = 0.1637 (R).
  EXPECT_NEAR(castle["p_value"].get<double>(), 0.1637, 5e-4);
}

TEST(ServerAtlasApi, MapHidesASmallCountAndWhatWouldGiveItBack) {
  Served s;
  auto m = s.get_json("/api/map", {{"district", tw::kAlphaton}, {"theme", "burglary"}, {"period", "ye2025-12"}});
  const auto& market = area_named(m["areas"], tw::kMarketA);
  // Market's 2024 burglaries (3) are hidden, with the change from them; and not recoverable as the
  // district's 113 minus the other wards: at least one more 2024 count is hidden.
  EXPECT_TRUE(market["previous"].is_null());
  EXPECT_TRUE(market["change"].is_null());
  EXPECT_TRUE(market["p_value"].is_null());
  int hidden_previous = 0;
  for (const auto& a : m["areas"]) hidden_previous += a["previous"].is_null();
  EXPECT_GE(hidden_previous, 2);
  EXPECT_EQ(m["total"]["previous"], 113);  // the district is published
}

TEST(ServerAtlasApi, NoResponseCarriesASmallCountBelowTheDistrict) {
  Served s;
  auto meta = s.get_json("/api/meta");
  int checked = 0;
  auto small = [](const json& v) { return v.is_number() && v.get<std::int64_t>() > 0 && v.get<std::int64_t>() < 5; };
  for (const auto& d : meta["districts"]) {
    for (const auto& t : meta["themes"]) {
      for (const auto& p : meta["periods"]) {
        auto m = s.get_json("/api/map", {{"district", d["code"]}, {"theme", t["id"]}, {"period", p["id"]}});
        for (const auto& a : m["areas"]) {
          EXPECT_FALSE(small(a["count"])) << a.dump();
          EXPECT_FALSE(small(a["previous"])) << a.dump();
          if (a["count"].is_null()) {
            EXPECT_TRUE(a["rate"].is_null());
          }
          ++checked;
        }
      }
    }
  }
  for (const char* ward : {tw::kCastle, tw::kAbbey, tw::kMarketA, tw::kMarketB}) {
    auto prof = s.get_json("/api/profile", {{"area", ward}});
    for (const auto& t : prof["themes"]) EXPECT_FALSE(small(t["count"])) << ward << t.dump();
    auto mon = s.get_json("/api/monitoring", {{"area", ward}});
    for (const auto& r : mon["rows"]) EXPECT_FALSE(small(r["current"])) << ward << r.dump();
    for (const auto& t : meta["themes"]) {
      auto ser = s.get_json("/api/series", {{"area", ward}, {"theme", t["id"]}});
      for (const auto& v : ser["area_counts"]) EXPECT_FALSE(small(v)) << ward << t["id"];
      for (const auto& y : ser["annual"]) EXPECT_FALSE(small(y["area"])) << ward << t["id"];
    }
  }
  EXPECT_GT(checked, 500);
}

TEST(ServerAtlasApi, TheSameCountAgreesAcrossEndpoints) {
  Served s;
  auto m = s.get_json("/api/map", {{"district", tw::kAlphaton}, {"theme", "violence_and_sexual_offences"}});
  auto prof = s.get_json("/api/profile", {{"area", tw::kCastle}});
  auto mon = s.get_json("/api/monitoring", {{"area", tw::kCastle}});
  json in_profile, in_monitoring;
  for (const auto& t : prof["themes"]) {
    if (t["id"] == "violence_and_sexual_offences") in_profile = t["count"];
  }
  for (const auto& r : mon["rows"]) {
    if (r["id"] == "violence_and_sexual_offences") in_monitoring = r["current"];
  }
  EXPECT_EQ(area_named(m["areas"], tw::kCastle)["count"], 120);
  EXPECT_EQ(in_profile, 120);
  EXPECT_EQ(in_monitoring, 120);
}

TEST(ServerAtlasApi, SeriesOfADistrictAndAWithheldWard) {
  Served s;
  auto d = s.get_json("/api/series", {{"area", tw::kAlphaton}, {"theme", "burglary"}});
  ASSERT_EQ(d["months"].size(), 24u);
  // January 2025 in Alphaton: Castle 66/12 → 6 (+1 for Jan), Abbey 45 → 4 (+1), Market 5 → 1 (0 no: 5%12=5 → +1).
  EXPECT_EQ(d["area_counts"][12], tw::in_month(66, 1) + tw::in_month(45, 1) + tw::in_month(5, 1));
  // Market's monthly burglaries are 0 or 1: withheld, with the reason.
  auto w = s.get_json("/api/series", {{"area", tw::kMarketA}, {"theme", "burglary"}});
  EXPECT_TRUE(w["area_counts"][0].is_null());
  EXPECT_TRUE(w["withheld"].is_string());
  EXPECT_EQ(w["district_counts"][12], d["area_counts"][12]);
}

TEST(ServerAtlasApi, LsoaCountsAddUpToTheWardCube) {
  Served s;
  const auto& g = s.atlas->geography();
  period::Window all(*s.atlas->months_loaded().begin(), *s.atlas->months_loaded().rbegin());
  for (const auto& t : s.atlas->taxonomy().themes()) {
    for (int ward : g.children(g.find_code(tw::kAlphaton), dataset::Level::ward)) {
      std::int64_t sum = 0;
      for (int l : g.children(ward, dataset::Level::lsoa)) sum += s.atlas->count(l, t.crime_types, all);
      EXPECT_EQ(sum, s.atlas->count(ward, t.crime_types, all)) << t.id << " " << g.area(ward).name;
    }
  }
}

TEST(ServerAtlasApi, ErrorsNameTheParameterAndTheFix) {
  Served s;
  auto missing = s.get("/api/map", {{"theme", "burglary"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("needs parameter 'district'"), std::string::npos);
  auto unknown = s.get("/api/map", {{"district", tw::kAlphaton}, {"colour", "red"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("'colour'"), std::string::npos);
  auto theme = s.get("/api/map", {{"district", tw::kAlphaton}, {"theme", "burglry"}});
  EXPECT_EQ(theme.status, 404);
  EXPECT_NE(theme.body.find("did you mean 'burglary'"), std::string::npos);
  auto period = s.get("/api/map", {{"district", tw::kAlphaton}, {"theme", "burglary"}, {"period", "ye2019-01"}});
  EXPECT_EQ(period.status, 404);
  EXPECT_NE(period.body.find("ye2025-12"), std::string::npos);
  EXPECT_EQ(s.get("/api/nothing").status, 404);
  EXPECT_EQ(s.get("/api/meta", {{"x", "1"}}).status, 400);
  auto area = s.get("/api/profile", {{"area", "E05999999"}});
  EXPECT_EQ(area.status, 404);
  EXPECT_TRUE(json::accept(area.body));
}

TEST(ServerAtlasApi, BoundariesAreGeoJsonOfTheDistrictsWards) {
  Served s;
  auto b = s.get_json("/api/boundaries", {{"district", tw::kAlphaton}, {"level", "ward"}});
  EXPECT_EQ(b["type"], "FeatureCollection");
  ASSERT_EQ(b["features"].size(), 3u);  // not Betaby's ward, not the Ghost polygon
  const auto& ring = b["features"][0]["geometry"]["coordinates"][0][0];
  EXPECT_EQ(ring.size(), 5u);
  EXPECT_EQ(s.get("/api/boundaries", {{"district", tw::kAlphaton}, {"level", "lsoa"}}).status, 404);  // none loaded
}

TEST(ServerAtlasApi, MonitoringRowsNestAndPyramidSaysWhyItIsEmpty) {
  Served s;
  auto mon = s.get_json("/api/monitoring", {{"area", tw::kAlphaton}});
  ASSERT_FALSE(mon["rows"].empty());
  EXPECT_EQ(mon["rows"][0]["depth"], 0);
  bool child_found = false;
  for (const auto& r : mon["rows"]) {
    if (!r["parent"].is_null()) {
      child_found = true;
      EXPECT_EQ(mon["rows"][r["parent"].get<std::size_t>()]["depth"].get<int>() + 1, r["depth"].get<int>());
    }
  }
  EXPECT_TRUE(child_found);
  auto p = s.get_json("/api/pyramid", {{"area", tw::kAlphaton}});
  EXPECT_EQ(p["available"], false);
  EXPECT_NE(p["reason"].get<std::string>().find("age or sex"), std::string::npos);
}

}  // namespace
}  // namespace csa::server
