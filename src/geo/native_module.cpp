#include "geo/native_module.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>

#include "core/error.hpp"

#ifndef CSA_NATIVE_MODULE_BUILD_PATH
#define CSA_NATIVE_MODULE_BUILD_PATH ""
#endif

namespace csa::native {
namespace {

std::vector<std::string> candidate_paths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("CSA_NATIVE_MODULE"); env != nullptr && *env != '\0') paths.emplace_back(env);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back((exe.parent_path() / "csa-native.so").string());
  if (*CSA_NATIVE_MODULE_BUILD_PATH != '\0') paths.emplace_back(CSA_NATIVE_MODULE_BUILD_PATH);
  return paths;
}

const Module* load() {
  std::vector<std::string> tried;
  for (const auto& path : candidate_paths()) {
    if (!std::filesystem::exists(path)) {
      tried.push_back(path + " (absent)");
      continue;
    }
    // RTLD_LOCAL: the module's own copies of engine code stay private to it.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      tried.push_back(fmt::format("{} ({})", path, why != nullptr ? why : "dlopen failed"));
      continue;
    }
    using Entry = const Module* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "csa_native_module"));
    if (entry == nullptr) {
      tried.push_back(path + " (no csa_native_module symbol)");
      continue;
    }
    const Module* m = entry();
    if (m == nullptr || m->abi_version() != kModuleAbiVersion) {
      tried.push_back(path + " (built from another version of csa; rebuild with `make build`)");
      continue;
    }
    return m;  // the handle stays open for the life of the process
  }
  throw IoError(fmt::format("cannot load csa's GIS and graphics module (GDAL, GEOS, PROJ, librsvg); tried: {}. "
                            "Build it with `make build` and keep csa-native.so beside the csa executable, "
                            "or point CSA_NATIVE_MODULE at it",
                            fmt::join(tried, "; ")));
}

}  // namespace

const Module& module() {
  static std::once_flag once;
  static const Module* loaded = nullptr;
  std::call_once(once, [] { loaded = load(); });
  return *loaded;
}

}  // namespace csa::native
