-- Odoo's write_date has whole seconds on the wire, so two changes of one record within a second
-- share it; the fields the consumer reads tell them apart. Nothing worth keeping was delivered yet.
DROP TABLE odoo_change_delivered;

CREATE TABLE odoo_change_delivered (
    consumer      VARCHAR(300) NOT NULL,
    model         VARCHAR(128) NOT NULL,
    record_id     BIGINT       NOT NULL,
    write_date    VARCHAR(19)  NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, model, record_id, write_date, fingerprint)
);
CREATE INDEX odoo_change_delivered_at ON odoo_change_delivered (delivered_at);
