#include "notify/curl_transfer.h"

#include <mutex>

namespace sspr::notify {
namespace {

void initialise_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

CurlTransfer::CurlTransfer(const char* protocols, const TransferLimits& limits) {
  initialise_curl_once();
  handle_.reset(curl_easy_init());
  if (!handle_) return;
  CURL* h = handle_.get();
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, protocols);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(limits.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(limits.timeout.count()));
  if (!limits.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, limits.ca_file.c_str());
}

CURLcode CurlTransfer::perform() {
  error_[0] = '\0';
  return curl_easy_perform(handle_.get());
}

std::string CurlTransfer::failure_text(CURLcode code) const {
  std::string text = error_[0] != '\0' ? error_ : curl_easy_strerror(code);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

long CurlTransfer::response_code() const {
  long code = 0;
  curl_easy_getinfo(handle_.get(), CURLINFO_RESPONSE_CODE, &code);
  return code;
}

}  // namespace sspr::notify
