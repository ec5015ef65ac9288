// The board pack, as the seeds' Word tables (004_… 1592-2470, 002_… 1-60 and 260-277), built through
// the document model (document/) so HTML, PDF and DOCX say the same thing:
//   - the action plan tracker: priority, action id, action, lead, due, RAG with its reason, latest progress;
//   - the RAG history: each action's RAG per quarter;
//   - KPIs with target, latest actual and status;
//   - the action-point register of the meeting (and points still open from earlier meetings);
//   - the agenda, closed session first, each item marked closed or public;
//   - the RAG key, each status shaded in its colour.
// RAG cells carry the word (RED, AMBER, GREEN, COMPLETE), so no meaning rests on colour, and are shaded
// in the key's colours (workspace::rag_colour) through the document model's cell style, so the HTML,
// the PDF printed from it and the DOCX all show them.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "workspace/live_indicator.hpp"
#include "workspace/workspace.hpp"

namespace csa::workspace {

// `meeting` a date, or empty for the latest meeting (none: no agenda or register). With `indicators`
// (the data store), a table of the live indicators bound to priorities and KPIs.
document::Document board_pack(Workspace& w, const std::string& meeting, const IndicatorSource* indicators = nullptr);

// Every bound indicator, evaluated: what it is bound to ("Priority 1", "KPI 3: …") and its value.
std::vector<std::pair<std::string, LiveIndicator>> evaluate_indicators(Workspace& w, const IndicatorSource& source);

// Writes board-pack.html / .pdf / .docx into `out_dir` for the comma-separated `formats`; returns the
// paths written. PDF needs the HTML (written alongside).
std::vector<std::string> export_board_pack(Workspace& w, const std::string& meeting, const std::string& out_dir,
                                           const std::string& formats, const IndicatorSource* indicators = nullptr);

}  // namespace csa::workspace
