#include "onprem/handshake_deadline.h"

#include <sys/socket.h>

#include <chrono>

namespace sspr::onprem {

void HandshakeDeadline::watch(LDAP* handle) {
  callback_.lc_add = &HandshakeDeadline::on_connect;
  callback_.lc_del = &HandshakeDeadline::on_close;
  callback_.lc_arg = this;
  ldap_set_option(handle, LDAP_OPT_CONNECT_CB, &callback_);
}

bool HandshakeDeadline::fired() const {
  std::lock_guard lock(mutex_);
  return fired_;
}

int HandshakeDeadline::on_connect(LDAP*, Sockbuf* sb, LDAPURLDesc*, sockaddr*, ldap_conncb* ctx) {
  auto* self = static_cast<HandshakeDeadline*>(ctx->lc_arg);
  int fd = -1;
  ber_sockbuf_ctrl(sb, LBER_SB_OPT_GET_FD, &fd);
  std::lock_guard lock(self->mutex_);
  self->fd_ = fd;
  return 0;
}

void HandshakeDeadline::on_close(LDAP*, Sockbuf*, ldap_conncb* ctx) {
  auto* self = static_cast<HandshakeDeadline*>(ctx->lc_arg);
  std::lock_guard lock(self->mutex_);
  self->fd_ = -1;
}

HandshakeDeadline::Phase::Phase(HandshakeDeadline& deadline, int seconds) : deadline_(deadline) {
  {
    std::lock_guard lock(deadline_.mutex_);
    deadline_.phase_open_ = true;
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  watcher_ = std::thread([this, until] {
    std::unique_lock lock(deadline_.mutex_);
    if (deadline_.changed_.wait_until(lock, until, [this] { return !deadline_.phase_open_; })) {
      return;  // the step finished in time
    }
    if (deadline_.fd_ >= 0) {
      ::shutdown(deadline_.fd_, SHUT_RDWR);
      deadline_.fired_ = true;
    }
  });
}

HandshakeDeadline::Phase::~Phase() {
  {
    std::lock_guard lock(deadline_.mutex_);
    deadline_.phase_open_ = false;
  }
  deadline_.changed_.notify_all();
  watcher_.join();
}

}  // namespace sspr::onprem
