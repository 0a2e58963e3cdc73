#include <eventwire/websdk/dynamic_content.hpp>
#include <eventwire/websdk/error.hpp>

#include <cstdint>

namespace eventwire::websdk {
namespace {

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Whether `name` starts a tag at `at` (followed by whitespace, '>' or '/').
bool tag_at(std::string_view xml, std::size_t at, std::string_view name) {
  if (xml.substr(at, name.size()) != name) return false;
  if (at + name.size() == xml.size()) return false;
  const char next = xml[at + name.size()];
  return is_space(next) || next == '>' || next == '/';
}

// The end of the start tag that begins at `at` ('<'): the offset of its '>', or npos. Quoted
// attribute values may hold '>'.
std::size_t tag_end(std::string_view xml, std::size_t at) {
  char quote = 0;
  for (std::size_t i = at + 1; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<') {
      return std::string_view::npos;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

constexpr bool is_xml_char(std::uint32_t c) noexcept {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | c >> 6);
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | c >> 12);
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | c >> 18);
    out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes one reference `&...;` (the text after '&' up to ';'); false if it is not one.
bool append_reference(std::string_view ref, std::string& out) {
  if (ref == "lt") return out += '<', true;
  if (ref == "gt") return out += '>', true;
  if (ref == "amp") return out += '&', true;
  if (ref == "quot") return out += '"', true;
  if (ref == "apos") return out += '\'', true;
  if (ref.size() < 2 || ref[0] != '#') return false;
  const bool hex = ref[1] == 'x';
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  std::uint32_t c = 0;
  for (const char d : digits) {
    std::uint32_t v;
    if (d >= '0' && d <= '9')
      v = static_cast<std::uint32_t>(d - '0');
    else if (hex && d >= 'a' && d <= 'f')
      v = static_cast<std::uint32_t>(d - 'a' + 10);
    else if (hex && d >= 'A' && d <= 'F')
      v = static_cast<std::uint32_t>(d - 'A' + 10);
    else
      return false;
    c = c * (hex ? 16 : 10) + v;
  }
  if (!is_xml_char(c)) return false;
  append_utf8(out, c);
  return true;
}

// Appends `text` with line ends normalised (CR LF and lone CR become LF).
void append_normalised(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
}

// Decodes the character data of Context into `out`; false on markup or a bad reference.
bool decode_text(std::string_view text, std::string& out) {
  constexpr std::string_view cdata_open = "<![CDATA[";
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t special = text.find_first_of("<&\r", i);
    if (special == std::string_view::npos) {
      out.append(text.substr(i));
      return true;
    }
    out.append(text.substr(i, special - i));
    i = special;
    if (text[i] == '\r') {
      append_normalised(out, text.substr(i, i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1));
      i += i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    } else if (text[i] == '&') {
      const std::size_t semi = text.find(';', i);
      if (semi == std::string_view::npos || !append_reference(text.substr(i + 1, semi - i - 1), out))
        return false;
      i = semi + 1;
    } else {
      if (text.substr(i, cdata_open.size()) != cdata_open) return false;
      const std::size_t close = text.find("]]>", i + cdata_open.size());
      if (close == std::string_view::npos) return false;
      append_normalised(out, text.substr(i + cdata_open.size(), close - i - cdata_open.size()));
      i = close + 3;
    }
  }
  return true;
}

// The offset just past the `<?xml ...?>` declaration and whitespace before the root, or npos.
std::size_t root_start(std::string_view xml) {
  std::size_t i = 0;
  while (i < xml.size() && is_space(xml[i])) ++i;
  if (xml.substr(i, 5) == "<?xml") {
    const std::size_t end = xml.find("?>", i + 5);
    if (end == std::string_view::npos) return std::string_view::npos;
    i = end + 2;
    while (i < xml.size() && is_space(xml[i])) ++i;
  }
  return tag_at(xml, i, "<DynamicContent") ? i : std::string_view::npos;
}

}  // namespace

std::error_code append_dynamic_context(std::string_view xml, std::string& out, bool& found,
                                       std::size_t max_size) {
  found = false;
  const std::size_t root = root_start(xml);
  if (root == std::string_view::npos) return error::invalid_dynamic_content;
  const std::size_t root_end = tag_end(xml, root);
  if (root_end == std::string_view::npos) return error::invalid_dynamic_content;
  std::string_view rest = xml.substr(root_end + 1);
  while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
  if (xml[root_end - 1] == '/')  // <DynamicContent ... />: nothing inside, nothing after
    return rest.empty() ? std::error_code() : error::invalid_dynamic_content;
  constexpr std::string_view root_close = "</DynamicContent>";
  if (!rest.ends_with(root_close)) return error::invalid_dynamic_content;
  xml = xml.substr(0, root_end + 1 + rest.size() - root_close.size());  // up to the root's end
  std::size_t open = root_end;
  while ((open = xml.find("<Context", open)) != std::string_view::npos &&
         !tag_at(xml, open, "<Context"))
    ++open;
  if (open == std::string_view::npos) return {};
  const std::size_t open_end = tag_end(xml, open);
  if (open_end == std::string_view::npos) return error::invalid_dynamic_content;
  const std::string_view start_tag = xml.substr(open, open_end + 1 - open);
  if (xml[open_end - 1] == '/') {
    found = start_tag.find("nil=\"true\"") == std::string_view::npos &&
            start_tag.find("nil='true'") == std::string_view::npos;
    return {};
  }
  std::size_t close = xml.find("</Context", open_end);
  std::size_t close_end = close;
  if (close != std::string_view::npos) {
    close_end = close + 9;
    while (close_end < xml.size() && is_space(xml[close_end])) ++close_end;
  }
  // The first "</Context" ends the element (a CDATA section holding that text is not supported).
  if (close == std::string_view::npos || close_end == xml.size() || xml[close_end] != '>')
    return error::invalid_dynamic_content;
  const std::size_t size_before = out.size();
  if (!decode_text(xml.substr(open_end + 1, close - open_end - 1), out)) {
    out.resize(size_before);
    return error::invalid_dynamic_content;
  }
  if (out.size() > max_size) {
    out.resize(size_before);
    return error::text_limit_exceeded;
  }
  found = true;
  return {};
}

}  // namespace eventwire::websdk
