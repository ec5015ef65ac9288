// Accounts, sessions and CSRF tokens, as library calls the HTTP layer makes (libsodium throughout):
// passwords hashed with Argon2id (crypto_pwhash_str, interactive limits), session tokens 256 random
// bits (randombytes_buf) of which only a BLAKE2b hash is stored, so a leaked database holds no usable
// token; a CSRF token per session, compared in constant time (sodium_memcmp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "workspace/backend.hpp"

namespace csa::workspace {

enum class Role { viewer, editor, admin };
Role parse_role(std::string_view text);  // throws InputError
std::string_view role_name(Role r);

// Who is acting: every change is audited under `name`.
struct Actor {
  std::string name;
  Role role = Role::viewer;
};

// A role too low for what was asked: an InputError (the CLI exits 2) that the HTTP layer can tell
// apart (403, not 400).
class PermissionError : public InputError {
 public:
  using InputError::InputError;
};

// Throws PermissionError when the actor's role is below `needed` ("viewer cannot change the workspace").
void require_role(const Actor& actor, Role needed, std::string_view doing);

// Passwords: at least 12 characters (NCSC guidance favours length over complexity rules).
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

// Adds an account. Only an admin may, except the very first account of a workspace, which must be an
// admin (bootstrap). Throws InputError for a duplicate name, a short password or an unknown role.
void add_user(Backend& db, const std::optional<Actor>& by, const std::string& name, Role role,
              const std::string& password);
std::optional<Actor> find_user(Backend& db, const std::string& name);
std::int64_t user_count(Backend& db);

struct Session {
  std::string token;  // for the cookie (Secure, HttpOnly, SameSite=Strict): 64 hex digits
  std::string csrf;   // for forms and the X-CSRF-Token header: 64 hex digits
  std::string expires_at;
  Actor actor;
};
inline constexpr long long kSessionSeconds = 8 * 3600;  // a working day

// Logs in: checks the password (the same message for an unknown user and a wrong password).
Session login(Backend& db, const std::string& name, const std::string& password);
// The actor behind a cookie's token; none when unknown or expired.
std::optional<Session> session_for(Backend& db, const std::string& token);
// True only when `csrf` is the session's token (constant-time).
bool csrf_ok(const Session& s, const std::string& csrf);
void logout(Backend& db, const std::string& token);

}  // namespace csa::workspace
