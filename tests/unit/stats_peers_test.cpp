// Peer comparison on hand-worked rates. The group is the subject and its peers present in the data.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "stats/peers.hpp"

namespace csa::stats {
namespace {

TEST(StatsPeers, RankMeanPooledAndRange) {
  // Rates per 1,000: Cambridge 12.0, Oxford 15.0, Exeter 9.0, York 12.0, Watford 6.0.
  const PeerArea subject{"Cambridge", 1800, 150000};
  const std::vector<PeerArea> peers = {
      {"Oxford", 2400, 160000},
      {"Exeter", 1170, 130000},
      {"York", 2448, 204000},
      {"Watford", 600, 100000},
  };
  const PeerComparison c = compare_with_peers(subject, peers);
  EXPECT_DOUBLE_EQ(c.rate, 12.0);
  EXPECT_EQ(c.rank, 2U);  // tied with York: both 2nd (competition ranking)
  EXPECT_EQ(c.of, 5U);
  EXPECT_DOUBLE_EQ(c.mean_of_rates, (12.0 + 15.0 + 9.0 + 12.0 + 6.0) / 5);
  EXPECT_DOUBLE_EQ(c.pooled_rate,
                   (1800.0 + 2400 + 1170 + 2448 + 600) * 1000 / (150000.0 + 160000 + 130000 + 204000 + 100000));
  EXPECT_DOUBLE_EQ(c.min_rate, 6.0);
  EXPECT_EQ(c.min_name, "Watford");
  EXPECT_DOUBLE_EQ(c.max_rate, 15.0);
  EXPECT_EQ(c.max_name, "Oxford");
}

TEST(StatsPeers, HighestAndLowestAndPerHundredThousand) {
  const PeerArea top{"A", 50, 1000};
  const std::vector<PeerArea> others = {{"B", 1, 1000}, {"C", 2, 1000}};
  const PeerComparison c = compare_with_peers(top, others, measure::RateBase::per_100000);
  EXPECT_EQ(c.rank, 1U);
  EXPECT_DOUBLE_EQ(c.rate, 5000.0);
  const PeerComparison last =
      compare_with_peers({"B", 1, 1000}, std::vector<PeerArea>{{"A", 50, 1000}, {"C", 2, 1000}});
  EXPECT_EQ(last.rank, 3U);
  EXPECT_EQ(last.of, 3U);
}

TEST(StatsPeers, NoPeersAndZeroCounts) {
  const PeerComparison alone = compare_with_peers({"A", 0, 500}, {});
  EXPECT_EQ(alone.rank, 1U);
  EXPECT_EQ(alone.of, 1U);
  EXPECT_EQ(alone.mean_of_rates, 0.0);
  EXPECT_EQ(alone.min_name, "A");
  EXPECT_EQ(alone.max_name, "A");
}

TEST(StatsPeers, MissingPeersAreNamed) {
  // Seed 000 lines 3441-3474 (Cambridge's most similar group), against data lacking two of them.
  const std::vector<std::string> wanted = {"Oxford", "Cheltenham", "Brighton and Hove", "Exeter",
                                           "Kingston upon Thames"};
  const std::vector<std::string> present = {"oxford", " Cheltenham ", "Exeter"};
  const std::vector<std::string> missing = missing_peers(wanted, present);
  ASSERT_EQ(missing.size(), 2U);
  EXPECT_EQ(missing[0], "Brighton and Hove");
  EXPECT_EQ(missing[1], "Kingston upon Thames");
  EXPECT_TRUE(missing_peers(present, wanted).empty());
}

TEST(StatsPeers, RejectsBadInput) {
  const std::vector<PeerArea> zero_pop = {{"B", 5, 0}};
  EXPECT_THROW(compare_with_peers({"A", 1, 100}, zero_pop), InputError);
  const std::vector<PeerArea> itself = {{"a ", 5, 100}};
  EXPECT_THROW(compare_with_peers({"A", 1, 100}, itself), InputError);
  EXPECT_THROW(compare_with_peers({"A", -1, 100}, {}), InputError);
  try {
    compare_with_peers({"A", 1, 100}, zero_pop);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'B'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace csa::stats
