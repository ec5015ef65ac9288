// write_pdf: the sample document's HTML printed by headless Chromium; the PDF read back with poppler
// (pdftotext, pdfinfo) holds the title, a caption and a table value, and chapters start new pages.
// Errors: a missing HTML file, a browser that fails, one that hangs past the timeout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "core/subprocess.hpp"
#include "document/html_writer.hpp"
#include "document/pdf_writer.hpp"
#include "document_sample.hpp"
#include "support/temp_dir.hpp"

namespace csa::document {
namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The IoError message write_pdf throws, or "" when it does not.
std::string pdf_error(const std::string& html, const std::string& pdf, const PdfOptions& options = {}) {
  try {
    write_pdf(html, pdf, options);
  } catch (const IoError& e) {
    return e.what();
  }
  return "";
}

TEST(DocumentPdf, PrintsTheReportWithTitleTablesAndChapterPages) {
  csa::testing::TempDir dir("csa-doc-pdf");
  write_file(dir / "report.html", render_html(testing::sample_document()));
  write_pdf(dir / "report.html", dir / "report.pdf");

  RunResult text = run_program({"pdftotext", "-enc", "UTF-8", dir / "report.pdf", "-"});
  ASSERT_TRUE(text.ok()) << text.err;
  EXPECT_TRUE(has(text.out, "Cambridge Community Safety")) << text.out;  // the title (wrapped on its page)
  EXPECT_TRUE(has(text.out, "Table 1: Shoplifting by ward")) << text.out;
  EXPECT_TRUE(has(text.out, "1,587")) << text.out;
  EXPECT_TRUE(has(text.out, "Figure 1: Shoplifting by ward")) << text.out;

  RunResult info = run_program({"pdfinfo", dir / "report.pdf"});
  ASSERT_TRUE(info.ok()) << info.err;
  EXPECT_TRUE(has(info.out, "Title:           Cambridge Community Safety Partnership")) << info.out;
  EXPECT_TRUE(has(info.out, "pts (A4)")) << info.out;
  std::size_t at = info.out.find("Pages:");
  ASSERT_NE(at, std::string::npos);
  // Title page, contents, and each of the two chapters on a page of its own.
  EXPECT_GE(std::stoi(info.out.substr(at + 6)), 4) << info.out;
  // No scratch files left beside the output.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 2);
}

TEST(DocumentPdf, MissingHtmlIsAnIoError) {
  csa::testing::TempDir dir("csa-doc-pdf");
  EXPECT_TRUE(has(pdf_error(dir / "none.html", dir / "out.pdf"), "does not exist"));
  EXPECT_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST(DocumentPdf, BrowserFailureIsAnIoErrorWithItsMessages) {
  csa::testing::TempDir dir("csa-doc-pdf");
  write_file(dir / "a.html", "<p>x</p>");
  write_file(dir / "fake-browser", "#!/bin/sh\necho 'cannot open display: nothing here' >&2\nexit 5\n");
  std::filesystem::permissions(dir / "fake-browser", std::filesystem::perms::owner_all);
  PdfOptions o;
  o.browser = dir / "fake-browser";
  std::string message = pdf_error(dir / "a.html", dir / "a.pdf", o);
  EXPECT_TRUE(has(message, "exited with status 5")) << message;
  EXPECT_TRUE(has(message, "cannot open display: nothing here")) << message;
  EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));

  o.browser = dir / "no-such-browser";
  EXPECT_TRUE(has(pdf_error(dir / "a.html", dir / "a.pdf", o), "not an executable program"));
}

TEST(DocumentPdf, HangingBrowserIsStoppedAtTheTimeout) {
  csa::testing::TempDir dir("csa-doc-pdf");
  write_file(dir / "a.html", "<p>x</p>");
  write_file(dir / "slow-browser", "#!/bin/sh\nsleep 60\n");
  std::filesystem::permissions(dir / "slow-browser", std::filesystem::perms::owner_all);
  PdfOptions o;
  o.browser = dir / "slow-browser";
  o.timeout = std::chrono::seconds(1);
  std::string message = pdf_error(dir / "a.html", dir / "a.pdf", o);
  EXPECT_TRUE(has(message, "did not finish within 1 s")) << message;
}

}  // namespace
}  // namespace csa::document
