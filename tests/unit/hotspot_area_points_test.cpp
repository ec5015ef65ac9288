// The incidents a hot-spot map is drawn from (src/hotspot/area_points.hpp): theme, window and area
// filters, and every incident left off the map counted by reason. Designed incidents in the
// synthetic world of tests/fixtures/tables/ (Alphaton: Castle, Abbey, Market; Betaby: Market).
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "dataset/geography.hpp"
#include "dataset/incidents.hpp"
#include "fixtures/tables/synthetic_world.hpp"
#include "geo/projection.hpp"
#include "hotspot/area_points.hpp"
#include "period/window.hpp"
#include "taxonomy/crime_type.hpp"

namespace csa::hotspot {
namespace {
namespace tw = csa::testworld;

TEST(HotspotAreaPoints, CountsEveryIncidentOfTheThemeWindowAndArea) {
  tw::TempDir dir;
  auto store = store::open_sqlite_store(dir / "hot.db");
  tw::load_geography(*store);
  const auto castle = tw::centre_of(tw::kCastle), abbey = tw::centre_of(tw::kAbbey);
  tw::write_file(*store, "testforce", 202503,
                 {
                     tw::incident(202503, "Shoplifting", tw::kL1, castle, 2),        // Alphaton, mapped
                     tw::incident(202503, "Shoplifting", tw::kL3, abbey, 3),         // Alphaton, mapped
                     tw::incident(202503, "Shoplifting", tw::kL4, std::nullopt, 4),  // Alphaton, no coordinates
                     tw::incident(202503, "Shoplifting", tw::kL6, tw::centre_of(tw::kMarketB), 5),  // Betaby
                     tw::incident(202503, "Shoplifting", "", std::nullopt, 6),       // in no ward
                     tw::incident(202503, "Burglary", tw::kL1, castle, 7),           // another theme
                 });
  tw::write_file(*store, "testforce", 202504, {tw::incident(202504, "Shoplifting", tw::kL1, castle, 2)});  // later
  auto geography = dataset::Geography::from_store(*store);
  auto incidents = dataset::load_incidents(*store, geography, dataset::Assignment::lsoa_best_fit);
  taxonomy::CrimeTypeSet shoplifting;
  shoplifting.insert(taxonomy::crime_type_code("Shoplifting"));
  const period::Window march(period::Month::parse("2025-03"), period::Month::parse("2025-03"));
  geo::BngProjector projector;

  auto p = select_area_points(incidents, geography, geography.find_code(tw::kAlphaton), shoplifting, march, projector);
  EXPECT_EQ(p.in_area, 3);
  EXPECT_EQ(p.without_coordinates, 1);
  EXPECT_EQ(p.not_projected, 0);
  EXPECT_EQ(p.mapped(), 2);
  EXPECT_EQ(p.unplaced, 1);
  // The points are the projector's: Castle's centre first (incidents keep their stored order).
  auto expected = projector.to_bng(castle.lon, castle.lat);
  EXPECT_DOUBLE_EQ(p.x[0], expected.easting);
  EXPECT_DOUBLE_EQ(p.y[0], expected.northing);

  // A ward is an area too; April's incident is outside the window.
  auto ward = select_area_points(incidents, geography, geography.find_code(tw::kCastle), shoplifting, march, projector);
  EXPECT_EQ(ward.in_area, 1);
  EXPECT_EQ(ward.mapped(), 1);
  const period::Window both(period::Month::parse("2025-03"), period::Month::parse("2025-04"));
  EXPECT_EQ(select_area_points(incidents, geography, geography.find_code(tw::kCastle), shoplifting, both, projector)
                .in_area,
            2);
}

}  // namespace
}  // namespace csa::hotspot
