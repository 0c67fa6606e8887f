-- Every EDI transaction set we send that the partner is to acknowledge, keyed as its 997/999 names
-- it (our GS06 and ST02), with what the acknowledgment said and whether its absence was raised.
CREATE TABLE edi_sent (
    partner            VARCHAR(64)  NOT NULL,
    group_control      VARCHAR(9)   NOT NULL,
    set_control        VARCHAR(9)   NOT NULL,
    interchange_control VARCHAR(9)  NOT NULL,
    functional_id      VARCHAR(2)   NOT NULL,
    transaction_set    VARCHAR(6)   NOT NULL,
    file_name          VARCHAR(255) NOT NULL,
    business_key       VARCHAR(256),
    correlation_id     VARCHAR(64),
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    ack_status         VARCHAR(24),
    ack_detail         VARCHAR(1024),
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    overdue_raised_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (partner, group_control, set_control)
);
CREATE INDEX edi_sent_due ON edi_sent (due_at);
