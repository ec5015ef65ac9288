// The generator's random numbers: std::mt19937_64 for the bits (its output sequence is fixed by the
// C++ standard) and our own few distributions on top. The std:: distributions are not used because
// the standard fixes only their law, not their algorithm: libstdc++ and libc++ give different draws
// from the same engine, and "same seed, same files" must hold on every build.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace csa::synth {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  // An independent stream for one part of the output (crime, asb, fire …), so adding draws to one
  // kind never shifts another kind's rows.
  Rng stream(std::uint64_t salt) const;

  double uniform();                                    // [0, 1), 53 random bits
  std::int64_t below(std::int64_t n);                  // 0..n-1, n > 0, without modulo bias
  std::int64_t between(std::int64_t lo, std::int64_t hi);  // lo..hi inclusive
  bool chance(double p);                               // true with probability p
  // Index i with probability weights[i] / sum(weights); weights >= 0 with a positive sum.
  std::size_t pick(std::span<const double> weights);
  // Poisson(mean), exact: inversion by sequential search, in chunks of mean <= 20 (Poisson sums are
  // Poisson) so exp(-mean) never underflows.
  std::int64_t poisson(double mean);

 private:
  explicit Rng(std::mt19937_64 engine) : engine_(engine) {}
  std::mt19937_64 engine_;
};

// Cumulative weights for repeated draws from one distribution (offence codes per incident).
class Discrete {
 public:
  Discrete() = default;
  explicit Discrete(std::vector<double> weights);  // InternalError when negative or all zero
  std::size_t draw(Rng& rng) const;
  std::size_t size() const { return cumulative_.size(); }
  double probability(std::size_t i) const;

 private:
  std::vector<double> cumulative_;
};

}  // namespace csa::synth
