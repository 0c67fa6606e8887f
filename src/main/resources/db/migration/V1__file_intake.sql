-- Delivery truth for files: every byte received is archived unchanged under a correlation id.
-- Written for PostgreSQL; the sandbox runs it on H2 in PostgreSQL mode.

create table archived_document (
    archive_id      varchar(64)  primary key,
    correlation_id  varchar(64)  not null,
    direction       varchar(8)   not null,   -- IN or OUT
    partner         varchar(64)  not null,
    file_name       varchar(512) not null,
    content_sha256  varchar(64)  not null,
    size_bytes      bigint       not null,
    stored_at       timestamp with time zone not null,
    content         bytea        not null
);
create index archived_document_correlation on archived_document (correlation_id);

-- One row per distinct content a partner sent. The unique key is the duplicate detector:
-- a second drop of the same bytes finds this row instead of creating a second one.
create table inbound_file (
    correlation_id  varchar(64)  primary key,
    partner         varchar(64)  not null,
    file_name       varchar(512) not null,
    content_sha256  varchar(64)  not null,
    size_bytes      bigint       not null,
    archive_id      varchar(64)  not null references archived_document (archive_id),
    status          varchar(16)  not null,   -- RECEIVED, then PUBLISHED once on Kafka
    received_at     timestamp with time zone not null,
    published_at    timestamp with time zone,
    constraint inbound_file_content_once unique (partner, content_sha256)
);

-- Every later drop of content already received: reported, never processed again.
create table inbound_duplicate (
    correlation_id           varchar(64)  primary key,
    partner                  varchar(64)  not null,
    file_name                varchar(512) not null,
    content_sha256           varchar(64)  not null,
    original_correlation_id  varchar(64)  not null references inbound_file (correlation_id),
    received_at              timestamp with time zone not null
);
create index inbound_duplicate_original on inbound_duplicate (original_correlation_id);
