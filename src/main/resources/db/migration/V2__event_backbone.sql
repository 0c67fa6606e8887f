-- Exactly-once in effect: a consumer applies an event only if it can add its (consumer, event id)
-- row, in the same transaction as the effect. Two pods racing on one event: the second waits on
-- the first's row and then skips.
create table consumed_event (
    consumer         varchar(128) not null,
    event_id         varchar(128) not null,
    event_type       varchar(128),
    business_key     varchar(256),
    correlation_id   varchar(64),
    topic            varchar(249) not null,
    kafka_partition  integer      not null,
    kafka_offset     bigint       not null,
    applied_at       timestamp with time zone not null,
    primary key (consumer, event_id)
);
create index consumed_event_business_key on consumed_event (business_key);
create index consumed_event_correlation on consumed_event (correlation_id);

-- Every message a consumer gave up on, with the original record, so it can be replayed once its
-- cause is fixed. The same record also goes to <topic>.dlq for Kafka tooling.
create table dead_letter (
    dead_letter_id      varchar(64)  primary key,
    consumer            varchar(128) not null,
    route_id            varchar(128),
    event_id            varchar(128),
    event_type          varchar(128),
    business_key        varchar(256),
    correlation_id      varchar(64),
    original_topic      varchar(249) not null,
    original_partition  integer      not null,
    original_offset     bigint       not null,
    record_key          varchar(256),
    record_headers      text         not null,   -- JSON object: header name -> base64 value
    record_value        bytea,
    cause               text         not null,
    attempts            integer      not null,
    dead_lettered_at    timestamp with time zone not null,
    status              varchar(16)  not null,   -- DEAD, then REPLAYED
    replayed_at         timestamp with time zone,
    replayed_by         varchar(128)
);
create index dead_letter_business_key on dead_letter (business_key);
create index dead_letter_event on dead_letter (event_id);

-- Who replayed what, when.
create table replay (
    replay_id        varchar(64)  primary key,
    requested_by     varchar(128) not null,
    requested_at     timestamp with time zone not null,
    kind             varchar(16)  not null,   -- DEAD_LETTER, BUSINESS_KEY, TIME_RANGE
    target           varchar(512) not null,
    events_replayed  integer      not null
);
