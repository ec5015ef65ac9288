// Counts in the extract tables as the seeds print them for people (seed 003 lines 586-621: "7,416"):
// the CADET and marker tables, crimes per offender and the keyword searches.
#pragma once

#include "table/table.hpp"

namespace csa::extract_analysis {

// Every cell whose text is the plain integer of its value gets thousands separators; suppressed and
// worded cells ("<5", "[c]", "No Calc", "+ 11.3%", "12%") stay as they are, and values are
// unchanged, so a table's cells are still found and checked by value. For people (terminal text,
// Markdown, the report); CSV and JSON keep plain integers for machines.
table::Table with_thousands_separators(table::Table t);

}  // namespace csa::extract_analysis
