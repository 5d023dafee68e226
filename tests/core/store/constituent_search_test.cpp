// The quick search's index (decision 0185) follows every change to the text it covers, and the
// indexed path (three characters or more) and the row-by-row path (shorter) find the same
// constituents as a plain "contains" over their names, emails, postal codes and phones.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "store/constituent_repository.hpp"
#include "store/contact_repository.hpp"
#include "support/constituent_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using NameSet = std::set<std::string>;

class ConstituentSearchTest : public testing::DatabaseTest {
 protected:
  NameSet search(const std::string& text) {
    constituents::ListFilter f;
    f.search = text;
    f.page.limit = 200;
    auto page = db().read([&](Unit& u) { return constituents::list(u, f); });
    EXPECT_TRUE(page.is_ok()) << page.status().to_string();
    NameSet out;
    if (page)
      for (const auto& c : page->items) out.insert(c.name());
    return out;
  }
  void write(const std::function<Status(Unit&)>& change) {
    ASSERT_TRUE(db().write(actor(), change).is_ok());
  }
};

TEST_P(ConstituentSearchTest, FollowsEveryChangeToNamesAndContactPoints) {
  auto minji = testing::make_individual(db(), actor(), "민지", "김");
  long long email_id = 0;
  write([&](Unit& u) -> Status {
    auto e = contacts::add_email(u, minji.id, {"minji@church.example"});
    if (!e) return e.status();
    email_id = e->id;
    return Status::ok();
  });
  EXPECT_EQ(search("minji@church"), NameSet{minji.name()});
  write([&](Unit& u) {
    return contacts::update_email(u, email_id, {"grace.minji@mission.example"}).status();
  });
  EXPECT_TRUE(search("minji@church").empty());
  EXPECT_EQ(search("mission.example"), NameSet{minji.name()});
  write([&](Unit& u) { return contacts::remove_email(u, email_id); });
  EXPECT_TRUE(search("mission.example").empty());

  long long phone_id = 0;
  write([&](Unit& u) -> Status {
    auto p = contacts::add_phone(u, minji.id, {"+82 10-9876-5432"});
    if (!p) return p.status();
    phone_id = p->id;
    return Status::ok();
  });
  EXPECT_EQ(search("9876-5432"), NameSet{minji.name()});
  write([&](Unit& u) { return contacts::remove_phone(u, phone_id); });
  EXPECT_TRUE(search("9876-5432").empty());

  write([&](Unit& u) -> Status {
    domain::AddressInput a;
    a.line1 = "1 Jongno";
    a.postal_code = "03154";
    a.country = "KR";
    return contacts::add_address(u, minji.id, a).status();
  });
  EXPECT_EQ(search("03154"), NameSet{minji.name()});

  domain::ConstituentInput renamed;
  renamed.first_name = "서연";
  renamed.last_name = "이";
  write([&](Unit& u) { return constituents::update(u, minji.id, renamed).status(); });
  EXPECT_TRUE(search("김민지").empty());
  EXPECT_TRUE(search("민지").empty());
  auto now = search("이서연");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(search("서연"), now);
  EXPECT_EQ(search("03154"), now);  // the address stays with the renamed donor

  write([&](Unit& u) { return constituents::soft_delete(u, minji.id); });
  EXPECT_TRUE(search("이서연").empty());
}

// Every query is checked against a "contains" computed here over the same fields, so the
// indexed path (three or more characters) and the short path agree with each other and with it.
TEST_P(ConstituentSearchTest, LongAndShortSearchesFindExactlyTheContainingDonors) {
  struct Donor {
    std::string first, last, email;
  };
  const std::vector<Donor> donors = {
      {"민지", "김", "minji.kim@example.org"},   {"서연", "김", "seoyeon@example.org"},
      {"민준", "이", "mj.lee@church.example"},   {"Grace", "Kim", "grace@kimfamily.example"},
      {"Joakim", "Berg", "joakim@berg.example"}, {"Kimberly", "Stone", ""},
      {"지민", "박", "jimin@example.org"},       {"Anne", "Park", "anne.park@example.org"},
  };
  std::vector<std::pair<std::string, std::string>> haystacks;  // name, lower-cased text
  for (const auto& d : donors) {
    auto c = testing::make_individual(db(), actor(), d.first, d.last);
    if (!d.email.empty()) {
      write([&](Unit& u) { return contacts::add_email(u, c.id, {d.email}).status(); });
    }
    std::string text =
        c.name() + "\n" + c.sort_name + "\n" + d.first + "\n" + d.last + "\n" + d.email;
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) {
      return static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch);
    });
    haystacks.emplace_back(c.name(), text);
  }
  for (std::string q : {"kim", "KIM", "김", "민", "민지", "김민지", "im", "example.org", "@",
                        "church", "berg.ex", "지민", "nobody"}) {
    std::string lower = q;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) {
      return static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch);
    });
    NameSet expected;
    for (const auto& [name, text] : haystacks) {
      if (text.find(lower) != std::string::npos) expected.insert(name);
    }
    EXPECT_EQ(search(q), expected) << "search " << q;
  }
}

TEST_P(ConstituentSearchTest, QuotesAndOperatorsInSearchTextAreLiteral) {
  domain::ConstituentInput org;
  org.kind = "organization";
  org.organization_name = "The \"Light\" Fellowship";
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return constituents::create(u, org); }).is_ok());
  org.organization_name = "Light AND Salt NOT Darkness";
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return constituents::create(u, org); }).is_ok());
  EXPECT_EQ(search("\"light\""), NameSet{"The \"Light\" Fellowship"});
  EXPECT_EQ(search("light and"), NameSet{"Light AND Salt NOT Darkness"});
  EXPECT_EQ(search("NOT Dark"), NameSet{"Light AND Salt NOT Darkness"});
  EXPECT_TRUE(search("light*").empty());
  EXPECT_TRUE(search("light OR salt").empty());
}

STEWARD_INSTANTIATE_DATABASE_TEST(ConstituentSearchTest);

}  // namespace
}  // namespace steward::store
