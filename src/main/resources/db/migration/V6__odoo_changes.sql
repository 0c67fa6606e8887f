-- Change capture from Odoo: where each consumer's write_date poll stands, and which changes were
-- delivered, so a change seen by both the webhook and the poll (or by two pods) reaches its route once.
CREATE TABLE odoo_change_cursor (
    consumer      VARCHAR(300) PRIMARY KEY,
    -- Odoo's naive UTC 'YYYY-MM-DD HH:MM:SS' of the newest change delivered...
    write_date    VARCHAR(19)  NOT NULL,
    -- ...and the ids already delivered at exactly that second (many records share one write_date).
    seen_ids      TEXT         NOT NULL,
    leased_by     VARCHAR(200),
    leased_until  TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE odoo_change_delivered (
    consumer      VARCHAR(300) NOT NULL,
    model         VARCHAR(128) NOT NULL,
    record_id     BIGINT       NOT NULL,
    write_date    VARCHAR(19)  NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, model, record_id, write_date)
);
CREATE INDEX odoo_change_delivered_at ON odoo_change_delivered (delivered_at);
