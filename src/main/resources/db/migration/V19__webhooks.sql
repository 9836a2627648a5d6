-- Webhooks: an editor's system subscribes to events (filtered like the feed); each event that
-- matches a subscription gets a delivery row in the transaction that records the event (the
-- outbox), and a dispatcher on any replica sends it, signed (Standard Webhooks), retrying with
-- back-off until the receiver answers 2xx or the attempts run out. The rows survive a restart: a
-- delivery not yet made is made by whichever replica runs next.
create table webhook_subscription (
    id            uuid primary key,
    url           text not null,
    secret        text not null,
    theme_id      text,
    indicator_id  text,
    norm_id       text,
    kind          text,
    created_by    text not null,
    created_at    timestamptz not null default now()
);

create table webhook_delivery (
    id               bigserial primary key,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         bigint not null references event (id),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    delivered_at     timestamptz,
    given_up_at      timestamptz,
    last_status      integer,
    last_error       text,
    unique (subscription_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and given_up_at is null;
