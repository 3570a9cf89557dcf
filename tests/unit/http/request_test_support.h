#pragma once
// Helpers of the request reader tests (http/*_requests.h): a body from JSON text, and the
// field an InvalidInput error names.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace sspr::http {

inline nlohmann::json body(const char* text) { return nlohmann::json::parse(text); }

// "" when `result` is ok; otherwise the field its InvalidInput error names.
template <typename T>
std::string refused_field(const domain::Result<T>& result) {
  if (result) return "";
  EXPECT_EQ(result.error().name, "InvalidInput") << result.error().technical;
  const auto& technical = result.error().technical;
  return technical.substr(0, technical.find(':'));
}

}  // namespace sspr::http
