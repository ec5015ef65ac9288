#include "stats/harm.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"

namespace csa::stats {

HarmTable harm_table(std::span<const HarmItem> items, std::optional<std::int64_t> population) {
  if (population && *population <= 0) {
    throw InputError(
        fmt::format("harm per 1,000: the population is {}; it must be positive (check the "
                    "population table)",
                    *population));
  }
  HarmTable table;
  for (const HarmItem& item : items) {
    if (item.count < 0) {
      throw InputError(
          fmt::format("harm: '{}' has a count of {}; counts must be 0 or more", item.label, item.count));
    }
    if (!std::isfinite(item.harm_days) || item.harm_days < 0.0) {
      throw InputError(
          fmt::format("harm: '{}' has a harm of {} days; harm must be 0 or more", item.label, item.harm_days));
    }
    HarmRow row;
    row.label = item.label;
    row.count = item.count;
    row.harm_days = item.harm_days;
    table.total_count += item.count;
    table.total_harm += row.harm_days;
    table.rows.push_back(std::move(row));
  }
  const auto per_1000 = [&](double harm) -> std::optional<double> {
    if (!population) return std::nullopt;
    return harm * 1000.0 / static_cast<double>(*population);
  };
  for (HarmRow& row : table.rows) {
    if (table.total_count > 0)
      row.share_of_volume = static_cast<double>(row.count) / static_cast<double>(table.total_count);
    if (table.total_harm > 0.0) row.share_of_harm = row.harm_days / table.total_harm;
    row.harm_per_1000 = per_1000(row.harm_days);
  }
  table.harm_per_1000 = per_1000(table.total_harm);
  return table;
}

HarmItem harm_item(std::string label, const CrimeTypeWeights& weights,
                   std::span<const std::int64_t, taxonomy::kCrimeTypeCount> counts, taxonomy::CrimeTypeSet types) {
  HarmItem item{std::move(label), 0, 0.0};
  for (int code : types.codes()) {
    const auto i = static_cast<std::size_t>(code);
    if (!weights[i]) continue;
    if (counts[i] < 0) {
      throw InputError(fmt::format("harm: {} has a count of {}; counts must be 0 or more",
                                   taxonomy::crime_type_name(code), counts[i]));
    }
    item.count += counts[i];
    item.harm_days += static_cast<double>(counts[i]) * *weights[i];
  }
  return item;
}

}  // namespace csa::stats
