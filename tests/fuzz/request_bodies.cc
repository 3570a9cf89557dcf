// Fuzzes the JSON request parsing of every endpoint family: the body as the server reads it
// (http/json_body.h, with the server's default nesting limit), then the family's reader
// (http/*_requests.h, flows::policy_update_from_json, flows::parse_captcha_solution). The first
// byte picks the reader, the rest is the body.
//
// Properties checked on every input:
// - nothing throws; a refusal is always a bad-input error (400), never an internal one;
// - parse_json_object refuses exactly the bodies nested deeper than the limit or that are not
//   one JSON object, and what it accepts survives dump -> parse unchanged;
// - reader round trip: what a reader accepts, written back as a body, is accepted again and
//   reads to the same request (so no field is lost or invented on the way);
// - values kept: a number, string or boolean field of the body that the reader keeps is kept
//   unchanged (no wrapping, truncation or trimming); names of enumerations may be normalised.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "flows/captcha.h"
#include "flows/sspr_policy_view.h"
#include "http/directory_requests.h"
#include "http/json_body.h"
#include "http/onprem_requests.h"
#include "http/password_requests.h"
#include "http/reset_requests.h"
#include "http/security_info_requests.h"
#include "http/session_requests.h"

namespace {

using nlohmann::json;
using sspr::domain::Result;
namespace http = sspr::http;
namespace policy = sspr::domain::policy;

// Fields naming a value of an enumeration, which readers may normalise.
const std::set<std::string> kEnumerations = {"flavor", "enabled", "reason", "phoneType"};

// The server's default [server] max_json_depth.
constexpr std::size_t kMaxDepth = 32;

[[noreturn]] void fail(const std::string& what, const std::string& detail) {
  std::cerr << "request_bodies: " << what << ": " << detail << "\n";
  std::abort();
}

// A reader: the family's parse, written back as the canonical body of what it read.
using Reader = std::function<Result<json>(const json&)>;

template <typename T, typename Read, typename Write>
Reader reader(Read read, Write write) {
  return [read, write](const json& body) -> Result<json> {
    Result<T> parsed = read(body);
    if (!parsed) return parsed.error();
    return write(*parsed);
  };
}

json optional_value(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json optional_value(const std::optional<bool>& value) {
  return value ? json(*value) : json(nullptr);
}

json optional_value(const std::optional<int>& value) {
  return value ? json(*value) : json(nullptr);
}

json answers_json(const std::vector<sspr::domain::methods::SecurityAnswerInput>& answers) {
  json out = json::array();
  for (const auto& answer : answers) {
    out.push_back({{"question_id", answer.question_id}, {"answer", answer.answer}});
  }
  return out;
}

// A reader of a one-field body ({"role"}, {"sku"}, ...), as the handlers read them.
Reader one_field(const char* field) {
  return reader<std::string>(
      [field](const json& body) { return http::required_string(body, field); },
      [field](const std::string& value) {
        return json{{field, value}};
      });
}

json policy_json(const sspr::flows::SsprPolicyUpdate& update) {
  const auto& change = update.change;
  json out = json::object();
  if (change.enabled) out["enabled"] = std::string(policy::enabled_name(*change.enabled));
  if (update.group) out["group"] = *update.group;
  const std::pair<const char*, const std::optional<int>*> ints[] = {
      {"methods_required", &change.methods_required},
      {"questions_to_register", &change.questions_to_register},
      {"questions_to_reset", &change.questions_to_reset},
      {"reconfirm_days", &change.reconfirm_days}};
  for (const auto& [name, value] : ints) {
    if (*value) out[name] = **value;
  }
  const std::pair<const char*, const std::optional<bool>*> bools[] = {
      {"require_registration", &change.require_registration},
      {"notify_users", &change.notify_users},
      {"notify_admins", &change.notify_admins},
      {"writeback", &change.writeback},
      {"unlock", &change.unlock}};
  for (const auto& [name, value] : bools) {
    if (*value) out[name] = **value;
  }
  if (change.helpdesk) out["helpdesk"] = *change.helpdesk;
  if (change.methods) out["methods"] = policy::method_names(*change.methods);
  return out;
}

std::vector<std::pair<std::string, Reader>> make_readers() {
  namespace methods = sspr::domain::methods;
  std::vector<std::pair<std::string, Reader>> readers;
  // Reset flow.
  readers.emplace_back(
      "reset start",
      reader<http::StartFlowRequest>(http::read_start_flow_request, [](const auto& r) {
        return json{{"user_id", r.user_id},
                    {"reason", std::string(sspr::domain::reset::to_string(r.reason))},
                    {"captcha", r.captcha}};
      }));
  readers.emplace_back(
      "reset challenge",
      reader<http::ChallengeRequest>(http::read_challenge_request, [](const auto& r) {
        return json{{"method_id", r.method_id}, {"channel", r.channel}, {"phone", r.phone}};
      }));
  readers.emplace_back(
      "reset verify", reader<http::VerifyRequest>(http::read_verify_request, [](const auto& r) {
        return json{
            {"method_id", r.method_id}, {"code", r.code}, {"answers", answers_json(r.answers)}};
      }));
  readers.emplace_back("reset password", one_field("password"));
  // CAPTCHA (inside the reset start body and POST /api/v1/captcha/verify).
  readers.emplace_back("captcha", reader<sspr::domain::captcha::CaptchaSolution>(
                                      [](const json& body) {
                                        const auto found = body.find("captcha");
                                        return sspr::flows::parse_captcha_solution(
                                            found == body.end() ? json() : *found);
                                      },
                                      [](const auto& s) {
                                        return json{{"captcha",
                                                     {{"algorithm", s.algorithm},
                                                      {"challenge", s.challenge},
                                                      {"number", s.number},
                                                      {"salt", s.salt},
                                                      {"signature", s.signature}}}};
                                      }));
  // Registration: the security-info page.
  readers.emplace_back("method start", reader<http::MethodStartRequest>(
                                           http::read_method_start_request, [](const auto& r) {
                                             return json{{"type", r.type},
                                                         {"phone", r.input.phone},
                                                         {"email", r.input.email},
                                                         {"channel", r.input.channel}};
                                           }));
  readers.emplace_back("method verify", one_field("code"));
  readers.emplace_back("security questions",
                       reader<std::vector<methods::SecurityAnswerInput>>(
                           http::read_security_answers_request, [](const auto& answers) {
                             return json{{"answers", answers_json(answers)}};
                           }));
  // Sign-in and password change.
  readers.emplace_back("sign in",
                       reader<http::SignInRequest>(http::read_sign_in_request, [](const auto& r) {
                         return json{{"user_id", r.user_id}, {"password", r.password}};
                       }));
  readers.emplace_back(
      "password change",
      reader<http::PasswordChangeRequest>(http::read_password_change_request, [](const auto& r) {
        return json{{"current_password", r.current_password}, {"new_password", r.new_password}};
      }));
  // Admin directory.
  readers.emplace_back("user create",
                       reader<http::NewUserRequest>(http::read_new_user_request, [](const auto& r) {
                         return json{{"upn", r.user.upn},
                                     {"display_name", r.user.display_name},
                                     {"given_name", r.user.given_name},
                                     {"surname", r.user.surname},
                                     {"email", r.user.email},
                                     {"source", r.user.source},
                                     {"auth_mode", r.user.auth_mode},
                                     {"onprem_id", r.user.onprem_id},
                                     {"enabled", r.user.enabled},
                                     {"password", optional_value(r.password)}};
                       }));
  readers.emplace_back(
      "user change",
      reader<sspr::flows::UserChanges>(http::read_user_changes_request, [](const auto& r) {
        return json{{"display_name", optional_value(r.display_name)},
                    {"given_name", optional_value(r.given_name)},
                    {"surname", optional_value(r.surname)},
                    {"email", optional_value(r.email)},
                    {"enabled", optional_value(r.enabled)}};
      }));
  readers.emplace_back("user password", one_field("password"));
  readers.emplace_back("group create",
                       reader<http::GroupRequest>(http::read_group_request, [](const auto& r) {
                         return json{{"name", r.name}, {"description", r.description}};
                       }));
  readers.emplace_back(
      "group member", reader<http::MemberRequest>(http::read_member_request, [](const auto& r) {
        return json{{r.kind == sspr::domain::MemberKind::kUser ? "user" : "group", r.member}};
      }));
  readers.emplace_back(
      "subscription",
      reader<http::SubscriptionRequest>(http::read_subscription_request, [](const auto& r) {
        return json{{"sku", r.sku}, {"seats", optional_value(r.seats)}};
      }));
  readers.emplace_back("license", one_field("sku"));
  readers.emplace_back("role", one_field("role"));
  readers.emplace_back("tenant domain", one_field("domain"));
  readers.emplace_back(
      "phone method",
      reader<http::PhoneMethodRequest>(http::read_phone_method_request, [](const auto& r) {
        const bool mobile = r.type == methods::MethodType::kMobilePhone;
        return json{{"phoneNumber", mobile ? *r.changes.mobile_phone : *r.changes.office_phone},
                    {"phoneType", mobile ? "mobile" : "office"}};
      }));
  readers.emplace_back("email method", one_field("emailAddress"));
  readers.emplace_back("custom question", one_field("text"));
  // Admin policy and password protection.
  readers.emplace_back("policy", reader<sspr::flows::SsprPolicyUpdate>(
                                     sspr::flows::policy_update_from_json, policy_json));
  readers.emplace_back("banned terms",
                       reader<std::vector<std::string>>(http::read_banned_terms_request,
                                                        [](const std::vector<std::string>& terms) {
                                                          return json{{"terms", terms}};
                                                        }));
  readers.emplace_back(
      "password evaluate",
      reader<http::EvaluationRequest>(http::read_evaluation_request, [](const auto& r) {
        return json{{"password", r.password}, {"user", optional_value(r.user)}};
      }));
  // On-premises connection and sync.
  readers.emplace_back(
      "onprem connection",
      reader<sspr::domain::onprem::ConnectionSettings>(
          [](const json& body) { return http::read_connection_settings_request(body, 7); },
          [](const auto& s) {
            if (s.tenant != 7) fail("onprem connection", "the tenant was not kept");
            return json{{"url", s.url},
                        {"flavor", std::string(sspr::domain::onprem::flavor_name(s.flavor))},
                        {"bind_dn", s.bind_dn},
                        {"bind_password_file", s.bind_password_file},
                        {"base_dn", s.base_dn},
                        {"ca_file", s.ca_file},
                        {"upn_attribute", s.upn_attribute},
                        {"disabled_filter", s.disabled_filter},
                        {"starttls", s.starttls},
                        {"timeout_seconds", s.timeout_seconds}};
          }));
  readers.emplace_back("onprem sync", reader<sspr::flows::onprem::SyncOptions>(
                                          http::read_sync_request, [](const auto& o) {
                                            return json{{"full", o.full}};
                                          }));
  return readers;
}

const std::vector<std::pair<std::string, Reader>>& readers() {
  static const auto all = make_readers();
  return all;
}

void expect_bad_input(const std::string& what, const sspr::domain::Error& error) {
  if (error.kind != sspr::domain::ErrorKind::kBadInput || error.code.empty()) {
    fail(what, "refused with a non-400 error " + error.name + ": " + error.technical);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& [name, read] = readers()[data[0] % readers().size()];
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);

  auto parsed = http::parse_json_object(body, kMaxDepth);
  if (!parsed) {
    expect_bad_input("parse_json_object", parsed.error());
    return 0;
  }
  if (http::json_nesting_exceeds(body, kMaxDepth)) fail("parse_json_object", "too deep, accepted");
  if (!parsed->is_object()) fail("parse_json_object", "accepted a non-object");
  const std::string dumped = parsed->dump();
  if (json::parse(dumped) != *parsed) fail("parse_json_object", "dump -> parse changed the body");

  auto first = read(*parsed);
  if (!first) {
    expect_bad_input(name, first.error());
    return 0;
  }
  for (const auto& [field, value] : first->items()) {
    const auto sent = parsed->find(field);
    if (sent == parsed->end() || !sent->is_primitive() || sent->is_null()) continue;
    if (sent->is_string() && kEnumerations.count(field)) continue;
    if (*sent != value)
      fail(name, "field " + field + " sent as " + sent->dump() + " read as " + value.dump());
  }
  // Round trip: the request written back reads to the same request.
  auto second = read(*first);
  if (!second) fail(name, "its own canonical body was refused: " + second.error().technical);
  if (*second != *first)
    fail(name, "round trip changed " + first->dump() + " to " + second->dump());
  return 0;
}
