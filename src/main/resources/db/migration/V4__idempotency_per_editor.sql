-- An idempotency key is the editor's own: another editor's request with the same key is a request
-- of its own, never a replay of the first editor's answer.
alter table observation_import drop constraint observation_import_idempotency_key_key;
create unique index observation_import_actor_idempotency_key on observation_import (actor, idempotency_key);

-- From now on request_sha256 fingerprints the whole request (method, path, query and body), not
-- only the body, so that the same body sent with another reason is not taken for a retry.
comment on column observation_import.request_sha256 is 'SHA-256 of the request: method, path, query and body';

-- The answers to single writes (POST) sent with an Idempotency-Key, kept to be replayed when the
-- same editor sends the same request with the same key again.
create table idempotent_request (
    actor           text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    status          integer     not null,
    location        text,
    body            text        not null,
    created_at      timestamptz not null default now(),
    primary key (actor, idempotency_key)
);
