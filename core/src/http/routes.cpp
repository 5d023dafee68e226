// Every route of the API. Add a resource's registration here (and its file in handlers/).
#include "http/api.hpp"
#include "http/handlers/handlers.hpp"

namespace steward::http {

void register_routes(Api& api) {
  add_session_routes(api);
  add_second_factor_routes(api);
  add_user_routes(api);
  add_fund_routes(api);
  add_settings_routes(api);
  add_audit_routes(api);
  add_gift_routes(api);
  add_batch_routes(api);
  add_recurring_plan_routes(api);
  add_pledge_routes(api);
  add_constituent_routes(api);
  add_constituent_export_routes(api);
  add_contact_routes(api);
  add_household_routes(api);
  add_relationship_routes(api);
  add_tag_routes(api);
  add_tag_member_routes(api);
  add_campaign_routes(api);
  add_interaction_routes(api);
  add_task_routes(api);
  add_stage_routes(api);
  add_segment_routes(api);
  add_segment_export_routes(api);
  add_duplicate_routes(api);
  add_needs_routes(api);
  add_recurring_revenue_routes(api);
  add_dashboard_routes(api);
  add_plugin_routes(api);
  add_soft_credit_routes(api);
  add_report_routes(api);
  add_analytics_routes(api);
  add_import_routes(api);
  add_mail_routes(api);
  add_mail_log_routes(api);
  add_privacy_routes(api);
  add_openapi_routes(api);  // last: documents the routes above
}

}  // namespace steward::http
