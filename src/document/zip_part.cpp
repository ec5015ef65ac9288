#include "document/zip_part.hpp"

#include <fmt/format.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace csa::document {
namespace {

namespace fs = std::filesystem;

struct UnzCloser {
  void operator()(void* z) const { unzClose(z); }
};
struct ZipCloser {
  void operator()(void* z) const { zipClose(z, nullptr); }
};

struct Entry {
  std::string name;
  unz_file_info64 info{};
  std::string data;
};

std::vector<Entry> read_all(const std::string& path) {
  std::unique_ptr<void, UnzCloser> z(unzOpen64(path.c_str()));
  if (!z) throw IoError(fmt::format("{}: cannot open it as a ZIP archive", path));
  std::vector<Entry> out;
  for (int rc = unzGoToFirstFile(z.get()); rc == UNZ_OK; rc = unzGoToNextFile(z.get())) {
    Entry e;
    char name[1024];
    if (unzGetCurrentFileInfo64(z.get(), &e.info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(z.get()) != UNZ_OK) {
      throw IoError(fmt::format("{}: a damaged entry after {} entries", path, out.size()));
    }
    e.name = name;
    e.data.resize(static_cast<std::size_t>(e.info.uncompressed_size));
    int n = e.data.empty() ? 0 : unzReadCurrentFile(z.get(), e.data.data(), static_cast<unsigned>(e.data.size()));
    unzCloseCurrentFile(z.get());
    if (n != static_cast<int>(e.data.size())) throw IoError(fmt::format("{}: cannot read the entry {}", path, e.name));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::string read_zip_part(const std::string& path, const std::string& part) {
  for (auto& e : read_all(path))
    if (e.name == part) return std::move(e.data);
  throw IoError(fmt::format("{}: the archive has no {}", path, part));
}

void edit_zip_part(const std::string& path, const std::string& part, const std::function<std::string(std::string)>& edit) {
  auto entries = read_all(path);
  bool found = false;
  for (auto& e : entries) {
    if (e.name != part) continue;
    e.data = edit(std::move(e.data));
    found = true;
  }
  if (!found) throw IoError(fmt::format("{}: the archive has no {}", path, part));
  const std::string tmp = path + ".tmp";
  {
    std::unique_ptr<void, ZipCloser> z(zipOpen64(tmp.c_str(), APPEND_STATUS_CREATE));
    if (!z) throw IoError(fmt::format("{}: cannot create it", tmp));
    for (const auto& e : entries) {
      zip_fileinfo zi{};
      zi.dosDate = e.info.dosDate;
      zi.internal_fa = e.info.internal_fa;
      zi.external_fa = e.info.external_fa;
      const bool ok = zipOpenNewFileInZip64(z.get(), e.name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                            Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
                      zipWriteInFileInZip(z.get(), e.data.data(), static_cast<unsigned>(e.data.size())) == ZIP_OK &&
                      zipCloseFileInZip(z.get()) == ZIP_OK;
      if (!ok) {
        z.reset();
        std::error_code ec;
        fs::remove(tmp, ec);
        throw IoError(fmt::format("{}: cannot write the entry {} (disk full?)", tmp, e.name));
      }
    }
    if (zipClose(z.release(), nullptr) != ZIP_OK) throw IoError(fmt::format("{}: cannot finish writing it", tmp));
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw IoError(fmt::format("{}: cannot replace it with {}: {}", path, tmp, ec.message()));
}

}  // namespace csa::document
