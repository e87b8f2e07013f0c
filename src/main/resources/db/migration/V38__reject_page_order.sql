-- The run page shows a run's rejects a page at a time, by key (load, row, id): this index walks
-- them in that order, so a page deep into 100,000 rejects costs what the first does. It starts
-- with load_id, so it also serves every lookup the single-column index served.
CREATE INDEX reject_in_page_order ON registry.reject (load_id, row_number, id);
DROP INDEX registry.reject_by_load;
