// Reading a TOML file (configs, mappings, word lists, the offence hierarchy) with the errors every
// reader should give: a file that cannot be opened is an IoError naming it; a syntax error is an
// InputError naming file:line:column, what is wrong, and an example file to compare with.
#pragma once

#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace csa::config {

// `example` names a file that shows the right form ("examples/cambridge/csa.toml"); may be empty.
toml::table read_toml_file(const std::string& path, std::string_view example);

}  // namespace csa::config
