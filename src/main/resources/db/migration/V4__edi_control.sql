-- Outbound control numbers per partner and kind (interchange, group, transaction): strictly
-- increasing and never reused, even with several pods sending at once (the row is locked while a
-- number is taken).
create table edi_control_number (
    partner     varchar(64) not null,
    kind        varchar(16) not null,
    last_value  bigint      not null,
    primary key (partner, kind)
);

-- Interchanges received, per sender/receiver pair and control number: a partner's resend is
-- recognised before anything reaches Odoo.
create table edi_received_interchange (
    sender          varchar(64)  not null,   -- qualifier:id
    receiver        varchar(64)  not null,
    control_number  varchar(32)  not null,
    partner         varchar(64)  not null,
    correlation_id  varchar(64)  not null,
    received_at     timestamp with time zone not null,
    primary key (sender, receiver, control_number)
);
