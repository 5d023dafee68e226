-- Report speed (issues 8 and 10, decision 0221). Mirrors
-- migrations/postgresql/0026_analytics_received_date.sql.
--
-- The gift views gain one column at the end, `received_date`: the gift's day as a value the
-- database compares natively. On PostgreSQL it is a DATE (received_on is to_char text, which
-- costs a conversion per row and per comparison and hides the column's statistics from the
-- planner); on SQLite dates are 'YYYY-MM-DD' text already, so it is the same text as
-- received_on. Reports filter and group on received_date and show received_on. Nothing else
-- changes: the other columns are copied from migration 0011.
--
-- SQLite only: LIMIT -1 OFFSET 0 keeps the views from being flattened (see migration 0011).

DROP VIEW analytics_gifts;
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
       g.pledge_id,
       g.received_on AS received_date
  FROM gifts g JOIN constituents c ON c.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor
 LIMIT -1 OFFSET 0;

DROP VIEW analytics_allocations;
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
       g.appeal_id,
       g.received_on AS received_date
  FROM gift_allocations a
  JOIN gifts g ON g.id = a.gift_id
  JOIN constituents c ON c.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor
   AND a.amount_minor > a.refunded_minor
 LIMIT -1 OFFSET 0;

DROP VIEW analytics_soft_credits;
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
       s.amount_minor * (g.base_amount_minor - g.base_refunded_minor) / g.amount_minor AS base_net_minor,
       g.received_on AS received_date
  FROM soft_credits s
  JOIN gifts g ON g.id = s.gift_id
  JOIN constituents c ON c.id = s.constituent_id
  JOIN constituents d ON d.id = g.constituent_id
 WHERE g.deleted_at IS NULL
   AND g.status IN ('completed', 'partially_refunded')
   AND g.amount_minor > g.refunded_minor
   AND g.base_amount_minor > g.base_refunded_minor
 LIMIT -1 OFFSET 0;
