// Authentication methods, security answers, custom questions, one-time codes, pending
// registrations and registration records of SociStoreTransaction (migration 0005), on SQLite
// and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <tuple>
#include <vector>

#include "domain/clock.h"
#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

namespace methods = domain::methods;
using methods::MethodType;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";
constexpr const char* kLater = "2024-05-01T11:00:00.000Z";

class AuthenticationMethodsStoreTest : public BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    run([&](StoreTransaction& tx) {
      tenant_ = tx.insert_tenant("Contoso", kNow);
      domain::User user;
      user.tenant_id = tenant_;
      user.upn = "alice@contoso.example";
      alice_ = tx.insert_user(user, kNow);
      user.upn = "bob@contoso.example";
      bob_ = tx.insert_user(user, kNow);
    });
  }

  methods::RegisteredMethod method(domain::UserId user, MethodType type, std::string value) {
    methods::RegisteredMethod m;
    m.user_id = user;
    m.type = type;
    m.value = std::move(value);
    m.source = methods::MethodSource::kUser;
    m.created_at = kNow;
    m.updated_at = kNow;
    return m;
  }

  methods::IssuedCode code(const std::string& id) {
    methods::IssuedCode c;
    c.id = id;
    c.user_id = alice_;
    c.purpose = methods::CodePurpose::kRegistration;
    c.subject_id = "pending-1";
    c.method = MethodType::kMobilePhone;
    c.target = "+14251234567";
    c.state =
        methods::issue_code("digest-" + id, methods::Channel::kSms, *domain::parse_iso8601(kNow));
    return c;
  }

  domain::TenantId tenant_ = 0;
  domain::UserId alice_ = 0;
  domain::UserId bob_ = 0;
};

TEST_P(AuthenticationMethodsStoreTest, OneMethodPerTypeSavingReplacesKeepingTheId) {
  run([&](StoreTransaction& tx) {
    const auto phone = tx.save_method(method(alice_, MethodType::kMobilePhone, "+14251234567"));
    const auto email = tx.save_method(method(alice_, MethodType::kEmail, "a@example.org"));
    tx.save_method(method(bob_, MethodType::kMobilePhone, "+4520123456"));
    auto changed = method(alice_, MethodType::kMobilePhone, "+4530123456");
    changed.source = methods::MethodSource::kAdmin;
    changed.updated_at = kLater;
    EXPECT_EQ(tx.save_method(changed), phone);

    const auto found = tx.list_methods(alice_);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].id, phone);
    EXPECT_EQ(found[0].value, "+4530123456");
    EXPECT_EQ(found[0].source, methods::MethodSource::kAdmin);
    EXPECT_EQ(found[0].created_at, kNow);
    EXPECT_EQ(found[0].updated_at, kLater);
    EXPECT_EQ(found[1].id, email);
    EXPECT_EQ(found[1].type, MethodType::kEmail);

    EXPECT_FALSE(tx.delete_method(bob_, phone));  // not Bob's
    EXPECT_TRUE(tx.delete_method(alice_, phone));
    EXPECT_FALSE(tx.delete_method(alice_, phone));
    EXPECT_EQ(tx.list_methods(alice_).size(), 1u);
    EXPECT_EQ(tx.list_methods(bob_).size(), 1u);
  });
}

TEST_P(AuthenticationMethodsStoreTest, TotpStepAdvancesOnlyFromTheValueRead) {
  run([&](StoreTransaction& tx) {
    auto app = method(alice_, MethodType::kAppCode, "");
    app.sealed_secret = "v1:abcd:sealed";
    app.last_totp_step = 100;
    const auto id = tx.save_method(app);
    EXPECT_TRUE(tx.advance_totp_step(id, 100, 101));
    EXPECT_FALSE(tx.advance_totp_step(id, 100, 102));  // someone else advanced it
    EXPECT_EQ(tx.list_methods(alice_)[0].last_totp_step, 101);
    EXPECT_EQ(tx.list_methods(alice_)[0].sealed_secret, "v1:abcd:sealed");
  });
}

TEST_P(AuthenticationMethodsStoreTest, SecurityAnswersAreReplacedAsASet) {
  run([&](StoreTransaction& tx) {
    tx.replace_security_answers(alice_, {{"first-pet", "$argon2id$a", kNow},
                                         {"birth-city", "$argon2id$b", kNow},
                                         {"custom-1", "$argon2id$c", kNow}});
    tx.replace_security_answers(bob_, {{"first-pet", "$argon2id$d", kNow}});
    EXPECT_EQ(tx.list_security_answers(alice_).size(), 3u);
    tx.replace_security_answers(alice_, {{"first-car", "$argon2id$e", kLater}});
    const auto answers = tx.list_security_answers(alice_);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].question_id, "first-car");
    EXPECT_EQ(answers[0].answer_hash, "$argon2id$e");
    EXPECT_EQ(tx.delete_security_answers(alice_), 1u);
    EXPECT_TRUE(tx.list_security_answers(alice_).empty());
    EXPECT_EQ(tx.list_security_answers(bob_).size(), 1u);
  });
}

