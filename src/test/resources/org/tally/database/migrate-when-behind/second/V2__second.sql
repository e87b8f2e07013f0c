CREATE TABLE second_table (v text);
