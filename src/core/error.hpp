// One exception type per kind of failure, as the CLI maps each to its own exit code (docs/USER_GUIDE.md).
// InputError: the user's data or arguments are wrong; the message says where, what was seen, and the fix.
// IoError: a file or database could not be read or written.
// InternalError: a bug in csa; never the user's fault.
#pragma once

#include <stdexcept>
#include <string>

namespace csa {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InputError : public Error {
 public:
  using Error::Error;
};

class IoError : public Error {
 public:
  using Error::Error;
};

class InternalError : public Error {
 public:
  using Error::Error;
};

// Exit codes, one per kind of failure (avoiding 124-127 and 137, which shells and timeouts use).
enum class ExitCode : int {
  ok = 0,
  input = 2,     // bad arguments or bad data
  io = 3,        // cannot read or write a file or the database
  internal = 4,  // a bug: please report it
};

}  // namespace csa
