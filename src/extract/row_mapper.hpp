// One row of a local extract → an extract::Record, through its mapping, or the reason it is
// quarantined. One reason per row (the first problem found, in column order of the Record), with the
// value and what was expected, so whoever fixes the source file knows what to change.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/mapping.hpp"
#include "offence/offence_codes.hpp"
#include "extract/record.hpp"

namespace csa::geo { class BngProjector; }

namespace csa::extract {

// Great Britain on the Ordnance Survey national grid: easting 0-700000 m, northing 0-1300000 m.
inline constexpr double kMaxEasting = 700000, kMaxNorthing = 1300000;

struct Rejection {
  std::string kind;    // the reason without the row's values, for the per-file summary
  std::string reason;  // the full reason, stored with the row
};

class RowMapper {
 public:
  // codes: required for crime mappings (the Home Office list), ignored otherwise.
  RowMapper(const Mapping& mapping, BoundColumns columns, const offence::OffenceCodeList* codes);
  ~RowMapper();
  RowMapper(const RowMapper&) = delete;
  RowMapper& operator=(const RowMapper&) = delete;

  // Fills `record` (reset first) from one data row; nullopt when it is good.
  std::optional<Rejection> map(const std::vector<std::string_view>& fields, Record& record);

 private:
  std::string_view get(Field f) const;
  std::optional<Rejection> date(Field date_field, Field time_field, std::string_view what, bool required,
                                std::int32_t& day, std::int16_t& minute);
  std::optional<Rejection> age(Field f, std::string_view what, std::int16_t& out);
  std::optional<Rejection> sex(Field f, std::string_view what, Sex& out);
  std::optional<Rejection> location(Record& r);
  std::optional<Rejection> code(Record& r);

  const Mapping& m_;
  BoundColumns cols_;
  const offence::OffenceCodeList* codes_;
  const std::vector<std::string_view>* fields_ = nullptr;
  std::unique_ptr<geo::BngProjector> projector_;  // made when the mapping has longitude/latitude
};

}  // namespace csa::extract
