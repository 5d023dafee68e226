#include "app/backup_file.hpp"

#include <sys/stat.h>

#include <array>
#include <fstream>
#include <vector>

#include <sodium.h>
#include <nlohmann/json.hpp>

namespace steward::app {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kMagic = "STEWARD-BACKUP 1";
constexpr std::size_t kChunk = 64 * 1024;
using Stream = crypto_secretstream_xchacha20poly1305_state;

std::string to_base64(const unsigned char* bytes, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

bool from_base64(const std::string& text, unsigned char* out, std::size_t n) {
  std::size_t len = 0;
  return sodium_base642bin(out, n, text.data(), text.size(), nullptr, &len, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         len == n;
}

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

Status damaged(const std::string& why) {
  return Status::invalid("the backup file is damaged or incomplete: " + why);
}

// Derives the stream key from the passphrase with the header's salt and limits.
Status derive_key(const std::string& passphrase, const json& kdf,
                  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>& key) {
  std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
  if (!kdf.is_object() || !kdf.value("salt", json()).is_string() ||
      !from_base64(kdf["salt"].get<std::string>(), salt.data(), salt.size()) ||
      !kdf.value("opslimit", json()).is_number_unsigned() ||
      !kdf.value("memlimit", json()).is_number_unsigned()) {
    return damaged("its key settings are unreadable");
  }
  auto ops = kdf["opslimit"].get<unsigned long long>();
  auto mem = kdf["memlimit"].get<std::size_t>();
  if (ops > crypto_pwhash_OPSLIMIT_SENSITIVE || mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
    return damaged("its key settings are out of range");
  }
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), ops,
                    mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::unavailable("not enough memory to derive the backup key");
  }
  return Status::ok();
}

void put_u32(std::ostream& out, std::uint32_t n) {
  std::array<char, 4> b{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                        static_cast<char>(n >> 8), static_cast<char>(n)};
  out.write(b.data(), 4);
}

bool get_u32(std::istream& in, std::uint32_t& n) {
  std::array<unsigned char, 4> b{};
  if (!in.read(reinterpret_cast<char*>(b.data()), 4)) return false;
  n = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
      std::uint32_t{b[3]};
  return true;
}

Status copy_encrypted(std::ifstream& in, std::ofstream& out, Stream& state,
                      const std::string& header_line) {
  std::vector<unsigned char> plain(kChunk),
      cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  bool first = true;
  for (;;) {
    in.read(reinterpret_cast<char*>(plain.data()), static_cast<std::streamsize>(kChunk));
    auto n = static_cast<std::size_t>(in.gcount());
    bool last = in.eof();
    if (!last && !in) return Status::unavailable("cannot read the payload");
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, cipher.data(), &clen, plain.data(), n,
        first ? reinterpret_cast<const unsigned char*>(header_line.data()) : nullptr,
        first ? header_line.size() : 0, last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    put_u32(out, static_cast<std::uint32_t>(clen));
    out.write(reinterpret_cast<const char*>(cipher.data()), static_cast<std::streamsize>(clen));
    first = false;
    if (last) return Status::ok();
  }
}

Status copy_decrypted(std::ifstream& in, std::ofstream& out, Stream& state,
                      const std::string& header_line) {
  std::vector<unsigned char> plain(kChunk),
      cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  bool first = true;
  for (;;) {
    std::uint32_t clen = 0;
    if (!get_u32(in, clen)) return damaged("it ends before its last part");
    if (clen < crypto_secretstream_xchacha20poly1305_ABYTES || clen > cipher.size()) {
      return damaged("a part has an impossible length");
    }
    if (!in.read(reinterpret_cast<char*>(cipher.data()), clen)) {
      return damaged("it ends in the middle of a part");
    }
    unsigned long long n = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state, plain.data(), &n, &tag, cipher.data(), clen,
            first ? reinterpret_cast<const unsigned char*>(header_line.data()) : nullptr,
            first ? header_line.size() : 0) != 0) {
      return Status::invalid(first ? "wrong passphrase, or the backup file was changed"
                                   : "the backup file was changed or damaged");
    }
    out.write(reinterpret_cast<const char*>(plain.data()), static_cast<std::streamsize>(n));
    first = false;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (in.peek() != std::char_traits<char>::eof()) return damaged("data follows its last part");
      return Status::ok();
    }
  }
}

// The payload's size and SHA-256 (hex), for unencrypted files.
Result<std::pair<std::uintmax_t, std::string>> digest(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::unavailable("cannot read " + path.string());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buf(kChunk);
  std::uintmax_t size = 0;
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    auto n = static_cast<std::size_t>(in.gcount());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()), n);
    size += n;
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
  crypto_hash_sha256_final(&state, h.data());
  return std::make_pair(size, hex(h.data(), h.size()));
}

