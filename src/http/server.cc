#include "http/server.h"

#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <restinio/all.hpp>

#include "http/api_dispatch.h"
#include "http/listen_address.h"
#include "observability/log.h"

namespace sspr::http {
namespace {

using ServerTraits = restinio::default_traits_t;

// Restinio reads bodies up to this size before our own limit answers 413; beyond it the
// connection is simply closed (restinio cannot answer an unread body).
std::size_t transport_body_limit(std::size_t max_body_bytes) {
  return std::max<std::size_t>(max_body_bytes * 64, 16 * 1024 * 1024);
}

std::size_t threads_or(std::size_t configured, std::size_t fallback) {
  return configured != 0 ? configured : std::max<std::size_t>(fallback, 1);
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
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t io_threads = threads_or(config.server.io_threads, cores);
  const std::size_t worker_threads = threads_or(config.server.worker_threads, 2 * cores);
  const auto timeout = std::chrono::seconds(std::max(1u, config.server.request_timeout_seconds));

  asio::io_context io(static_cast<int>(io_threads));
  auto keep_running = asio::make_work_guard(io);
  WorkerPool workers(worker_threads);
  DispatchContext context{dependencies, config.server, workers};
  context.secure_cookie = config.session.secure_cookie;
  auto router = make_api_router(context);

  std::string bound_address;
  std::atomic<bool> failed{false};
  auto settings = restinio::server_settings_t<ServerTraits>{}
                      .port(address->port)
                      .protocol(address->ipv6 ? asio::ip::tcp::v6() : asio::ip::tcp::v4())
                      .address(address->host)
                      .request_handler([&context, &router](restinio::request_handle_t request) {
                        return handle_request(context, *router, std::move(request));
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
                        bound_address =
                            format_listen_address(endpoint.address().to_string(), endpoint.port());
                      });
  restinio::http_server_t<ServerTraits> server{restinio::external_io_context(io),
                                               std::move(settings)};

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
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& error, int signal_number) {
    if (error) return;
    log::info("shutting down", {{"signal", signal_number}});
    server.close_async(
        [&] {
          drain_deadline = std::chrono::steady_clock::now() + timeout;
          asio::post(io, drain_step);
        },
        [&](std::exception_ptr) {
          keep_running.reset();
          io.stop();
        });
  });

  server.open_async(
      [&] {
        log::info("listening", {{"address", bound_address},
                                {"io_threads", io_threads},
                                {"worker_threads", worker_threads}});
        if (on_listening) on_listening(bound_address);
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

}  // namespace sspr::http
