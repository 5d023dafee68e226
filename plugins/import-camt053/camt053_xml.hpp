// camt053_xml.hpp: namespace-agnostic helpers over pugixml nodes (match elements by local name,
// so "camt:Ntry", "Ntry" and "ns2:Ntry" are all "Ntry").
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace steward::plugins::camt053 {

std::string_view local_name(const pugi::xml_node& node);
// The first child element with this local name (null node when none).
pugi::xml_node child(const pugi::xml_node& node, std::string_view local);
// Follows a path of local names from `node`; null when any step is missing.
pugi::xml_node path(const pugi::xml_node& node, std::initializer_list<std::string_view> steps);
// The element's text with surrounding white space removed ("" for a null node).
std::string text(const pugi::xml_node& node);
std::string text_at(const pugi::xml_node& node, std::initializer_list<std::string_view> steps);
// The value of an attribute by local name ("" when absent).
std::string attribute(const pugi::xml_node& node, std::string_view local);

}  // namespace steward::plugins::camt053