std::ofstream open_private(const fs::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::error_code ec;
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, ec);
  return out;
}

}  // namespace

Status write_backup_file(const fs::path& payload, const fs::path& out_path, BackupHeader header,
                         const std::optional<std::string>& passphrase) {
  if (sodium_init() < 0) return Status::unavailable("libsodium failed to start");
  header.encrypted = passphrase.has_value();
  json h = {{"backend", header.backend},
            {"format", header.format},
            {"created_at", header.created_at},
            {"steward_version", header.steward_version},
            {"schema_version", header.schema_version},
            {"encrypted", header.encrypted}};
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> stream_header{};
  Stream state;
  if (passphrase) {
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    randombytes_buf(salt.data(), salt.size());
    json kdf = {{"algorithm", "argon2id13"},
                {"salt", to_base64(salt.data(), salt.size())},
                {"opslimit", crypto_pwhash_OPSLIMIT_INTERACTIVE},
                {"memlimit", crypto_pwhash_MEMLIMIT_INTERACTIVE}};
    if (Status s = derive_key(*passphrase, kdf, key); !s) return s;
    crypto_secretstream_xchacha20poly1305_init_push(&state, stream_header.data(), key.data());
    sodium_memzero(key.data(), key.size());
    h["kdf"] = kdf;
    h["stream_header"] = to_base64(stream_header.data(), stream_header.size());
  } else {
    auto d = digest(payload);
    if (!d) return d.status();
    h["payload_size"] = d->first;
    h["payload_sha256"] = d->second;
  }
  const std::string header_line = h.dump();
  fs::path temp = out_path;
  temp += ".partial";
  {
    std::ofstream out = open_private(temp);
    std::ifstream in(payload, std::ios::binary);
    if (!out || !in) return Status::unavailable("cannot write " + temp.string());
    out << kMagic << "\n" << header_line << "\n";
    if (passphrase) {
      if (Status s = copy_encrypted(in, out, state, header_line); !s) return s;
    } else {
      out << in.rdbuf();
    }
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      return Status::unavailable("cannot write " + temp.string() + " (is the disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(temp, out_path, ec);
  if (ec) return Status::unavailable("cannot write " + out_path.string() + ": " + ec.message());
  return Status::ok();
}

Result<BackupHeader> read_backup_file(const fs::path& in_path, const fs::path& payload_out,
                                      const std::optional<std::string>& passphrase) {
  if (sodium_init() < 0) return Status::unavailable("libsodium failed to start");
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return Status::invalid_field("input", "cannot read " + in_path.string());
  std::string magic, header_line;
  if (!std::getline(in, magic) || magic != kMagic) {
    return Status::invalid_field("input", in_path.string() + " is not a Steward backup file");
  }
  if (!std::getline(in, header_line)) return damaged("its header is missing");
  json h = json::parse(header_line, nullptr, false);
  if (!h.is_object() || !h.value("backend", json()).is_string() ||
      !h.value("encrypted", json()).is_boolean()) {
    return damaged("its header is unreadable");
  }
  BackupHeader header;
  header.backend = h["backend"];
  header.format = h.value("format", "");
  header.created_at = h.value("created_at", "");
  header.steward_version = h.value("steward_version", "");
  header.schema_version = h.value("schema_version", 0);
  header.encrypted = h["encrypted"];
  std::ofstream out = open_private(payload_out);
  if (!out) return Status::unavailable("cannot write " + payload_out.string());
  if (header.encrypted) {
    if (!passphrase) {
      return Status::invalid_field("passphrase", "the backup is encrypted: give its passphrase");
    }
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> stream_header{};
    if (!h.value("stream_header", json()).is_string() ||
        !from_base64(h["stream_header"].get<std::string>(), stream_header.data(),
                     stream_header.size())) {
      return damaged("its stream header is unreadable");
    }
    if (Status s = derive_key(*passphrase, h.value("kdf", json()), key); !s) return s;
    Stream state;
    int rc =
        crypto_secretstream_xchacha20poly1305_init_pull(&state, stream_header.data(), key.data());
    sodium_memzero(key.data(), key.size());
    if (rc != 0) return damaged("its stream header is invalid");
    if (Status s = copy_decrypted(in, out, state, header_line); !s) return s;
  } else {
    out << in.rdbuf();
    out.flush();
    out.close();
    auto d = digest(payload_out);
    if (!d) return d.status();
    if (d->first != h.value("payload_size", std::uintmax_t{0}) ||
        d->second != h.value("payload_sha256", "")) {
      return damaged("its content does not match the checksum in its header");
    }
  }
  if (!out) return Status::unavailable("cannot write " + payload_out.string());
  return header;
}

}  // namespace steward::app
