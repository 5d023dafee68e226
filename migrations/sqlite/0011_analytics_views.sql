-- Analytics views (issue 8): the stable, documented surface that report plugins query
-- (docs/analyst-guide.md lists every column). Mirrors migrations/postgresql/0011_analytics_views.sql:
-- same views, same columns, same meaning. Dates are 'YYYY-MM-DD' text on both backends; flags
-- are 0/1 integers; money is integer minor units with its currency beside it.
--
-- Counted gifts: not deleted, status completed or partially_refunded, and something left after
-- refunds (net > 0 in the gift's currency and in the base currency). Fully refunded, pending,
-- failed and zero gifts never appear. Every row carries `restricted` (1 when the constituent is
-- restricted) so the report runner can hide those rows from callers without the grant.
--
-- SQLite only: every view ends in LIMIT -1 OFFSET 0 (no limit), which keeps SQLite from
-- flattening it into the report's query. Flattening drops the view's name from the authorizer
-- calls for tables whose columns the report does not use, and the report sandbox (decision
-- 0170) must see that every table read comes from inside a view.

CREATE VIEW analytics_constituents AS
SELECT c.id AS constituent_id,
       c.kind,
       c.display_name,
       c.sort_name,
       c.organization_type,
       c.restricted AS restricted,
       c.do_not_email AS do_not_email,
       c.do_not_mail AS do_not_mail,
       c.do_not_call AS do_not_call,
       c.do_not_solicit AS do_not_solicit,
       c.stage,
       c.donor_source,
       (SELECT hm.household_id FROM household_members hm
         WHERE hm.member_id = c.id AND hm.ended_on IS NULL ORDER BY hm.id LIMIT 1) AS household_id,
       CASE WHEN EXISTS (SELECT 1 FROM emails e WHERE e.constituent_id = c.id
                           AND e.is_primary = 1 AND e.unsubscribed_at IS NULL)
            THEN 1 ELSE 0 END AS has_email,
       CASE WHEN EXISTS (SELECT 1 FROM addresses a WHERE a.constituent_id = c.id
                           AND a.is_primary = 1 AND a.undeliverable = 0)
            THEN 1 ELSE 0 END AS has_address,
       (SELECT a.region FROM addresses a WHERE a.constituent_id = c.id AND a.is_primary = 1) AS region,
       (SELECT a.country FROM addresses a WHERE a.constituent_id = c.id AND a.is_primary = 1) AS country,
       substr(c.created_at, 1, 10) AS created_on
  FROM constituents c
 WHERE c.deleted_at IS NULL AND c.merged_into_id IS NULL
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_gifts AS
SELECT g.id AS gift_id,
       g.constituent_id,
       c.kind AS constituent_kind,
       c.restricted AS restricted,
       (SELECT hm.household_id FROM household_members hm
         WHERE hm.member_id = g.constituent_id
           AND (hm.started_on IS NULL OR hm.started_on <= g.received_on)
           AND (hm.ended_on IS NULL OR hm.ended_on > g.received_on)
         ORDER BY hm.id LIMIT 1) AS household_id,
       g.received_on AS received_on,
       CAST(substr(g.received_on, 1, 4) AS INTEGER) AS received_year,
       CAST(substr(g.received_on, 6, 2) AS INTEGER) AS received_month,
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
   AND g.base_amount_minor > g.base_refunded_minor
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_allocations AS
SELECT a.id AS allocation_id,
       a.gift_id,
       g.constituent_id,
       c.restricted AS restricted,
       g.received_on AS received_on,
       CAST(substr(g.received_on, 1, 4) AS INTEGER) AS received_year,
       CAST(substr(g.received_on, 6, 2) AS INTEGER) AS received_month,
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
   AND a.amount_minor > a.refunded_minor
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_soft_credits AS
SELECT s.id AS soft_credit_id,
       s.gift_id,
       s.constituent_id,
       c.restricted AS restricted,
       g.constituent_id AS donor_id,
       d.restricted AS donor_restricted,
       s.role,
       g.received_on AS received_on,
       CAST(substr(g.received_on, 1, 4) AS INTEGER) AS received_year,
       CAST(substr(g.received_on, 6, 2) AS INTEGER) AS received_month,
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
   AND g.base_amount_minor > g.base_refunded_minor
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_recurring_plans AS
SELECT p.id AS plan_id,
       p.constituent_id,
       c.restricted AS restricted,
       p.amount_minor,
       p.currency,
       p.frequency,
       p.status,
       p.starts_on AS starts_on,
       p.ends_on AS ends_on,
       p.next_expected_on AS next_expected_on,
       p.last_paid_on AS last_paid_on,
       p.consecutive_failures,
       p.fund_id,
       p.campaign_id,
       p.appeal_id
  FROM recurring_plans p JOIN constituents c ON c.id = p.constituent_id
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_funds AS
SELECT f.id AS fund_id, f.code, f.name, f.program, f.restricted AS donor_restricted,
       f.active AS active, f.monthly_need_minor, f.monthly_need_currency
  FROM funds f
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_campaigns AS
SELECT k.id AS campaign_id, k.code, k.name, k.goal_minor, k.currency,
       k.starts_on AS starts_on, k.ends_on AS ends_on, k.active AS active
  FROM campaigns k
 LIMIT -1 OFFSET 0;

CREATE VIEW analytics_appeals AS
SELECT a.id AS appeal_id, a.campaign_id, a.code, a.name, a.channel, a.goal_minor, a.currency,
       a.starts_on AS starts_on, a.ends_on AS ends_on
  FROM appeals a
 LIMIT -1 OFFSET 0;
