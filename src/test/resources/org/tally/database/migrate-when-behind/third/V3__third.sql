CREATE TABLE third_table (v text);
