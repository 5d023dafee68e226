// An erase reaches import rows staged but not yet committed: committing the import afterwards
// records the money to the erased record and brings back neither the name nor the email.
#include "engine/privacy.hpp"
#include "import_support.hpp"
#include "store/contact_repository.hpp"
#include "support/constituent_fixtures.hpp"

namespace steward {
namespace {

using testing::Line;
using testing::pay;

class PrivacyPendingImportTest : public testing::ImportTest {};

TEST_P(PrivacyPendingImportTest, CommitAfterEraseRecordsTheGiftWithoutThePerson) {
  long long kim = testing::make_individual(db(), actor(), "민지", "김").id;
  domain::EmailInput e;
  e.email = "minji@example.org";
  e.is_primary = true;
  ASSERT_TRUE(
      db().write(actor(), [&](store::Unit& u) { return store::contacts::add_email(u, kim, e); }));
  Line line = pay("ch_erase_1", 5000, "김민지", "minji@example.org");
  line.payer = "cus_erase";
  line.description = "민지의 기도 제목";
  auto preview = stage({line, pay("ch_other_1", 700, "Other Donor", "other@example.org")});
  ASSERT_TRUE(preview) << preview.status().to_string();
  ASSERT_EQ(preview->counts["new_gift"], 2);

  auto erased = db().write(actor(), [&](store::Unit& u) {
    return engine::privacy::erase_personal_data(u, kim, "ERASE " + std::to_string(kim));
  });
  ASSERT_TRUE(erased) << erased.status().to_string();
  EXPECT_EQ(erased->removed["pending_import_rows"], 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rows WHERE record LIKE '%minji%' OR record LIKE "
                  "'%김민지%' OR record LIKE '%cus_erase%' OR record LIKE '%기도%'"),
            0);

  auto done = engine::imports::commit_import(db(), actor(), preview->import_id);
  ASSERT_TRUE(done) << done.status().to_string();
  EXPECT_EQ(done->totals.gifts, 2);
  EXPECT_EQ(count("SELECT constituent_id FROM gifts WHERE external_id = 'ch_erase_1'"), kim);
  EXPECT_EQ(count("SELECT amount_minor FROM gifts WHERE external_id = 'ch_erase_1'"), 5000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituents WHERE display_name LIKE '%민지%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM emails WHERE email LIKE '%minji%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM constituent_external_ids"), 0);
  // Exactly once still holds: the same file again adds nothing.
  auto again = stage({line});
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->counts["duplicate"], 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(PrivacyPendingImportTest);

}  // namespace
}  // namespace steward
