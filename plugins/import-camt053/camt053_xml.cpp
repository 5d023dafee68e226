#include "camt053_xml.hpp"

#include <cstring>

#include "steward/plugin_common/charset.hpp"

namespace steward::plugins::camt053 {

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  }
  return {};
}

pugi::xml_node path(const pugi::xml_node& node, std::initializer_list<std::string_view> steps) {
  pugi::xml_node at = node;
  for (auto step : steps) {
    if (!at) return {};
    at = child(at, step);
  }
  return at;
}

std::string text(const pugi::xml_node& node) {
  if (!node) return {};
  std::string out;
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  auto first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  auto last = out.find_last_not_of(" \t\r\n");
  return plugin_common::ensure_utf8(out.substr(first, last - first + 1));
}

std::string text_at(const pugi::xml_node& node, std::initializer_list<std::string_view> steps) {
  return text(path(node, steps));
}

std::string attribute(const pugi::xml_node& node, std::string_view local) {
  for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    auto colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local)
      return a.value();
  }
  return {};
}

}  // namespace steward::plugins::camt053
