// steward/sdk/plugin.hpp: how a plugin library exports itself. Include this in exactly one
// source file of your plugin and write STEWARD_PLUGIN(manifest_fn, factory_fn) once.
//
//   steward::sdk::Manifest my_manifest();   // returns the plugin's manifest (manifest.hpp)
//   std::unique_ptr<steward::sdk::Plugin> my_factory(const std::string& config_json);
//   STEWARD_PLUGIN(my_manifest, my_factory)
//
// The macro exports three symbols with Boost.DLL's BOOST_DLL_ALIAS (the one header here that is
// not the standard library; it is header-only):
//   steward_plugin_api       -> sdk::ApiVersion()           the SDK version compiled in
//   steward_plugin_manifest  -> sdk::Manifest()
//   steward_plugin_create    -> std::unique_ptr<Plugin>(const std::string& config_json)
// The host reads the API version first and refuses a plugin whose major differs from the host's
// or whose minor is newer than the host's, before it calls anything else.
//
// Factory: receives the admin's configuration as JSON text, already validated against the
// manifest's config_schema ("{}" when none). It returns the plugin object or throws/returns null
// on failure (the host reports it naming the plugin). It is called from one thread at a time.
//
// Lifetime: the host keeps the library loaded while any object it created lives. Do not hand
// out pointers to plugin-owned memory that outlive the object, and do not start threads that
// outlive it.
#pragma once

#include <memory>
#include <string>

#include <boost/dll/alias.hpp>

#include "steward/sdk/importer.hpp"
#include "steward/sdk/mailer.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/report.hpp"

namespace steward::sdk {

// kSdkApiMajor / kSdkApiMinor (manifest.hpp) are the SDK API version these headers describe.

struct ApiVersion {
  int major = 0;
  int minor = 0;
};

// The object a factory returns. Override the accessor for your plugin's kind to return `this`;
// the host asks for the interface matching the manifest's kind.
class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual PaymentImporter* as_importer() { return nullptr; }
  virtual Mailer* as_mailer() { return nullptr; }
  virtual Report* as_report() { return nullptr; }
};

// Convenience bases: derive from one of these and implement the kind's interface.
class ImporterPlugin : public Plugin, public PaymentImporter {
 public:
  PaymentImporter* as_importer() override { return this; }
};
class MailerPlugin : public Plugin, public Mailer {
 public:
  Mailer* as_mailer() override { return this; }
};
class ReportPlugin : public Plugin, public Report {
 public:
  Report* as_report() override { return this; }
};

using ApiFunction = ApiVersion();
using ManifestFunction = Manifest();
using FactoryFunction = std::unique_ptr<Plugin>(const std::string& config_json);

inline ApiVersion compiled_api_version() { return {kSdkApiMajor, kSdkApiMinor}; }

}  // namespace steward::sdk

// Exports the API version, the manifest function and the factory under the names the host
// looks for. Use once per plugin library, at namespace scope.
#define STEWARD_PLUGIN(manifest_fn, factory_fn)                           \
  BOOST_DLL_ALIAS(steward::sdk::compiled_api_version, steward_plugin_api) \
  BOOST_DLL_ALIAS(manifest_fn, steward_plugin_manifest)                   \
  BOOST_DLL_ALIAS(factory_fn, steward_plugin_create)
