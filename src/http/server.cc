#include "http/server.h"

#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <restinio/all.hpp>
#include <restinio/tls.hpp>

#include <fstream>

#include "http/api_dispatch.h"
#include "http/listen_address.h"
#include "http/reloadable_certificate.h"
#include "http/route_families.h"
#include "observability/log.h"
#include "platform/fiber.h"
#include "platform/thread_name.h"

namespace sspr::http {
namespace {

// Restinio reads bodies up to this size before our own limit answers 413; beyond it the
// connection is simply closed (restinio cannot answer an unread body).
std::size_t transport_body_limit(std::size_t max_body_bytes) {
  return std::max<std::size_t>(max_body_bytes * 64, 16 * 1024 * 1024);
}

// The lower bound of the threads for blocking work (server.worker_threads = 0).
constexpr std::size_t kMinWorkerThreads = 64;

std::size_t threads_or(std::size_t configured, std::size_t fallback) {
  return configured != 0 ? configured : std::max<std::size_t>(fallback, 1);
}

// A secret from a file: its first line, without the line end; "" when unreadable or empty.
std::string read_secret_line(const std::string& path) {
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// The TLS context: TLS 1.2 or newer, the certificate taken from `certificate` at each
// handshake (so SIGHUP can replace it).
std::shared_ptr<asio::ssl::context> make_tls_context(ReloadableCertificate& certificate) {
  auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                       asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  certificate.install(context->native_handle());
  return context;
}

template <typename Traits>
void set_tls_context(restinio::server_settings_t<Traits>&,
                     const std::shared_ptr<asio::ssl::context>&) {}

template <>
void set_tls_context(restinio::server_settings_t<restinio::default_tls_traits_t>& settings,
                     const std::shared_ptr<asio::ssl::context>& context) {
  settings.tls_context(context);
}

// Fibers' continuations on the event loop: deferred (from an event-loop thread they run on
// that thread after the current handler, without waking another).
class AsioFiberRuntime : public platform::fibers::Runtime {
 public:
  explicit AsioFiberRuntime(asio::io_context& io) : io_(io) {}
  void post(std::function<void()> task) override { asio::defer(io_, std::move(task)); }
  void post_after(std::chrono::microseconds delay, std::function<void()> task) override {
    auto timer = std::make_shared<asio::steady_timer>(io_, delay);
    timer->async_wait([timer, task = std::move(task)](const asio::error_code&) { task(); });
  }

 private:
  asio::io_context& io_;
};

// Everything the listener needs besides the traits.
struct Listener {
  const config::Config& config;
  ListenAddress address;
  DispatchContext& context;
  ApiRouter& router;
  std::shared_ptr<ReloadableCertificate> certificate;  // null: plain HTTP
  std::size_t io_threads;
  std::size_t worker_threads;
  const std::function<void(const std::string&)>& on_listening;
};

template <typename Traits>
int serve(Listener& listener) {
  const auto& config = listener.config;
  auto& context = listener.context;
  auto& router = listener.router;
  auto& workers = context.workers;
  const auto& address = listener.address;
  const std::size_t io_threads = listener.io_threads;
  const auto timeout = std::chrono::seconds(std::max(1u, config.server.request_timeout_seconds));

  asio::io_context io(static_cast<int>(io_threads));
  auto keep_running = asio::make_work_guard(io);
  AsioFiberRuntime fiber_runtime(io);
  // Every wait of a request parks its fiber rather than block the event loop: the SQLite
  // store's (group commit, reader leases), PostgreSQL's transactions, hashes and network calls
  // (offloaded to threads for blocking work).
  const bool fibers = config.server.request_fibers;
  if (fibers) context.fibers = &fiber_runtime;

  std::string bound_address;
  std::atomic<bool> failed{false};
  auto settings = restinio::server_settings_t<Traits>{};
  settings.port(address.port)
      .protocol(address.ipv6 ? asio::ip::tcp::v6() : asio::ip::tcp::v4())
      .address(address.host)
      .request_handler([&context, &router](restinio::request_handle_t request) {
        return handle_request(context, router, std::move(request));
      })
      .read_next_http_message_timelimit(timeout)
      .write_http_response_timelimit(timeout)
      .handle_request_timeout(timeout)
      .incoming_http_msg_limits(
          restinio::incoming_http_msg_limits_t{}
              .max_url_size(8 * 1024)
              .max_field_name_size(1024)
              .max_field_value_size(8 * 1024)
              .max_field_count(100)
              .max_body_size(transport_body_limit(config.server.max_body_bytes)))
      .socket_options_setter([](restinio::socket_options_t& options) {
        options.set_option(asio::ip::tcp::no_delay{true});
      })
      .acceptor_post_bind_hook([&bound_address](asio::ip::tcp::acceptor& acceptor) {
        const auto endpoint = acceptor.local_endpoint();
        bound_address = format_listen_address(endpoint.address().to_string(), endpoint.port());
      });
  if (listener.certificate) set_tls_context(settings, make_tls_context(*listener.certificate));
  restinio::http_server_t<Traits> server{restinio::external_io_context(io), std::move(settings)};
  // Shutdown: stop accepting, wait for answered-or-abandoned requests (up to the request
  // timeout), then stop the event loop.
  asio::steady_timer drain_timer(io);
  std::chrono::steady_clock::time_point drain_deadline;
  std::function<void()> drain_step = [&] {
    if (context.in_flight.load() <= 0 || std::chrono::steady_clock::now() >= drain_deadline) {
      if (context.in_flight.load() > 0) {
        log::warn("stopping with requests in flight", {{"in_flight", context.in_flight.load()}});
      }
      keep_running.reset();
      io.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(10));
    drain_timer.async_wait([&](const asio::error_code&) { drain_step(); });
  };
  // SIGHUP: read the TLS certificate and key again (new connections get the new pair), and
  // run the dependencies' reload hook on a worker (it reads files and writes the store).
  asio::signal_set hangups(io, SIGHUP);
  std::function<void()> await_hangup = [&] {
    hangups.async_wait([&](const asio::error_code& error, int) {
      if (error) return;
      if (context.dependencies.on_reload) workers.submit(context.dependencies.on_reload);
      if (!listener.certificate) {
        log::info("SIGHUP: no TLS certificate to reload");
      } else if (auto status = listener.certificate->reload(); !status) {
        log::error("TLS certificate not reloaded; the previous one stays in use",
                   {{"error", status.error().technical}});
      } else {
        log::info("TLS certificate reloaded", {{"certificate", listener.certificate->describe()}});
      }
      await_hangup();
    });
  };
  await_hangup();
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& error, int signal_number) {
    if (error) return;
    log::info("shutting down",
              {{"signal", signal_number}, {"in_flight", context.in_flight.load()}});
    server.close_async(
        [&] {
          drain_deadline = std::chrono::steady_clock::now() + timeout;
          asio::post(io, drain_step);
        },
        [&](std::exception_ptr) {
          keep_running.reset();
          io.stop();
        });
    hangups.cancel();
  });

