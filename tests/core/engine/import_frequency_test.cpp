// Recurring plans created by an import take the file's interval (decision 0154).
#include "engine/import_frequency.hpp"
#include "import_support.hpp"

namespace steward {
namespace {

using engine::imports::frequency_from_interval;
using testing::Line;
using testing::pay;

TEST(ImportFrequencyTest, ProcessorAndFormSpellings) {
  using domain::Frequency;
  EXPECT_EQ(frequency_from_interval("").frequency, Frequency::kMonthly);
  EXPECT_EQ(frequency_from_interval("month").frequency, Frequency::kMonthly);
  EXPECT_EQ(frequency_from_interval("Monthly").frequency, Frequency::kMonthly);
  EXPECT_EQ(frequency_from_interval("Every 3 Months").frequency, Frequency::kQuarterly);
  EXPECT_EQ(frequency_from_interval("quarterly").frequency, Frequency::kQuarterly);
  EXPECT_EQ(frequency_from_interval("year").frequency, Frequency::kYearly);
  EXPECT_EQ(frequency_from_interval("12 months").frequency, Frequency::kYearly);
  EXPECT_EQ(frequency_from_interval("Y").frequency, Frequency::kYearly);
  EXPECT_EQ(frequency_from_interval("annual").frequency, Frequency::kYearly);
  EXPECT_EQ(frequency_from_interval("week").frequency, Frequency::kWeekly);
  EXPECT_EQ(frequency_from_interval("매월").frequency, Frequency::kMonthly);
  EXPECT_EQ(frequency_from_interval("매년").frequency, Frequency::kYearly);
  EXPECT_FALSE(frequency_from_interval("fortnightly").known);
  EXPECT_EQ(frequency_from_interval("fortnightly").frequency, Frequency::kMonthly);
}

class ImportPlanFrequencyTest : public testing::ImportTest {};

TEST_P(ImportPlanFrequencyTest, APlanTakesTheFilesIntervalElseMonthly) {
  Line yearly = pay("ch_Y1", 120000, "김민지", "minji@example.org");
  yearly.recurring = "sub_Y";
  yearly.interval = "year";
  Line plain = pay("ch_M1", 3000, "Jane Doe", "jane@example.org");
  plain.recurring = "sub_M";
  auto done = import({yearly, plain});
  EXPECT_EQ(done.totals.gifts, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recurring_plans WHERE processor_reference = 'sub_Y' AND "
                  "frequency = 'yearly'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recurring_plans WHERE processor_reference = 'sub_M' AND "
                  "frequency = 'monthly'"),
            1);
  // Ten months on: a second payment in the yearly plan's period is flagged as such by the
  // engine; the monthly plan's next payment is simply its next instalment.
  Line year_again = yearly;
  year_again.id = "ch_Y2";
  year_again.date = "2026-11-05";
  Line month_again = plain;
  month_again.id = "ch_M2";
  month_again.date = "2026-02-05";
  auto later = import({year_again, month_again});
  EXPECT_EQ(later.totals.gifts, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recurring_plans"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rows WHERE identity LIKE '%ch_Y2' AND message LIKE "
                  "'%duplicate_period%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM gifts g JOIN recurring_plans p ON p.id = "
                  "g.recurring_plan_id WHERE p.processor_reference = 'sub_M'"),
            2);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportPlanFrequencyTest);

}  // namespace
}  // namespace steward
