-- Which pod is reading which file from a partner's inbox: a second pod that sees the same file
-- skips it while the claim stands. A claim older than the lease (its pod died) may be taken over.
create table file_claim (
    partner     varchar(64)  not null,
    file_key    varchar(700) not null,
    claimed_by  varchar(128) not null,
    claimed_at  timestamp with time zone not null,
    primary key (partner, file_key)
);
