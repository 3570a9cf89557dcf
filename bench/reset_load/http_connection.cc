#include "http_connection.h"

#include <http_parser.h>

#include <exception>
#include <system_error>

namespace sspr::bench {
namespace {

struct ParseState {
  HttpResponse* response = nullptr;
  bool complete = false;
};

int on_body(http_parser* parser, const char* at, std::size_t length) {
  static_cast<ParseState*>(parser->data)->response->body.append(at, length);
  return 0;
}

int on_message_complete(http_parser* parser) {
  static_cast<ParseState*>(parser->data)->complete = true;
  return 0;
}

const http_parser_settings& response_settings() {
  static const http_parser_settings settings = [] {
    http_parser_settings s;
    http_parser_settings_init(&s);
    s.on_body = on_body;
    s.on_message_complete = on_message_complete;
    return s;
  }();
  return settings;
}

}  // namespace

HttpConnection::HttpConnection(asio::any_io_executor executor, asio::ip::tcp::endpoint server)
    : socket_(std::move(executor)), server_(std::move(server)) {}

asio::awaitable<HttpResponse> HttpConnection::request(std::string_view method,
                                                      std::string_view target,
                                                      std::string_view body,
                                                      std::string_view headers,
                                                      std::string_view content_type) {
  out_.clear();
  out_.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: ");
  out_.append(server_.address().to_string()).append("\r\n");
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    out_.append("Content-Type: ").append(content_type).append("\r\nContent-Length: ");
    out_.append(std::to_string(body.size())).append("\r\n");
  }
  out_.append(headers).append("\r\n").append(body);
  try {
    co_return co_await exchange();
  } catch (const std::exception& e) {
    std::error_code ignored;
    socket_.close(ignored);
    co_return HttpResponse{0, e.what()};
  }
}

asio::awaitable<HttpResponse> HttpConnection::exchange() {
  if (!socket_.is_open()) {
    co_await socket_.async_connect(server_, asio::use_awaitable);
    socket_.set_option(asio::ip::tcp::no_delay(true));
  }
  co_await asio::async_write(socket_, asio::buffer(out_), asio::use_awaitable);

  HttpResponse response;
  ParseState state{&response, false};
  http_parser parser;
  http_parser_init(&parser, HTTP_RESPONSE);
  parser.data = &state;
  while (!state.complete) {
    std::size_t got = 0;
    std::error_code error;
    got = co_await socket_.async_read_some(asio::buffer(in_),
                                           asio::redirect_error(asio::use_awaitable, error));
    // At end of stream the parser is told (length 0), which completes a body without length.
    const std::size_t parsed = http_parser_execute(&parser, &response_settings(), in_.data(), got);
    if (parser.http_errno != HPE_OK || parsed != got) {
      throw std::runtime_error(std::string("bad HTTP response: ") +
                               http_errno_description(static_cast<http_errno>(parser.http_errno)));
    }
    if (error && !state.complete) throw std::system_error(error);
  }
  response.status = static_cast<int>(parser.status_code);
  if (!http_should_keep_alive(&parser)) {
    std::error_code ignored;
    socket_.close(ignored);
  }
  co_return response;
}

}  // namespace sspr::bench
