#pragma once
// Whether a TCP connection to host:port can be opened within `timeout_seconds` (closed again at
// once). Used to tell an ldaps:// server that refused the TLS handshake (reachable: the
// certificate or TLS setup is wrong) from one that cannot be reached at all.

#include <string>

namespace sspr::onprem {

bool tcp_reachable(const std::string& host, int port, int timeout_seconds);

}  // namespace sspr::onprem
