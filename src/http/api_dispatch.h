#pragma once
// From a RESTinio request to an ApiRoute handler: the router (http/api_router.h) built from
// the route table, the checks done on the event loop (body size, path and query decoding,
// /healthz), and the hop to the worker pool where authentication and the handler run.
//
// Routing outcomes: a matching route runs; a known path with another method gets 405 with
// an Allow header; anything else gets the 404 envelope.

#include <atomic>
#include <memory>

#include <restinio/all.hpp>

#include "config/config.h"
#include "http/api_router.h"
#include "http/exchange.h"
#include "http/request_metrics.h"
#include "http/server.h"
#include "http/worker_pool.h"
#include "platform/fiber.h"

namespace sspr::http {

struct DispatchContext {
  ServerDependencies& dependencies;
  const config::ServerConfig& config;
  WorkerPool& workers;
  std::atomic<long> in_flight{0};               // requests accepted but not yet answered
  bool secure_cookie = false;                   // [session] secure_cookie
  ExchangeSettings exchange_settings{};         // client addresses, HSTS, request metrics
  const RequestMetrics* metrics = nullptr;      // GET /metrics when set
  std::string metrics_token{};                  // [metrics] token_file's token; "" = loopback only
  platform::fibers::Runtime* fibers = nullptr;  // set: requests run as fibers on the event loop
};

// The router for every route of api_routes(), plus the 405 and 404 fallbacks.
std::unique_ptr<ApiRouter> make_api_router(DispatchContext& context);

// The server's request handler: GET /healthz, GET /metrics and the files of web/ (every GET outside
// /api/ and /readyz) inline, everything else through `router`.
restinio::request_handling_status_t handle_request(DispatchContext& context, ApiRouter& router,
                                                   restinio::request_handle_t request);

}  // namespace sspr::http
