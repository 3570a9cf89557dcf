#pragma once
// A deadline for the steps libldap does not bound itself: the TLS handshake of ldaps:// (inside
// ldap_connect) and the one after a StartTLS, which block on a silent server for ever. The
// connection callback (LDAP_OPT_CONNECT_CB) records the connection's socket; while a Phase is
// open, a watcher thread shuts that socket down when the deadline passes, so the blocked read
// fails at once and the step reports itself as timed out (fired()).
//
// The HandshakeDeadline must outlive the LDAP handle it watches (libldap calls back until the
// handle is freed) and must not move once watch() was called.

#include <ldap.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace sspr::onprem {

class HandshakeDeadline {
 public:
  HandshakeDeadline() = default;
  HandshakeDeadline(const HandshakeDeadline&) = delete;
  HandshakeDeadline& operator=(const HandshakeDeadline&) = delete;

  // Registers the connection callback on `handle`.
  void watch(LDAP* handle);
  // Whether a deadline cut a step short.
  bool fired() const;

  class Phase {
   public:
    Phase(HandshakeDeadline& deadline, int seconds);
    ~Phase();
    Phase(const Phase&) = delete;
    Phase& operator=(const Phase&) = delete;

   private:
    HandshakeDeadline& deadline_;
    std::thread watcher_;
  };

 private:
  static int on_connect(LDAP* handle, Sockbuf* sb, LDAPURLDesc* srv, sockaddr* addr,
                        ldap_conncb* ctx);
  static void on_close(LDAP* handle, Sockbuf* sb, ldap_conncb* ctx);

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  int fd_ = -1;
  bool phase_open_ = false;
  bool fired_ = false;
  ldap_conncb callback_{};
};

}  // namespace sspr::onprem
