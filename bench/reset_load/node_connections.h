#pragma once
// One client's connections to every node, as a load balancer without affinity would use them:
// each request goes to the next node in turn (round robin per client, each client starting at
// its own node), so consecutive steps of one flow land on different nodes whenever there are
// two or more. One keep-alive connection per node.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <asio.hpp>

#include "http_connection.h"

namespace sspr::bench {

struct RoutedResponse {
  HttpResponse response;
  std::size_t node = 0;  // index into the endpoints the connections were made for
};

class NodeConnections {
 public:
  // `first`: the node of this client's first request (taken modulo the number of nodes).
  NodeConnections(const asio::any_io_executor& executor,
                  const std::vector<asio::ip::tcp::endpoint>& nodes, std::size_t first);

  asio::awaitable<RoutedResponse> request(std::string_view method, std::string_view target,
                                          std::string_view body);

  std::size_t nodes() const { return connections_.size(); }

 private:
  std::vector<std::unique_ptr<HttpConnection>> connections_;
  std::size_t next_ = 0;
};

}  // namespace sspr::bench
