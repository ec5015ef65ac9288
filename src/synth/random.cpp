#include "synth/random.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace csa::synth {

Rng Rng::stream(std::uint64_t salt) const {
  // Seed a child engine from a copy of this one's state mixed with the salt (SplitMix64 finaliser),
  // so streams with different salts are unrelated and the parent is not advanced.
  std::mt19937_64 copy = engine_;
  std::uint64_t z = copy() + 0x9E3779B97F4A7C15ULL * (salt + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return Rng(std::mt19937_64(z));
}

double Rng::uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

std::int64_t Rng::below(std::int64_t n) {
  if (n <= 0) throw InternalError("Rng::below needs n > 0");
  const auto un = static_cast<std::uint64_t>(n);
  // Rejection of the top partial block: every value 0..n-1 equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % un;
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return static_cast<std::int64_t>(x % un);
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }

bool Rng::chance(double p) { return uniform() < p; }

std::size_t Rng::pick(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) throw InternalError("Rng::pick needs a positive total weight");
  double u = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  // Rounding can leave u a hair above the last weight: the last positive weight takes it.
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

std::int64_t Rng::poisson(double mean) {
  if (!(mean >= 0) || !std::isfinite(mean)) throw InternalError("Rng::poisson needs a finite mean >= 0");
  std::int64_t total = 0;
  while (mean > 0) {
    double m = std::min(mean, 20.0);
    mean -= m;
    double p = std::exp(-m), cdf = p, u = uniform();
    std::int64_t k = 0;
    while (u > cdf && k < 1000) {
      ++k;
      p *= m / static_cast<double>(k);
      cdf += p;
    }
    total += k;
  }
  return total;
}

Discrete::Discrete(std::vector<double> weights) {
  double sum = 0;
  for (double w : weights) {
    if (!(w >= 0)) throw InternalError("Discrete: a negative weight");
    sum += w;
    cumulative_.push_back(sum);
  }
  if (!(sum > 0)) throw InternalError("Discrete: the weights sum to zero");
}

std::size_t Discrete::draw(Rng& rng) const {
  double u = rng.uniform() * cumulative_.back();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  return static_cast<std::size_t>(it - cumulative_.begin());
}

double Discrete::probability(std::size_t i) const {
  double lo = i == 0 ? 0.0 : cumulative_[i - 1];
  return (cumulative_[i] - lo) / cumulative_.back();
}

}  // namespace csa::synth
