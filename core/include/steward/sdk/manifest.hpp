// steward/sdk/manifest.hpp: what a plugin says about itself before the host creates anything.
//
// Every plugin exports a function returning a Manifest (see plugin.hpp). The host reads it right
// after loading the library and before calling the factory: it checks the SDK API version, the id
// and the kind, and validates the admin's configuration against `config_schema`.
//
// Ids are reverse-DNS names, lower case, dot-separated, at least three labels of [a-z0-9-]:
// "org.steward.import.stripe". Two files with one id are refused (the first found wins nothing:
// both are reported). `version` is the plugin's own version ("1.2.0"), shown to admins.
//
// Thread-safety: a plain value type.
#pragma once

#include <string>

namespace steward::sdk {

// The SDK API these headers describe. Bumped: major on any incompatible change to the headers,
// minor when something is added that an older host would not understand. A host accepts plugins
// with its own major and a minor no newer than its own.
inline constexpr int kSdkApiMajor = 1;
inline constexpr int kSdkApiMinor = 0;

// The three kinds of plugin the host knows. Each kind has one interface header.
enum class PluginKind {
  kImporter,  // importer.hpp: payment files -> normalized payment records
  kMailer,    // mailer.hpp: composed message -> per-recipient delivery status
  kReport,    // report.hpp: parameters + read-only queries -> a table
};

inline const char* kind_name(PluginKind kind) {
  switch (kind) {
    case PluginKind::kImporter:
      return "importer";
    case PluginKind::kMailer:
      return "mailer";
    case PluginKind::kReport:
      return "report";
  }
  return "unknown";
}

struct Manifest {
  std::string id;  // reverse-DNS, e.g. "org.steward.import.stripe"
  PluginKind kind = PluginKind::kImporter;
  std::string version;           // the plugin's own version, e.g. "1.0.0"
  int api_major = kSdkApiMajor;  // the SDK API this plugin was built against; leave the defaults
  int api_minor = kSdkApiMinor;
  std::string name;         // short human name, e.g. "Stripe payouts CSV"
  std::string description;  // one or two sentences for the admin
  std::string author;
  std::string license;  // SPDX identifier, e.g. "MIT"
  // A JSON Schema (object) for the plugin's configuration, as text. Empty or "{}" means the
  // plugin takes no configuration. The host supports: type, properties, required, enum,
  // minimum, maximum, pattern, additionalProperties:false. The host validates before the
  // plugin sees the configuration; the plugin receives it as JSON text in its factory.
  std::string config_schema;
};

}  // namespace steward::sdk
