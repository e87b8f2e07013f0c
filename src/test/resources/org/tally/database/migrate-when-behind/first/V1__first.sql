CREATE TABLE first_table (v text);
