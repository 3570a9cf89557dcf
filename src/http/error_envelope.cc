#include "http/error_envelope.h"

#include "i18n/catalogue.h"

namespace sspr::http {

nlohmann::json error_envelope(const domain::Error& error, const EnvelopeFacts& facts) {
  return {{"error",
           {{"code", error.code},
            {"name", error.name},
            {"message", i18n::translate(facts.language, error.message_key)},
            {"technical", error.technical},
            {"support_code", facts.support_code},
            {"timestamp", facts.timestamp},
            {"correlation_id", facts.correlation_id}}}};
}

domain::Error method_not_allowed(const std::string& method, const std::string& path) {
  // The user text of MalformedRequest ("the request couldn't be read") fits a wrong method.
  return domain::Error{domain::ErrorKind::kBadInput, "MethodNotAllowed", "MethodNotAllowed",
                       "error.MethodNotAllowed", "method " + method + " is not allowed on " + path};
}

}  // namespace sspr::http
