#include "node_connections.h"

namespace sspr::bench {

NodeConnections::NodeConnections(const asio::any_io_executor& executor,
                                 const std::vector<asio::ip::tcp::endpoint>& nodes,
                                 std::size_t first)
    : next_(nodes.empty() ? 0 : first % nodes.size()) {
  for (const auto& node : nodes) {
    connections_.push_back(std::make_unique<HttpConnection>(executor, node));
  }
}

asio::awaitable<RoutedResponse> NodeConnections::request(std::string_view method,
                                                         std::string_view target,
                                                         std::string_view body) {
  const std::size_t node = next_;
  next_ = (next_ + 1) % connections_.size();
  RoutedResponse routed;
  routed.node = node;
  routed.response = co_await connections_[node]->request(method, target, body);
  co_return routed;
}

}  // namespace sspr::bench
