#pragma once
// One keep-alive HTTP/1.1 connection of the load generator, driven by C++20 coroutines on an
// asio event loop. Requests are a few header lines written as they are; responses are parsed
// by http-parser (libhttp-parser, the parser RESTinio itself uses). One request at a time.

#include <array>
#include <string>
#include <string_view>

#include <asio.hpp>

namespace sspr::bench {

struct HttpResponse {
  int status = 0;    // 0: no answer (connection refused, reset, timed out); see `body`
  std::string body;  // the response body, or what went wrong when status is 0
};

class HttpConnection {
 public:
  HttpConnection(asio::any_io_executor executor, asio::ip::tcp::endpoint server);
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends one request (connecting first when needed) and waits for the whole answer.
  // `headers` are extra header lines, each ending in "\r\n"; a body goes with its
  // Content-Type. Never throws: a transport failure is status 0, and the next request
  // reconnects.
  asio::awaitable<HttpResponse> request(std::string_view method, std::string_view target,
                                        std::string_view body = {}, std::string_view headers = {},
                                        std::string_view content_type = "application/json");

 private:
  asio::awaitable<HttpResponse> exchange();

  asio::ip::tcp::socket socket_;
  asio::ip::tcp::endpoint server_;
  std::string out_;
  std::array<char, 16 * 1024> in_{};
};

}  // namespace sspr::bench
