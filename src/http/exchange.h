#pragma once
// One request and the response it is owed. An Exchange is shared between the event loop and
// the worker that serves it; whoever holds the last reference may respond, from any thread
// (RESTinio posts the write to the connection's own executor).
//
// Every response gets the security headers and X-Correlation-Id. Each exchange draws its
// support code when it is created (support_code(), handed to the flows in RequestContext so
// failure audit records carry it); errors are answered with the error envelope showing that
// code, and logged with the same code and the technical line. Successful requests are logged at
// info, client errors at warn, server errors at error.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <restinio/all.hpp>

#include "domain/clock.h"
#include "domain/error.h"
#include "domain/random.h"
#include "domain/result.h"
#include "http/request_metrics.h"
#include "http/security_headers.h"
#include "http/trusted_proxies.h"

namespace sspr::http {

using Header = std::pair<std::string, std::string>;

// What every exchange of one server shares: how to find the client's address, whether the
// server speaks TLS (then every response carries Strict-Transport-Security), and where
// answered requests are counted.
struct ExchangeSettings {
  TrustedProxies trusted_proxies;
  bool hsts = false;
  const RequestMetrics* metrics = nullptr;  // null: nothing counted
};

inline constexpr std::string_view kHstsHeaderValue = "max-age=31536000";

class Exchange {
 public:
  // `in_flight` counts live exchanges so shutdown can wait for them; `settings` outlives it.
  Exchange(restinio::request_handle_t request, domain::Random& random, const domain::Clock& clock,
           std::atomic<long>& in_flight, const ExchangeSettings& settings);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  const restinio::request_handle_t& request() const { return request_; }
  const std::string& correlation_id() const { return correlation_id_; }
  const std::string& support_code() const { return support_code_; }
  // The socket's peer, or what X-Forwarded-For says when the peer is a trusted proxy.
  const std::string& client_ip() const { return client_ip_; }
  std::string method() const;
  std::string path() const;  // without the query string

  // Decoded query parameters (MalformedRequest on bad percent-encoding or a NUL character).
  domain::Result<std::map<std::string, std::string>> query() const;

  // A non-JSON body (the metrics text) with the API headers.
  void respond_text(int status, std::string body, std::string_view content_type);
  // `body` null means no body (e.g. 204). Responding twice is ignored.
  void respond(int status, const nlohmann::json& body, const std::vector<Header>& extra = {});
  // A body produced piece by piece (chunked transfer encoding), for exports: `produce` gets a
  // writer that queues one chunk and waits while more than a few are unsent (so a slow
  // client slows the producer instead of growing memory); it returns false once the client
  // is gone. Call from a worker thread, never from the event loop.
  using ChunkProducer =
      std::function<domain::Status(const std::function<bool(std::string_view)>& write)>;
  void respond_stream(int status, const std::string& content_type, const std::vector<Header>& extra,
                      const ChunkProducer& produce);
  // The error envelope, with the status of the error's kind unless `status` is given.
  // `details` (an object, or null) is merged into the envelope's "error" member.
  void respond_error(const domain::Error& error, const std::vector<Header>& extra = {},
                     std::optional<int> status = std::nullopt,
                     const nlohmann::json& details = nullptr);
  // A file of web/ with the page headers (CSP without inline code); `revalidate` for pages,
  // which are never stored (no-store: they show a user's reset or session), otherwise assets
  // are cacheable for an hour.
  void respond_file(std::string_view content, std::string_view content_type, bool revalidate);

  // ?lang= / ?mkt=, then Accept-Language (i18n::negotiate_language).
  std::string language() const;
  // A request header, "" when absent.
  std::string header(std::string_view name) const;
  // Every request header, names lower-cased (repeated ones joined with ", ").
  std::map<std::string, std::string> headers() const;

 private:
  void send(int status, std::string body, const std::vector<Header>& extra,
            std::string_view content_type = kJsonContentType);
  // Counts the answer in the metrics; before it is sent, so a client that saw the answer
  // sees it counted (readiness, /metrics).
  void count(int status, std::string_view error_name) const;
  void log_request(int status, const nlohmann::json& error_fields) const;

  restinio::request_handle_t request_;
  const domain::Clock& clock_;
  std::atomic<long>& in_flight_;
  const ExchangeSettings& settings_;
  std::string client_ip_;
  std::string correlation_id_;
  std::string support_code_;
  std::chrono::steady_clock::time_point started_;
  std::atomic<bool> responded_{false};
};

}  // namespace sspr::http
