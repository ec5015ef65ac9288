// Benjamini–Hochberg (src/hotspot/fdr.hpp) against R 4.2.2:
//   p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05, 0.5, NA, 0.001, 0.03), "BH")
#include <gtest/gtest.h>

#include <cmath>

#include "hotspot/fdr.hpp"

namespace csa::hotspot {
namespace {

TEST(HotspotFdr, BenjaminiHochbergMatchesRsPAdjust) {
  auto q = benjamini_hochberg({0.01, 0.02, 0.03, 0.04, 0.05, 0.5, std::nan(""), 0.001, 0.03});
  std::vector<double> r{0.0400000000000000008, 0.0480000000000000010, 0.0480000000000000010,
                        0.0533333333333333298, 0.0571428571428571411, 0.5,
                        std::nan(""),          0.0080000000000000002, 0.0480000000000000010};
  ASSERT_EQ(q.size(), r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (std::isnan(r[i])) {
      EXPECT_TRUE(std::isnan(q[i])) << i;
    } else {
      EXPECT_NEAR(q[i], r[i], 1e-15) << i;
    }
  }
}

TEST(HotspotFdr, EmptyAndCapped) {
  EXPECT_TRUE(benjamini_hochberg({}).empty());
  auto q = benjamini_hochberg({0.9, 0.95});
  EXPECT_DOUBLE_EQ(q[0], 0.95);  // min(0.9 × 2, 0.95 × 2/2) = 0.95
  EXPECT_DOUBLE_EQ(q[1], 0.95);
}

}  // namespace
}  // namespace csa::hotspot
