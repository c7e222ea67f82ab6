-- A person may ask us to erase their inquiries (the console's "Erase this person's data").
-- erased_at tells that apart from the routine redaction of old inquiries (redacted_at), so the
-- receipt page can say which happened. The index finds one person's inquiries by address, the
-- same way the erase query compares them (case-insensitive).
ALTER TABLE inquiries ADD COLUMN erased_at INTEGER;
CREATE INDEX inquiries_email ON inquiries (lower(email)) WHERE email IS NOT NULL;
