// Reading loaded extracts back from the store, for the analyses: every record of one kind with the
// batch it came from (so outputs can name the source and say "synthetic"), and partner series.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/record.hpp"

namespace csa::store { class Store; }

namespace csa::extract {

// Every stored record of one kind (all batches), in batch then line order.
ExtractSet load_extract_set(const store::Store& store, DatasetKind kind);
// Every stored value of one partner series ("treatment"), in load order.
std::vector<SeriesValue> load_series(const store::Store& store, std::string_view series);
// Names of the loaded series.
std::vector<std::string> series_names(const store::Store& store);

}  // namespace csa::extract