TEST_P(AuthenticationMethodsStoreTest, CustomQuestionsPerTenant) {
  run([&](StoreTransaction& tx) {
    const auto other = tx.insert_tenant("Fabrikam", kNow);
    const auto q1 = tx.insert_custom_question(tenant_, "What was our first office called?", kNow);
    const auto q2 = tx.insert_custom_question(tenant_, "Who was your first manager?", kNow);
    tx.insert_custom_question(other, "Fabrikam's question?", kNow);
    auto questions = tx.list_custom_questions(tenant_);
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_EQ(questions[0].id, q1);
    EXPECT_EQ(questions[0].question_id(), "custom-" + std::to_string(q1));
    EXPECT_EQ(questions[1].text, "Who was your first manager?");
    EXPECT_FALSE(tx.delete_custom_question(other, q2));
    EXPECT_TRUE(tx.delete_custom_question(tenant_, q2));
    EXPECT_EQ(tx.list_custom_questions(tenant_).size(), 1u);
    EXPECT_EQ(tx.list_custom_questions(other).size(), 1u);
  });
}

TEST_P(AuthenticationMethodsStoreTest, CodesRoundTripAndChangeOnlyFromTheStateRead) {
  run([&](StoreTransaction& tx) {
    const auto issued = code("c1");
    tx.insert_code(issued);
    auto found = tx.find_code("c1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, alice_);
    EXPECT_EQ(found->purpose, methods::CodePurpose::kRegistration);
    EXPECT_EQ(found->subject_id, "pending-1");
    EXPECT_EQ(found->method, MethodType::kMobilePhone);
    EXPECT_EQ(found->target, "+14251234567");
    EXPECT_EQ(found->state, issued.state);
    EXPECT_FALSE(tx.find_code("c2"));

    auto wrong = issued.state;
    wrong.wrong_entries = 1;
    EXPECT_TRUE(tx.update_code_state("c1", issued.state, wrong));
    EXPECT_FALSE(tx.update_code_state("c1", issued.state, wrong));  // stale expectation
    auto consumed = wrong;
    consumed.consumed = true;
    EXPECT_TRUE(tx.update_code_state("c1", wrong, consumed));
    EXPECT_EQ(tx.find_code("c1")->state, consumed);
  });
}

TEST_P(AuthenticationMethodsStoreTest, CodesIssuedSinceAreCountedPerPurpose) {
  run([&](StoreTransaction& tx) {
    tx.insert_code(code("c1"));
    auto later = code("c2");
    later.state.issued_at = *domain::parse_iso8601(kLater);
    tx.insert_code(later);
    auto reset = code("c3");
    reset.purpose = methods::CodePurpose::kReset;
    tx.insert_code(reset);
    EXPECT_EQ(tx.count_codes_issued(alice_, methods::CodePurpose::kRegistration, kNow), 2u);
    EXPECT_EQ(tx.count_codes_issued(alice_, methods::CodePurpose::kRegistration, kLater), 1u);
    EXPECT_EQ(tx.count_codes_issued(alice_, methods::CodePurpose::kReset, kNow), 1u);
    EXPECT_EQ(tx.count_codes_issued(bob_, methods::CodePurpose::kRegistration, kNow), 0u);
  });
}

// Two verifications of one code at once, each in its own transaction: the compare-and-set lets
// exactly one of them consume it.
TEST_P(AuthenticationMethodsStoreTest, ConcurrentConsumersOfOneCodeOnlyOneWins) {
  run([&](StoreTransaction& tx) { tx.insert_code(code("race")); });
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto status = store_->transact([&](StoreTransaction& tx) {
        auto found = tx.find_code("race");
        if (!found || found->state.consumed) return domain::ok_status();
        auto next = found->state;
        next.consumed = true;
        if (tx.update_code_state("race", found->state, next)) ++winners;
        return domain::ok_status();
      });
      EXPECT_TRUE(status.ok()) << status.error().technical;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(winners.load(), 1);
}

TEST_P(AuthenticationMethodsStoreTest, PendingRegistrationsAndTheirExpiry) {
  run([&](StoreTransaction& tx) {
    methods::PendingRegistration pending{"p1",          alice_, MethodType::kOfficePhone,
                                         "+4520123456", "123",  "",
                                         "c1",          kNow,   "2024-05-01T10:15:00.000Z"};
    tx.insert_pending_registration(pending);
    auto found = tx.find_pending_registration("p1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->type, MethodType::kOfficePhone);
    EXPECT_EQ(found->extension, "123");
    EXPECT_EQ(found->code_id, "c1");
    EXPECT_EQ(tx.delete_expired_registrations("2024-05-01T10:14:59.999Z"), 0u);
    EXPECT_EQ(tx.delete_expired_registrations("2024-05-01T10:15:00.001Z"), 1u);
    EXPECT_FALSE(tx.find_pending_registration("p1"));
    tx.insert_pending_registration(pending);
    tx.delete_pending_registration("p1");
    EXPECT_FALSE(tx.find_pending_registration("p1"));
  });
}

TEST_P(AuthenticationMethodsStoreTest, RegistrationRecordIsInsertedThenUpdated) {
  run([&](StoreTransaction& tx) {
    EXPECT_FALSE(tx.find_registration_record(alice_));
    tx.save_registration_record({alice_, kNow, ""});
    tx.save_registration_record({alice_, kLater, kLater});
    auto record = tx.find_registration_record(alice_);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->last_confirmed_at, kLater);
    EXPECT_EQ(record->registered_at, kLater);
    EXPECT_FALSE(tx.find_registration_record(bob_));
  });
}

TEST_P(AuthenticationMethodsStoreTest, TenantWideReadsGiveEachMethodAndTheNewestAnswerSave) {
  run([&](StoreTransaction& tx) {
    EXPECT_TRUE(tx.tenant_methods(tenant_).empty());
    EXPECT_TRUE(tx.tenant_security_answers(tenant_).empty());
    auto email = method(alice_, MethodType::kEmail, "a@example.org");
    email.source = methods::MethodSource::kAdmin;  // saved by an administrator
    tx.save_method(email);
    auto phone = method(alice_, MethodType::kMobilePhone, "+14251234567");
    phone.updated_at = "2024-05-01T10:30:00.000Z";
    tx.save_method(phone);
    tx.replace_security_answers(
        bob_, {{"first-pet", "$argon2id$a", kNow}, {"first-car", "$argon2id$b", kLater}});
    // Another tenant's user is not listed.
    const auto other = tx.insert_tenant("Fabrikam", kNow);
    domain::User carol;
    carol.tenant_id = other;
    carol.upn = "carol@fabrikam.example";
    const auto carol_id = tx.insert_user(carol, kNow);
    tx.save_method(method(carol_id, MethodType::kEmail, "c@example.org"));
    tx.replace_security_answers(carol_id, {{"first-pet", "$argon2id$c", kLater}});

    std::vector<std::tuple<domain::UserId, std::string, std::string>> methods_read;
    for (const auto& row : tx.tenant_methods(tenant_)) {
      methods_read.emplace_back(row.user, row.type, row.updated_at);
    }
    std::sort(methods_read.begin(), methods_read.end());
    EXPECT_EQ(methods_read,
              (std::vector<std::tuple<domain::UserId, std::string, std::string>>{
                  {alice_, "email", kNow}, {alice_, "mobile_phone", "2024-05-01T10:30:00.000Z"}}));
    const auto answers = tx.tenant_security_answers(tenant_);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].user, bob_);
    EXPECT_EQ(answers[0].count, 2);
    EXPECT_EQ(answers[0].newest, kLater);
  });
}

TEST_P(AuthenticationMethodsStoreTest, DeletingAUserDeletesTheirMethodsAnswersAndCodes) {
  run([&](StoreTransaction& tx) {
    tx.save_method(method(alice_, MethodType::kEmail, "a@example.org"));
    tx.replace_security_answers(alice_, {{"first-pet", "$argon2id$a", kNow}});
    tx.insert_code(code("c1"));
    tx.save_registration_record({alice_, kNow, kNow});
    tx.delete_user(alice_);
    EXPECT_TRUE(tx.list_methods(alice_).empty());
    EXPECT_TRUE(tx.list_security_answers(alice_).empty());
    EXPECT_FALSE(tx.find_code("c1"));
    EXPECT_FALSE(tx.find_registration_record(alice_));
  });
}

BACKEND_STORE_TEST_SUITE(AuthenticationMethodsStoreTest);

}  // namespace
}  // namespace sspr::store
