#include "domain/constituent.hpp"

#include <gtest/gtest.h>

#include "domain/contact.hpp"
#include "domain/relationship.hpp"

namespace steward::domain {
namespace {

ConstituentInput person(const std::string& first, const std::string& last) {
  ConstituentInput in;
  in.first_name = first;
  in.last_name = last;
  return in;
}

TEST(ConstituentDisplayName, IndividualsReadFirstLastAndHangulFamilyNameFirst) {
  EXPECT_EQ(computed_display_name(person("Grace", "Kim")), "Grace Kim");
  EXPECT_EQ(computed_sort_name(person("Grace", "Kim")), "Kim, Grace");
  EXPECT_EQ(computed_display_name(person("영희", "김")), "김영희");
  EXPECT_EQ(computed_sort_name(person("영희", "김")), "김영희");
  ConstituentInput given = person("Grace", "Kim");
  given.display_name = "  Dr. Grace Kim ";
  EXPECT_EQ(computed_display_name(given), "Dr. Grace Kim");
}

TEST(ConstituentDisplayName, OrganizationsAndHouseholds) {
  ConstituentInput org;
  org.kind = "organization";
  org.organization_name = "Grace Church";
  EXPECT_EQ(computed_display_name(org), "Grace Church");
  ConstituentInput hh;
  hh.kind = "household";
  hh.last_name = "Kim";
  EXPECT_EQ(computed_display_name(hh), "The Kim Household");
  hh.last_name = "김";
  EXPECT_EQ(computed_display_name(hh), "김씨 가정");
  hh.display_name = "Kim Family";
  EXPECT_EQ(computed_display_name(hh), "Kim Family");
}

TEST(ConstituentValidation, NamesTheMissingFieldPerKind) {
  ConstituentInput in = person("Grace", "");
  EXPECT_EQ(validate(in).fields().at(0).field, "last_name");
  in.kind = "organization";
  EXPECT_EQ(validate(in).fields().at(0).field, "organization_name");
  in.kind = "household";
  EXPECT_EQ(validate(in).fields().at(0).field, "display_name");
  in.kind = "robot";
  EXPECT_EQ(validate(in).fields().at(0).field, "kind");
  in = person("Grace", "Kim");
  in.organization_type = "church";
  EXPECT_EQ(validate(in).fields().at(0).field, "organization_type");
  in = person("Grace", "Kim");
  in.custom_fields = "[1, 2]";
  EXPECT_EQ(validate(in).fields().at(0).field, "custom_fields");
  in.custom_fields = R"({"shirt": "M"})";
  EXPECT_TRUE(validate(in).is_ok());
}

TEST(ContactValidation, EmailsPhonesAndAddresses) {
  EXPECT_TRUE(validate(EmailInput{"grace@example.org"}).is_ok());
  for (const char* bad : {"grace", "grace@", "@example.org", "grace@example", "a b@example.org",
                          "a@@example.org", "a..b@example.org"}) {
    EXPECT_EQ(validate(EmailInput{bad}).fields().at(0).field, "email") << bad;
  }
  EXPECT_EQ(phone_digits("+82 10-1234-5678"), "821012345678");
  EXPECT_TRUE(validate(PhoneInput{"(555) 010-2000"}).is_ok());
  EXPECT_EQ(validate(PhoneInput{"12"}).fields().at(0).field, "phone");
  EXPECT_EQ(validate(PhoneInput{"call me"}).fields().at(0).field, "phone");
  AddressInput a;
  a.line1 = "1 Main St";
  a.country = "KR";
  EXPECT_TRUE(validate(a).is_ok());
  a.country = "XX";
  EXPECT_EQ(validate(a).fields().at(0).field, "country");
  a.country = "US";
  a.line1 = " ";
  EXPECT_EQ(validate(a).fields().at(0).field, "line1");
}

TEST(RelationshipTypes, ReadFromTheOtherSide) {
  EXPECT_EQ(reciprocal_type("spouse").value_or(""), "spouse");
  EXPECT_EQ(reciprocal_type("parent_of").value_or(""), "child_of");
  EXPECT_EQ(reciprocal_type("child_of").value_or(""), "parent_of");
  EXPECT_EQ(reciprocal_type("employee_of").value_or(""), "employer_of");
  EXPECT_EQ(reciprocal_type("member_of").value_or(""), "has_member");
  EXPECT_FALSE(reciprocal_type("frenemy").has_value());
  RelationshipInput self{1, 1, "spouse", {}, {}, {}};
  EXPECT_EQ(validate(self).fields().at(0).field, "related_id");
}

}  // namespace
}  // namespace steward::domain
