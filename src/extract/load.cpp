#include "extract/load.hpp"

#include <algorithm>
#include <unordered_map>

#include "store/store.hpp"

namespace csa::extract {

ExtractSet load_extract_set(const store::Store& store, DatasetKind kind) {
  ExtractSet set;
  set.kind = kind;
  std::string kind_name(dataset_kind_name(kind));
  std::unordered_map<std::int64_t, std::int32_t> index_of;  // batch id -> position in set.batches
  for (const auto& b : store.extract_batches()) {
    if (b.kind != kind_name) continue;
    ExtractBatch batch;
    batch.id = b.id;
    batch.kind = kind;
    batch.source = b.source;
    batch.file_name = b.file_name;
    batch.synthetic = b.synthetic;
    batch.rows_read = b.rows_read;
    batch.rows_stored = b.rows_stored;
    batch.rows_quarantined = b.rows_quarantined;
    batch.loaded_at = b.loaded_at;
    set.batches.push_back(std::move(batch));
  }
  // Batch order, as the records come: by id.
  std::sort(set.batches.begin(), set.batches.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < set.batches.size(); ++i) index_of[set.batches[i].id] = static_cast<std::int32_t>(i);
  store.scan_extract_records(kind_name, [&](std::int64_t batch_id, Record&& r) {
    set.records.push_back(std::move(r));
    set.batch_of.push_back(index_of.at(batch_id));
  });
  return set;
}

std::vector<SeriesValue> load_series(const store::Store& store, std::string_view series) {
  return store.series_values(series);
}

std::vector<std::string> series_names(const store::Store& store) { return store.series_names(); }

}  // namespace csa::extract
