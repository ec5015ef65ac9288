#include "document/pdf_writer.hpp"

#include <stdlib.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "core/error.hpp"
#include "core/subprocess.hpp"

namespace csa::document {
namespace {

namespace fs = std::filesystem;

// A fresh directory for Chromium's profile and its output, removed with everything in it at the end.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "csa-chromium-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      throw IoError(fmt::format("cannot create a temporary directory for Chromium under {}",
                                fs::temp_directory_path().string()));
    }
    path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string find_browser(const PdfOptions& options) {
  if (!options.browser.empty()) {
    if (auto p = find_program(options.browser)) return *p;
    throw IoError(fmt::format("cannot print the PDF: the browser '{}' is not an executable program",
                              options.browser));
  }
  // Debian's /usr/bin/chromium is a shell wrapper that sets flags and then runs the real binary.
  for (const char* name : {"chromium", "/usr/bin/chromium", "chromium-browser"}) {
    if (auto p = find_program(name)) return *p;
  }
  throw IoError("cannot print the PDF: Chromium is not installed (no 'chromium' on PATH); install it with "
                "scripts/install-deps.sh");
}

// file:// URL of an absolute path, percent-encoding everything but unreserved characters and '/'.
std::string file_url(const fs::path& path) {
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '_' || c == '.' || c == '~' || c == '/';
    url += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return url;
}

// Chromium's standard error without the lines it always writes in a container (no D-Bus, the
// wrapper script's shell warning), so an error message shows what actually went wrong.
std::string chromium_errors(const RunResult& r) {
  std::string kept;
  std::string_view rest = r.err;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (line.find("dbus") == std::string_view::npos && line.find("unexpected operator") == std::string_view::npos) {
      kept.append(line).append("\n");
    }
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  std::string tail = last_lines(kept);
  return tail.empty() ? "(Chromium printed no error)" : tail;
}

bool looks_like_pdf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[5] = {};
  return in.read(magic, 5) && std::string_view(magic, 5) == "%PDF-";
}

}  // namespace

void write_pdf(const std::string& html_path, const std::string& pdf_path, const PdfOptions& options) {
  std::error_code ec;
  fs::path html = fs::absolute(html_path, ec);
  if (ec || !fs::is_regular_file(html)) {
    throw IoError(fmt::format("cannot print {} to PDF: the file does not exist", html_path));
  }
  const std::string browser = find_browser(options);
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out.pdf";
  std::vector<std::string> argv = {
      browser,
      "--headless=new",
      "--no-sandbox",             // the sandbox cannot start as root or in most containers
      "--disable-gpu",
      "--disable-dev-shm-usage",  // containers often have a tiny /dev/shm
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-extensions",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-crash-reporter",
      "--mute-audio",
      "--hide-scrollbars",
      "--no-pdf-header-footer",          // no URL, date or page title printed in the margins
      "--generate-pdf-document-outline",  // PDF bookmarks from the headings
      "--user-data-dir=" + (scratch.path() / "profile").string(),
      "--print-to-pdf=" + out.string(),
      file_url(html),
  };
  RunOptions run_options;
  run_options.timeout = options.timeout;
  RunResult r = run_program(argv, run_options);
  if (r.timed_out) {
    throw IoError(fmt::format("printing {} to PDF: Chromium ({}) did not finish within {} s and was stopped; "
                              "its last messages:\n{}",
                              html_path, browser, options.timeout.count(), chromium_errors(r)));
  }
  if (!r.ok() || !fs::exists(out) || !looks_like_pdf(out)) {
    throw IoError(fmt::format("printing {} to PDF: Chromium ({}) {}{}; its last messages:\n{}", html_path, browser,
                              r.describe(), r.ok() ? " but wrote no PDF" : "", chromium_errors(r)));
  }
  // Moved into place only now, so a failed print never leaves a partial PDF at pdf_path.
  fs::rename(out, pdf_path, ec);
  if (ec) {  // another file system: copy instead
    ec.clear();
    fs::copy_file(out, pdf_path, fs::copy_options::overwrite_existing, ec);
    if (ec) throw IoError(fmt::format("cannot write {}: {}", pdf_path, ec.message()));
  }
}

}  // namespace csa::document
