#pragma once
// Aligned plain-text columns for human-readable listings.

#include <string>
#include <vector>

namespace sspr::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);
  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  // Columns padded to their widest cell, two spaces apart, no trailing blanks.
  std::string render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// "a, b, c", or `none` when empty.
std::string join_or(const std::vector<std::string>& items, const std::string& none);

}  // namespace sspr::cli
