#include "http/reloadable_certificate.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "domain/error.h"

namespace sspr::http {

namespace errors = domain::errors;

struct ReloadableCertificate::Pair {
  X509* leaf = nullptr;
  STACK_OF(X509) * chain = nullptr;  // intermediates after the leaf, possibly empty
  EVP_PKEY* key = nullptr;
  ~Pair() {
    X509_free(leaf);
    sk_X509_pop_free(chain, X509_free);
    EVP_PKEY_free(key);
  }
};

namespace {

struct BioCloser {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioCloser>;

}  // namespace

domain::Result<std::shared_ptr<const ReloadableCertificate::Pair>> ReloadableCertificate::read(
    const std::string& certificate_path, const std::string& key_path) {
  auto pair = std::make_shared<Pair>();
  Bio certificates(BIO_new_file(certificate_path.c_str(), "r"));
  if (!certificates) {
    return errors::invalid_input("server.tls_certificate", certificate_path + " cannot be read");
  }
  pair->leaf = PEM_read_bio_X509(certificates.get(), nullptr, nullptr, nullptr);
  if (pair->leaf == nullptr) {
    return errors::invalid_input("server.tls_certificate",
                                 certificate_path + " holds no PEM certificate");
  }
  pair->chain = sk_X509_new_null();
  while (X509* next = PEM_read_bio_X509(certificates.get(), nullptr, nullptr, nullptr)) {
    sk_X509_push(pair->chain, next);
  }
  ERR_clear_error();  // the end of the file reads as an error
  Bio key(BIO_new_file(key_path.c_str(), "r"));
  if (!key) return errors::invalid_input("server.tls_private_key", key_path + " cannot be read");
  pair->key = PEM_read_bio_PrivateKey(key.get(), nullptr, nullptr, nullptr);
  ERR_clear_error();
  if (pair->key == nullptr) {
    return errors::invalid_input("server.tls_private_key",
                                 key_path + " holds no unencrypted PEM private key");
  }
  if (X509_check_private_key(pair->leaf, pair->key) != 1) {
    ERR_clear_error();
    return errors::invalid_input(
        "server.tls_private_key",
        key_path + " does not belong to the certificate in " + certificate_path);
  }
  return std::shared_ptr<const Pair>(std::move(pair));
}

domain::Result<std::shared_ptr<ReloadableCertificate>> ReloadableCertificate::load(
    std::string certificate_path, std::string key_path) {
  std::shared_ptr<ReloadableCertificate> loaded(
      new ReloadableCertificate(std::move(certificate_path), std::move(key_path)));
  if (auto status = loaded->reload(); !status) return status.error();
  return loaded;
}

domain::Status ReloadableCertificate::reload() {
  auto pair = read(certificate_path_, key_path_);
  if (!pair) return pair.error();
  std::lock_guard lock(mutex_);
  current_ = std::move(*pair);
  return domain::ok_status();
}

void ReloadableCertificate::install(SSL_CTX* context) {
  SSL_CTX_set_cert_cb(context, &ReloadableCertificate::on_handshake, this);
}

int ReloadableCertificate::on_handshake(SSL* ssl, void* self) {
  auto* certificate = static_cast<ReloadableCertificate*>(self);
  std::shared_ptr<const Pair> pair;
  {
    std::lock_guard lock(certificate->mutex_);
    pair = certificate->current_;
  }
  if (!pair) return 0;
  // Each call takes its own references; the SSL object owns them from here on.
  if (SSL_use_certificate(ssl, pair->leaf) != 1 || SSL_use_PrivateKey(ssl, pair->key) != 1 ||
      SSL_set1_chain(ssl, pair->chain) != 1) {
    return 0;
  }
  return 1;
}

std::string ReloadableCertificate::describe() const {
  std::shared_ptr<const Pair> pair;
  {
    std::lock_guard lock(mutex_);
    pair = current_;
  }
  if (!pair) return "";
  char subject[256] = {};
  X509_NAME_oneline(X509_get_subject_name(pair->leaf), subject, sizeof subject);
  Bio text(BIO_new(BIO_s_mem()));
  std::string expiry;
  if (text && ASN1_TIME_print(text.get(), X509_get0_notAfter(pair->leaf)) == 1) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(text.get(), &data);
    expiry.assign(data, static_cast<std::size_t>(size));
  }
  return std::string(subject) + " (valid until " + expiry + ")";
}

}  // namespace sspr::http
