#pragma once
// Paging of list endpoints: ?offset= (default 0) and ?limit= (default 100, 1-1000).

#include <cstddef>

#include "http/api_route.h"

namespace sspr::http {

inline constexpr std::size_t kDefaultListLimit = 100;
inline constexpr std::size_t kMaxListLimit = 1000;

struct ListWindow {
  std::size_t offset = 0;
  std::size_t limit = kDefaultListLimit;
};

// Errors: InvalidInput naming offset or limit.
domain::Result<ListWindow> list_window(const ApiRequest& request);

}  // namespace sspr::http
