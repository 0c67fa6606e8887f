-- Which Odoo sale order a partner's PO became, and which of its lines each partner line became, so
-- what Odoo does next (shipping, invoicing) is told to the partner in its own terms, under the
-- correlation id of the file the order came in.
CREATE TABLE order_link (
    partner         VARCHAR(100) NOT NULL,
    po_number       VARCHAR(100) NOT NULL,
    odoo_order_id   BIGINT       NOT NULL,
    odoo_order_name VARCHAR(100),
    correlation_id  VARCHAR(100),
    currency        VARCHAR(3),
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner, po_number)
);
CREATE UNIQUE INDEX order_link_odoo_order ON order_link (odoo_order_id);

CREATE TABLE order_line_link (
    odoo_line_id    BIGINT       PRIMARY KEY,
    odoo_order_id   BIGINT       NOT NULL,
    line_number     VARCHAR(20)  NOT NULL,
    unit            VARCHAR(3)   NOT NULL,
    product         TEXT         NOT NULL
);
CREATE INDEX order_line_link_order ON order_line_link (odoo_order_id);
