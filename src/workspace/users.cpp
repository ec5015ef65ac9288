#include "workspace/users.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include "core/error.hpp"
#include "workspace/clock.hpp"
#include "workspace/records.hpp"

namespace csa::workspace {
namespace {

void init_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw InternalError("libsodium could not be initialised");
}

std::string random_hex() {
  init_sodium();
  std::array<unsigned char, 32> buf{};
  randombytes_buf(buf.data(), buf.size());
  std::array<char, 65> hex{};
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  return std::string(hex.data(), 64);
}

std::string token_hash(const std::string& token) {
  init_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> h{};
  crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), h.data(), h.size());
  return std::string(hex.data());
}

}  // namespace

Role parse_role(std::string_view text) {
  if (text == "viewer") return Role::viewer;
  if (text == "editor") return Role::editor;
  if (text == "admin") return Role::admin;
  throw InputError(fmt::format("role '{}' is not known; use viewer, editor or admin", text));
}

std::string_view role_name(Role r) {
  switch (r) {
    case Role::editor: return "editor";
    case Role::admin: return "admin";
    case Role::viewer: break;
  }
  return "viewer";
}

void require_role(const Actor& actor, Role needed, std::string_view doing) {
  if (static_cast<int>(actor.role) < static_cast<int>(needed)) {
    throw PermissionError(fmt::format("{} is a {} and cannot {}; an {} can", actor.name, role_name(actor.role), doing,
                                 role_name(needed)));
  }
}

std::string hash_password(const std::string& password) {
  init_sodium();
  if (password.size() < 12) throw InputError("the password is shorter than 12 characters; choose a longer one");
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw IoError("not enough memory to hash the password (Argon2id needs 64 MiB)");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& hash, const std::string& password) {
  init_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::int64_t user_count(Backend& db) { return db.query("SELECT COUNT(*) FROM users").at(0).int64(0); }

void add_user(Backend& db, const std::optional<Actor>& by, const std::string& name, Role role,
              const std::string& password) {
  if (name.empty()) throw InputError("the user name is empty; give one, e.g. kjalli");
  std::string hash = hash_password(password);  // outside the transaction: it takes a while by design
  Transaction tx(db);
  std::string actor;
  if (user_count(db) == 0) {
    if (role != Role::admin) throw InputError("the first user of a workspace must be an admin (--role admin)");
    actor = by ? by->name : name;
  } else {
    if (!by) throw InputError("adding a user needs an admin to act (--as ADMIN)");
    require_role(*by, Role::admin, "add users");
    actor = by->name;
  }
  if (find_user(db, name)) throw InputError(fmt::format("there is already a user called {}", name));
  insert(db, actor, entity("user"),
         {{"name", name}, {"role", std::string(role_name(role))}, {"password_hash", hash}, {"created_at", now_utc()}});
  tx.commit();
}

std::optional<Actor> find_user(Backend& db, const std::string& name) {
  auto rows = db.query("SELECT name, role FROM users WHERE name = ?", {name});
  if (rows.empty()) return std::nullopt;
  return Actor{rows[0].text(0), parse_role(rows[0].text(1))};
}

Session login(Backend& db, const std::string& name, const std::string& password) {
  auto rows = db.query("SELECT id, password_hash, role FROM users WHERE name = ?", {name});
  // Verify against a dummy hash for an unknown user too, so timing does not reveal who exists.
  static const std::string dummy = hash_password("not-a-real-password-0000");
  bool ok = verify_password(rows.empty() ? dummy : rows[0].text(1), password) && !rows.empty();
  if (!ok) throw InputError("unknown user or wrong password");
  Session s;
  s.token = random_hex();
  s.csrf = random_hex();
  s.expires_at = utc_after(kSessionSeconds);
  s.actor = Actor{name, parse_role(rows[0].text(2))};
  db.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
           {token_hash(s.token), rows[0].int64(0), s.csrf, now_utc(), s.expires_at});
  return s;
}

std::optional<Session> session_for(Backend& db, const std::string& token) {
  auto rows = db.query("SELECT u.name, u.role, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = "
                       "s.user_id WHERE s.token_hash = ? AND s.expires_at > ?",
                       {token_hash(token), now_utc()});
  if (rows.empty()) return std::nullopt;
  return Session{token, rows[0].text(2), rows[0].text(3), Actor{rows[0].text(0), parse_role(rows[0].text(1))}};
}

bool csrf_ok(const Session& s, const std::string& csrf) {
  init_sodium();
  if (csrf.size() != s.csrf.size()) return false;
  return sodium_memcmp(csrf.data(), s.csrf.data(), csrf.size()) == 0;
}

void logout(Backend& db, const std::string& token) {
  db.query("DELETE FROM sessions WHERE token_hash = ?", {token_hash(token)});
}

}  // namespace csa::workspace
