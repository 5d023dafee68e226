-- Analytics views (issue 8): the stable, documented surface that report plugins query
-- (docs/analyst-guide.md lists every column). Mirrors migrations/sqlite/0011_analytics_views.sql:
-- same views, same columns, same meaning. Dates are 'YYYY-MM-DD' text on both backends; flags
-- are 0/1 integers; money is integer minor units with its currency beside it.
--
-- Counted gifts: not deleted, status completed or partially_refunded, and something left after
-- refunds (net > 0 in the gift's currency and in the base currency). Fully refunded, pending,
-- failed and zero gifts never appear. Every row carries `restricted` (1 when the constituent is
-- restricted) so the report runner can hide those rows from callers without the grant.

CREATE VIEW analytics_constituents AS
SELECT c.id AS constituent_id,
       c.kind,
       c.display_name,
       c.sort_name,
       c.organization_type,
       CASE WHEN c.restricted THEN 1 ELSE 0 END AS restricted,
       CASE WHEN c.do_not_email THEN 1 ELSE 0 END AS do_not_email,
       CASE WHEN c.do_not_mail THEN 1 ELSE 0 END AS do_not_mail,
       CASE WHEN c.do_not_call THEN 1 ELSE 0 END AS do_not_call,
       CASE WHEN c.do_not_solicit THEN 1 ELSE 0 END AS do_not_solicit,
       c.stage,
       c.donor_source,
       (SELECT hm.household_id FROM household_members hm
         WHERE hm.member_id = c.id AND hm.ended_on IS NULL ORDER BY hm.id LIMIT 1) AS household_id,
       CASE WHEN EXISTS (SELECT 1 FROM emails e WHERE e.constituent_id = c.id
                           AND e.is_primary AND e.unsubscribed_at IS NULL)
            THEN 1 ELSE 0 END AS has_email,
       CASE WHEN EXISTS (SELECT 1 FROM addresses a WHERE a.constituent_id = c.id
                           AND a.is_primary AND NOT a.undeliverable)
            THEN 1 ELSE 0 END AS has_address,
       (SELECT a.region FROM addresses a WHERE a.constituent_id = c.id AND a.is_primary) AS region,
       (SELECT a.country FROM addresses a WHERE a.constituent_id = c.id AND a.is_primary) AS country,
       to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS created_on
  FROM constituents c
 WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL;

CREATE VIEW analytics_gifts AS
SELECT g.id AS gift_id,
       g.constituent_id,
       c.kind AS constituent_kind,
       CASE WHEN c.restricted THEN 1 ELSE 0 END AS restricted,
       (SELECT hm.household_id FROM household_members hm
         WHERE hm.member_id = g.constituent_id
           AND (hm.started_on IS NULL OR hm.started_on <= g.received_on)
           AND (hm.ended_on IS NULL OR hm.ended_on > g.received_on)
         ORDER BY hm.id LIMIT 1) AS household_id,
       to_char(g.received_on, 'YYYY-MM-DD') AS received_on,
       CAST(EXTRACT(YEAR FROM g.received_on) AS INTEGER) AS received_year,
       CAST(EXTRACT(MONTH FROM g.received_on) AS INTEGER) AS received_month,
       g.currency,
       g.amount_minor,
       g.refunded_minor,
       g.amount_minor - g.refunded_minor AS net_minor,
       g.base_currency,
       g.base_amount_minor - g.base_refunded_minor AS base_net_minor,
       g.payment_method,
       g.status,
       g.source,
       (SELECT a.fund_id FROM gift_allocations a WHERE a.gift_id = g.id
         ORDER BY a.amount_minor DESC, a.id LIMIT 1) AS fund_id,
       g.campaign_id,
       g.appeal_id,
       g.recurring_plan_id,
       g.pledge_id
  FROM gifts g JOIN constituents c ON c.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor;

CREATE VIEW analytics_allocations AS
SELECT a.id AS allocation_id,
       a.gift_id,
       g.constituent_id,
       CASE WHEN c.restricted THEN 1 ELSE 0 END AS restricted,
       to_char(g.received_on, 'YYYY-MM-DD') AS received_on,
       CAST(EXTRACT(YEAR FROM g.received_on) AS INTEGER) AS received_year,
       CAST(EXTRACT(MONTH FROM g.received_on) AS INTEGER) AS received_month,
       a.fund_id,
       g.currency,
       a.amount_minor - a.refunded_minor AS net_minor,
       g.base_currency,
       (a.amount_minor - a.refunded_minor) * (g.base_amount_minor - g.base_refunded_minor)
         / (g.amount_minor - g.refunded_minor) AS base_net_minor,
       g.payment_method,
       g.campaign_id,
       g.appeal_id
  FROM gift_allocations a
  JOIN gifts g ON g.id = a.gift_id
  JOIN constituents c ON c.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor
   AND a.amount_minor > a.refunded_minor;

CREATE VIEW analytics_soft_credits AS
SELECT s.id AS soft_credit_id,
       s.gift_id,
       s.constituent_id,
       CASE WHEN c.restricted THEN 1 ELSE 0 END AS restricted,
       g.constituent_id AS donor_id,
       CASE WHEN d.restricted THEN 1 ELSE 0 END AS donor_restricted,
       s.role,
       to_char(g.received_on, 'YYYY-MM-DD') AS received_on,
       CAST(EXTRACT(YEAR FROM g.received_on) AS INTEGER) AS received_year,
       CAST(EXTRACT(MONTH FROM g.received_on) AS INTEGER) AS received_month,
       g.currency,
       s.amount_minor * (g.amount_minor - g.refunded_minor) / g.amount_minor AS net_minor,
       g.base_currency,
       s.amount_minor * (g.base_amount_minor - g.base_refunded_minor) / g.amount_minor AS base_net_minor
  FROM soft_credits s
  JOIN gifts g ON g.id = s.gift_id
  JOIN constituents c ON c.id = s.constituent_id
  JOIN constituents d ON d.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor;

CREATE VIEW analytics_recurring_plans AS
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
       p.appeal_id
  FROM recurring_plans p JOIN constituents c ON c.id = p.constituent_id;

CREATE VIEW analytics_funds AS
SELECT f.id AS fund_id, f.code, f.name, f.program, CASE WHEN f.restricted THEN 1 ELSE 0 END AS donor_restricted,
       CASE WHEN f.active THEN 1 ELSE 0 END AS active, f.monthly_need_minor, f.monthly_need_currency
  FROM funds f;

CREATE VIEW analytics_campaigns AS
SELECT k.id AS campaign_id, k.code, k.name, k.goal_minor, k.currency,
       to_char(k.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(k.ends_on, 'YYYY-MM-DD') AS ends_on, CASE WHEN k.active THEN 1 ELSE 0 END AS active
  FROM campaigns k;

CREATE VIEW analytics_appeals AS
SELECT a.id AS appeal_id, a.campaign_id, a.code, a.name, a.channel, a.goal_minor, a.currency,
       to_char(a.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on
  FROM appeals a;

-- The roles a report runs as (engine/report_sandbox.cpp): steward_report_all may read these
-- views; steward_report_limited may read none of them, only the per-run TEMP views that leave out
-- restricted constituents (granted to it by the runner inside the report's transaction). Neither
-- can read a table. Roles are cluster-wide, so they are created once and granted per schema.
-- Without the CREATEROLE privilege nothing is created here and reports refuse to run, saying so.
DO $$
DECLARE
  can_create BOOLEAN;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO can_create FROM pg_roles WHERE rolname = current_user;
  IF NOT can_create THEN
    RAISE NOTICE 'steward: no CREATEROLE privilege; report roles not created';
    RETURN;
  END IF;
  BEGIN
    CREATE ROLE steward_report_all NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE steward_report_limited NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  EXECUTE format('GRANT steward_report_all, steward_report_limited TO %I', current_user);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO steward_report_all, steward_report_limited',
                 current_schema());
  EXECUTE 'GRANT SELECT ON analytics_constituents, analytics_gifts, analytics_allocations,'
          ' analytics_soft_credits, analytics_recurring_plans, analytics_funds,'
          ' analytics_campaigns, analytics_appeals TO steward_report_all';
  EXECUTE 'GRANT SELECT ON analytics_funds, analytics_campaigns, analytics_appeals'
          ' TO steward_report_limited';
END
$$;
