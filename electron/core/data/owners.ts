/**
 * Which data module writes each table: no other code may. Tables not listed yet are still
 * written by their services directly (the conversion goes aggregate by aggregate).
 */
export const tableOwners: Readonly<Record<string, string>> = {
  meeting: 'electron/core/data/meeting.ts',
  meeting_status_log: 'electron/core/data/meeting.ts',
  participant: 'electron/core/data/participant.ts',
  agenda_item: 'electron/core/data/agenda.ts',
  speech: 'electron/core/data/speech.ts',
  speech_interval: 'electron/core/data/speech.ts',
  speech_answer: 'electron/core/data/speech.ts',
  topic: 'electron/core/data/topic.ts',
  topic_sector: 'electron/core/data/topicSector.ts',
  topic_event: 'electron/core/data/topicEvent.ts',
  followup: 'electron/core/data/followUp.ts',
  followup_event: 'electron/core/data/followUp.ts',
  person: 'electron/core/data/people.ts',
  sector: 'electron/core/data/units.ts',
  committee: 'electron/core/data/units.ts',
  department: 'electron/core/data/units.ts',
  sector_convenor: 'electron/core/data/units.ts',
  setting: 'electron/core/data/settings.ts',
  screen: 'electron/core/data/screen.ts',
  search_index: 'electron/core/data/searchIndex.ts',
  search_minutes: 'electron/core/data/searchIndex.ts',
};
