#pragma once
// An 8-bit binary fuse filter (Graf & Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor
// Filters", ACM JEA 2022): a static approximate set of 64-bit keys in about 1.13 bytes per key
// with a false-positive rate of about 2^-8 (0.39%) and no false negatives. A lookup reads three
// bytes, one in each of three consecutive segments of the fingerprint array.
//
// The keys are expected to be uniformly distributed already (they are taken from SHA-1
// digests); they are still mixed with the seed so that a failed construction can be retried
// with a different seed.

#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"

namespace sspr::breached {

// Everything a lookup needs besides the fingerprints. array_length ==
// (segment_count + 2) * segment_length; segment_length is a power of two.
struct BinaryFuse8Parameters {
  std::uint64_t seed = 0;
  std::uint32_t segment_length = 1;
  std::uint32_t segment_count = 1;
  std::uint32_t array_length = 0;

  std::uint32_t segment_count_length() const { return segment_count * segment_length; }
  // Whether the fields describe a filter this code can read (used on untrusted file headers).
  bool consistent() const;
};

// A read-only filter over fingerprints owned elsewhere (a vector or a memory-mapped file).
class BinaryFuse8View {
 public:
  BinaryFuse8View() = default;
  BinaryFuse8View(const BinaryFuse8Parameters& parameters, const std::uint8_t* fingerprints)
      : parameters_(parameters), fingerprints_(fingerprints) {}

  // True for every key the filter was built from; true for about 0.39% of other keys.
  bool contains(std::uint64_t key) const;

 private:
  BinaryFuse8Parameters parameters_;
  const std::uint8_t* fingerprints_ = nullptr;
};

struct BinaryFuse8Filter {
  BinaryFuse8Parameters parameters;
  std::vector<std::uint8_t> fingerprints;  // array_length bytes
  std::uint64_t entry_count = 0;           // distinct keys

  BinaryFuse8View view() const { return {parameters, fingerprints.data()}; }
};

// Builds a filter from `keys` (any order, duplicates allowed; the vector is consumed and used
// as working memory). `seed` starts a deterministic sequence of seeds: the same keys and seed
// give the same filter. Fails only if no seed works after many attempts, which for distinct
// keys is practically impossible. Peak memory is at most 33 bytes per distinct key (the keys,
// per-slot counts and hash XORs, the peeling stack and order); 28.5 measured at 100 million.
domain::Result<BinaryFuse8Filter> build_binary_fuse8(std::vector<std::uint64_t> keys,
                                                     std::uint64_t seed);

}  // namespace sspr::breached
