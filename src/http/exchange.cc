#include "http/exchange.h"

#include <condition_variable>
#include <memory>
#include <mutex>

#include "domain/ascii_text.h"
#include "http/correlation_id.h"
#include "http/error_envelope.h"
#include "http/http_status.h"
#include "http/security_headers.h"
#include "i18n/catalogue.h"
#include "observability/log.h"

namespace sspr::http {
namespace {

std::string_view header_value(const restinio::request_handle_t& request, std::string_view name) {
  const auto* value = request->header().try_get_field(std::string(name));
  return value ? std::string_view(*value) : std::string_view();
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Exchange::Exchange(restinio::request_handle_t request, domain::Random& random,
                   const domain::Clock& clock, std::atomic<long>& in_flight,
                   const ExchangeSettings& settings)
    : request_(std::move(request)),
      clock_(clock),
      in_flight_(in_flight),
      settings_(settings),
      client_ip_(settings.trusted_proxies.client_address(
          request_->remote_endpoint().address(), header_value(request_, "X-Forwarded-For"))),
      correlation_id_(
          choose_correlation_id(header_value(request_, "X-Correlation-Id"), random, clock.now())),
      support_code_(random.uuid()),
      started_(std::chrono::steady_clock::now()) {
  in_flight_.fetch_add(1);
}

Exchange::~Exchange() {
  if (!responded_.load()) {
    respond_error(domain::errors::internal("the request was dropped without a response"));
  }
  in_flight_.fetch_sub(1);
}

std::string Exchange::method() const { return request_->header().method().c_str(); }

std::string Exchange::path() const { return std::string(request_->header().path()); }

domain::Result<std::map<std::string, std::string>> Exchange::query() const {
  auto parsed = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(
      request_->header().query());
  if (!parsed) return domain::errors::malformed_json("bad query string encoding");
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : *parsed) {
    // A NUL would be cut off by the C strings further down (a filter "alice%00x" must not
    // become "alice").
    if (name.find('\0') != std::string_view::npos || value.find('\0') != std::string_view::npos) {
      return domain::errors::malformed_json("a NUL character in the query string");
    }
    out.emplace(std::string(name), std::string(value));
  }
  return out;
}

std::string Exchange::language() const {
  std::string explicit_choice;
  if (auto query_parameters = query(); query_parameters) {
    for (const char* name : {"lang", "mkt"}) {
      const auto it = query_parameters->find(name);
      if (it != query_parameters->end() && !it->second.empty()) {
        explicit_choice = it->second;
        break;
      }
    }
  }
  return i18n::negotiate_language(explicit_choice, header_value(request_, "Accept-Language"));
}

void Exchange::respond(int status, const nlohmann::json& body, const std::vector<Header>& extra) {
  if (responded_.exchange(true)) return;
  count(status, {});
  send(status, body.is_null() ? std::string() : dump(body), extra);
  log_request(status, nullptr);
}

std::string Exchange::header(std::string_view name) const {
  return std::string(header_value(request_, name));
}

std::map<std::string, std::string> Exchange::headers() const {
  std::map<std::string, std::string> out;
  request_->header().for_each_field([&](const restinio::http_header_field_t& field) {
    auto [it, inserted] = out.emplace(domain::ascii_lower(field.name()), field.value());
    if (!inserted) it->second += ", " + field.value();
  });
  return out;
}

void Exchange::respond_file(std::string_view content, std::string_view content_type,
                            bool revalidate) {
  if (responded_.exchange(true)) return;
  count(200, {});
  try {
    auto response = request_->create_response(restinio::status_ok());
    for (const auto& [name, value] : kPageSecurityHeaders) {
      response.append_header(std::string(name), std::string(value));
    }
    response.append_header("Cache-Control", revalidate ? "no-store" : "public, max-age=3600");
    if (settings_.hsts) {
      response.append_header("Strict-Transport-Security", std::string(kHstsHeaderValue));
    }
    response.append_header("X-Correlation-Id", correlation_id_);
    response.append_header(restinio::http_field::content_type, std::string(content_type));
    response.set_body(std::string(content));
    response.done();
  } catch (const std::exception& e) {
    log::warn("response not sent", {{"correlation_id", correlation_id_}, {"error", e.what()}});
  }
  log_request(200, nullptr);
}

namespace {

// Chunks queued on the connection and not yet written; the producer waits above the limit.
constexpr int kMaxUnsentChunks = 4;
// A client that takes nothing for this long is given up on.
constexpr auto kStalledWriteLimit = std::chrono::seconds(60);

struct StreamState {
  std::mutex mutex;
  std::condition_variable written;
  int unsent = 0;
  bool failed = false;
};

}  // namespace

void Exchange::respond_stream(int status, const std::string& content_type,
                              const std::vector<Header>& extra, const ChunkProducer& produce) {
  if (responded_.exchange(true)) return;
  auto state = std::make_shared<StreamState>();
  auto on_written = [state](const restinio::asio_ns::error_code& error) {
    std::lock_guard lock(state->mutex);
    --state->unsent;
    if (error) state->failed = true;
    state->written.notify_all();
  };
  // Waits until at most `limit` chunks are unsent; false when the connection failed.
  auto wait_until_below = [&](int limit) {
    std::unique_lock lock(state->mutex);
    const bool drained = state->written.wait_for(
        lock, kStalledWriteLimit, [&] { return state->failed || state->unsent <= limit; });
    return drained && !state->failed;
  };
  domain::Status produced = domain::ok_status();
  bool connected = true;
  try {
    auto response =
        request_->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
            restinio::http_status_code_t{static_cast<std::uint16_t>(status)},
            std::string(reason_phrase(status))});
    for (const auto& [name, value] : kApiSecurityHeaders) {
      response.append_header(std::string(name), std::string(value));
    }
    response.append_header("X-Correlation-Id", correlation_id_);
    response.append_header(restinio::http_field::content_type, content_type);
    for (const auto& [name, value] : extra) response.append_header(name, value);
    {
      std::lock_guard lock(state->mutex);
      ++state->unsent;
    }
    response.flush(on_written);  // the headers
    auto write = [&](std::string_view chunk) {
      if (!wait_until_below(kMaxUnsentChunks - 1)) return connected = false;
      {
        std::lock_guard lock(state->mutex);
        ++state->unsent;
      }
      response.append_chunk(std::string(chunk));
      response.flush(on_written);
      return true;
    };
    produced = produce(write);
    if (connected) connected = wait_until_below(0);
    if (connected) response.done();
  } catch (const std::exception& e) {
    connected = false;
    log::warn("response not sent", {{"correlation_id", correlation_id_}, {"error", e.what()}});
  }
  if (!produced) {
    log_request(status,
                {{"support_code", support_code_},
                 {"error", produced.error().name},
                 {"code", produced.error().code},
                 {"technical", "the streamed body was cut short: " + produced.error().technical}});
    return;
  }
  log_request(status,
              connected ? nlohmann::json(nullptr) : nlohmann::json{{"error", "client went away"}});
}

