#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "core/error.hpp"
#include "measure/rank.hpp"

namespace csa::measure {
namespace {

using Indices = std::vector<std::size_t>;

TEST(MeasureRank, CompetitionRanksHighestFirst) {
  const std::vector<std::int64_t> counts{9, 10, 9, 5};
  EXPECT_EQ(competition_ranks(counts), (Indices{2, 1, 2, 4}));
  const std::vector<double> rates{1.5, 3.25, 3.25, 3.25, -2.0};
  EXPECT_EQ(competition_ranks(rates), (Indices{4, 1, 1, 1, 5}));
}

TEST(MeasureRank, AllTiedAndEmpty) {
  const std::vector<std::int64_t> same{7, 7, 7};
  EXPECT_EQ(competition_ranks(same), (Indices{1, 1, 1}));
  EXPECT_TRUE(competition_ranks(std::vector<std::int64_t>{}).empty());
  EXPECT_TRUE(top_n_with_ties(std::vector<double>{}, 3).empty());
}

TEST(MeasureRank, OrderDescendingKeepsInputOrderForTies) {
  const std::vector<std::int64_t> counts{19, 161, 19, 13, 19};
  EXPECT_EQ(order_descending(counts), (Indices{1, 0, 2, 4, 3}));
  const std::vector<double> changes{-0.5, 2.0, -0.5, 0.0};
  EXPECT_EQ(order_descending(changes), (Indices{1, 3, 0, 2}));
}

TEST(MeasureRank, TopNKeepsTiesAtTheBoundary) {
  const std::vector<std::int64_t> values{10, 9, 9, 9, 5};
  EXPECT_EQ(top_n_with_ties(values, 3), (Indices{0, 1, 2, 3}));
  EXPECT_EQ(top_n_with_ties(values, 1), (Indices{0}));
  EXPECT_EQ(top_n_with_ties(values, 2), (Indices{0, 1, 2, 3}));
  EXPECT_EQ(top_n_with_ties(values, 0), Indices{});
  EXPECT_EQ(top_n_with_ties(values, 10), (Indices{0, 1, 2, 3, 4}));
}

TEST(MeasureRank, TopNStopsAfterATieThatFillsIt) {
  // Four tied at rank 1: the next value is rank 5, outside the top 3 and the top 4.
  const std::vector<double> values{5.0, 10.0, 10.0, 10.0, 10.0};
  EXPECT_EQ(top_n_with_ties(values, 3), (Indices{1, 2, 3, 4}));
  EXPECT_EQ(top_n_with_ties(values, 4), (Indices{1, 2, 3, 4}));
  EXPECT_EQ(top_n_with_ties(values, 5), (Indices{1, 2, 3, 4, 0}));
}

TEST(MeasureRank, NegativeValuesRankBelowPositive) {
  const std::vector<std::int64_t> changes{-81, 17, -4, 7, -353};
  EXPECT_EQ(competition_ranks(changes), (Indices{4, 1, 3, 2, 5}));
  EXPECT_EQ(top_n_with_ties(changes, 2), (Indices{1, 3}));
}

TEST(MeasureRank, RejectsNaN) {
  const std::vector<double> values{1.0, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_THROW(competition_ranks(values), InputError);
  EXPECT_THROW(order_descending(values), InputError);
  EXPECT_THROW(top_n_with_ties(values, 1), InputError);
}

TEST(MeasureRank, LargeIntegersAreComparedExactly) {
  // 2^53 and 2^53 + 1 are equal as doubles but not as integers.
  const std::vector<std::int64_t> values{9007199254740992, 9007199254740993};
  EXPECT_EQ(competition_ranks(values), (Indices{2, 1}));
}

}  // namespace
}  // namespace csa::measure
