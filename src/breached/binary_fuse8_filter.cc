#include "breached/binary_fuse8_filter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace sspr::breached {
namespace {

constexpr std::uint32_t kMaxSegmentLength = 1u << 18;
constexpr int kMaxAttempts = 100;

// The 64-bit finaliser of MurmurHash3: a bijection with good avalanche.
constexpr std::uint64_t kMix1 = 0xff51afd7ed558ccdULL;
constexpr std::uint64_t kMix2 = 0xc4ceb9fe1a85ec53ULL;

constexpr std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= kMix1;
  h ^= h >> 33;
  h *= kMix2;
  h ^= h >> 33;
  return h;
}

// Multiplicative inverse modulo 2^64 of an odd number (Newton's iteration).
constexpr std::uint64_t inverse_of(std::uint64_t odd) {
  std::uint64_t x = odd;
  for (int i = 0; i < 6; ++i) x *= 2 - odd * x;
  return x;
}

// The inverse of mix(): lets a failed construction recover its keys from their hashes
// instead of keeping a second copy of them. (x ^= x >> 33 is its own inverse.)
constexpr std::uint64_t unmix(std::uint64_t h) {
  h ^= h >> 33;
  h *= inverse_of(kMix2);
  h ^= h >> 33;
  h *= inverse_of(kMix1);
  h ^= h >> 33;
  return h;
}
static_assert(unmix(mix(0x0123456789abcdefULL)) == 0x0123456789abcdefULL);

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t multiply_high(std::uint64_t a, std::uint64_t b) {
  return static_cast<std::uint64_t>((static_cast<unsigned __int128>(a) * b) >> 64);
}

std::uint8_t fingerprint_of(std::uint64_t hash) {
  return static_cast<std::uint8_t>(hash ^ (hash >> 32));
}

// The three array positions of a hash, one in each of three consecutive segments.
std::array<std::uint32_t, 3> positions_of(std::uint64_t hash, const BinaryFuse8Parameters& p) {
  const auto h0 = static_cast<std::uint32_t>(multiply_high(hash, p.segment_count_length()));
  const std::uint32_t mask = p.segment_length - 1;
  std::uint32_t h1 = h0 + p.segment_length;
  std::uint32_t h2 = h1 + p.segment_length;
  h1 ^= static_cast<std::uint32_t>(hash >> 18) & mask;
  h2 ^= static_cast<std::uint32_t>(hash) & mask;
  return {h0, h1, h2};
}

// Segment length and count for `size` keys, per the paper's recommendations for arity 3:
// segments of about 2^(log_3.33(size) + 2.25) slots and at least 1.125 slots per key.
BinaryFuse8Parameters parameters_for(std::size_t size) {
  BinaryFuse8Parameters p;
  if (size == 0) return p;
  const double n = static_cast<double>(size);
  const int segment_bits =
      size < 2 ? 2 : static_cast<int>(std::floor(std::log(n) / std::log(3.33) + 2.25));
  p.segment_length = std::min(std::uint32_t{1} << std::min(segment_bits, 30), kMaxSegmentLength);
  const double size_factor =
      size < 2 ? 0.0 : std::max(1.125, 0.875 + 0.25 * std::log(1000000.0) / std::log(n));
  const auto capacity = static_cast<std::uint64_t>(std::round(n * size_factor));
  const std::uint64_t segments = (capacity + p.segment_length - 1) / p.segment_length;
  p.segment_count = static_cast<std::uint32_t>(segments > 3 ? segments - 2 : 1);
  p.array_length = (p.segment_count + 2) * p.segment_length;
  return p;
}

