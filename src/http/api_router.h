#pragma once
// The API's router: routes (method + PathPattern) tried in the order they were added, the
// first whose method and pattern match handles the request; a path that some pattern matches
// with another method gets the method-not-allowed handler with that pattern's Allow list;
// anything else the not-found handler. The request's path is normalised as RESTinio's
// express router did (percent-encoded unreserved characters decoded, restinio::utils::
// uri_normalization) and split once; a path that cannot be normalised (e.g. "%zz") throws
// restinio::exception_t, as that router did. Parameter values are views into the normalised
// path, not yet percent-decoded.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <restinio/all.hpp>

#include "http/api_route.h"
#include "http/path_pattern.h"

namespace sspr::http {

class ApiRouter {
 public:
  using Handler = std::function<restinio::request_handling_status_t(
      restinio::request_handle_t, const std::vector<std::string_view>& values)>;
  using MethodNotAllowedHandler = std::function<restinio::request_handling_status_t(
      restinio::request_handle_t, const std::string& allow)>;
  using NotFoundHandler =
      std::function<restinio::request_handling_status_t(restinio::request_handle_t)>;

  // Throws std::invalid_argument for a pattern PathPattern refuses.
  void add(Method method, std::string_view pattern, Handler handler);
  void on_method_not_allowed(MethodNotAllowedHandler handler);
  void on_not_found(NotFoundHandler handler);

  restinio::request_handling_status_t operator()(restinio::request_handle_t request) const;

 private:
  struct Pattern {
    PathPattern pattern;
    std::string allow;  // its methods, "GET, POST"
  };
  struct Route {
    restinio::http_method_id_t method;
    std::size_t pattern;  // index into patterns_
    Handler handler;
  };
  std::vector<Pattern> patterns_;  // in first-seen order
  std::vector<Route> routes_;      // in the order added
  MethodNotAllowedHandler method_not_allowed_;
  NotFoundHandler not_found_;
};

restinio::http_method_id_t restinio_method(Method method);

}  // namespace sspr::http
