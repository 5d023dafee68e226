// trusted_proxies entries as single addresses or CIDR ranges (IPv4 and IPv6): which peers are
// trusted, the X-Forwarded-For walk through a range of proxies, and bad entries refused naming
// trusted_proxies and quoting the entry.
#include <gtest/gtest.h>

#include "http/forwarded.hpp"

namespace steward::http {
namespace {

TEST(TrustedProxyRanges, RangesAndSingleAddressesMatchTheirPeersOnly) {
  TrustedProxies proxies({"10.0.0.0/8", "fd00::/8", "192.168.1.7", "2001:db8::5", "172.16.3.9/16"});
  EXPECT_TRUE(proxies.contains("10.0.0.1"));
  EXPECT_TRUE(proxies.contains("10.255.255.255"));
  EXPECT_FALSE(proxies.contains("11.0.0.1"));
  EXPECT_FALSE(proxies.contains("9.255.255.255"));
  EXPECT_TRUE(proxies.contains("fd12:3456::1"));
  EXPECT_FALSE(proxies.contains("fe80::1"));
  EXPECT_TRUE(proxies.contains("::ffff:10.1.2.3"));  // IPv4-mapped peer
  EXPECT_TRUE(proxies.contains("192.168.1.7"));
  EXPECT_FALSE(proxies.contains("192.168.1.8"));
  EXPECT_TRUE(proxies.contains("2001:db8::5"));
  EXPECT_FALSE(proxies.contains("2001:db8::6"));
  EXPECT_TRUE(proxies.contains("172.16.200.1"));  // host bits in the entry are ignored
  EXPECT_FALSE(proxies.contains("172.17.0.1"));
  EXPECT_FALSE(proxies.contains("not an address"));
  EXPECT_TRUE(TrustedProxies({"0.0.0.0/0"}).contains("203.0.113.9"));
  EXPECT_TRUE(TrustedProxies().empty());
  EXPECT_FALSE(proxies.empty());
}

TEST(TrustedProxyRanges, TheClientIsTheFirstHopOutsideTheRanges) {
  TrustedProxies proxies({"10.0.0.0/8", "fd00::/8"});
  Request r;
  r.remote_addr = "10.1.1.1";
  r.headers = {{"x-forwarded-for", "198.51.100.23, 203.0.113.7, 10.9.9.9, fd00::2"},
               {"x-forwarded-proto", "https"}};
  proxies.apply(r);
  EXPECT_EQ(r.remote_addr, "203.0.113.7");
  EXPECT_TRUE(r.secure);

  Request outside;
  outside.remote_addr = "11.1.1.1";
  outside.headers = {{"x-forwarded-for", "198.51.100.23"}, {"x-forwarded-proto", "https"}};
  proxies.apply(outside);
  EXPECT_EQ(outside.remote_addr, "11.1.1.1");
  EXPECT_FALSE(outside.secure);
  EXPECT_TRUE(outside.headers.empty());
}

TEST(TrustedProxyRanges, BadEntriesAreAConfigErrorNamingTheEntry) {
  for (const std::string good : {"10.0.0.0/8", "fd00::/8", "::1", "127.0.0.1", "10.0.0.1/32",
                                 "::/0", "2001:db8::/128", " 10.0.0.0/8 "}) {
    EXPECT_TRUE(check_trusted_proxy(good).is_ok()) << good;
  }
  for (const std::string bad :
       {"10.0.0.0/33", "fd00::/129", "proxy.local", "10.0.0.0/", "10.0.0.0/abc", "/8", "10.0.0/8",
        "10.0.0.0/8/8", "10.0.0.0/-1", "fd00::/", ""}) {
    Status s = check_trusted_proxy(bad);
    ASSERT_FALSE(s.is_ok()) << bad;
    ASSERT_FALSE(s.fields().empty()) << bad;
    EXPECT_EQ(s.fields().at(0).field, "trusted_proxies") << bad;
    EXPECT_NE(s.message().find("'" + bad + "'"), std::string::npos) << s.message();
  }
  // Bad entries are skipped by the matcher (config refuses them first).
  EXPECT_TRUE(TrustedProxies({"10.0.0.0/33"}).empty());
}

}  // namespace
}  // namespace steward::http
