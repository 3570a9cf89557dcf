#include "i18n/catalogue.h"

#include <gtest/gtest.h>

namespace sspr::i18n {
namespace {

TEST(Catalogue, EveryKeyExistsInEveryLanguage) {
  const auto all = keys();
  ASSERT_FALSE(all.empty());
  for (const auto& language : supported_languages()) {
    for (const auto& key : all) {
      EXPECT_TRUE(has_key(language, key)) << "missing " << key << " in " << language;
    }
  }
}

TEST(Catalogue, TranslatesAndFallsBackToEnglishThenKey) {
  EXPECT_NE(translate("de", "error.NotFound"), translate("en", "error.NotFound"));
  EXPECT_EQ(translate("fr", "error.NotFound"), translate("en", "error.NotFound"));
  EXPECT_EQ(translate("en", "no.such.key"), "no.such.key");
}

TEST(Catalogue, ExplicitChoiceWinsOverHeader) {
  EXPECT_EQ(negotiate_language("sv", "de-DE,de;q=0.9"), "sv");
  EXPECT_EQ(negotiate_language("da-DK", ""), "da");
  EXPECT_EQ(negotiate_language("xx", "de"), "de");
}

TEST(Catalogue, AcceptLanguagePicksHighestSupportedQuality) {
  EXPECT_EQ(negotiate_language("", "fr-FR,fr;q=0.9,sv;q=0.5,de;q=0.7"), "de");
  EXPECT_EQ(negotiate_language("", "fr, ja"), "en");
  EXPECT_EQ(negotiate_language("", "da;q=0"), "en");
  EXPECT_EQ(negotiate_language("", ""), "en");
}

}  // namespace
}  // namespace sspr::i18n
