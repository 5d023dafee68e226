// One registration function per resource; http/routes.cpp calls them all.
#pragma once

#include "http/api.hpp"

namespace steward::http {

void add_session_routes(Api& api);
void add_second_factor_routes(Api& api);
void add_user_routes(Api& api);
void add_fund_routes(Api& api);
void add_settings_routes(Api& api);
void add_audit_routes(Api& api);
void add_gift_routes(Api& api);
void add_batch_routes(Api& api);
void add_recurring_plan_routes(Api& api);
void add_pledge_routes(Api& api);
void add_constituent_routes(Api& api);
void add_constituent_export_routes(Api& api);
void add_contact_routes(Api& api);
void add_household_routes(Api& api);
void add_relationship_routes(Api& api);
void add_tag_routes(Api& api);
void add_tag_member_routes(Api& api);  // tag_member_handlers.cpp: bulk tag
void add_campaign_routes(Api& api);
void add_interaction_routes(Api& api);
void add_task_routes(Api& api);
void add_stage_routes(Api& api);
void add_segment_routes(Api& api);
void add_segment_export_routes(Api& api);
void add_duplicate_routes(Api& api);
void add_needs_routes(Api& api);
void add_recurring_revenue_routes(Api& api);
void add_dashboard_routes(Api& api);
void add_plugin_routes(Api& api);
void add_soft_credit_routes(Api& api);
void add_report_routes(Api& api);
void add_analytics_routes(Api& api);
void add_import_routes(Api& api);
void add_mail_routes(Api& api);
void add_mail_log_routes(Api& api);  // mail_log_handlers.cpp: recent deliveries
void add_privacy_routes(Api& api);
void add_openapi_routes(Api& api);

// The OpenAPI 3 document for every route registered so far.
nlohmann::json openapi_document(const Router& router);

}  // namespace steward::http
