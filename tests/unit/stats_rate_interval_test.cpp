// Golden numbers: R 4.2.2, tests/fixtures/stats/golden.R, sections "Garwood" and "Byar":
//   exact: lower = qchisq((1 - conf) / 2, 2k) / 2 (0 when k = 0), upper = qchisq(1 - (1 - conf) / 2, 2k + 2) / 2
//   Byar:  k (1 - 1/(9k) - z/(3 sqrt k))^3 and (k+1)(1 - 1/(9(k+1)) + z/(3 sqrt(k+1)))^3, z = qnorm(1 - (1 -
//   conf)/2)
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "stats/rate_interval.hpp"

namespace csa::stats {
namespace {

struct Golden {
  std::int64_t k;
  double lower, upper;
};

void expect_rel(double actual, double expected, double rel = 1e-9) {
  if (expected == 0.0) {
    EXPECT_EQ(actual, 0.0);
  } else {
    EXPECT_NEAR(actual, expected, std::abs(expected) * rel) << "expected " << expected;
  }
}

TEST(StatsRateInterval, GarwoodExact95) {
  const Golden cases[] = {
      {0, 0, 3.6888794541139354},
      {1, 0.025317807984289897, 5.5716433909388989},
      {5, 1.6234863901184209, 11.668332079322667},
      {10, 4.7953886961324343, 18.390356042017778},
      {100, 81.363991250923164, 121.62679379242637},
      {1000, 938.97301840769524, 1063.9521360163019},
      {20000, 19723.767600607054, 20279.133627926407},
  };
  for (const Golden& g : cases) {
    const Interval i = poisson_count_interval(g.k);
    expect_rel(i.lower, g.lower);
    expect_rel(i.upper, g.upper);
  }
}

TEST(StatsRateInterval, GarwoodExact998) {
  const Golden cases[] = {
      {0, 0, 6.9077552789821359},  // -log(0.001)
      {1, 0.0010005003335835344, 9.2334134764515845},
      {5, 0.73937173191783268, 16.454745203680105},
      {10, 2.9605203727437601, 24.133971145417586},
      {100, 71.921397495000406, 134.92431906126444},
      {1000, 905.12079093497664, 1101.6269438790305},
      {20000, 19565.823433788031, 20440.887142076266},
  };
  for (const Golden& g : cases) {
    const Interval i = poisson_count_interval(g.k, 0.998);
    expect_rel(i.lower, g.lower);
    expect_rel(i.upper, g.upper);
  }
}

TEST(StatsRateInterval, ZeroCountUpperLimitByHand) {
  // For k = 0 the upper limit solves exp(-u) = alpha / 2: u = -log(0.025) = 3.68888.
  expect_rel(poisson_count_interval(0).upper, -std::log(0.025), 1e-12);
}

TEST(StatsRateInterval, Byar) {
  const Golden cases95[] = {
      {1, 0.013072132901504351, 5.5637555824752605},
      {10, 4.7874499139675644, 18.391458605756473},
      {100, 81.362105490527881, 121.6279375792065},
      {1000, 938.97249871549025, 1063.9525812714862},
  };
  for (const Golden& g : cases95) {
    const Interval i = poisson_count_interval(g.k, 0.95, PoissonIntervalMethod::byar);
    expect_rel(i.lower, g.lower, 1e-12);
    expect_rel(i.upper, g.upper, 1e-12);
  }
  const Golden cases998[] = {
      {10, 2.916318374695686, 24.193724927880549},
      {100, 71.903691872598372, 134.94362176226318},
      {1000, 905.11495459596711, 1101.632945122775},
  };
  for (const Golden& g : cases998) {
    const Interval i = poisson_count_interval(g.k, 0.998, PoissonIntervalMethod::byar);
    expect_rel(i.lower, g.lower, 1e-12);
    expect_rel(i.upper, g.upper, 1e-12);
  }
  // k = 1 at 99.8%: Byar's lower limit is -0.0028 by formula; a count cannot be negative.
  const Interval one = poisson_count_interval(1, 0.998, PoissonIntervalMethod::byar);
  EXPECT_EQ(one.lower, 0.0);
  expect_rel(one.upper, 9.362180217908362, 1e-12);
  EXPECT_EQ(poisson_count_interval(0, 0.95, PoissonIntervalMethod::byar).lower, 0.0);
}

TEST(StatsRateInterval, ByarIsCloseToExactFromTenEvents) {
  // PHE's guide: within 0.2% of the exact limits for 10 or more events at 95%.
  for (std::int64_t k : {10, 25, 100, 389, 5000}) {
    const Interval exact = poisson_count_interval(k);
    const Interval byar = poisson_count_interval(k, 0.95, PoissonIntervalMethod::byar);
    EXPECT_NEAR(byar.lower / exact.lower, 1.0, 0.002) << k;
    EXPECT_NEAR(byar.upper / exact.upper, 1.0, 0.002) << k;
  }
}

TEST(StatsRateInterval, RatePerThousandAndPerHundredThousand) {
  // 100 events in 146,995 residents: 0.680295 per 1,000, limits 81.36 / 146.995 and 121.63 / 146.995.
  const RateInterval r = rate_interval(100, 146995);
  expect_rel(r.rate, 100.0 * 1000.0 / 146995.0, 1e-12);
  expect_rel(r.interval.lower, 81.363991250923164 * 1000.0 / 146995.0);
  expect_rel(r.interval.upper, 121.62679379242637 * 1000.0 / 146995.0);
  EXPECT_EQ(r.method, PoissonIntervalMethod::exact);

  const RateInterval rare = rate_interval(5, 146995, measure::RateBase::per_100000);
  expect_rel(rare.rate, 5.0 * 100000.0 / 146995.0, 1e-12);
  expect_rel(rare.interval.lower, 1.6234863901184209 * 100000.0 / 146995.0);
  expect_rel(rare.interval.upper, 11.668332079322667 * 100000.0 / 146995.0);
}

TEST(StatsRateInterval, TinyPopulationAndZeroCount) {
  const RateInterval r = rate_interval(0, 12);  // a tiny population: the interval is honest and wide
  EXPECT_EQ(r.rate, 0.0);
  EXPECT_EQ(r.interval.lower, 0.0);
  expect_rel(r.interval.upper, 3.6888794541139354 * 1000.0 / 12.0);
}

TEST(StatsRateInterval, RejectsBadInput) {
  EXPECT_THROW(poisson_count_interval(-1), InputError);
  EXPECT_THROW(poisson_count_interval(3, 95.0), InputError);  // 95 for 95%
  EXPECT_THROW(poisson_count_interval(3, 0.0), InputError);
  EXPECT_THROW(rate_interval(3, 0), InputError);
  EXPECT_THROW(rate_interval(-3, 100), InputError);
  try {
    poisson_count_interval(3, 95.0);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("0.95"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace csa::stats
