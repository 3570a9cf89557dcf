#include "domain/methods/answer_normalisation.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "domain/password/utf8.h"

namespace sspr::domain::methods {
namespace {

bool nfkc(icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return false;
  text = normalizer->normalize(text, status);
  return U_SUCCESS(status);
}

}  // namespace

std::optional<std::string> normalise_answer(std::string_view answer) {
  // ICU would replace malformed UTF-8 with U+FFFD; refuse it instead.
  if (!password::decode_utf8(answer)) return std::nullopt;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(answer.data(), static_cast<int32_t>(answer.size())));
  if (!nfkc(text)) return std::nullopt;
  text.foldCase(U_FOLD_CASE_DEFAULT);
  if (!nfkc(text)) return std::nullopt;

  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar>(u' '));
    pending_space = false;
    collapsed.append(c);
  }
  std::string out;
  collapsed.toUTF8String(out);
  return out;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
  }
  return count;
}

}  // namespace sspr::domain::methods
