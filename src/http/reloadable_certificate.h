#pragma once
// The server's TLS certificate and private key ([server] tls_certificate, tls_private_key: PEM
// files; the certificate file may hold the chain after the leaf), readable again on SIGHUP.
// Installed on an OpenSSL context as its certificate callback, so each new handshake takes the
// pair current at that moment, while connections already open keep theirs. A reload that
// fails (unreadable file, key not matching the certificate) keeps the pair in use.

#include <openssl/ssl.h>

#include <memory>
#include <mutex>
#include <string>

#include "domain/result.h"

namespace sspr::http {

class ReloadableCertificate {
 public:
  // Reads both files. Errors: invalid_input("server.tls_certificate" / "server.tls_private_key",
  // why); the message never contains key material.
  static domain::Result<std::shared_ptr<ReloadableCertificate>> load(std::string certificate_path,
                                                                     std::string key_path);

  // Reads the files again; on success new handshakes use the new pair.
  domain::Status reload();

  // Makes `context` ask this object for the certificate at each handshake. The object must
  // outlive the context's connections.
  void install(SSL_CTX* context);

  // The leaf certificate's subject and expiry, for the log.
  std::string describe() const;

 private:
  struct Pair;
  ReloadableCertificate(std::string certificate_path, std::string key_path)
      : certificate_path_(std::move(certificate_path)), key_path_(std::move(key_path)) {}
  static domain::Result<std::shared_ptr<const Pair>> read(const std::string& certificate_path,
                                                          const std::string& key_path);
  static int on_handshake(SSL* ssl, void* self);

  std::string certificate_path_;
  std::string key_path_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Pair> current_;
};

}  // namespace sspr::http
