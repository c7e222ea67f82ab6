-- The bare Worker's one table: an inquiry as the JSON it arrived in.
CREATE TABLE inquiries (
	id TEXT PRIMARY KEY,
	created_at INTEGER NOT NULL, -- unix ms
	body TEXT NOT NULL
);
