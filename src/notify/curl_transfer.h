#pragma once
// The libcurl easy handle shared by the SMTP and webhook transports: global initialisation
// once per process, no signals (safe on worker threads), only the protocols a transport
// names, connect and total timeouts, an optional CA file, and the error text of a failed
// transfer. Never enables verbose output: it would print the message.

#include <chrono>
#include <memory>
#include <string>

#include <curl/curl.h>

namespace sspr::notify {

struct TransferLimits {
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds timeout{15};  // the whole transfer
  std::string ca_file;               // empty: the system's CA store
};

class CurlTransfer {
 public:
  // `protocols`: e.g. "smtp,smtps" or "http,https" (CURLOPT_PROTOCOLS_STR).
  CurlTransfer(const char* protocols, const TransferLimits& limits);
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  CURL* handle() const { return handle_.get(); }
  // False when curl_easy_init failed (out of memory).
  bool usable() const { return handle_ != nullptr; }

  // Runs the transfer; returns CURLE_OK or the failure, whose text is then failure_text().
  CURLcode perform();
  // One line: curl's detailed message when it gave one, else the generic text of the code.
  std::string failure_text(CURLcode code) const;
  // The last SMTP reply code or HTTP status (0 when none was received).
  long response_code() const;

 private:
  struct Cleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
  };
  std::unique_ptr<CURL, Cleanup> handle_;
  char error_[CURL_ERROR_SIZE] = {};
};

// A curl_slist owned by a scope.
class CurlList {
 public:
  CurlList() = default;
  CurlList(const CurlList&) = delete;
  CurlList& operator=(const CurlList&) = delete;
  ~CurlList() { curl_slist_free_all(list_); }
  void append(const std::string& item) { list_ = curl_slist_append(list_, item.c_str()); }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace sspr::notify
