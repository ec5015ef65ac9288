#include "report/write_report.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "document/docx_writer.hpp"
#include "document/html_writer.hpp"
#include "document/pdf_writer.hpp"
#include "document/xlsx_writer.hpp"
#include "figure/png.hpp"

namespace csa::report {
namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw IoError(fmt::format("{}: cannot write; check the folder is writable and the disk not full", path.string()));
}

}  // namespace

WrittenReport write_report(document::Document doc, const Claims& claims, const taxonomy::Taxonomy& taxonomy,
                           std::int64_t suppress_under, const std::string& out_dir, const OutputOptions& options,
                           const std::function<void(const std::string&)>& progress) {
  namespace fs = std::filesystem;
  WrittenReport written;
  progress("self-checks");
  doc.number();
  written.checks = run_self_checks(doc, claims, taxonomy, suppress_under);
  if (!written.checks.ok()) {
    std::vector<std::string> lines;
    for (const auto& f : written.checks.failures) lines.push_back(fmt::format("  - {}: {}", f.check, f.detail));
    throw InternalError(fmt::format("the report failed {} self-check(s); nothing was written:\n{}",
                                    written.checks.failures.size(), fmt::join(lines, "\n")));
  }
  fs::path out(out_dir);
  std::error_code ec;
  fs::create_directories(out / "figures", ec);
  if (ec) throw IoError(fmt::format("{}: cannot create the output folder ({})", out.string(), ec.message()));

  progress("figures");
  std::vector<std::pair<const std::string*, std::string>> pngs;  // svg, png path
  for (const auto& b : doc.blocks) {
    const auto* f = std::get_if<document::FigureBlock>(&b);
    if (f == nullptr || f->svg.empty()) continue;
    fs::path svg = out / "figures" / (f->file_stem + ".svg");
    write_text(svg, f->svg);
    written.files.push_back(svg.string());
    if (options.png) pngs.emplace_back(&f->svg, (out / "figures" / (f->file_stem + ".png")).string());
  }
  // One thread: two workers measured no faster (fontconfig and pango serialise much of the work).
  for (const auto& [svg, png] : pngs) {
    figure::svg_to_png(*svg, png, 2.0);
    written.files.push_back(png);
  }
  progress("report.html");
  fs::path html = out / "report.html";
  write_text(html, document::render_html(doc));
  written.files.push_back(html.string());
  if (options.xlsx) {
    progress("tables.xlsx");
    fs::path xlsx = out / "tables.xlsx";
    document::write_xlsx(doc, xlsx.string());
    written.files.push_back(xlsx.string());
  }
  if (options.docx) {
    progress("report.docx");
    fs::path docx = out / "report.docx";
    document::write_docx(doc, docx.string(), (out / "figures").string());
    written.files.push_back(docx.string());
  }
  if (options.pdf) {
    progress("report.pdf");
    fs::path pdf = out / "report.pdf";
    document::write_pdf(html.string(), pdf.string());
    written.files.push_back(pdf.string());
  }
  std::string checks = "Self-checks passed:\n";
  for (const auto& line : written.checks.passed) checks += "  - " + line + "\n";
  fs::path checks_path = out / "self-checks.txt";
  write_text(checks_path, checks);
  written.files.push_back(checks_path.string());
  return written;
}

}  // namespace csa::report
