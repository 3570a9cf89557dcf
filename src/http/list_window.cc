#include "http/list_window.h"

#include "domain/error.h"

namespace sspr::http {

domain::Result<ListWindow> list_window(const ApiRequest& request) {
  ListWindow window;
  auto offset = request.query_count("offset");
  if (!offset) return offset.error();
  if (*offset) window.offset = **offset;
  auto limit = request.query_count("limit");
  if (!limit) return limit.error();
  if (*limit) {
    if (**limit == 0 || **limit > kMaxListLimit) {
      return domain::errors::invalid_input(
          "limit", "must be between 1 and " + std::to_string(kMaxListLimit));
    }
    window.limit = **limit;
  }
  return window;
}

}  // namespace sspr::http
