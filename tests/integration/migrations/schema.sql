-- Schema version 11, as sqlite_master holds it after the last migration.
-- Written by tests/integration/migrations/schema.test.ts (UPDATE_SCHEMA=1); review every diff.

-- table agenda_item on agenda_item
CREATE TABLE agenda_item (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
position INTEGER NOT NULL,
title TEXT NOT NULL,
planned_minutes INTEGER NOT NULL,
started_at TEXT,
ended_at TEXT
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index agenda_item_meeting on agenda_item
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

-- index agenda_item_uid on agenda_item
CREATE UNIQUE INDEX agenda_item_uid ON agenda_item(uid);

-- trigger agenda_item_uid_fill on agenda_item
CREATE TRIGGER agenda_item_uid_fill AFTER INSERT ON agenda_item WHEN NEW.uid IS NULL
BEGIN UPDATE agenda_item SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table committee on committee
CREATE TABLE committee (
id INTEGER PRIMARY KEY,
name TEXT NOT NULL UNIQUE,
short_name TEXT NOT NULL DEFAULT '',
note TEXT NOT NULL DEFAULT '',
sort INTEGER NOT NULL DEFAULT 0,
retired_at TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index committee_uid on committee
CREATE UNIQUE INDEX committee_uid ON committee(uid);

-- index sqlite_autoindex_committee_1 on committee
-- (made by SQLite itself)

-- trigger committee_uid_fill on committee
CREATE TRIGGER committee_uid_fill AFTER INSERT ON committee WHEN NEW.uid IS NULL
BEGIN UPDATE committee SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table department on department
CREATE TABLE department (
id INTEGER PRIMARY KEY,
name TEXT NOT NULL UNIQUE,
short_name TEXT NOT NULL DEFAULT '',
note TEXT NOT NULL DEFAULT '',
sort INTEGER NOT NULL DEFAULT 0,
retired_at TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index department_uid on department
CREATE UNIQUE INDEX department_uid ON department(uid);

-- index sqlite_autoindex_department_1 on department
-- (made by SQLite itself)

-- trigger department_uid_fill on department
CREATE TRIGGER department_uid_fill AFTER INSERT ON department WHEN NEW.uid IS NULL
BEGIN UPDATE department SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table device_event on device_event
CREATE TABLE device_event (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
device_id INTEGER NOT NULL REFERENCES lan_device(id),
role TEXT NOT NULL,
action TEXT NOT NULL,
detail TEXT NOT NULL DEFAULT '',
at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index device_event_meeting on device_event
CREATE INDEX device_event_meeting ON device_event(meeting_id, id);

-- index device_event_uid on device_event
CREATE UNIQUE INDEX device_event_uid ON device_event(uid);

-- trigger device_event_uid_fill on device_event
CREATE TRIGGER device_event_uid_fill AFTER INSERT ON device_event WHEN NEW.uid IS NULL
BEGIN UPDATE device_event SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table followup on followup
CREATE TABLE followup (
resolution_id INTEGER PRIMARY KEY REFERENCES resolution(id),
state TEXT NOT NULL,
sent_on TEXT,
replied_on TEXT,
reply_text TEXT NOT NULL DEFAULT '',
reply_class TEXT,
evaluation TEXT,
urged INTEGER NOT NULL DEFAULT 0,
reported_on TEXT,
last_date TEXT,
updated_at TEXT NOT NULL
) STRICT;

-- index followup_state on followup
CREATE INDEX followup_state ON followup(state);

-- trigger search_followup on followup
CREATE TRIGGER search_followup AFTER INSERT ON followup BEGIN
UPDATE search_index SET status = new.state WHERE rowid = 4000000000 + new.resolution_id;
END;

-- trigger search_followup_update on followup
CREATE TRIGGER search_followup_update AFTER UPDATE OF state ON followup BEGIN
UPDATE search_index SET status = new.state WHERE rowid = 4000000000 + new.resolution_id;
END;

-- table followup_event on followup_event
CREATE TABLE followup_event (
id INTEGER PRIMARY KEY,
resolution_id INTEGER NOT NULL REFERENCES resolution(id),
action TEXT NOT NULL,
date TEXT NOT NULL,
by TEXT NOT NULL,
note TEXT NOT NULL,
reply_text TEXT,
reply_class TEXT,
evaluation TEXT,
created_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index followup_event_resolution on followup_event
CREATE INDEX followup_event_resolution ON followup_event(resolution_id, id);

-- index followup_event_uid on followup_event
CREATE UNIQUE INDEX followup_event_uid ON followup_event(uid);

-- trigger followup_event_no_delete on followup_event
CREATE TRIGGER followup_event_no_delete BEFORE DELETE ON followup_event BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能删除'); END;

-- trigger followup_event_no_update on followup_event
CREATE TRIGGER followup_event_no_update BEFORE UPDATE ON followup_event
WHEN NOT (OLD.uid IS NULL AND NEW.uid IS NOT NULL AND (NEW.id, NEW.resolution_id, NEW.action, NEW.date, NEW.by, NEW.note, NEW.reply_text, NEW.reply_class, NEW.evaluation, NEW.created_at) IS (OLD.id, OLD.resolution_id, OLD.action, OLD.date, OLD.by, OLD.note, OLD.reply_text, OLD.reply_class, OLD.evaluation, OLD.created_at))
BEGIN SELECT RAISE(ABORT, '督办记录只能追加，不能修改'); END;

-- trigger followup_event_uid_fill on followup_event
CREATE TRIGGER followup_event_uid_fill AFTER INSERT ON followup_event WHEN NEW.uid IS NULL
BEGIN UPDATE followup_event SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table lan_device on lan_device
CREATE TABLE lan_device (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
role TEXT NOT NULL CHECK (role IN ('chair', 'recorder', 'participant', 'projector')),
name TEXT NOT NULL,
token_hash TEXT NOT NULL UNIQUE,
-- A member's phone, once its owner signed in.
participant_id INTEGER REFERENCES participant(id),
paired_at TEXT NOT NULL,
last_seen_at TEXT NOT NULL,
-- Removed by the secretary, or 会场互联 turned off: the token works no more.
ended_at TEXT,
ended_reason TEXT
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index lan_device_meeting on lan_device
CREATE INDEX lan_device_meeting ON lan_device(meeting_id, ended_at);

-- index lan_device_uid on lan_device
CREATE UNIQUE INDEX lan_device_uid ON lan_device(uid);

-- index sqlite_autoindex_lan_device_1 on lan_device
-- (made by SQLite itself)

-- trigger lan_device_uid_fill on lan_device
CREATE TRIGGER lan_device_uid_fill AFTER INSERT ON lan_device WHEN NEW.uid IS NULL
BEGIN UPDATE lan_device SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table lan_session on lan_session
CREATE TABLE lan_session (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
addresses TEXT NOT NULL,
port INTEGER NOT NULL,
started_at TEXT NOT NULL,
ended_at TEXT,
ended_reason TEXT
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index lan_session_uid on lan_session
CREATE UNIQUE INDEX lan_session_uid ON lan_session(uid);

-- trigger lan_session_uid_fill on lan_session
CREATE TRIGGER lan_session_uid_fill AFTER INSERT ON lan_session WHEN NEW.uid IS NULL
BEGIN UPDATE lan_session SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table mark on mark
CREATE TABLE mark (
id TEXT PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
kind TEXT NOT NULL,
excerpt TEXT NOT NULL,
speech_id INTEGER REFERENCES speech(id),
ord INTEGER NOT NULL,
created_at TEXT NOT NULL
) STRICT;

-- index mark_meeting on mark
CREATE INDEX mark_meeting ON mark(meeting_id, ord);

-- index sqlite_autoindex_mark_1 on mark
-- (made by SQLite itself)

-- table meeting on meeting
CREATE TABLE meeting (
id INTEGER PRIMARY KEY,
-- null: an ad-hoc meeting without a decided topic (shown flagged)
topic_id INTEGER REFERENCES topic(id),
form TEXT NOT NULL,
title TEXT NOT NULL,
year INTEGER NOT NULL,
issue_no INTEGER NOT NULL,
-- local wall-clock time as the meeting notice prints it: 2026-05-14T09:00
starts_at TEXT NOT NULL,
place TEXT NOT NULL DEFAULT '',
chair_id INTEGER REFERENCES person(id),
committee_id INTEGER REFERENCES committee(id),
recorder_id INTEGER REFERENCES person(id),
status TEXT NOT NULL DEFAULT '筹备中',
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index meeting_uid on meeting
CREATE UNIQUE INDEX meeting_uid ON meeting(uid);

-- index meeting_year_form on meeting
CREATE INDEX meeting_year_form ON meeting(year, form, issue_no);

-- trigger meeting_uid_fill on meeting
CREATE TRIGGER meeting_uid_fill AFTER INSERT ON meeting WHEN NEW.uid IS NULL
BEGIN UPDATE meeting SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- trigger search_meeting on meeting
CREATE TRIGGER search_meeting AFTER INSERT ON meeting BEGIN
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
VALUES (2000000000 + new.id, new.title, new.title || ' ' || new.place, 'meeting', new.id, new.id, new.year, new.form, new.status, '');
END;

-- trigger search_meeting_update on meeting
CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, place, year, form, status ON meeting BEGIN
DELETE FROM search_index WHERE rowid = 2000000000 + new.id;
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
VALUES (2000000000 + new.id, new.title, new.title || ' ' || new.place, 'meeting', new.id, new.id, new.year, new.form, new.status, '');
END;

-- table meeting_status_log on meeting_status_log
CREATE TABLE meeting_status_log (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
from_status TEXT NOT NULL,
to_status TEXT NOT NULL,
reason TEXT NOT NULL DEFAULT '',
at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index meeting_status_log_uid on meeting_status_log
CREATE UNIQUE INDEX meeting_status_log_uid ON meeting_status_log(uid);

-- trigger meeting_status_log_uid_fill on meeting_status_log
CREATE TRIGGER meeting_status_log_uid_fill AFTER INSERT ON meeting_status_log WHEN NEW.uid IS NULL
BEGIN UPDATE meeting_status_log SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table meeting_summary on meeting_summary
CREATE TABLE meeting_summary (
meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
body TEXT NOT NULL,
updated_at TEXT NOT NULL
) STRICT;

-- table minutes on minutes
CREATE TABLE minutes (
meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
doc TEXT NOT NULL,
plain TEXT NOT NULL,
chars INTEGER NOT NULL,
-- counts saves; a save names the version it started from
version INTEGER NOT NULL,
saved_at TEXT NOT NULL,
-- the core session that saved last, and whether its editor closed cleanly afterwards:
-- a later session finding clean = 0 knows the app ended without closing (a crash)
session TEXT NOT NULL,
clean INTEGER NOT NULL DEFAULT 0
) STRICT;

-- index minutes_version on minutes
CREATE INDEX minutes_version ON minutes(meeting_id, version);

-- table minutes_revision on minutes_revision
CREATE TABLE minutes_revision (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
version INTEGER NOT NULL,
reason TEXT NOT NULL,
doc TEXT NOT NULL,
plain TEXT NOT NULL,
chars INTEGER NOT NULL,
created_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index minutes_revision_meeting on minutes_revision
CREATE INDEX minutes_revision_meeting ON minutes_revision(meeting_id, created_at);

-- index minutes_revision_uid on minutes_revision
CREATE UNIQUE INDEX minutes_revision_uid ON minutes_revision(uid);

-- trigger minutes_revision_uid_fill on minutes_revision
CREATE TRIGGER minutes_revision_uid_fill AFTER INSERT ON minutes_revision WHEN NEW.uid IS NULL
BEGIN UPDATE minutes_revision SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table minutes_yjs_snapshot on minutes_yjs_snapshot
CREATE TABLE minutes_yjs_snapshot (
meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
upto_seq INTEGER NOT NULL,
state BLOB NOT NULL,
at TEXT NOT NULL
) STRICT;

-- table minutes_yjs_update on minutes_yjs_update
CREATE TABLE minutes_yjs_update (
seq INTEGER PRIMARY KEY AUTOINCREMENT,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
data BLOB NOT NULL,
at TEXT NOT NULL
) STRICT;

-- index minutes_yjs_update_meeting on minutes_yjs_update
CREATE INDEX minutes_yjs_update_meeting ON minutes_yjs_update(meeting_id, seq);

-- table participant on participant
CREATE TABLE participant (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
person_id INTEGER NOT NULL REFERENCES person(id),
role TEXT NOT NULL,
attendance TEXT NOT NULL DEFAULT '未签到',
checked_in_at TEXT, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
UNIQUE (meeting_id, person_id)
) STRICT;

-- index participant_uid on participant
CREATE UNIQUE INDEX participant_uid ON participant(uid);

-- index sqlite_autoindex_participant_1 on participant
-- (made by SQLite itself)

-- trigger participant_uid_fill on participant
CREATE TRIGGER participant_uid_fill AFTER INSERT ON participant WHEN NEW.uid IS NULL
BEGIN UPDATE participant SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table person on person
CREATE TABLE person (
id INTEGER PRIMARY KEY,
name TEXT NOT NULL,
kind TEXT NOT NULL,
sector_id INTEGER REFERENCES sector(id),
committee_id INTEGER REFERENCES committee(id),
department_id INTEGER REFERENCES department(id),
unit TEXT NOT NULL DEFAULT '',
title TEXT NOT NULL DEFAULT '',
phone TEXT NOT NULL DEFAULT '',
note TEXT NOT NULL DEFAULT '',
pinyin TEXT NOT NULL DEFAULT '',
retired_at TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index person_committee on person
CREATE INDEX person_committee ON person(committee_id);

-- index person_department on person
CREATE INDEX person_department ON person(department_id);

-- index person_pinyin on person
CREATE INDEX person_pinyin ON person(pinyin);

-- index person_sector on person
CREATE INDEX person_sector ON person(sector_id);

-- index person_uid on person
CREATE UNIQUE INDEX person_uid ON person(uid);

-- trigger person_uid_fill on person
CREATE TRIGGER person_uid_fill AFTER INSERT ON person WHEN NEW.uid IS NULL
BEGIN UPDATE person SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table resolution on resolution
CREATE TABLE resolution (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
-- 1..n per meeting without gaps (renumbered in one transaction)
position INTEGER NOT NULL,
text TEXT NOT NULL,
lead_department_id INTEGER REFERENCES department(id),
-- 办理时限, ISO date
deadline TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index resolution_meeting on resolution
CREATE INDEX resolution_meeting ON resolution(meeting_id, position);

-- index resolution_uid on resolution
CREATE UNIQUE INDEX resolution_uid ON resolution(uid);

-- trigger resolution_uid_fill on resolution
CREATE TRIGGER resolution_uid_fill AFTER INSERT ON resolution WHEN NEW.uid IS NULL
BEGIN UPDATE resolution SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- trigger search_resolution on resolution
CREATE TRIGGER search_resolution AFTER INSERT ON resolution BEGIN
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
SELECT 4000000000 + new.id, m.title, new.text, 'resolution', new.id, m.id, m.year, m.form, '待交办', coalesce((SELECT name FROM department WHERE id = new.lead_department_id), '')
FROM meeting m WHERE m.id = new.meeting_id;
END;

-- trigger search_resolution_delete on resolution
CREATE TRIGGER search_resolution_delete AFTER DELETE ON resolution BEGIN
DELETE FROM search_index WHERE rowid = 4000000000 + old.id;
END;

-- trigger search_resolution_update on resolution
CREATE TRIGGER search_resolution_update AFTER UPDATE OF text, lead_department_id ON resolution BEGIN
DELETE FROM search_index WHERE rowid = 4000000000 + new.id;
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
SELECT 4000000000 + new.id, m.title, new.text, 'resolution', new.id, m.id, m.year, m.form,
coalesce((SELECT state FROM followup WHERE resolution_id = new.id), '待交办'), coalesce((SELECT name FROM department WHERE id = new.lead_department_id), '')
FROM meeting m WHERE m.id = new.meeting_id;
END;

-- table resolution_co on resolution_co
CREATE TABLE resolution_co (
resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
department_id INTEGER NOT NULL REFERENCES department(id),
ord INTEGER NOT NULL,
PRIMARY KEY (resolution_id, department_id)
) STRICT;

-- index sqlite_autoindex_resolution_co_1 on resolution_co
-- (made by SQLite itself)

-- table resolution_confirmation on resolution_confirmation
CREATE TABLE resolution_confirmation (
meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
confirmed_by TEXT NOT NULL,
confirmed_at TEXT NOT NULL
, snapshot TEXT NOT NULL DEFAULT '[]', withdrawn_at TEXT) STRICT;

-- table resolution_mark on resolution_mark
CREATE TABLE resolution_mark (
resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
mark_id TEXT NOT NULL,
PRIMARY KEY (resolution_id, mark_id)
) STRICT;

-- index resolution_mark_mark on resolution_mark
CREATE INDEX resolution_mark_mark ON resolution_mark(mark_id);

-- index sqlite_autoindex_resolution_mark_1 on resolution_mark
-- (made by SQLite itself)

-- table resolution_speech on resolution_speech
CREATE TABLE resolution_speech (
resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
speech_id INTEGER NOT NULL REFERENCES speech(id),
PRIMARY KEY (resolution_id, speech_id)
) STRICT;

-- index sqlite_autoindex_resolution_speech_1 on resolution_speech
-- (made by SQLite itself)

-- table screen on screen
CREATE TABLE screen (
id INTEGER PRIMARY KEY CHECK (id = 1),
meeting_id INTEGER REFERENCES meeting(id),
mode TEXT NOT NULL DEFAULT 'agenda',
message TEXT NOT NULL DEFAULT '',
updated_at TEXT NOT NULL
) STRICT;

-- table search_index on search_index
CREATE VIRTUAL TABLE search_index USING fts5(
title, body,
kind UNINDEXED, ref_id UNINDEXED, meeting_id UNINDEXED, year UNINDEXED, form UNINDEXED, status UNINDEXED, department UNINDEXED,
tokenize = 'trigram'
);

-- table search_index_config on search_index_config
CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table search_index_content on search_index_content
CREATE TABLE 'search_index_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5, c6, c7, c8);

-- table search_index_data on search_index_data
CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table search_index_docsize on search_index_docsize
CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table search_index_idx on search_index_idx
CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table search_minutes on search_minutes
CREATE TABLE search_minutes (meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id), version INTEGER NOT NULL) STRICT;

-- table sector on sector
CREATE TABLE sector (
id INTEGER PRIMARY KEY,
name TEXT NOT NULL UNIQUE,
short_name TEXT NOT NULL DEFAULT '',
note TEXT NOT NULL DEFAULT '',
sort INTEGER NOT NULL DEFAULT 0,
retired_at TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index sector_uid on sector
CREATE UNIQUE INDEX sector_uid ON sector(uid);

-- index sqlite_autoindex_sector_1 on sector
-- (made by SQLite itself)

-- trigger sector_uid_fill on sector
CREATE TRIGGER sector_uid_fill AFTER INSERT ON sector WHEN NEW.uid IS NULL
BEGIN UPDATE sector SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table sector_convenor on sector_convenor
CREATE TABLE sector_convenor (
sector_id INTEGER NOT NULL REFERENCES sector(id),
person_id INTEGER NOT NULL REFERENCES person(id),
position INTEGER NOT NULL,
PRIMARY KEY (sector_id, person_id)
) STRICT;

-- index sqlite_autoindex_sector_convenor_1 on sector_convenor
-- (made by SQLite itself)

-- table setting on setting
CREATE TABLE setting (
key TEXT PRIMARY KEY,
value TEXT NOT NULL
) STRICT;

-- index sqlite_autoindex_setting_1 on setting
-- (made by SQLite itself)

-- table speak_request on speak_request
CREATE TABLE speak_request (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
participant_id INTEGER NOT NULL REFERENCES participant(id),
device_id INTEGER NOT NULL REFERENCES lan_device(id),
kind TEXT NOT NULL,
subject TEXT NOT NULL DEFAULT '',
state TEXT NOT NULL DEFAULT '待处理' CHECK (state IN ('待处理', '已接受', '已谢绝')),
created_at TEXT NOT NULL,
decided_at TEXT,
speech_id INTEGER REFERENCES speech(id)
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index speak_request_meeting on speak_request
CREATE INDEX speak_request_meeting ON speak_request(meeting_id, state);

-- index speak_request_uid on speak_request
CREATE UNIQUE INDEX speak_request_uid ON speak_request(uid);

-- trigger speak_request_uid_fill on speak_request
CREATE TRIGGER speak_request_uid_fill AFTER INSERT ON speak_request WHEN NEW.uid IS NULL
BEGIN UPDATE speak_request SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table speech on speech
CREATE TABLE speech (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
person_id INTEGER NOT NULL REFERENCES person(id),
kind TEXT NOT NULL,
agenda_item_id INTEGER REFERENCES agenda_item(id),
-- 1..n per meeting without gaps (checked by tests; renumbered in one transaction)
position INTEGER NOT NULL,
state TEXT NOT NULL DEFAULT '等待',
limit_seconds INTEGER NOT NULL,
created_at TEXT NOT NULL,
ended_at TEXT
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index speech_meeting on speech
CREATE INDEX speech_meeting ON speech(meeting_id, position);

-- index speech_one_on_floor on speech
CREATE UNIQUE INDEX speech_one_on_floor ON speech(meeting_id) WHERE state IN ('发言中', '暂停');

-- index speech_uid on speech
CREATE UNIQUE INDEX speech_uid ON speech(uid);

-- trigger speech_uid_fill on speech
CREATE TRIGGER speech_uid_fill AFTER INSERT ON speech WHEN NEW.uid IS NULL
BEGIN UPDATE speech SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table speech_answer on speech_answer
CREATE TABLE speech_answer (
response_id INTEGER NOT NULL REFERENCES speech(id),
speech_id INTEGER NOT NULL REFERENCES speech(id),
PRIMARY KEY (response_id, speech_id)
) STRICT;

-- index sqlite_autoindex_speech_answer_1 on speech_answer
-- (made by SQLite itself)

-- table speech_interval on speech_interval
CREATE TABLE speech_interval (
id INTEGER PRIMARY KEY,
speech_id INTEGER NOT NULL REFERENCES speech(id),
started_at TEXT NOT NULL,
stopped_at TEXT
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index speech_interval_speech on speech_interval
CREATE INDEX speech_interval_speech ON speech_interval(speech_id);

-- index speech_interval_uid on speech_interval
CREATE UNIQUE INDEX speech_interval_uid ON speech_interval(uid);

-- trigger speech_interval_uid_fill on speech_interval
CREATE TRIGGER speech_interval_uid_fill AFTER INSERT ON speech_interval WHEN NEW.uid IS NULL
BEGIN UPDATE speech_interval SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table topic on topic
CREATE TABLE topic (
id INTEGER PRIMARY KEY,
title TEXT NOT NULL,
description TEXT NOT NULL DEFAULT '',
source TEXT NOT NULL,
submitter TEXT NOT NULL DEFAULT '',
received_on TEXT NOT NULL,
field TEXT NOT NULL DEFAULT '',
year INTEGER NOT NULL,
-- step 2: the owning committee narrows the topic
committee_id INTEGER REFERENCES committee(id),
narrowed_title TEXT NOT NULL DEFAULT '',
rationale TEXT NOT NULL DEFAULT '',
-- step 3: the office ranks the shortlist
rank INTEGER,
-- step 6: the annual plan
plan_month INTEGER,
meeting_form TEXT NOT NULL DEFAULT '',
lead_committee_id INTEGER REFERENCES committee(id),
-- derived from topic_event by the shared reducer, kept for lists and filters
step INTEGER NOT NULL DEFAULT 1,
status TEXT NOT NULL DEFAULT '进行中',
merged_into INTEGER REFERENCES topic(id),
deferred_to INTEGER,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index topic_status on topic
CREATE INDEX topic_status ON topic(status);

-- index topic_uid on topic
CREATE UNIQUE INDEX topic_uid ON topic(uid);

-- index topic_year_step on topic
CREATE INDEX topic_year_step ON topic(year, step);

-- trigger search_topic on topic
CREATE TRIGGER search_topic AFTER INSERT ON topic BEGIN
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
VALUES (1000000000 + new.id, coalesce(nullif(new.narrowed_title, ''), new.title), new.title || ' ' || new.description, 'topic', new.id, NULL, new.year, new.meeting_form, new.status, '');
END;

-- trigger search_topic_update on topic
CREATE TRIGGER search_topic_update AFTER UPDATE OF title, narrowed_title, description, year, meeting_form, status ON topic BEGIN
DELETE FROM search_index WHERE rowid = 1000000000 + new.id;
INSERT INTO search_index (rowid, title, body, kind, ref_id, meeting_id, year, form, status, department)
VALUES (1000000000 + new.id, coalesce(nullif(new.narrowed_title, ''), new.title), new.title || ' ' || new.description, 'topic', new.id, NULL, new.year, new.meeting_form, new.status, '');
END;

-- trigger topic_uid_fill on topic
CREATE TRIGGER topic_uid_fill AFTER INSERT ON topic WHEN NEW.uid IS NULL
BEGIN UPDATE topic SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table topic_event on topic_event
CREATE TABLE topic_event (
id INTEGER PRIMARY KEY,
topic_id INTEGER NOT NULL REFERENCES topic(id),
seq INTEGER NOT NULL,
decision TEXT NOT NULL,
step INTEGER NOT NULL,
to_step INTEGER,
other_topic_id INTEGER REFERENCES topic(id),
deferred_to INTEGER,
decided_on TEXT NOT NULL,
body TEXT NOT NULL DEFAULT '',
note TEXT NOT NULL DEFAULT '',
batch TEXT,
created_at TEXT NOT NULL, backfilled INTEGER NOT NULL DEFAULT 0 CHECK (backfilled IN (0, 1)), uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
UNIQUE (topic_id, seq)
) STRICT;

-- index sqlite_autoindex_topic_event_1 on topic_event
-- (made by SQLite itself)

-- index topic_event_uid on topic_event
CREATE UNIQUE INDEX topic_event_uid ON topic_event(uid);

-- trigger topic_event_no_delete on topic_event
CREATE TRIGGER topic_event_no_delete BEFORE DELETE ON topic_event
BEGIN SELECT RAISE(ABORT, '议题决定记录只能追加，不能删除'); END;

-- trigger topic_event_no_update on topic_event
CREATE TRIGGER topic_event_no_update BEFORE UPDATE ON topic_event
WHEN NOT (OLD.uid IS NULL AND NEW.uid IS NOT NULL AND (NEW.id, NEW.topic_id, NEW.seq, NEW.decision, NEW.step, NEW.to_step, NEW.other_topic_id, NEW.deferred_to, NEW.decided_on, NEW.body, NEW.note, NEW.batch, NEW.created_at, NEW.backfilled) IS (OLD.id, OLD.topic_id, OLD.seq, OLD.decision, OLD.step, OLD.to_step, OLD.other_topic_id, OLD.deferred_to, OLD.decided_on, OLD.body, OLD.note, OLD.batch, OLD.created_at, OLD.backfilled))
BEGIN SELECT RAISE(ABORT, '议题决定记录只能追加，不能修改'); END;

-- trigger topic_event_uid_fill on topic_event
CREATE TRIGGER topic_event_uid_fill AFTER INSERT ON topic_event WHEN NEW.uid IS NULL
BEGIN UPDATE topic_event SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;

-- table topic_sector on topic_sector
CREATE TABLE topic_sector (
topic_id INTEGER NOT NULL REFERENCES topic(id),
sector_id INTEGER NOT NULL REFERENCES sector(id),
PRIMARY KEY (topic_id, sector_id)
) STRICT;

-- index sqlite_autoindex_topic_sector_1 on topic_sector
-- (made by SQLite itself)

-- table written_opinion on written_opinion
CREATE TABLE written_opinion (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meeting(id),
participant_id INTEGER NOT NULL REFERENCES participant(id),
device_id INTEGER NOT NULL REFERENCES lan_device(id),
text TEXT NOT NULL,
mark_id TEXT NOT NULL,
created_at TEXT NOT NULL
, uid TEXT CHECK (uid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')) STRICT;

-- index written_opinion_uid on written_opinion
CREATE UNIQUE INDEX written_opinion_uid ON written_opinion(uid);

-- trigger written_opinion_uid_fill on written_opinion
CREATE TRIGGER written_opinion_uid_fill AFTER INSERT ON written_opinion WHEN NEW.uid IS NULL
BEGIN UPDATE written_opinion SET uid = printf('%08x-%04x-7%03x-%04x-%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16, CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535, random() & 4095, (random() & 16383) | 32768, random() & 281474976710655) WHERE rowid = NEW.rowid; END;
