#include "notify/mime_message.h"

#include <ctime>
#include <vector>

#include <sodium.h>

#include "domain/ascii_text.h"

namespace sspr::notify {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";
// An encoded word is at most 75 characters: "=?UTF-8?B?" + base64 + "?=" leaves 63 for the
// base64 text, i.e. at most 45 bytes of UTF-8, fewer when a character would be split.
constexpr std::size_t kEncodedWordBytes = 45;
constexpr std::size_t kQuotedPrintableLine = 76;

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

bool printable_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Where the UTF-8 character that contains byte `i` starts.
std::size_t character_start(std::string_view text, std::size_t i) {
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

void append_escaped(std::string& out, unsigned char c) {
  out += '=';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

// One line of text (no line end) as quoted-printable, with soft breaks.
void append_quoted_printable_line(std::string& out, std::string_view line) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    std::string token;
    if ((c == ' ' || c == '\t') && !last) {
      token = static_cast<char>(c);
    } else if (c >= 33 && c <= 126 && c != '=' && !(c == '.' && column == 0)) {
      token = static_cast<char>(c);
    } else {
      append_escaped(token, c);  // also trailing blanks and a leading dot
    }
    // Keep room for the soft break "=" within the 76 characters.
    if (column + token.size() > kQuotedPrintableLine - 1) {
      out += "=\r\n";
      column = 0;
      if (token == ".") token = "=2E";
    }
    out += token;
    column += token.size();
  }
}

std::string from_header(const Mailbox& from) {
  const std::string name = one_line(from.display_name);
  const std::string address = one_line(from.address);
  if (name.empty()) return address;
  if (!printable_ascii(name)) return encode_header_text(name) + " <" + address + ">";
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

}  // namespace

Mailbox parse_mailbox(std::string_view text) {
  text = domain::trim_ascii_space(text);
  const auto open = text.rfind('<');
  if (open == std::string_view::npos || !text.ends_with('>')) return {"", std::string(text)};
  std::string_view name = domain::trim_ascii_space(text.substr(0, open));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  return {std::string(name), std::string(text.substr(open + 1, text.size() - open - 2))};
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text;
}

std::string encode_header_text(std::string_view text) {
  const std::string line = one_line(text);
  if (printable_ascii(line)) return line;
  std::string_view rest(line);
  std::string out;
  while (!rest.empty()) {
    std::size_t take = rest.size();
    if (take > kEncodedWordBytes) {
      take = character_start(rest, kEncodedWordBytes);
      if (take == 0) take = kEncodedWordBytes;  // not UTF-8: split anywhere
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(rest.substr(0, take)) + "?=";
    rest.remove_prefix(take);
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  while (true) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    append_quoted_printable_line(out, line);
    if (end == std::string_view::npos) break;
    out += "\r\n";
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string build_mime_message(const MimeFields& fields) {
  std::string out;
  out += "Date: " + rfc5322_date(fields.date) + "\r\n";
  out += "From: " + from_header(fields.from) + "\r\n";
  out += "To: " + one_line(fields.to) + "\r\n";
  out += "Subject: " + encode_header_text(fields.subject) + "\r\n";
  out += "Message-ID: " + one_line(fields.message_id) + "\r\n";
  out += "Auto-Submitted: auto-generated\r\n";  // RFC 3834: no vacation replies
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  out += quoted_printable(fields.body);
  out += "\r\n";
  return out;
}

}  // namespace sspr::notify
