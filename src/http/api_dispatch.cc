#include "http/api_dispatch.h"

#include <sodium.h>

#include <charconv>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/error.h"
#include "http/bearer_token.h"
#include "http/cookies.h"
#include "http/correlation_id.h"
#include "http/csrf.h"
#include "http/error_envelope.h"
#include "http/exchange.h"
#include "http/percent_decoding.h"
#include "http/route_families.h"
#include "http/security_headers.h"
#include "http/static_files.h"

namespace sspr::http {
namespace {

namespace errors = domain::errors;

// Whether the declared or received body exceeds the limit.
bool body_too_large(const restinio::request_handle_t& request, std::size_t limit) {
  if (request->body().size() > limit) return true;
  const auto* declared = request->header().try_get_field("Content-Length");
  if (!declared) return false;
  std::size_t length = 0;
  const auto [ptr, ec] =
      std::from_chars(declared->data(), declared->data() + declared->size(), length);
  return ec == std::errc::result_out_of_range || (ec == std::errc() && length > limit);
}

Method method_of(const Exchange& exchange) {
  const std::string name = exchange.method();
  if (name == "POST") return Method::kPost;
  if (name == "PATCH") return Method::kPatch;
  if (name == "DELETE") return Method::kDelete;
  if (name == "PUT") return Method::kPut;
  return Method::kGet;
}

// Who is calling: a bearer token (admin API) or the session cookie (pages), as the route
// allows, with the CSRF rules of http/csrf.h for cookie-authenticated state changes. Fills in
// the request's actor and session.
domain::Status authenticate(DispatchContext& context, const ApiRoute& route,
                            const Exchange& exchange, ApiRequest& request) {
  const auto* authorization =
      exchange.request()->header().try_get_field(restinio::http_field::authorization);
  const auto token = authorization ? bearer_token(*authorization) : std::nullopt;
  if (route.requires_token && token) {
    auto authenticated = context.dependencies.directory.authenticate_token(*token);
    if (!authenticated) return authenticated.error();
    request.actor = std::move(authenticated).value();
    return domain::ok_status();
  }
  // Not a bearer-token call: a state change the browser says comes from elsewhere is refused,
  // whether or not a session cookie is sent (the reset flow and sign-in have none).
  if (is_state_changing(request.method)) {
    if (auto same = check_not_cross_site(request.header("origin"), request.header("sec-fetch-site"),
                                         request.header("host"));
        !same) {
      return same;
    }
  }
  // Admin routes (token routes that name no session use) also accept a signed-in session:
  // the user's administrator roles decide, through the same permission checks as a token's.
  const SessionUse session_use = route.requires_token && route.session == SessionUse::kNone
                                     ? SessionUse::kOptional
                                     : route.session;
  const auto cookie =
      session_use == SessionUse::kNone ? std::nullopt : request.cookie(kSessionCookie);
  if (cookie && !cookie->empty()) {
    auto found = context.dependencies.sessions.lookup(*cookie);
    if (found) {
      if (is_state_changing(request.method)) {
        if (auto same = check_same_origin(request.header("origin"), request.header("host"));
            !same) {
          return same;
        }
        if (auto csrf = check_csrf_token(request.header(kCsrfHeader), found->csrf_token); !csrf) {
          return csrf;
        }
      }
      if (route.requires_token) {
        auto actor = context.dependencies.directory.actor_for_user(found->user);
        if (!actor) return actor.error();
        request.actor = std::move(actor).value();
      } else {
        request.actor = domain::Actor{found->user.upn, found->user.tenant_id, 0};
      }
      request.session = std::move(found).value();
      return domain::ok_status();
    }
    if (found.error().kind != domain::ErrorKind::kUnauthenticated) return found.error();
  }
  if (session_use == SessionUse::kRequired) {
    return errors::unauthenticated(route.requires_token
                                       ? "no bearer token and no signed-in session"
                                       : "not signed in, or the session has ended");
  }
  if (route.requires_token) {
    return errors::unauthenticated("no bearer token in the Authorization header");
  }
  return domain::ok_status();
}

// Runs on a worker: authenticates, calls the handler, answers.
void serve_on_worker(DispatchContext& context, const ApiRoute& route, Exchange& exchange,
                     std::map<std::string, std::string> path,
                     std::map<std::string, std::string> query) {
  auto& dependencies = context.dependencies;
  try {
    ApiRequest request{domain::Actor{"", std::nullopt, 0},
                       domain::RequestContext{exchange.correlation_id(), exchange.client_ip(),
                                              exchange.support_code(), exchange.language()},
                       std::move(path),
                       std::move(query),
                       exchange.request()->body(),
                       context.config.max_json_depth,
                       dependencies.directory,
                       dependencies.passwords,
                       dependencies.store,
                       dependencies.sessions,
                       dependencies.password_change};
    request.method = method_of(exchange);
    request.headers = exchange.headers();
    request.language = exchange.language();
    request.secure_cookie = context.secure_cookie;
    request.captcha = &dependencies.captcha;
    request.registration = dependencies.registration;
    request.demo_outbox = dependencies.demo_outbox;
    request.reset = dependencies.password_reset;
    request.diagnosis = dependencies.diagnosis;
    request.clock = &dependencies.clock;
    request.request_metrics = context.metrics;
    request.onprem_connections = dependencies.onprem_connections;
    request.onprem_sync = dependencies.onprem_sync;
    if (auto status = authenticate(context, route, exchange, request); !status) {
      return exchange.respond_error(status.error());
    }
    auto result = route.handler(request);
    if (!result) return exchange.respond_error(result.error());
    if (result->error) {
      return exchange.respond_error(*result->error, result->headers, std::nullopt,
                                    result->error_details);
    }
    if (result->stream) {
      // A stream waits for the event loop to write each chunk: in a fiber on that loop it
      // would wait for itself, so it is written from a thread of its own.
      return platform::fibers::offload([&] {
        exchange.respond_stream(result->status, result->content_type, result->headers,
                                result->stream);
      });
    }
    exchange.respond(result->status, result->body, result->headers);
  } catch (const std::exception& e) {
    exchange.respond_error(errors::internal(std::string("unexpected exception: ") + e.what()));
  }
}

ApiRouter::Handler route_handler(DispatchContext& context, ApiRoute route) {
  auto names = PathPattern(route.pattern).parameter_names();
  return [&context, route = std::move(route), names = std::move(names)](
             restinio::request_handle_t request, const std::vector<std::string_view>& values) {
    auto exchange = std::make_shared<Exchange>(std::move(request), context.dependencies.random,
                                               context.dependencies.clock, context.in_flight,
                                               context.exchange_settings);
    const auto limit = context.config.max_body_bytes;
    if (body_too_large(exchange->request(), limit)) {
      exchange->respond_error(errors::body_too_large(limit));
      return restinio::request_accepted();
    }
    std::map<std::string, std::string> path;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& name = names[i];
      auto decoded = percent_decode(values[i]);
      if (!decoded) {
        exchange->respond_error(errors::invalid_input(name, "bad percent-encoding in the path"));
        return restinio::request_accepted();
      }
      path.emplace(name, std::move(*decoded));
    }
    auto query = exchange->query();
    if (!query) {
      exchange->respond_error(query.error());
      return restinio::request_accepted();
    }
    if (context.fibers != nullptr) {
      platform::fibers::start(*context.fibers, [&context, &route, exchange, path = std::move(path),
                                                query = std::move(*query)]() mutable {
        serve_on_worker(context, route, *exchange, std::move(path), std::move(query));
      });
      return restinio::request_accepted();
    }
    const bool queued = context.workers.submit(
        [&context, &route, exchange, path = std::move(path), query = std::move(*query)]() mutable {
          serve_on_worker(context, route, *exchange, std::move(path), std::move(query));
        });
    if (!queued) {
      exchange->respond_error(errors::store_unavailable("the server is shutting down"));
    }
    return restinio::request_accepted();
  };
}

// GET /healthz on the event loop, without an Exchange: a constant body, the usual headers,
// no log line (load balancers probe this thousands of times per second).
void answer_health_probe(DispatchContext& context, const restinio::request_handle_t& request) {
  static const std::string kBody = R"({"status":"ok"})";
  const auto* incoming = request->header().try_get_field("X-Correlation-Id");
  auto response = request->create_response(restinio::status_ok());
  for (const auto& [name, value] : kApiSecurityHeaders) {
    response.append_header(std::string(name), std::string(value));
  }
  if (context.exchange_settings.hsts) {
    response.append_header("Strict-Transport-Security", std::string(kHstsHeaderValue));
  }
  response
      .append_header(
          "X-Correlation-Id",
          choose_correlation_id(incoming ? std::string_view(*incoming) : "",
                                context.dependencies.random, context.dependencies.clock.now()))
      .append_header(restinio::http_field::content_type, std::string(kJsonContentType))
      .set_body(kBody)
      .done();
}

// GET /metrics on the event loop (counters and gauges only: nothing blocks). With
// [metrics] token_file set, the caller must present that token as a bearer token; without
// it only loopback peers (the socket's address, never X-Forwarded-For) are answered.
void answer_metrics(DispatchContext& context, Exchange& exchange) {
  if (!context.metrics_token.empty()) {
    const std::string presented = exchange.header("Authorization");
    const std::string expected = "Bearer " + context.metrics_token;
    if (presented.size() != expected.size() ||
        sodium_memcmp(presented.data(), expected.data(), expected.size()) != 0) {
      return exchange.respond_error(errors::unauthenticated("/metrics needs the metrics token"));
    }
  } else {
    auto peer = exchange.request()->remote_endpoint().address();
    if (peer.is_v6() && peer.to_v6().is_v4_mapped()) {
      peer = asio::ip::make_address_v4(asio::ip::v4_mapped, peer.to_v6());
    }
    if (!peer.is_loopback()) {
      return exchange.respond_error(errors::forbidden(
          "/metrics answers loopback clients only unless [metrics] token_file is set"));
    }
  }
  const auto pool = context.dependencies.store.pool_usage();
  observability::Metrics::Gauges gauges{pool.in_use, pool.size, context.in_flight.load() - 1};
  if (const auto* limiter = context.dependencies.hash_limiter) {
    const auto hashes = limiter->usage();
    gauges.hash_slots = hashes.slots;
    gauges.hashes_running = hashes.running;
    gauges.hashes_waiting = hashes.waiting;
    gauges.hashes_total = hashes.calls;
    gauges.hash_wait_seconds = std::chrono::duration<double>(hashes.waited).count();
  }
  if (const auto* processes = context.dependencies.hash_processes) {
    gauges.hash_processes = true;
    gauges.hash_process_restarts = processes->restarts();
  }
  if (const auto writer = context.dependencies.store.writer_usage()) {
    gauges.sqlite_writer = true;
    gauges.queued_writes = writer->queued_writes;
    gauges.wal_frames = writer->log_frames;
    gauges.wal_checkpoint_rounds = writer->checkpoint_rounds;
    gauges.wal_restarts = writer->log_restarts;
    gauges.wal_checkpoints_busy = writer->checkpoints_busy;
    gauges.wal_checkpoints_failed = writer->checkpoints_failed;
    gauges.write_batches = writer->write_batches;
    gauges.batched_writes = writer->batched_writes;
  }
  exchange.respond_text(200, context.metrics->metrics().render(gauges),
                        "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

std::unique_ptr<ApiRouter> make_api_router(DispatchContext& context) {
  auto router = std::make_unique<ApiRouter>();
  for (auto& route : api_routes()) {
    const auto method = route.method;
    const std::string pattern = route.pattern;
    router->add(method, pattern, route_handler(context, std::move(route)));
  }
  router->on_method_not_allowed(
      [&context](restinio::request_handle_t request, const std::string& allow) {
        auto exchange = std::make_shared<Exchange>(std::move(request), context.dependencies.random,
                                                   context.dependencies.clock, context.in_flight,
                                                   context.exchange_settings);
        exchange->respond_error(method_not_allowed(exchange->method(), exchange->path()),
                                {{"Allow", allow}}, 405);
        return restinio::request_accepted();
      });
  router->on_not_found([&context](restinio::request_handle_t request) {
    auto exchange = std::make_shared<Exchange>(std::move(request), context.dependencies.random,
                                               context.dependencies.clock, context.in_flight,
                                               context.exchange_settings);
    exchange->respond_error(errors::not_found("route", exchange->path()));
    return restinio::request_accepted();
  });
  return router;
}

restinio::request_handling_status_t handle_request(DispatchContext& context, ApiRouter& router,
                                                   restinio::request_handle_t request) {
  if (request->header().path() == "/healthz" &&
      request->header().method() == restinio::http_method_get()) {
    answer_health_probe(context, request);
    return restinio::request_accepted();
  }
  if (request->header().path() == "/metrics" && context.metrics != nullptr &&
      request->header().method() == restinio::http_method_get()) {
    Exchange exchange(std::move(request), context.dependencies.random, context.dependencies.clock,
                      context.in_flight, context.exchange_settings);
    answer_metrics(context, exchange);
    return restinio::request_accepted();
  }
  const auto path = request->header().path();
  if (request->header().method() == restinio::http_method_get() && path.rfind("/api/", 0) != 0 &&
      path != "/readyz") {
    // The pages: embedded in memory, so answered on the event loop.
    Exchange exchange(std::move(request), context.dependencies.random, context.dependencies.clock,
                      context.in_flight, context.exchange_settings);
    if (auto file = find_static_file(exchange.path())) {
      exchange.respond_file(file->content, file->content_type, file->is_page);
    } else {
      exchange.respond_error(errors::not_found("page", exchange.path()));
    }
    return restinio::request_accepted();
  }
  try {
    return router(request);
  } catch (const std::exception&) {
    // The router refuses a path it cannot normalise (e.g. "%zz"); answer instead of letting
    // RESTinio drop the connection.
    Exchange exchange(std::move(request), context.dependencies.random, context.dependencies.clock,
                      context.in_flight, context.exchange_settings);
    exchange.respond_error(errors::invalid_input("path", "is not validly percent-encoded"));
    return restinio::request_accepted();
  }
}

}  // namespace sspr::http
