// Text storage for the hot paths: the ingest parser keeps each field's bytes in a TextPool instead of
// one std::string per field, so a parsed row costs no allocation, and the store's dictionaries keep
// their values in one. Views handed out stay valid, at the same address, until the pool is destroyed
// (memory is taken in blocks and never moved). TextMap is the one text-keyed hash map both use.
#pragma once

#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace csa {

// Open-addressing map from text to a value; keys are views the caller keeps alive.
template <typename Value>
class TextMap {
 public:
  struct Slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;  // nullptr: empty slot
    std::size_t size = 0;
    Value value{};
  };

  static std::uint64_t hash_of(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

  // The slot for `key`: found (inserted = false) or newly claimed for it (inserted = true; the caller
  // must then set data/size to a view that outlives the map, and the value).
  Slot& find_or_claim(std::string_view key, std::uint64_t hash, bool& inserted) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.data == nullptr) {
        ++used_;
        s.hash = hash;
        inserted = true;
        return s;
      }
      if (s.hash == hash && s.size == key.size() && std::memcmp(s.data, key.data(), key.size()) == 0) {
        inserted = false;
        return s;
      }
    }
  }

  // The slot holding `key`, or nullptr.
  const Slot* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = hash_of(key);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.data == nullptr) return nullptr;
      if (s.hash == hash && s.size == key.size() && std::memcmp(s.data, key.data(), key.size()) == 0) return &s;
    }
  }

  std::size_t size() const { return used_; }
  // Calls f(slot) for every filled slot, in no particular order.
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.data != nullptr) f(s);
    }
  }
  void reserve(std::size_t n) {
    while (slots_.size() * 3 < n * 4) grow();
  }

 private:
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.data == nullptr) continue;
      std::size_t i = static_cast<std::size_t>(s.hash) & mask;
      while (slots_[i].data != nullptr) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

class TextPool {
 public:
  TextPool() = default;
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;
  TextPool(TextPool&&) = default;
  TextPool& operator=(TextPool&&) = default;

  // A stable copy of s. Never a null view, even for empty text: TextMap marks free slots by a null
  // address, so a kept empty value must have one.
  std::string_view copy(std::string_view s) {
    if (s.empty()) return std::string_view("", 0);
    if (s.size() > left_) {
      std::size_t block = s.size() > kBlock / 4 ? s.size() : kBlock;
      blocks_.push_back(std::make_unique<char[]>(block));
      if (block == kBlock) {
        next_ = blocks_.back().get();
        left_ = kBlock;
      } else {
        std::memcpy(blocks_.back().get(), s.data(), s.size());
        return {blocks_.back().get(), s.size()};
      }
    }
    char* at = next_;
    std::memcpy(at, s.data(), s.size());
    next_ += s.size();
    left_ -= s.size();
    return {at, s.size()};
  }

  // A stable view of s, stored once however often the same text is interned.
  std::string_view intern(std::string_view s) {
    if (s.empty()) return {};
    bool inserted = false;
    auto& slot = find_or_keep(interned_, s, inserted);
    return {slot.data, slot.size};
  }

  // map's slot for text; a new one (inserted = true, its value still to be set by the caller) is keyed
  // by a copy of the text kept in this pool, which must outlive the map.
  template <typename Value>
  typename TextMap<Value>::Slot& find_or_keep(TextMap<Value>& map, std::string_view text, bool& inserted) {
    auto& slot = map.find_or_claim(text, TextMap<Value>::hash_of(text), inserted);
    if (inserted) {
      std::string_view kept = copy(text);
      slot.data = kept.data();
      slot.size = kept.size();
    }
    return slot;
  }

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  TextMap<char> interned_;
};

}  // namespace csa
