#include "auth/secret_box.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <vector>

namespace steward::auth {

std::shared_ptr<SecretBox> SecretBox::ephemeral() {
  std::shared_ptr<SecretBox> box(new SecretBox());
  crypto_secretbox_keygen(box->key_);
  return box;
}

Result<std::shared_ptr<SecretBox>> SecretBox::load_or_create(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto box = ephemeral();
    const mode_t old_mask = umask(077);
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(box->key_), sizeof box->key_);
    out.close();
    umask(old_mask);
    if (!out) return Status::unavailable("cannot write the secret key file " + path.string());
    return box;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    return Status::invalid_field("secret_key_file", path.string() +
                                                        " is readable by other users; run: "
                                                        "chmod 600 " +
                                                        path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::unavailable("cannot read the secret key file " + path.string());
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() != crypto_secretbox_KEYBYTES) {
    return Status::invalid_field("secret_key_file", path.string() + " is not a Steward key");
  }
  std::shared_ptr<SecretBox> box(new SecretBox());
  std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(box->key_));
  sodium_memzero(bytes.data(), bytes.size());
  return box;
}

std::string SecretBox::seal(std::string_view plaintext) const {
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        out.data(), key_);
  std::string text(sodium_base64_ENCODED_LEN(out.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), out.data(), out.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

Result<std::string> SecretBox::open(std::string_view sealed) const {
  std::vector<unsigned char> raw(sealed.size());
  size_t len = 0;
  if (sodium_base642bin(raw.data(), raw.size(), sealed.data(), sealed.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Status::invalid("the sealed secret is damaged");
  }
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 raw.data() + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, raw.data(), key_) != 0) {
    return Status::invalid("the sealed secret does not open with this key");
  }
  return plain;
}

}  // namespace steward::auth
