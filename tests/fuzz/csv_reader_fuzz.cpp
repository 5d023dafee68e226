// libFuzzer target: the streaming CSV reader, the amount and the date parsers.
// fuzz-links: plugin_common_lib
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "steward/plugin_common/amount.hpp"
#include "steward/plugin_common/csv_reader.hpp"
#include "steward/plugin_common/datetime.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  namespace pc = steward::plugin_common;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 32) + 1;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  pc::CsvOptions options;
  options.max_record_bytes = 256;
  options.delimiter = (data[0] & 0x80) ? ';' : ',';
  pc::CsvReader reader(options);
  std::vector<pc::CsvRecord> records;
  for (std::size_t i = 0; i < bytes.size(); i += chunk)
    reader.feed(bytes.substr(i, chunk), records);
  reader.finish(records);
  for (const auto& r : records) {
    for (const auto& f : r.fields) {
      (void)pc::parse_amount(f, data[0] % 4, pc::DecimalStyle::kAuto);
      (void)pc::parse_datetime(f, pc::DateOrder::kAuto);
    }
  }
  return 0;
}
