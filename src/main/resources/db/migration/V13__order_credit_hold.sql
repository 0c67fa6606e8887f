-- An order Odoo warned would pass its customer's credit limit waits, unconfirmed, for a person.
ALTER TABLE order_process ADD COLUMN credit_hold_at TIMESTAMP WITH TIME ZONE;
