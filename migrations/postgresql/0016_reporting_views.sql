-- Reporting (issue 8, decision 0171). Mirrors migrations/sqlite/0015_reporting_views.sql.
--
-- 1. Two analytics views gain columns at the end (nothing is removed or renamed; CREATE OR
--    REPLACE keeps the grants of migration 0011): analytics_funds.people_served and
--    analytics_recurring_plans.stopped_on, the day a plan that is no longer open (paused, lapsed,
--    cancelled, completed) changed to that status (its last payment, or its start, when the
--    change was not recorded); NULL for active and failing plans.
-- 2. Views for BI tools (report_*, docs/reporting.md): see the second half of this file.

CREATE OR REPLACE VIEW analytics_recurring_plans AS
SELECT p.id AS plan_id,
       p.constituent_id,
       CASE WHEN c.restricted THEN 1 ELSE 0 END AS restricted,
       p.amount_minor,
       p.currency,
       p.frequency,
       p.status,
       to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on,
       to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on,
       to_char(p.next_expected_on, 'YYYY-MM-DD') AS next_expected_on,
       to_char(p.last_paid_on, 'YYYY-MM-DD') AS last_paid_on,
       p.consecutive_failures,
       p.fund_id,
       p.campaign_id,
       p.appeal_id,
       CASE WHEN p.status IN ('active', 'failing') THEN NULL
            ELSE COALESCE(to_char(p.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                          to_char(p.last_paid_on, 'YYYY-MM-DD'), to_char(p.starts_on, 'YYYY-MM-DD'))
       END AS stopped_on
  FROM recurring_plans p JOIN constituents c ON c.id = p.constituent_id;

CREATE OR REPLACE VIEW analytics_funds AS
SELECT f.id AS fund_id, f.code, f.name, f.program, CASE WHEN f.restricted THEN 1 ELSE 0 END AS donor_restricted,
       CASE WHEN f.active THEN 1 ELSE 0 END AS active, f.monthly_need_minor, f.monthly_need_currency,
       f.people_served
  FROM funds f;

-- 2. Views for BI tools (docs/reporting.md lists every column). Built on the analytics views,
-- so they count gifts the same way; restricted constituents and everything attached to them are
-- left out; no contact details, notes, processor references, users, sessions or tokens. On
-- PostgreSQL `steward reporting-role create NAME` makes a login role that can read only these.

CREATE VIEW report_constituents AS
SELECT c.constituent_id, c.kind, c.display_name, c.sort_name, c.organization_type,
       c.do_not_email, c.do_not_mail, c.do_not_call, c.do_not_solicit, c.stage, c.donor_source,
       c.household_id, c.has_email, c.has_address, c.region, c.country, c.created_on,
       to_char(s.first_gift_on, 'YYYY-MM-DD') AS first_gift_on,
       to_char(s.last_gift_on, 'YYYY-MM-DD') AS last_gift_on,
       COALESCE(s.gift_count, 0) AS gift_count,
       COALESCE(s.lifetime_minor, 0) AS lifetime_minor,
       COALESCE(s.largest_gift_minor, 0) AS largest_gift_minor
  FROM analytics_constituents c
  LEFT JOIN giving_summaries s ON s.constituent_id = c.constituent_id
 WHERE c.restricted = 0;

CREATE VIEW report_gifts AS
SELECT g.gift_id, g.constituent_id, c.display_name AS donor_name, g.constituent_kind,
       g.household_id, g.received_on, g.received_year, g.received_month, g.currency,
       g.amount_minor, g.refunded_minor, g.net_minor, g.base_currency, g.base_net_minor,
       g.payment_method, g.status, g.source, g.fund_id, f.code AS fund_code, f.name AS fund_name,
       g.campaign_id, k.name AS campaign_name, g.appeal_id, a.name AS appeal_name,
       g.recurring_plan_id, g.pledge_id
  FROM analytics_gifts g
  JOIN analytics_constituents c ON c.constituent_id = g.constituent_id
  LEFT JOIN analytics_funds f ON f.fund_id = g.fund_id
  LEFT JOIN analytics_campaigns k ON k.campaign_id = g.campaign_id
  LEFT JOIN analytics_appeals a ON a.appeal_id = g.appeal_id
 WHERE g.restricted = 0;

CREATE VIEW report_allocations AS
SELECT a.allocation_id, a.gift_id, a.constituent_id, a.received_on, a.received_year,
       a.received_month, a.fund_id, f.code AS fund_code, f.name AS fund_name, a.currency,
       a.net_minor, a.base_currency, a.base_net_minor, a.payment_method, a.campaign_id,
       a.appeal_id
  FROM analytics_allocations a
  LEFT JOIN analytics_funds f ON f.fund_id = a.fund_id
 WHERE a.restricted = 0;

CREATE VIEW report_soft_credits AS
SELECT s.soft_credit_id, s.gift_id, s.constituent_id, s.donor_id, s.role, s.received_on,
       s.received_year, s.received_month, s.currency, s.net_minor, s.base_currency,
       s.base_net_minor
  FROM analytics_soft_credits s
 WHERE s.restricted = 0 AND s.donor_restricted = 0;

-- monthly_value_minor: amount × (weekly 52/12, monthly 1, quarterly 1/3, yearly 1/12), rounded
-- half up per plan (`steward recurring mrr` rounds the sum once, so totals may differ by cents).
CREATE VIEW report_recurring AS
SELECT p.plan_id, p.constituent_id, c.display_name AS donor_name, p.amount_minor, p.currency,
       p.frequency,
       (p.amount_minor * CASE p.frequency WHEN 'weekly' THEN 52 WHEN 'quarterly' THEN 4
                                          WHEN 'yearly' THEN 1 ELSE 12 END + 6) / 12
         AS monthly_value_minor,
       p.status, p.starts_on, p.ends_on, p.next_expected_on, p.last_paid_on,
       p.consecutive_failures, p.stopped_on, p.fund_id, f.name AS fund_name, p.campaign_id,
       p.appeal_id
  FROM analytics_recurring_plans p
  JOIN analytics_constituents c ON c.constituent_id = p.constituent_id
  LEFT JOIN analytics_funds f ON f.fund_id = p.fund_id
 WHERE p.restricted = 0;

CREATE VIEW report_funds AS
SELECT fund_id, code, name, program, donor_restricted, active, monthly_need_minor,
       monthly_need_currency, people_served
  FROM analytics_funds;

CREATE VIEW report_campaigns AS
SELECT campaign_id, code, name, goal_minor, currency, starts_on, ends_on, active
  FROM analytics_campaigns;

CREATE VIEW report_appeals AS
SELECT appeal_id, campaign_id, code, name, channel, goal_minor, currency, starts_on, ends_on
  FROM analytics_appeals;