void Exchange::respond_error(const domain::Error& error, const std::vector<Header>& extra,
                             std::optional<int> status, const nlohmann::json& details) {
  if (responded_.exchange(true)) return;
  const int code = status.value_or(status_for(error.kind));
  const EnvelopeFacts facts{language(), support_code_, domain::to_iso8601(clock_.now()),
                            correlation_id_};
  std::vector<Header> headers = extra;
  if (error.kind == domain::ErrorKind::kUnauthenticated) {
    headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  auto envelope = error_envelope(error, facts);
  if (details.is_object()) envelope["error"].update(details);
  count(code, error.name);
  send(code, dump(envelope), headers);
  log_request(code, {{"support_code", facts.support_code},
                     {"error", error.name},
                     {"code", error.code},
                     {"technical", error.technical}});
}

void Exchange::respond_text(int status, std::string body, std::string_view content_type) {
  if (responded_.exchange(true)) return;
  count(status, {});
  send(status, std::move(body), {}, content_type);
  log_request(status, nullptr);
}

void Exchange::send(int status, std::string body, const std::vector<Header>& extra,
                    std::string_view content_type) {
  try {
    auto response = request_->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(status)},
        std::string(reason_phrase(status))});
    for (const auto& [name, value] : kApiSecurityHeaders) {
      response.append_header(std::string(name), std::string(value));
    }
    response.append_header("X-Correlation-Id", correlation_id_);
    if (settings_.hsts) {
      response.append_header("Strict-Transport-Security", std::string(kHstsHeaderValue));
    }
    for (const auto& [name, value] : extra) response.append_header(name, value);
    if (!body.empty()) {
      response.append_header(restinio::http_field::content_type, std::string(content_type));
      response.set_body(std::move(body));
    }
    response.done();
  } catch (const std::exception& e) {
    // The connection is gone (client hung up or the server is stopping): nothing to answer.
    log::warn("response not sent", {{"correlation_id", correlation_id_}, {"error", e.what()}});
  }
}

void Exchange::count(int status, std::string_view error_name) const {
  if (!settings_.metrics) return;
  settings_.metrics->record(request_->header().method().c_str(), request_->header().path(), status,
                            error_name,
                            std::chrono::duration_cast<std::chrono::nanoseconds>(
                                std::chrono::steady_clock::now() - started_));
}

void Exchange::log_request(int status, const nlohmann::json& error_fields) const {
  const auto elapsed = std::chrono::steady_clock::now() - started_;
  const bool is_error = !error_fields.is_null();
  const auto level = status >= 500 ? log::Level::kError
                     : is_error    ? log::Level::kWarn
                                   : log::Level::kInfo;
  if (!log::enabled(level)) return;
  nlohmann::json fields = {
      {"correlation_id", correlation_id_},
      {"method", method()},
      {"path", path()},
      {"status", status},
      {"duration_ms",
       std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() / 1000.0},
      {"client_ip", client_ip()},
  };
  if (is_error) fields.update(error_fields);
  log::event(level, is_error ? "request failed" : "request", fields);
}

}  // namespace sspr::http
