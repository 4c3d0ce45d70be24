import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRoster, readRoster, RosterError } from './roster.ts';

const file = (text: string | Buffer): string => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.csv');
  fs.writeFileSync(f, text);
  return f;
};

describe('the roster', () => {
  it('when the headers use LMS spellings, a BOM and quoted names then each column lands in its field', () => {
    const r = readRoster(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('GitHub Username,Student Name,ID,SIS User ID,SIS Login ID,Email Address,Section\nada,"Lovelace, Ada",101,S-1,alovelace,ada@example.edu,A\n')])));
    expect(r.entries).toEqual([{ folder: 'ada', name: 'Lovelace, Ada', lmsId: '101', sisId: 'S-1', login: 'alovelace', email: 'ada@example.edu', section: 'A' }]);
  });

  it('when folders and roster rows do not match then unknown folders and students without results are both named', () => {
    const r = readRoster(file('folder,name\nada,Ada\ncarol,Carol\n'));
    expect(matchRoster(r, ['ada', 'mallory'])).toEqual({ unknownFolders: ['mallory'], withoutSubmission: [r.byFolder.get('carol')] });
  });

  it('when the roster has no folder column, a row without a folder or a folder twice then it is refused with the reason', () => {
    const noFolder = file('name,email\nAda,a@x\n');
    expect(() => readRoster(noFolder)).toThrow(RosterError);
    expect(() => readRoster(noFolder)).toThrow(/has no folder column .*: its header is name,email/);
    expect(() => readRoster(file('folder,name\nada,Ada\n,Nobody\n'))).toThrow(/row 3 has no folder name/);
    expect(() => readRoster(file('folder,name\nada,Ada\nada,Ada again\n'))).toThrow(/lists folder ada twice \(rows 2 and 3\)/);
  });
});
