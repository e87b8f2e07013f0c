-- The loads each figure version was computed from, with the rows its aggregate read of each: what
-- makes a published number traceable to its cells (registry.load gives file and sheet, the dataset
-- row its row_number, registry.load_column the column letter), and what the press's chart and
-- by-county breakdown are computed from, so that they show the last verified version's rows rather
-- than whatever loads are current. A superseded load keeps its rows in warehouse.<dataset>.
CREATE TABLE publish.figure_version_load (
    figure_version_id  bigint NOT NULL REFERENCES publish.figure_version (id),
    load_id            bigint NOT NULL REFERENCES registry.load (id),
    rows_read          bigint NOT NULL,
    PRIMARY KEY (figure_version_id, load_id)
);
CREATE INDEX figure_version_load_by_load ON publish.figure_version_load (load_id);

-- Versions published before this table recorded their sources by file and sheet only: each is matched
-- to the load of that name, sheet and period that was loaded by the version's run or before, the
-- latest such (the one current when the figure was computed). A source without such a load gets no
-- row, so its version contributes nothing to a breakdown rather than someone else's rows.
INSERT INTO publish.figure_version_load (figure_version_id, load_id, rows_read)
SELECT v.id, l.id, CAST(s.source ->> 'rows' AS bigint)
FROM publish.figure_version v
CROSS JOIN LATERAL jsonb_array_elements(v.sources) AS s (source)
CROSS JOIN LATERAL (
    SELECT r.id FROM registry.load r
    WHERE r.file_name = s.source ->> 'file'
      AND r.sheet IS NOT DISTINCT FROM s.source ->> 'sheet'
      AND r.period = v.as_of
      AND r.status IN ('loaded', 'superseded')
      AND r.run_id <= v.run_id
    ORDER BY r.run_id DESC, r.id DESC
    LIMIT 1) l
ON CONFLICT DO NOTHING;
