-- What was recorded on a session's day (check-in, readings, effects, dose orders, the dose, alerts, the outcome), as
-- one document read and written whole under the session's row lock; null until something is recorded.
alter table session add column day jsonb;
