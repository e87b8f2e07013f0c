-- Whether the BRIN index of the load's dataset table (warehouse.<dataset>_by_load) has summarised the
-- page ranges holding the load's rows. Promotion summarises new ranges only when more than one load
-- is left unsummarised: a lone load's rows are the only unsummarised pages, which a lookup of that
-- load reads anyway, so summarising them (a scan of every new row: 0.25 s per million) buys nothing
-- until a second load arrives. NULL (older loads) counts as not summarised: the first promotion after
-- this migration summarises, which costs nothing for ranges already summarised.
ALTER TABLE registry.load ADD COLUMN rows_summarized boolean;
