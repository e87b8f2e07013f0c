-- Where each dataset column sat in a loaded sheet, so that a check can point at the exact cell (H17)
-- of any row: registry.load gives file and sheet, the warehouse row its row_number, this the letter.
CREATE TABLE registry.load_column (
    load_id        bigint NOT NULL REFERENCES registry.load (id),
    column_name    text   NOT NULL,
    column_letter  text   NOT NULL,
    PRIMARY KEY (load_id, column_name)
);
