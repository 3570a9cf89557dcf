#include "tenant_seed.h"

#include <memory>

#include <nlohmann/json.hpp>

#include "http_connection.h"

namespace sspr::bench {
namespace {

// Rows per import request: the server refuses bodies over 64 KiB by default.
constexpr std::size_t kRowsPerImport = 800;

std::string failure(const std::string& what, const HttpResponse& response) {
  return what + ": HTTP " + std::to_string(response.status) + " " + response.body.substr(0, 300);
}

struct Cursor {
  std::size_t next = 0;
  std::optional<std::string> failed;
};

asio::awaitable<void> create_users(HttpConnection& connection, const std::string& auth,
                                   const std::vector<BenchUser>& users, Cursor& cursor) {
  while (!cursor.failed && cursor.next < users.size()) {
    const auto& user = users[cursor.next++];
    const nlohmann::json created = {{"upn", user.upn}, {"display_name", "Bench " + user.upn}};
    auto response = co_await connection.request("POST", "/api/v1/users", created.dump(), auth);
    if (response.status != 201) {
      cursor.failed = failure("creating " + user.upn, response);
      co_return;
    }
    response = co_await connection.request("POST", "/api/v1/users/" + user.upn + "/licenses",
                                           R"({"sku": "SPE"})", auth);
    if (response.status != 200 && response.status != 201) {
      cursor.failed = failure("licensing " + user.upn, response);
      co_return;
    }
  }
}

}  // namespace

asio::awaitable<std::optional<std::string>> seed_tenant(asio::ip::tcp::endpoint server,
                                                        std::string token,
                                                        const std::vector<BenchUser>& users,
                                                        std::size_t connections) {
  auto executor = co_await asio::this_coro::executor;
  const std::string auth = "Authorization: Bearer " + token + "\r\n";
  HttpConnection admin(executor, server);

  const nlohmann::json policy = {
      {"enabled", "all"}, {"methods_required", 2}, {"methods", {"email", "mobile_phone"}}};
  auto response = co_await admin.request("PATCH", "/api/v1/policy", policy.dump(), auth);
  if (response.status != 200) co_return failure("setting the SSPR policy", response);

  // Users and licences over several connections at once; done when every one has finished.
  Cursor cursor;
  std::vector<std::unique_ptr<HttpConnection>> pool;
  auto remaining = std::make_shared<std::size_t>(std::max<std::size_t>(connections, 1));
  asio::steady_timer all_done(executor, asio::steady_timer::time_point::max());
  for (std::size_t i = 0; i < *remaining; ++i) {
    pool.push_back(std::make_unique<HttpConnection>(executor, server));
    asio::co_spawn(executor, create_users(*pool.back(), auth, users, cursor),
                   [&all_done, remaining](std::exception_ptr) {
                     if (--*remaining == 0) all_done.cancel();
                   });
  }
  std::error_code ignored;
  co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  if (cursor.failed) co_return cursor.failed;

  for (std::size_t first = 0; first < users.size(); first += kRowsPerImport) {
    std::string csv = "upn,mobile_phone,email\n";
    for (std::size_t i = first; i < users.size() && i < first + kRowsPerImport; ++i) {
      csv += users[i].upn + "," + users[i].mobile + "," + users[i].email + "\n";
    }
    response =
        co_await admin.request("POST", "/api/v1/authentication/import", csv, auth, "text/csv");
    if (response.status != 200) co_return failure("importing methods", response);
    const auto report = nlohmann::json::parse(response.body, nullptr, false);
    const auto rejected = report.is_object() ? report.find("rejected") : report.end();
    if (rejected != report.end() && rejected->is_array() && !rejected->empty()) {
      co_return "importing methods: rows rejected: " + rejected->dump().substr(0, 300);
    }
  }
  co_return std::nullopt;
}

}  // namespace sspr::bench