// One construction attempt over distinct hashes sorted ascending (which orders them by their
// first position, for locality). Returns false if the hypergraph does not peel completely.
bool try_construct(const std::vector<std::uint64_t>& hashes, BinaryFuse8Filter& filter) {
  const BinaryFuse8Parameters& p = filter.parameters;
  const std::size_t size = hashes.size();
  // Per slot: number of keys in the upper six bits, XOR of the keys' position indexes (0-2)
  // in the lower two; and the XOR of the keys' hashes.
  std::vector<std::uint8_t> count(p.array_length, 0);
  std::vector<std::uint64_t> xor_hash(p.array_length, 0);
  for (const std::uint64_t hash : hashes) {
    const auto h = positions_of(hash, p);
    for (std::uint8_t i = 0; i < 3; ++i) {
      count[h[i]] = static_cast<std::uint8_t>((count[h[i]] + 4) ^ i);
      if (count[h[i]] < 4) return false;  // more than 63 keys in one slot
      xor_hash[h[i]] ^= hash;
    }
  }

  // Peel: repeatedly remove a key that is alone in some slot, remembering the slot.
  std::vector<std::uint32_t> alone;
  alone.reserve(p.array_length / 4);
  for (std::uint32_t i = 0; i < p.array_length; ++i) {
    if ((count[i] >> 2) == 1) alone.push_back(i);
  }
  std::vector<std::uint64_t> order(size);
  std::vector<std::uint8_t> order_slot(size);
  std::size_t peeled = 0;
  while (!alone.empty()) {
    const std::uint32_t index = alone.back();
    alone.pop_back();
    if ((count[index] >> 2) != 1) continue;
    const std::uint64_t hash = xor_hash[index];
    const std::uint8_t found = count[index] & 3;
    order[peeled] = hash;
    order_slot[peeled] = found;
    ++peeled;
    const auto h = positions_of(hash, p);
    for (std::uint8_t i = 0; i < 3; ++i) {
      const std::uint32_t slot = h[i];
      count[slot] = static_cast<std::uint8_t>((count[slot] - 4) ^ i);
      xor_hash[slot] ^= hash;
      if (i != found && (count[slot] >> 2) == 1) alone.push_back(slot);
    }
  }
  if (peeled != size) return false;

  // Assign in reverse peeling order: each key's own slot makes its three bytes XOR to its
  // fingerprint; slots assigned later never touch keys assigned earlier.
  filter.fingerprints.assign(p.array_length, 0);
  std::uint8_t* f = filter.fingerprints.data();
  for (std::size_t i = size; i-- > 0;) {
    const std::uint64_t hash = order[i];
    const auto h = positions_of(hash, p);
    const std::uint8_t slot = order_slot[i];
    f[h[slot]] = 0;
    f[h[slot]] = static_cast<std::uint8_t>(fingerprint_of(hash) ^ f[h[0]] ^ f[h[1]] ^ f[h[2]]);
  }
  return true;
}

}  // namespace

bool BinaryFuse8Parameters::consistent() const {
  if (array_length == 0) return true;  // the empty filter
  if (segment_length == 0 || (segment_length & (segment_length - 1)) != 0) return false;
  if (segment_length > kMaxSegmentLength || segment_count == 0) return false;
  return static_cast<std::uint64_t>(segment_count + std::uint64_t{2}) * segment_length ==
         array_length;
}

bool BinaryFuse8View::contains(std::uint64_t key) const {
  if (parameters_.array_length == 0) return false;
  const std::uint64_t hash = mix(key + parameters_.seed);
  const auto h = positions_of(hash, parameters_);
  return fingerprint_of(hash) == (fingerprints_[h[0]] ^ fingerprints_[h[1]] ^ fingerprints_[h[2]]);
}

domain::Result<BinaryFuse8Filter> build_binary_fuse8(std::vector<std::uint64_t> keys,
                                                     std::uint64_t seed) {
  BinaryFuse8Filter filter;
  if (keys.size() >= (std::uint64_t{1} << 31)) {
    return domain::errors::invalid_input(
        "keys", "too many keys for one filter: " + std::to_string(keys.size()));
  }
  std::uint64_t seed_state = seed;
  std::uint64_t current_seed = splitmix64(seed_state);
  // Work on the hashes in place; mix() is a bijection, so duplicate keys are duplicate hashes.
  for (auto& key : keys) key = mix(key + current_seed);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  keys.shrink_to_fit();
  filter.entry_count = keys.size();
  filter.parameters = parameters_for(keys.size());
  if (keys.empty()) return filter;

  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    filter.parameters.seed = current_seed;
    if (try_construct(keys, filter)) return filter;
    const std::uint64_t next_seed = splitmix64(seed_state);
    for (auto& hash : keys) hash = mix(unmix(hash) - current_seed + next_seed);
    std::sort(keys.begin(), keys.end());
    current_seed = next_seed;
  }
  return domain::errors::internal("binary fuse filter construction failed after " +
                                  std::to_string(kMaxAttempts) + " seeds");
}

}  // namespace sspr::breached
