-- EDIFACT messages we send have no functional group: what names them for a CONTRL is their message
-- type (ORDRSP, DESADV, INVOIC) where an X12 set has its GS01 (PR, SH, IN).
ALTER TABLE edi_sent ALTER COLUMN functional_id SET DATA TYPE VARCHAR(6);
