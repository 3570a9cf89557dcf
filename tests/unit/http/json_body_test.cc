#include "http/json_body.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(JsonNesting, CountsObjectsAndArrays) {
  EXPECT_FALSE(json_nesting_exceeds("{}", 1));
  EXPECT_TRUE(json_nesting_exceeds("{\"a\":{}}", 1));
  EXPECT_FALSE(json_nesting_exceeds("{\"a\":[1,{\"b\":2}]}", 3));
  EXPECT_TRUE(json_nesting_exceeds("{\"a\":[1,{\"b\":[]}]}", 3));
  EXPECT_FALSE(json_nesting_exceeds("{\"a\":{}, \"b\":{}, \"c\":{}}", 2));
}

TEST(JsonNesting, IgnoresBracketsInsideStrings) {
  EXPECT_FALSE(json_nesting_exceeds("{\"a\":\"[[[[{{{{\"}", 1));
  EXPECT_FALSE(json_nesting_exceeds("{\"a\":\"\\\"[[[[\"}", 1));
  EXPECT_FALSE(json_nesting_exceeds(R"({"a":"\\"})", 1));
}

TEST(JsonNesting, CatchesHostileDepthWithoutRecursion) {
  EXPECT_TRUE(json_nesting_exceeds(std::string(100000, '['), 32));
}

TEST(ParseJsonObject, AcceptsAnObject) {
  auto parsed = parse_json_object(R"({"upn":"a@b.example","enabled":true})", 32);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)["upn"], "a@b.example");
}

TEST(ParseJsonObject, RejectsSyntaxErrorsAsMalformed) {
  auto parsed = parse_json_object("{\"upn\":", 32);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().name, "MalformedRequest");
  EXPECT_EQ(parsed.error().kind, domain::ErrorKind::kBadInput);
}

TEST(ParseJsonObject, RejectsNonObjects) {
  for (const char* body : {"[]", "\"text\"", "42", "null", ""}) {
    auto parsed = parse_json_object(body, 32);
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_EQ(parsed.error().name, "MalformedRequest") << body;
  }
}

TEST(ParseJsonObject, RejectsANulInAnyStringOrKey) {
  for (const char* body : {R"({"user_id": "alice@contoso.example\u0000x"})",
                           R"({"a": {"b": ["ok", "\u0000"]}})", R"({"k\u0000": 1})"}) {
    auto parsed = parse_json_object(body, 32);
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_EQ(parsed.error().name, "MalformedRequest") << body;
  }
  // An escaped backslash followed by "u0000" is six plain characters, not a NUL.
  auto literal = parse_json_object(R"({"a": "\\u0000"})", 32);
  ASSERT_TRUE(literal.ok());
  EXPECT_EQ((*literal)["a"], "\\u0000");
  EXPECT_FALSE(json_has_nul(nlohmann::json{{"a", {"b", 1, nullptr, true}}}));
  EXPECT_TRUE(json_has_nul(nlohmann::json::array({"x", std::string("a\0b", 3)})));
}

TEST(ParseJsonObject, RejectsTooDeepBodies) {
  auto parsed = parse_json_object(R"({"a":{"b":{"c":{}}}})", 3);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().name, "MalformedRequest");
  EXPECT_NE(parsed.error().technical.find("3"), std::string::npos);
}

TEST(JsonFields, ReadsTypedFields) {
  const auto body = nlohmann::json::parse(
      R"({"name":"Sales","enabled":false,"seats":5,"none":null,"extra":[1]})");
  EXPECT_EQ(**optional_string(body, "name"), "Sales");
  EXPECT_EQ(*required_string(body, "name"), "Sales");
  EXPECT_EQ(**optional_bool(body, "enabled"), false);
  EXPECT_EQ(**optional_int(body, "seats"), 5);
  EXPECT_FALSE(optional_string(body, "missing")->has_value());
  EXPECT_FALSE(optional_string(body, "none")->has_value()) << "null counts as absent";
}

TEST(JsonFields, WrongTypeIsInvalidInputNamingTheField) {
  const auto body = nlohmann::json::parse(R"({"name":5,"enabled":"yes","seats":1.5})");
  auto name = optional_string(body, "name");
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.error().name, "InvalidInput");
  EXPECT_EQ(name.error().technical.rfind("name:", 0), 0u) << name.error().technical;
  auto enabled = optional_bool(body, "enabled");
  ASSERT_FALSE(enabled.ok());
  EXPECT_EQ(enabled.error().technical.rfind("enabled:", 0), 0u);
  auto seats = optional_int(body, "seats");
  ASSERT_FALSE(seats.ok());
  EXPECT_EQ(seats.error().technical.rfind("seats:", 0), 0u);
}

TEST(JsonFields, MissingRequiredFieldIsInvalidInputNamingIt) {
  auto upn = required_string(nlohmann::json::object(), "upn");
  ASSERT_FALSE(upn.ok());
  EXPECT_EQ(upn.error().name, "InvalidInput");
  EXPECT_EQ(upn.error().technical.rfind("upn:", 0), 0u);
}

TEST(JsonFields, IntegerOutOfRangeIsInvalid) {
  const auto body = nlohmann::json::parse(R"({"seats":99999999999})");
  EXPECT_FALSE(optional_int(body, "seats").ok());
}

}  // namespace
}  // namespace sspr::http