  server.open_async(
      [&] {
        log::info("listening", {{"address", bound_address},
                                {"tls", listener.certificate != nullptr},
                                {"io_threads", io_threads},
                                {"requests", fibers ? "fibers" : "worker threads"},
                                {"worker_threads", listener.worker_threads}});
        if (listener.on_listening) listener.on_listening(bound_address);
      },
      [&](std::exception_ptr exception) {
        std::string reason = "unknown error";
        try {
          std::rethrow_exception(exception);
        } catch (const std::exception& e) {
          reason = e.what();
        } catch (...) {
        }
        log::error("cannot listen", {{"listen", config.server.listen}, {"error", reason}});
        failed = true;
        keep_running.reset();
        io.stop();
      });
  std::vector<std::thread> threads;
  threads.reserve(io_threads);
  for (std::size_t i = 0; i < io_threads; ++i) {
    threads.emplace_back([&io] {
      platform::name_current_thread("sspr-io");
      for (;;) {
        try {
          io.run();
          return;
        } catch (const std::exception& e) {
          log::error("event loop error", {{"error", e.what()}});
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  workers.stop_and_join();
  if (failed) return 1;
  log::info("stopped");
  return 0;
}

}  // namespace

int run_server(const config::Config& config, ServerDependencies& dependencies,
               const std::function<void(const std::string&)>& on_listening) {
  log::set_level(log::parse_level(config.log.level));
  auto address = parse_listen_address(config.server.listen);
  if (!address) {
    log::error("cannot start the server", {{"error", address.error().technical}});
    return 1;
  }
  auto proxies = TrustedProxies::parse(config.server.trusted_proxies);
  if (!proxies) {
    log::error("cannot start the server", {{"error", proxies.error().technical}});
    return 1;
  }
  std::shared_ptr<ReloadableCertificate> certificate;
  if (!config.server.tls_certificate.empty()) {
    auto loaded =
        ReloadableCertificate::load(config.server.tls_certificate, config.server.tls_private_key);
    if (!loaded) {
      log::error("cannot start the server", {{"error", loaded.error().technical}});
      return 1;
    }
    certificate = *loaded;
    log::info("TLS certificate loaded", {{"certificate", certificate->describe()}});
  }
  std::string metrics_token;
  if (!config.metrics.token_file.empty()) {
    metrics_token = read_secret_line(config.metrics.token_file);
    if (metrics_token.empty()) {
      log::error("cannot start the server",
                 {{"error", "metrics.token_file " + config.metrics.token_file +
                                " is missing, unreadable or empty"}});
      return 1;
    }
  }
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t io_threads = threads_or(config.server.io_threads, cores);
  // At least 64 threads for blocking work: they mostly wait (store, network), and more
  // concurrent writers share a SQLite group commit; Argon2id is limited separately
  // (security.max_concurrent_hashes). docs/PERFORMANCE.md (issue 5, branches cpu and perf27)
  // measured 4 to 64 workers on 2 cores.
  const std::size_t worker_threads =
      threads_or(config.server.worker_threads, std::max<std::size_t>(kMinWorkerThreads, 2 * cores));

  observability::Metrics own_metrics;
  RequestMetrics request_metrics(dependencies.metrics ? *dependencies.metrics : own_metrics,
                                 api_routes());
  // Requests as fibers: the blocking work they hand off (hashes, PostgreSQL, directory and
  // notifier calls) runs on `worker_threads` sspr-blocking threads, and the worker pool keeps
  // one thread for SIGHUP's reload. Without fibers each request takes a worker of its own.
  if (config.server.request_fibers) platform::fibers::start_blocking_threads(worker_threads);
  WorkerPool workers(config.server.request_fibers ? 1 : worker_threads);
  DispatchContext context{dependencies, config.server, workers};
  context.secure_cookie = config.session.secure_cookie;
  context.exchange_settings.trusted_proxies = std::move(*proxies);
  context.exchange_settings.hsts = certificate != nullptr;
  context.exchange_settings.metrics = &request_metrics;
  context.metrics = &request_metrics;
  context.metrics_token = metrics_token;
  auto router = make_api_router(context);
  Listener listener{config,      *address,   context,        *router,
                    certificate, io_threads, worker_threads, on_listening};
  return certificate ? serve<restinio::default_tls_traits_t>(listener)
                     : serve<restinio::default_traits_t>(listener);
}

}  // namespace sspr::http
