// The checks every report passes before it is written (issue 3, "Self-checks"); the command fails
// with the list of failures when one does not hold:
//  - every figure quoted in the text equals the table cell it claims (report/claims.hpp);
//  - groups equal the sum of their themes, per year, in the overview table;
//  - every change and share printed in a table recomputes from the counts beside it;
//  - no table or figure number is used twice, and every reference resolves (Document::number);
//  - suppression holds: no count from 1 to threshold-1 is printed in a ward table, and no column
//    has a single hidden count beside a printed total (it could be worked back by subtraction).
// The seed documents fail these checks (../shared/golden/README.md lists their slips).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "report/claims.hpp"
#include "taxonomy/taxonomy.hpp"

namespace csa::report {

struct CheckResult {
  std::string check;   // which rule
  std::string detail;  // where and what
};

struct SelfCheckReport {
  std::vector<std::string> passed;    // one line per check that held, with how many items it covered
  std::vector<CheckResult> failures;
  bool ok() const { return failures.empty(); }
};

// `doc` must be numbered (Document::number()).
SelfCheckReport run_self_checks(const document::Document& doc, const Claims& claims, const taxonomy::Taxonomy& taxonomy,
                                std::int64_t suppress_under);

}  // namespace csa::report
