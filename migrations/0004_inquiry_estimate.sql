-- A stack estimate the visitor attached from /tools/estimate ("Discuss this estimate"): its query
-- string (item=…&item=…), checked and at most 8,000 characters; NULL when none was attached.
ALTER TABLE inquiries ADD COLUMN estimate TEXT;
